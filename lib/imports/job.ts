// The background job that writes an import's valid rows: a batch of lines at a time through the set-based bulk path
// (scored, qualified, handed over, merged by normalised email), each batch committed in the job runner's transaction
// together with the job's cursor (the last line written) and the import's counts. A server killed
// mid-batch loses only that uncommitted batch, and the restarted job writes it again from the same cursor: the result
// is exactly an uninterrupted run's, with no lead twice and no batch half written.
//
// While a batch is written, the next one is written beside it in a second transaction (on the other core), as far as
// it can go without the first one's result: its new leads at companies the first one does not name, with their
// companies, stage changes and audit entries. Then it waits for the first one's commit, and writes the rest: the
// leads at the first one's companies (scored with the facts it left them), merges into its leads, the shared counts
// and the handovers; it commits after it, as a batch of its own (lib/jobs/service.ts). So the leads are the ones a
// run of one batch after the other writes.
import { Prisma, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import type { LeadInput } from "../leads/schemas";
import { createOrMergeLeads } from "../leads/bulk";
import { recordAudit } from "../audit/service";
import { queryRows } from "../db/driver";
import type { BatchContext, BatchResult } from "../jobs/batch";
import { batchKeys, type BatchKeys } from "./rules";

export const IMPORT_BATCH = 1_000;

/** The next batch's valid rows after a line: an ordered walk of the primary key (tested by its plan), not a sort. */
export function nextRows(importId: string, after: number, size: number): Prisma.Sql {
  return Prisma.sql`
    SELECT line, input FROM "ImportRow"
    WHERE "importId" = ${importId} AND line > ${after} AND input IS NOT NULL
    ORDER BY line LIMIT ${size}`;
}

/** What every batch of one import shares: the import, its batch size, and the person whose import it is. */
interface ImportRun {
  importId: string;
  size: number;
  userId: string;
  role: Role;
  invalidRows: number;
}

type Row = { line: number; input: LeadInput };

export async function importBatch(tx: Tx, job: { payload: Prisma.JsonValue; cursor: string | null }, context: BatchContext = {}): Promise<BatchResult> {
  // batchSize and alone (one batch at a time, never two side by side) are for tests and benchmarks.
  const { importId, batchSize, alone } = job.payload as { importId: string; batchSize?: number; alone?: boolean };
  const done = { processed: 0, cursor: job.cursor, done: true };
  await commitWithoutFlush(tx);
  const current = await tx.leadImport.findUnique({ where: { id: importId }, select: { status: true, userId: true, invalidRows: true, user: { select: { role: true } } } });
  if (!current || current.status !== "RUNNING") return done;
  const run: ImportRun = { importId, size: batchSize ?? IMPORT_BATCH, userId: current.userId, role: current.user.role, invalidRows: current.invalidRows };
  const after = job.cursor === null ? 0 : Number(job.cursor);
  const rows = await queryRows<Row>(tx, nextRows(importId, after, run.size));
  // A full batch may have more after it: those are written beside this one where they can be.
  if (rows.length === run.size && !alone) {
    const keys = batchKeys(rows.map((row) => row.input));
    // Merging into a lead fills its company's empty facts: the companies of the leads this batch may merge into are
    // its own too (else the next batch could lock one first, and the two would deadlock).
    const merged = await queryRows<{ name: string }>(
      tx,
      Prisma.sql`SELECT DISTINCT c."normalizedName" AS name FROM "Lead" l JOIN "Company" c ON c.id = l."companyId" WHERE l.email = ANY(${[...keys.emails]}::text[])`,
    );
    for (const { name } of merged) keys.companies.add(name);
    const last = rows.at(-1)!.line;
    context.writeNext?.(String(last), (next, claim) => importBatchBeside(next, run, last, keys, claim));
  }
  return writeRows(tx, run, rows, job.cursor);
}

/**
 * The batch after `after`, written beside the batch that ends there (still uncommitted), or null when there is none.
 * `claim` waits for that batch's commit.
 */
async function importBatchBeside(tx: Tx, run: ImportRun, after: number, before: BatchKeys, claim: () => Promise<void>): Promise<BatchResult | null> {
  await commitWithoutFlush(tx);
  const rows = await queryRows<Row>(tx, nextRows(run.importId, after, run.size));
  if (rows.length === 0) return null;
  return writeRows(tx, run, rows, String(after), { ...before, claim });
}

/** Writes the rows and the import's counts (beside the batch before, after its claim). */
async function writeRows(tx: Tx, run: ImportRun, rows: readonly Row[], cursor: string | null, after?: BatchKeys & { claim: () => Promise<void> }): Promise<BatchResult> {
  const now = new Date();
  const results = await createOrMergeLeads(tx, { kind: "user", id: run.userId, role: run.role, importId: run.importId }, rows.map((row) => row.input), now, { after });
  // The import's counts are shared with the batch before (createOrMergeLeads claimed already; the claim is one).
  await after?.claim();
  const created = results.filter((result) => result.outcome === "created").length;
  const finished = rows.length < run.size;
  const updated = await tx.leadImport.update({
    where: { id: run.importId },
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
      entityId: run.importId,
      data: { created: updated.created, merged: updated.merged, skipped: run.invalidRows },
    });
  }
  return { processed: rows.length, cursor: rows.length > 0 ? String(rows.at(-1)!.line) : cursor, done: finished };
}

/**
 * A batch's commit need not wait for its WAL to reach the disk: a commit lost with the machine's power takes the job's
 * cursor with it (same transaction), so the job writes that batch again, with the same result. Nothing a caller was
 * told is lost (the API's writes keep waiting), and a crash of the app or of PostgreSQL loses nothing.
 */
async function commitWithoutFlush(tx: Tx) {
  await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
}
