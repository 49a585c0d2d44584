// CSV import of leads: the upload (parsed, checked and stored, nothing written to leads), the mapping (every row
// checked again), and the marketer's choice: the valid rows, written by a resumable background job, or nothing.
import { db, Prisma, type Tx } from "../db/client";
import { queryRows } from "../db/driver";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { enqueueJob } from "../jobs/service";
import { autoMatch, campaignLookup, checkRow, findDuplicates, mappingProblems, parseCsv, rowsKeptSince, type ImportMapping, type ParsedRow, type RowCheck } from "./rules";
import type { FinishImportInput, SetMappingInput } from "./schemas";

interface Actor {
  id: string;
  role: Role;
}

/**
 * Whose imports a person may see and drive: their own; the marketing manager, who runs marketing, any marketer's
 * (to finish or stop an import its owner left half done). Another marketer's import is "not found": its rows hold
 * contacts that are not leads yet, and nobody but its owner and their manager decides what becomes of them.
 */
export function visibleImports(user: Actor): Prisma.LeadImportWhereInput {
  if (user.role === "MARKETING_MANAGER") return {};
  if (user.role === "MARKETER") return { userId: user.id };
  return { id: { in: [] } };
}

const NOT_FOUND = "That import does not exist, or it is not yours.";
const CHUNK = 5_000;

interface CheckedRow extends ParsedRow {
  check: RowCheck;
  duplicate: "existing" | "file" | null;
}

/** Every row under the mapping, with the emails that already belong to leads (read in chunks). */
async function checkRows(tx: Tx, rows: readonly ParsedRow[], mapping: ImportMapping): Promise<CheckedRow[]> {
  const campaigns = campaignLookup(await tx.campaign.findMany({ select: { id: true, name: true } }));
  const checks = rows.map((row) => checkRow(row.cells, mapping, campaigns));
  const emails = [...new Set(checks.flatMap((check) => (check.ok ? [check.input.email] : [])))];
  const existing = new Set<string>();
  for (let start = 0; start < emails.length; start += 20_000) {
    const found = await queryRows<{ email: string }>(tx, Prisma.sql`SELECT email FROM "Lead" WHERE email = ANY(${emails.slice(start, start + 20_000)}::text[])`);
    for (const { email } of found) existing.add(email);
  }
  const duplicates = findDuplicates(
    rows.flatMap((row, index) => {
      const check = checks[index]!;
      return check.ok ? [{ line: row.line, email: check.input.email }] : [];
    }),
    existing,
  );
  return rows.map((row, index) => ({ ...row, check: checks[index]!, duplicate: duplicates.get(row.line) ?? null }));
}

/**
 * Checked rows as one JSON parameter (line, cells if wanted, the lead or the errors, the duplicate mark): one string
 * for thousands of rows, where an array per column had every element escaped one by one in the client.
 */
function rowsJson(rows: readonly CheckedRow[], withCells: boolean): string {
  return JSON.stringify(
    rows.map((row) => ({
      l: row.line,
      ...(withCells && { c: row.cells }),
      i: row.check.ok ? row.check.input : null,
      e: row.check.ok ? null : row.check.errors,
      d: row.duplicate,
    })),
  );
}

function tally(rows: readonly CheckedRow[]) {
  const valid = rows.filter((row) => row.check.ok);
  return { validRows: valid.length, invalidRows: rows.length - valid.length, duplicateRows: valid.filter((row) => row.duplicate).length };
}

/**
 * Stores an uploaded file: parsed, its columns matched by their headers, every row checked. Writes no lead. A file
 * that cannot be read is refused with the reason.
 */
