// How PostgreSQL's refusals reach us through Prisma (its own queries) and through raw statements (lib/db/driver.ts
// reports those as Prisma reports a raw query's failure: P2010 with the SQLSTATE in its message).
import { Prisma } from "./client";

/** A raw statement refused with one of these SQLSTATEs. */
export function rawQueryFailedWith(error: unknown, codes: RegExp): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2010" && codes.test(JSON.stringify(error.meta ?? {}) + error.message);
}

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL rolled the whole transaction back and left no trace,
 * so the same work may simply be tried again.
 */
export function isLockConflict(error: unknown): boolean {
  return (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") || rawQueryFailedWith(error, /\b40P01\b|\b40001\b/);
}
