import type { Prisma, Tx } from "../db/client";
import { findActiveDefinition } from "../agreement/active";
import { reevaluateLead } from "../leads/qualification";

const BATCH = 200;

/**
 * Re-scores the next batch of inquiries (leads not yet handed over) against the newly active definition, in id
 * order. If another version has become active since, this job stops: that version's own job takes over.
 */
export async function reevaluateBatch(tx: Tx, job: { payload: Prisma.JsonValue; cursor: string | null }) {
  const { version } = job.payload as { version: number };
  const definition = await findActiveDefinition(tx);
  if (!definition || definition.version !== version) return { processed: 0, cursor: job.cursor, done: true };
  const leads = await tx.lead.findMany({
    where: { stage: "INQUIRY", ...(job.cursor && { id: { gt: job.cursor } }) },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true },
  });
  // Each lead is handed over at its own moment: the round robin orders reps by their last handover's time.
  for (const lead of leads) await reevaluateLead(tx, lead.id, { now: new Date(), definition });
  return { processed: leads.length, cursor: leads.at(-1)?.id ?? job.cursor, done: leads.length < BATCH };
}