export async function createImport(actor: Actor, file: { name: string; text: string }): Promise<{ id: string }> {
  const parsed = parseCsv(file.text);
  if (!parsed.ok) throw new DomainError(parsed.error);
  const mapping = autoMatch(parsed.headers);
  return db().$transaction(
    async (tx) => {
      await clearExpiredRows(tx, new Date());
      const rows = await checkRows(tx, parsed.rows, mapping);
      const created = await tx.leadImport.create({
        data: { userId: actor.id, fileName: file.name.slice(0, 200) || "leads.csv", headers: parsed.headers, mapping: mapping as unknown as Prisma.InputJsonValue, totalRows: rows.length, ...tally(rows) },
        select: { id: true },
      });
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        // Through the driver (lib/db/driver.ts): a chunk's JSON is several megabytes.
        await queryRows(
          tx,
          Prisma.sql`
            INSERT INTO "ImportRow" ("importId", line, cells, input, errors, duplicate)
            SELECT ${created.id}, l, c, i, e, d FROM json_to_recordset(${rowsJson(chunk, true)}::json) AS t(l int, c json, i json, e json, d text)`,
        );
      }
      // Fresh statistics for the rows just stored (our own uncommitted rows count): planned with the old ones, the
      // job's "next batch of lines" read every remaining row and sorted them, which made a large import quadratic.
      await tx.$executeRaw`ANALYZE "ImportRow"`;
      await recordAudit(tx, {
        actorId: actor.id,
        action: "import.uploaded",
        entityType: "LeadImport",
        entityId: created.id,
        data: { fileName: file.name.slice(0, 200), rows: rows.length, ...tally(rows) },
      });
      return created;
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}

/**
 * Deletes the rows of imports finished more than ROWS_KEPT_DAYS ago: the contacts they copy are leads by then, and
 * nothing else needs them. Run at each upload (cheap when there is nothing to clear) instead of on a schedule.
 */
export async function clearExpiredRows(tx: Tx, now: Date): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "ImportRow" r USING "LeadImport" i
    WHERE r."importId" = i.id AND i.status = 'DONE' AND i."finishedAt" < ${rowsKeptSince(now)}`;
}

/** The import, locked, if this person may drive it. */
async function lockImport(tx: Tx, actor: Actor, importId: string) {
  const found = await tx.leadImport.findFirst({ where: { AND: [visibleImports(actor), { id: importId }] }, select: { id: true } });
  if (!found) throw new DomainError(NOT_FOUND, undefined, "not_found");
  const [row] = await tx.$queryRaw<{ id: string; status: string; headers: string[]; validRows: number; invalidRows: number; duplicateRows: number; totalRows: number; mapping: ImportMapping; jobId: string | null }[]>`
    SELECT id, status::text, headers, "validRows", "invalidRows", "duplicateRows", "totalRows", mapping, "jobId" FROM "LeadImport" WHERE id = ${importId} FOR UPDATE`;
  return row!;
}

function assertPending(status: string) {
  if (status !== "PENDING") throw new DomainError("This import has already been started or stopped; it can no longer change.", undefined, "conflict");
}

/** A new mapping: every row is checked again under it. Returns what is still wrong with the mapping itself. */
export async function setImportMapping(actor: Actor, input: SetMappingInput): Promise<{ problems: string[]; validRows: number; invalidRows: number; duplicateRows: number }> {
  return db().$transaction(
    async (tx) => {
      const current = await lockImport(tx, actor, input.importId);
      assertPending(current.status);
      const mapping: ImportMapping = { columns: input.mapping.columns, ...(input.mapping.defaultSource && { defaultSource: input.mapping.defaultSource }) };
      const stored = await queryRows<ParsedRow>(tx, Prisma.sql`SELECT line, cells FROM "ImportRow" WHERE "importId" = ${input.importId} ORDER BY line`);
      const rows = await checkRows(tx, stored, mapping);
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        await queryRows(
          tx,
          Prisma.sql`
            UPDATE "ImportRow" r SET input = t.i, errors = t.e, duplicate = t.d
            FROM json_to_recordset(${rowsJson(chunk, false)}::json) AS t(l int, i json, e json, d text)
            WHERE r."importId" = ${input.importId} AND r.line = t.l`,
        );
      }
      const counts = tally(rows);
      await tx.leadImport.update({ where: { id: input.importId }, data: { mapping: mapping as unknown as Prisma.InputJsonValue, ...counts } });
      return { problems: mappingProblems(mapping, current.headers.length), ...counts };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}

/**
 * The marketer's choice. "nothing": the import stops and its rows are deleted; no lead is written. "valid": the valid
 * rows are handed to a background job that writes them in batches (each batch commits with the job's cursor, so a
 * stopped server resumes at the next batch); invalid rows are skipped.
 */
export async function finishImport(actor: Actor, input: FinishImportInput): Promise<{ status: "RUNNING" | "CANCELLED" }> {
  return db().$transaction(async (tx) => {
    const current = await lockImport(tx, actor, input.importId);
    assertPending(current.status);
    if (input.choice === "nothing") {
      await tx.importRow.deleteMany({ where: { importId: current.id } });
      await tx.leadImport.update({ where: { id: current.id }, data: { status: "CANCELLED", finishedAt: new Date() } });
      await recordAudit(tx, { actorId: actor.id, action: "import.cancelled", entityType: "LeadImport", entityId: current.id, data: { rows: current.totalRows } });
      return { status: "CANCELLED" as const };
    }
    const problems = mappingProblems(current.mapping, current.headers.length);
    if (problems.length > 0) throw new DomainError(problems[0]!);
    if (current.validRows === 0) throw new DomainError("No row is valid under this mapping, so there is nothing to import.");
    const job = await enqueueJob(tx, "import-leads", { importId: current.id }, current.validRows);
    await tx.leadImport.update({ where: { id: current.id }, data: { status: "RUNNING", jobId: job.id, startedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "import.started",
      entityType: "LeadImport",
      entityId: current.id,
      data: { valid: current.validRows, skipped: current.invalidRows, duplicates: current.duplicateRows, jobId: job.id },
    });
    return { status: "RUNNING" as const };
  });
}

/**
 * Picks up an import whose job stopped on an error (the failed batch rolled back; the cursor is where the last good
 * batch ended). A job that is merely waiting for a restart needs nothing: the server resumes it when it starts.
 */
export async function resumeImport(actor: Actor, importId: string): Promise<{ resumed: boolean }> {
  return db().$transaction(async (tx) => {
    const current = await lockImport(tx, actor, importId);
    if (current.status !== "RUNNING" || !current.jobId) throw new DomainError("Only an import in progress can be resumed.", undefined, "conflict");
    const revived = await tx.job.updateMany({ where: { id: current.jobId, status: "FAILED" }, data: { status: "RUNNING", error: null, finishedAt: null } });
    if (revived.count > 0) await recordAudit(tx, { actorId: actor.id, action: "import.resumed", entityType: "LeadImport", entityId: current.id, data: { jobId: current.jobId } });
    return { resumed: revived.count > 0 };
  });
}
