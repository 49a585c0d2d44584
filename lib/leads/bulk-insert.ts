// Inserting many rows in one statement (INSERT … SELECT FROM the rows as one JSON parameter), for the bulk intake: a
// thousand rows cost one round trip and no per-row work in the client, where createMany spent most of a batch's time.
import { randomBytes } from "node:crypto";
import type { Tx } from "../db/client";
import { runStatement } from "../db/driver";

/** How a column's values travel: as an array of this type, cast on the way in (enums and JSON travel as text). */
export type ColumnType = "text" | "int" | "bool" | "timestamp" | "date" | "jsonb" | `enum:${string}`;

let counter = 0;
// Random bytes drawn from the system a few kilobytes at a time: one draw per id cost about 17 ms per 1,000 leads.
const POOL_BYTES = 5 * 1024;
let pool = Buffer.alloc(0);
let poolAt = POOL_BYTES;

function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString("hex", poolAt - bytes, poolAt);
}

/**
 * An id in cuid's shape ("c", time, counter, random; 25 characters), so rows made one after another sort in the order
 * they were made, as the app's cuids do: a lead's INQUIRY and MQL changes at the same instant keep their order.
 */
export function sortableId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 6;
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(6, "0")}${randomHex(5)}`;
}

/** How each column is read out of the rows' JSON (enums, times and dates as text, cast on the way in). */
const RECORD_TYPE: Record<string, string> = { text: "text", int: "int", bool: "bool", timestamp: "text", date: "text", jsonb: "jsonb" };

function cast(column: string, type: ColumnType): string {
  if (type === "timestamp") return `(${column}::timestamptz AT TIME ZONE 'UTC')`;
  if (type === "date") return `${column}::date`;
  if (type.startsWith("enum:")) return `${column}::"${type.slice(5)}"`;
  return column;
}

export interface InsertPart {
  /** A table name from the code, never input. */
  table: string;
  columns: Record<string, ColumnType>;
  /** Each row's own values: every column of `columns` that `shared` does not give. */
  rows: readonly Record<string, unknown>[];
  /**
   * Values every row shares (the time, the author), sent once as their own parameters rather than in each row: in a
   * lead batch they were 40% of the JSON that the app wrote and PostgreSQL parsed.
   */
  shared?: Record<string, unknown>;
  /** Appended as written (code, never input). */
  onConflict?: string;
}

/**
 * One INSERT … SELECT FROM json_to_recordset(…) per part: the rows travel as one JSON parameter (numbered `index`),
 * made by JSON.stringify (dates become ISO strings, missing values nulls). An array parameter per column cost the
 * client more than the database spent on the insert: each element was checked and escaped one by one.
 */
function insertSql(part: InsertPart, index: number): { sql: string; values: unknown[] } {
  const { table, columns, rows } = part;
  const shared = part.shared ?? {};
  const names = Object.keys(columns);
  const values: unknown[] = [JSON.stringify(rows)];
  const recordType = (name: string) => RECORD_TYPE[columns[name]!] ?? "text";
  const selected = names.map((name) => {
    if (!(name in shared)) return cast(`t."${name}"`, columns[name]!);
    values.push(sharedValue(shared[name]));
    return cast(`$${index + values.length - 1}::${recordType(name)}`, columns[name]!);
  });
  const own = names.filter((name) => !(name in shared));
  const sql =
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) ` +
    `SELECT ${selected.join(", ")} ` +
    `FROM json_to_recordset($${index}::json) AS t(${own.map((name) => `"${name}" ${recordType(name)}`).join(", ")})` +
    (part.onConflict ? ` ${part.onConflict}` : "");
  return { sql, values };
}

/** A shared value as a parameter: a time as ISO text and JSON as text, as they travel in the rows. */
function sharedValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return value;
}

/** Inserts a part's rows; returns the rows of `returning` (code, never input), if given. */
export async function insertMany(tx: Tx, part: InsertPart, options: { returning?: string } = {}): Promise<Record<string, unknown>[]> {
  if (part.rows.length === 0) return [];
  const { sql, values } = insertSql(part, 1);
  const statement = sql + (options.returning ? ` RETURNING ${options.returning}` : "");
  return runStatement(tx, statement, values, !!options.returning);
}

/**
 * Several tables' inserts in one statement (data-modifying CTEs): one round trip instead of one per table. The parts
 * must not depend on each other's rows (they all see the database as it was when the statement began).
 */
export async function insertManyTogether(tx: Tx, parts: readonly InsertPart[]): Promise<void> {
  await runPrepared(tx, prepareTogether(parts));
}

/** A statement built ahead of its turn (null when it has nothing to insert). */
export type PreparedInsert = { sql: string; values: unknown[] } | null;

export async function runPrepared(tx: Tx, prepared: PreparedInsert): Promise<void> {
  if (prepared) await runStatement(tx, prepared.sql, prepared.values, false);
}

/** insertManyTogether's statement, built now and run later by runPrepared. */
export function prepareTogether(parts: readonly InsertPart[]): PreparedInsert {
  const present = parts.filter((part) => part.rows.length > 0);
  if (present.length === 0) return null;
  const values: unknown[] = [];
  const statements = present.map((part) => {
    const built = insertSql(part, values.length + 1);
    values.push(...built.values);
    return built.sql;
  });
  const last = statements.pop()!;
  const sql = statements.length === 0 ? last : `WITH ${statements.map((statement, index) => `p${index} AS (${statement})`).join(", ")} ${last}`;
  return { sql, values };
}

/** What a part's audit entries share: the action on one type of record, by one actor (none for the system's). */
type AuditKind = { actorId?: string | null; action: string; entityType: string };

/** Audit entries of one kind, stamped by the database like every other entry, as an insert's part. */
export function auditPart(kind: AuditKind, entries: readonly { entityId: string; data?: object }[]): InsertPart {
  return {
    table: "AuditEvent",
    columns: { id: "text", actorId: "text", action: "text", entityType: "text", entityId: "text", data: "jsonb" },
    shared: { actorId: kind.actorId ?? null, action: kind.action, entityType: kind.entityType },
    rows: entries.map((entry) => ({ id: sortableId(), entityId: entry.entityId, data: entry.data ?? {} })),
  };
}
