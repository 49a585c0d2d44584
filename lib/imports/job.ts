// The background job that writes an import's valid rows: a batch of lines at a time through the set-based bulk path
// (scored, qualified, handed over, merged by normalised email), each batch committed in the job runner's transaction
// together with the job's cursor (the last line written) and the import's counts. A server killed
// mid-batch loses only that uncommitted batch, and the restarted job writes it again from the same cursor: the result
// is exactly an uninterrupted run's, with no lead twice and no batch half written.
import { Prisma, type Tx } from "../db/client";
import type { LeadInput } from "../leads/schemas";
import { createOrMergeLeads } from "../leads/bulk";
import { recordAudit } from "../audit/service";
import { queryRows } from "../db/driver";

export const IMPORT_BATCH = 1_000;

/** The next batch's valid rows after a line: an ordered walk of the primary key (tested by its plan), not a sort. */
export function nextRows(importId: string, after: number, size: number): Prisma.Sql {
  return Prisma.sql`
    SELECT line, input FROM "ImportRow"
    WHERE "importId" = ${importId} AND line > ${after} AND input IS NOT NULL
    ORDER BY line LIMIT ${size}`;
}

export async function importBatch(tx: Tx, job: { payload: Prisma.JsonValue; cursor: string | null }) {
  const { importId, batchSize } = job.payload as { importId: string; batchSize?: number };
  const size = batchSize ?? IMPORT_BATCH;
  const done = { processed: 0, cursor: job.cursor, done: true };
  // This batch's commit need not wait for its WAL to reach the disk: a commit lost with the machine's power takes the
  // job's cursor with it (same transaction), so the job writes that batch again, with the same result. Nothing a
  // caller was told is lost (the API's writes keep waiting), and a crash of the app or of PostgreSQL loses nothing.
  await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
  const current = await tx.leadImport.findUnique({ where: { id: importId }, select: { status: true, userId: true, invalidRows: true, user: { select: { role: true } } } });
  if (!current || current.status !== "RUNNING") return done;
  const after = job.cursor === null ? 0 : Number(job.cursor);
  const rows = await queryRows<{ line: number; input: LeadInput }>(tx, nextRows(importId, after, size));
  const now = new Date();
  const results = await createOrMergeLeads(tx, { kind: "user", id: current.userId, role: current.user.role, importId }, rows.map((row) => row.input), now);
  const created = results.filter((result) => result.outcome === "created").length;
  const finished = rows.length < size;
  const updated = await tx.leadImport.update({
    where: { id: importId },
    data: {
      processed: { increment: rows.length },
      created: { increment: created },
      merged: { increment: rows.length - created },
      ...(finished && { status: "DONE", finishedAt: now }),
    },
    select: { processed: true, created: true, merged: true },
  });
  if (finished) {
    await recordAudit(tx, {
      actorId: null,
      action: "import.completed",
      entityType: "LeadImport",
      entityId: importId,
      data: { created: updated.created, merged: updated.merged, skipped: current.invalidRows },
    });
  }
  return { processed: rows.length, cursor: rows.length > 0 ? String(rows.at(-1)!.line) : job.cursor, done: finished };
}
