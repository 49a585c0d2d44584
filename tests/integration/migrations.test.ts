import { inject, describe, expect, it } from "vitest";
import { applyMigrations, loadMigrations } from "@/lib/db/migrate";
import { db } from "@/lib/db/client";
import { makeLead, makeUser } from "./support/factories";

describe("migrations and history tables", () => {
  it("applies nothing the second time and records every migration as Prisma does", async () => {
    expect(await applyMigrations(inject("databaseUrl"))).toEqual([]);
    const recorded = await db().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(loadMigrations().migrationDirectories.map((dir) => dir.path));
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("refuses to change or delete stage history and audit entries", async () => {
    const marketer = await makeUser("MARKETER");
    const lead = await makeLead(marketer);
    await expect(db().stageChange.updateMany({ where: { leadId: lead.id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().stageChange.deleteMany({ where: { leadId: lead.id } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db().stageChange.count({ where: { leadId: lead.id } })).toBe(1);
  });
});
