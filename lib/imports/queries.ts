import "server-only";
import { db, Prisma } from "../db/client";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/current-user";
import { visibleImports } from "./service";
import { describeErrors, mappingProblems, type ImportMapping } from "./rules";

/** What the page says an import is doing. "FAILED": its job stopped on an error and waits to be resumed. */
export type ImportState = "PENDING" | "RUNNING" | "DONE" | "CANCELLED" | "FAILED";

export interface ImportProgress {
  id: string;
  state: ImportState;
  /** Valid rows to write, and how many are written. */
  total: number;
  processed: number;
  created: number;
  merged: number;
  /** Invalid rows, left out. */
  skipped: number;
}

export interface ImportView extends ImportProgress {
  fileName: string;
  owner: string;
  createdAt: string;
  headers: string[];
  mapping: ImportMapping;
  problems: string[];
  totalRows: number;
  validRows: number;
  invalidRows: number;
  duplicateRows: number;
  /** The first rows of the file as read, for the preview. */
  preview: { line: number; cells: string[] }[];
  /** The first invalid rows, by line, and how many there are in all. */
  errors: { line: number; messages: string[] }[];
  /** The first duplicate rows, by line. */
  duplicates: { line: number; email: string; kind: "existing" | "file" }[];
  /** False once the rows are gone: deleted with "import nothing", or cleared ROWS_KEPT_DAYS after the import finished. */
  rowsKept: boolean;
}

export const PREVIEW_ROWS = 5;
export const LISTED_ERRORS = 200;
export const LISTED_DUPLICATES = 100;

const PROGRESS_SELECT = {
  id: true,
  status: true,
  validRows: true,
  invalidRows: true,
  processed: true,
  created: true,
  merged: true,
  jobId: true,
} as const;

async function stateOf(row: { status: string; jobId: string | null }): Promise<ImportState> {
  if (row.status !== "RUNNING" || !row.jobId) return row.status as ImportState;
  const job = await db().job.findUnique({ where: { id: row.jobId }, select: { status: true } });
  return job?.status === "FAILED" ? "FAILED" : "RUNNING";
}

function progressOf(row: { id: string; validRows: number; invalidRows: number; processed: number; created: number; merged: number }, state: ImportState): ImportProgress {
  return { id: row.id, state, total: row.validRows, processed: row.processed, created: row.created, merged: row.merged, skipped: state === "CANCELLED" ? row.validRows + row.invalidRows : row.invalidRows };
}

/** The import's progress, for the page's polling; null if it does not exist or is not this person's to see. */
export async function getImportProgress(user: CurrentUser, id: string): Promise<ImportProgress | null> {
  if (!can(user.role, "lead:import")) return null;
  const row = await db().leadImport.findFirst({ where: { AND: [visibleImports(user), { id }] }, select: PROGRESS_SELECT });
  return row ? progressOf(row, await stateOf(row)) : null;
}

export async function getImport(user: CurrentUser, id: string): Promise<ImportView | null> {
  if (!can(user.role, "lead:import")) return null;
  const row = await db().leadImport.findFirst({
    where: { AND: [visibleImports(user), { id }] },
    select: { ...PROGRESS_SELECT, fileName: true, createdAt: true, headers: true, mapping: true, totalRows: true, duplicateRows: true, user: { select: { name: true } } },
  });
  if (!row) return null;
  const [preview, errors, duplicates] = await Promise.all([
    db().importRow.findMany({ where: { importId: id }, orderBy: { line: "asc" }, take: PREVIEW_ROWS, select: { line: true, cells: true } }),
    db().importRow.findMany({ where: { importId: id, input: { equals: Prisma.DbNull } }, orderBy: { line: "asc" }, take: LISTED_ERRORS, select: { line: true, errors: true } }),
    db().importRow.findMany({ where: { importId: id, duplicate: { not: null } }, orderBy: { line: "asc" }, take: LISTED_DUPLICATES, select: { line: true, input: true, duplicate: true } }),
  ]);
  const headers = row.headers as string[];
  const mapping = row.mapping as unknown as ImportMapping;
  return {
    ...progressOf(row, await stateOf(row)),
    fileName: row.fileName,
    owner: row.user.name,
    createdAt: row.createdAt.toISOString(),
    headers,
    mapping,
    problems: mappingProblems(mapping, headers.length),
    totalRows: row.totalRows,
    validRows: row.validRows,
    invalidRows: row.invalidRows,
    duplicateRows: row.duplicateRows,
    preview: preview.map((item) => ({ line: item.line, cells: item.cells as string[] })),
    errors: errors.map((item) => ({ line: item.line, messages: describeErrors((item.errors ?? {}) as Record<string, string[]>) })),
    duplicates: duplicates.map((item) => ({ line: item.line, email: (item.input as { email: string }).email, kind: item.duplicate as "existing" | "file" })),
    rowsKept: row.totalRows === 0 || preview.length > 0,
  };
}

export interface ImportListItem {
  id: string;
  fileName: string;
  owner: string;
  createdAt: string;
  state: ImportState;
  totalRows: number;
  created: number;
  merged: number;
}

/** Recent imports this person may see, newest first. */
export async function listImports(user: CurrentUser, take = 20): Promise<ImportListItem[]> {
  if (!can(user.role, "lead:import")) return [];
  const rows = await db().leadImport.findMany({
    where: visibleImports(user),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { ...PROGRESS_SELECT, fileName: true, createdAt: true, totalRows: true, user: { select: { name: true } } },
  });
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      fileName: row.fileName,
      owner: row.user.name,
      createdAt: row.createdAt.toISOString(),
      state: await stateOf(row),
      totalRows: row.totalRows,
      created: row.created,
      merged: row.merged,
    })),
  );
}
