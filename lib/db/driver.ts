// Statements with a large parameter (a bulk insert's thousand rows as one JSON text) go to their transaction's own
// connection through the pg driver. Prisma turns every raw parameter into JSON and parses it back before the driver
// sees it: for a 300 kB parameter that cost 3–5 ms of client time and about 5 ms per statement end to end (measured
// against the same statement through pg), more than a third of the client's time in a CSV import.
import pg from "pg";
import { Prisma } from "./generated/client";
import type { Tx } from "./client";

/** A pool client carries its server process id once connected (pg sets it; its types do not declare it). */
type Connection = pg.PoolClient & { processID?: number };

// On globalThis, like the client itself (lib/db/client.ts): the server's bundle may load this module more than once,
// and the copy that finds a transaction's connection must see the connections the copy that made the pool tracked.
const shared = globalThis as unknown as { tandemConnections?: Map<number, Connection> };
const byProcess = (shared.tandemConnections ??= new Map<number, Connection>());

/** Remembers each of the pool's connections by its server process, so that a transaction can find its own. */
export function trackConnections(pool: pg.Pool): void {
  pool.on("connect", (client: Connection) => {
    if (client.processID !== undefined) byProcess.set(client.processID, client);
  });
  pool.on("remove", (client: Connection) => {
    if (client.processID !== undefined && byProcess.get(client.processID) === client) byProcess.delete(client.processID);
  });
}

const ofTransaction = new WeakMap<object, Connection | null>();

// Prisma marks the client it hands to an interactive transaction's callback with this key (the root client, whose
// statements may run on any pooled connection, has none). Should a later Prisma drop it, statements take Prisma's
// path again: slower, never wrong (tests/integration/db-driver.test.ts notices).
const TRANSACTION_SCOPE = Symbol.for("prisma.client.transaction.scope_context");

/**
 * The connection an interactive transaction runs on, or null outside one (a statement on the root client may run on
 * any pooled connection) or when the client is not the app's pooled one (scripts with their own client).
 */
export async function connectionOf(tx: Tx): Promise<Connection | null> {
  if (!(TRANSACTION_SCOPE in tx)) return null;
  if (ofTransaction.has(tx)) return ofTransaction.get(tx)!;
  const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const connection = (row && byProcess.get(row.pid)) ?? null;
  ofTransaction.set(tx, connection);
  return connection;
}

/**
 * Runs a statement in the transaction, on its connection through pg when it can be found, otherwise through Prisma.
 * A refusal by PostgreSQL is reported as Prisma reports a raw statement's (P2010 with the SQLSTATE), so that callers
 * recognise a deadlock or a foreign key violation the same way whichever path ran it.
 */
export async function runStatement<Row = Record<string, unknown>>(tx: Tx, sql: string, values: readonly unknown[], returnsRows: boolean): Promise<Row[]> {
  // Once the transaction's connection is known, the statement leaves before this call returns: a caller may build
  // its next statement while PostgreSQL runs this one.
  const connection = ofTransaction.has(tx) ? ofTransaction.get(tx)! : await connectionOf(tx);
  if (!connection) {
    if (returnsRows) return tx.$queryRawUnsafe<Row[]>(sql, ...values);
    await tx.$executeRawUnsafe(sql, ...values);
    return [];
  }
  try {
    const result = await connection.query(sql, values as unknown[]);
    return result.rows as Row[];
  } catch (error) {
    throw asPrismaError(error);
  }
}

/**
 * A tagged statement (Prisma.sql) run by runStatement. Its values go to pg as they are: strings, numbers and arrays of
 * them only (pg would send a Date in the machine's time zone, which a timestamp column would take as UTC).
 */
export function queryRows<Row = Record<string, unknown>>(tx: Tx, statement: Prisma.Sql): Promise<Row[]> {
  if (statement.values.some((value) => value instanceof Date)) throw new Error("queryRows takes times as ISO text, not as Date.");
  return runStatement<Row>(tx, statement.text, statement.values, true);
}

function asPrismaError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError) || !error.code) return error;
  return new Prisma.PrismaClientKnownRequestError(`Raw query failed. Code: \`${error.code}\`. Message: \`${error.message}\``, {
    code: "P2010",
    clientVersion: Prisma.prismaVersion.client,
    meta: { code: error.code, message: error.message },
  });
}
