// The dashboards' figures, read through the rollup, checked against plain counts over the raw history of the demo
// workspace: the fast path and the obvious path must give the same numbers.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/demo-data";
import { funnelFigures, handoverFigures, pipelineFigures, revenueDashboard } from "@/lib/metrics/queries";
import { resolvePeriod } from "@/lib/metrics/rules";

const now = new Date("2026-11-22T00:00:00Z");
const period = resolvePeriod("90d", now);

async function count(query: TemplateStringsArray, ...values: unknown[]): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>(query, ...values);
  return Number(rows[0]!.n);
}

describe("dashboard figures", () => {
  beforeAll(async () => {
    await seedDemoData(db(), { now, passwordHash: "unused" });
  }, 60_000);

  it("count stage entries, handovers and deals exactly as the raw history does", async () => {
    const funnel = await funnelFigures({ period });
    for (const stage of ["INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON"] as const) {
      const raw = await count`SELECT count(*)::int AS n FROM "StageChange" WHERE "toStage" = ${stage}::"Stage" AND at >= ${period.from} AND at < ${period.to}`;
      expect([stage, funnel.cohort.stages.find((entry) => entry.stage === stage)!.entered]).toEqual([stage, raw]);
    }
    const handovers = await handoverFigures({ period }, period, now);
    const handed = await count`SELECT count(*)::int AS n FROM "Handover" WHERE "createdAt" >= ${period.from} AND "createdAt" < ${period.to} AND status <> 'REASSIGNED'`;
    const accepted = await count`SELECT count(*)::int AS n FROM "Handover" WHERE "createdAt" >= ${period.from} AND "createdAt" < ${period.to} AND status = 'ACCEPTED'`;
    expect(handovers.acceptance).toMatchObject({ handedOver: handed, accepted });
    expect(handovers.speed.count).toBeGreaterThan(0);

    const pipeline = await pipelineFigures({ period });
    const won = await count`SELECT count(*)::int AS n FROM "StageChange" WHERE "toStage" = 'WON' AND at >= ${period.from} AND at < ${period.to}`;
    expect(pipeline.performance.won).toBe(won);
  });

  it("narrows every figure by source, campaign and rep, and compares with the previous period", async () => {
    const webinar = await funnelFigures({ period, source: "WEBINAR" });
    const raw = await count`SELECT count(*)::int AS n FROM "StageChange" sc JOIN "Lead" l ON l.id = sc."leadId"
      WHERE sc."toStage" = 'MQL' AND l.source = 'WEBINAR' AND sc.at >= ${period.from} AND sc.at < ${period.to}`;
    expect(webinar.cohort.stages[1]!.entered).toBe(raw);

    const rep = await db().user.findUniqueOrThrow({ where: { email: "rep@tandem.test" } });
    const mine = await handoverFigures({ period, repId: rep.id }, period, now);
    const handed = await count`SELECT count(*)::int AS n FROM "Handover" WHERE "toUserId" = ${rep.id} AND status <> 'REASSIGNED' AND "createdAt" >= ${period.from} AND "createdAt" < ${period.to}`;
    expect(mine.acceptance.handedOver).toBe(handed);

    const dashboard = await revenueDashboard({ period, team: "marketing" });
    expect(dashboard.previous.to).toEqual(period.from);
    expect(dashboard.comparison.mqls!.current).toBe(dashboard.funnel.cohort.stages[1]!.entered);
    expect(dashboard.trends.mqls.reduce((sum, week) => sum + week.count, 0)).toBe(dashboard.funnel.cohort.stages[1]!.entered);
  });
});
