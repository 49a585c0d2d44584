// Bulk statements run on their transaction's own connection through pg (lib/db/driver.ts): they must be part of that
// transaction (rolled back with it), report PostgreSQL's refusals as Prisma does, and never borrow another request's
// connection when called outside a transaction.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Prisma, db } from "@/lib/db/client";
import { connectionOf, queryRows, runStatement } from "@/lib/db/driver";
import { resetDatabase } from "./support/db";

class RolledBack extends Error {}

describe("statements through the driver", () => {
  beforeEach(() => resetDatabase());

  it("inside an interactive transaction, run on its own connection and roll back with it", async () => {
    let pids: number[] = [];
    await expect(
      db().$transaction(async (tx) => {
        expect(await connectionOf(tx)).not.toBeNull();
        const [viaDriver] = await runStatement<{ pid: number }>(tx, "SELECT pg_backend_pid() AS pid", [], true);
        const [viaPrisma] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        pids = [viaDriver!.pid, viaPrisma!.pid];
        await runStatement(tx, `INSERT INTO "Company" (id, name, "normalizedName", "updatedAt") VALUES ($1, $2, $3, now())`, ["c-driver", "Driver Co", "driver co"], false);
        expect(await tx.company.count({ where: { id: "c-driver" } })).toBe(1);
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(pids[0]).toBe(pids[1]);
    expect(await db().company.count({ where: { id: "c-driver" } })).toBe(0);
  });

  it("find the transaction's connection from another copy of the module too (the server's bundle loads it more than once)", async () => {
    vi.resetModules();
    const copy = await import("@/lib/db/driver");
    expect(copy.connectionOf).not.toBe(connectionOf);
    await db().$transaction(async (tx) => {
      expect(await copy.connectionOf(tx)).not.toBeNull();
    });
  });

  it("outside a transaction, take Prisma's path (no pooled connection is borrowed)", async () => {
    expect(await connectionOf(db())).toBeNull();
    expect(await runStatement<{ one: number }>(db(), "SELECT 1 AS one", [], true)).toEqual([{ one: 1 }]);
  });

  it("report PostgreSQL's refusal as Prisma reports a raw statement's, and change nothing", async () => {
    const attempt = db().$transaction((tx) =>
      runStatement(tx, `INSERT INTO "Lead" (id, name, email, "companyId", source, "updatedAt") VALUES ('l1', 'X', 'x@x.test', 'no-such-company', 'WEBSITE', now())`, [], false),
    );
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2010");
    expect((error as Error).message).toContain("23503");
    expect(await db().lead.count()).toBe(0);
  });

  it("refuse a Date among a tagged statement's values (pg would send it in the machine's time zone)", async () => {
    await expect(db().$transaction((tx) => queryRows(tx, Prisma.sql`SELECT ${new Date()}::timestamp AS at`))).rejects.toThrow(/ISO text/);
  });
});
