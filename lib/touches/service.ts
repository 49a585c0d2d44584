import { db } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { reevaluateLead } from "../leads/qualification";
import type { LogTouchInput } from "./schemas";
import { refuseTouch } from "./rules";

/** Records a call, email, meeting or note. Engagement counts towards the score, so the lead is re-evaluated. */
export async function logTouch(actor: { id: string; role: Role }, input: LogTouchInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({
      where: { id: input.leadId },
      select: { id: true, stage: true, ownerId: true, owner: { select: { role: true } }, handovers: { where: { status: "PENDING" }, select: { toUserId: true } } },
    });
    if (!lead) throw new DomainError("That lead does not exist.", undefined, "not_found");
    const refusal = refuseTouch(actor, { stage: lead.stage, ownerId: lead.ownerId, ownerRole: lead.owner?.role ?? null, pendingRepId: lead.handovers[0]?.toUserId ?? null });
    if (refusal) throw new DomainError(refusal, undefined, "forbidden");
    const touch = await tx.touch.create({ data: { leadId: lead.id, userId: actor.id, kind: input.kind, note: input.note ?? null, at: now }, select: { id: true } });
    // Speed to lead: the first touch by the rep a lead was handed to, after the handover.
    await tx.handover.updateMany({
      where: { leadId: lead.id, toUserId: actor.id, status: { in: ["PENDING", "ACCEPTED"] }, firstTouchAt: null, createdAt: { lte: now } },
      data: { firstTouchAt: now },
    });
    await recordAudit(tx, { actorId: actor.id, action: "touch.logged", entityType: "Lead", entityId: lead.id, data: { kind: input.kind } });
    const result = await reevaluateLead(tx, lead.id, { now });
    return { touchId: touch.id, qualified: result.qualified };
  });
}
