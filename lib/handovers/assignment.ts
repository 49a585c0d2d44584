import type { Tx } from "../db/client";
import type { LoadedDefinition } from "../agreement/active";
import { recordAudit } from "../audit/service";
import { notifyHandoverAssigned } from "../messaging/notifications";
import { dueAt, pickNextRep, type RepLoad } from "./rules";

/**
 * Picks the next rep by fair round robin and opens a pending handover with its SLA due time. Assignments are
 * serialised with a transaction-scoped lock, so two leads qualifying at the same moment go to two different reps.
 */
export async function openHandover(
  tx: Tx,
  input: { leadId: string; fromUserId: string | null; definition: LoadedDefinition; now: Date; toUserId?: string; excludeRepId?: string },
): Promise<{ id: string; toUserId: string } | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tandem:handover-assignment'))`;
  let toUserId = input.toUserId;
  if (!toUserId) {
    // Each rep's latest turn from the (toUserId, turn) index: one probe per rep, however many handovers exist.
    const reps = await tx.$queryRaw<RepLoad[]>`
      SELECT u.id, u."createdAt" AS "joinedAt",
             (SELECT h.turn FROM "Handover" h WHERE h."toUserId" = u.id ORDER BY h.turn DESC LIMIT 1) AS "lastAssignedAt"
      FROM "User" u
      WHERE u.role = 'SALES_REP' AND u.active`;
    toUserId = pickNextRep(reps.filter((rep) => rep.id !== input.excludeRepId)) ?? pickNextRep(reps) ?? undefined;
  }
  if (!toUserId) return null;
  const { sla } = input.definition.rules;
  const handover = await tx.handover.create({
    data: {
      leadId: input.leadId,
      fromUserId: input.fromUserId,
      toUserId,
      definitionVersion: input.definition.version,
      createdAt: input.now,
      dueAt: dueAt(input.now, sla.acceptHours),
      firstTouchHours: sla.firstTouchHours,
    },
    select: { id: true, toUserId: true },
  });
  await recordAudit(tx, {
    actorId: null,
    action: "handover.opened",
    entityType: "Handover",
    entityId: handover.id,
    data: { leadId: input.leadId, toUserId, definitionVersion: input.definition.version },
  });
  await notifyHandoverAssigned(tx, { id: handover.id, leadId: input.leadId, toUserId }, input.now);
  return handover;
}
