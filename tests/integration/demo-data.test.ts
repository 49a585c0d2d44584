import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/demo-data";
import { DEMO_SIGN_INS } from "@/lib/seed/demo-users";
import { rowCounts } from "./support/factories";

const now = new Date("2026-11-22T00:00:00Z");

async function reachedStage(stage: string, sources?: string[]): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(DISTINCT sc."leadId") AS count FROM "StageChange" sc JOIN "Lead" l ON l.id = sc."leadId"
     WHERE sc."toStage" = $1::"Stage" ${sources ? `AND l.source::text = ANY($2)` : ""}`,
    ...(sources ? [stage, sources] : [stage]),
  );
  return Number(rows[0]!.count);
}

describe("the demo data", () => {
  it("is a realistic demand waterfall, consistent with its history, and loads only once", async () => {
    const first = await seedDemoData(db(), { now, passwordHash: "not-used-for-sign-in" });
    expect(first).toMatchObject({ created: true, leads: 5000 });
    const counts = await rowCounts();
    expect(counts.users).toBeGreaterThanOrEqual(35);
    expect(counts.users).toBeLessThanOrEqual(45);
    expect(counts.leads).toBe(5000);

    // One demo sign-in per role, active.
    for (const demo of DEMO_SIGN_INS) {
      expect(await db().user.findUnique({ where: { email: demo.email } })).toMatchObject({ role: demo.role, active: true });
    }

    // Roughly: 20% of marketing inquiries become MQL, half of MQLs are accepted, half of those become SQL,
    // a quarter of closed opportunities are won.
    const marketing = ["WEBSITE", "CONTENT", "WEBINAR", "EVENT", "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "PARTNER"];
    const inquiries = await reachedStage("INQUIRY", marketing);
    const mqls = await reachedStage("MQL");
    const accepted = await db().stageChange.count({ where: { fromStage: "MQL", toStage: "SAL" } });
    const sals = await reachedStage("SAL");
    const sqls = await reachedStage("SQL");
    const won = await reachedStage("WON");
    const lost = await reachedStage("LOST");
    expect(mqls / inquiries).toBeGreaterThan(0.15);
    expect(mqls / inquiries).toBeLessThan(0.25);
    expect(accepted / mqls).toBeGreaterThan(0.4);
    expect(accepted / mqls).toBeLessThan(0.6);
    expect(sqls / sals).toBeGreaterThan(0.4);
    expect(sqls / sals).toBeLessThan(0.6);
    expect(won / (won + lost)).toBeGreaterThan(0.15);
    expect(won / (won + lost)).toBeLessThan(0.35);

    // Each lead sits where its last recorded move put it, and no move is in the future.
    const disagreeing = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Lead" l
      JOIN LATERAL (SELECT "toStage", at FROM "StageChange" WHERE "leadId" = l.id ORDER BY at DESC, id DESC LIMIT 1) last ON true
      WHERE last."toStage" <> l.stage OR last.at <> l."stageChangedAt"`;
    expect(Number(disagreeing[0]!.count)).toBe(0);
    expect(await db().stageChange.count({ where: { at: { gt: now } } })).toBe(0);

    const second = await seedDemoData(db(), { now, passwordHash: "not-used-for-sign-in" });
    expect(second.created).toBe(false);
    expect(await rowCounts()).toEqual(counts);
  }, 60_000);
});
