// Writing to people's inboxes. Every notification is unique per (user, kind, source), and every write here skips
// duplicates, so noticing the same event twice (a retry, a second sweep) notifies once.
import { db, type Tx } from "../db/client";
import type { NotificationKind, Role } from "../db/enums";

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  sourceId: string;
  link: string;
  summary: string;
}

export async function notify(tx: Tx, drafts: readonly NotificationDraft[], now = new Date()): Promise<void> {
  if (drafts.length === 0) return;
  await tx.notification.createMany({ data: drafts.map((draft) => ({ ...draft, createdAt: now })), skipDuplicates: true });
}

/** The rep a handover was just opened for hears about it (called inside the handover's own transaction). */
export async function notifyHandoverAssigned(tx: Tx, handover: { id: string; leadId: string; toUserId: string }, now: Date): Promise<void> {
  const lead = await tx.lead.findUnique({ where: { id: handover.leadId }, select: { name: true, company: { select: { name: true } } } });
  if (!lead) return;
  await notify(
    tx,
    [
      {
        userId: handover.toUserId,
        kind: "HANDOVER_ASSIGNED",
        sourceId: handover.id,
        link: `/leads/${handover.leadId}`,
        summary: `${lead.name} (${lead.company.name}) was handed to you: accept or reject it within the SLA.`,
      },
    ],
    now,
  );
}

/**
 * Marketing hears that a rep rejected its lead: whoever logged the lead and whoever handed it over (usually the same
 * marketer), never the rep who rejected it. Called inside the rejection's transaction.
 */
export async function notifyLeadRejected(
  tx: Tx,
  input: { handoverId: string; leadId: string; rejectedBy: { id: string }; reasonLabel: string },
  now: Date,
): Promise<void> {
  // One after another: a transaction has one connection, and queries sent to it at once only queue there (pg warns
  // that it will refuse them).
  const lead = await tx.lead.findUnique({ where: { id: input.leadId }, select: { name: true, createdById: true } });
  const rep = await tx.user.findUnique({ where: { id: input.rejectedBy.id }, select: { name: true } });
  const handover = await tx.handover.findUnique({ where: { id: input.handoverId }, select: { fromUserId: true } });
  if (!lead) return;
  const recipients = new Set([lead.createdById, handover?.fromUserId].filter((id): id is string => Boolean(id) && id !== input.rejectedBy.id));
  await notify(
    tx,
    [...recipients].map((userId) => ({
      userId,
      kind: "LEAD_REJECTED" as const,
      sourceId: input.handoverId,
      link: `/leads/${input.leadId}`,
      summary: `${rep?.name ?? "A rep"} rejected ${lead.name}: ${input.reasonLabel}.`,
    })),
    now,
  );
}

/**
 * SLA breaches are noticed when someone looks (their inbox or their unread count), not by a timer: a handover past
 * its due time and still waiting is a breach for the rep it waits on, and for every sales manager, who may
 * reassign it. One statement; the unique key makes it safe to run on every look. A handover answered before anyone
 * looked is not reported: it is no longer something to act on.
 */
export async function noticeSlaBreaches(user: { id: string; role: Role }, now = new Date()): Promise<void> {
  if (user.role !== "SALES_REP" && user.role !== "SALES_MANAGER") return;
  const everyone = user.role === "SALES_MANAGER";
  await db().$executeRaw`
    INSERT INTO "Notification" (id, "userId", kind, "sourceId", link, summary, "createdAt")
    SELECT gen_random_uuid()::text, ${user.id}, 'SLA_BREACH'::"NotificationKind", h.id, '/leads/' || h."leadId",
           CASE WHEN h."toUserId" = ${user.id} THEN l.name || ' waited past its SLA for your answer.'
                ELSE l.name || ' waited past its SLA for ' || u.name || '''s answer.' END,
           h."dueAt"
    FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId" JOIN "User" u ON u.id = h."toUserId"
    WHERE h.status = 'PENDING' AND h."dueAt" < ${now} AND (${everyone} OR h."toUserId" = ${user.id})
    ON CONFLICT ("userId", kind, "sourceId") DO NOTHING`;
}
