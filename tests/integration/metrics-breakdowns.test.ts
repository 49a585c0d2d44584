// The dashboards' breakdowns, checked against plain counts over the raw tables of the demo workspace, and the
// click-through from a figure to the leads list: the list must hold exactly as many leads as the figure counts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedDemoData } from "@/lib/seed/demo-data";
import { listLeads } from "@/lib/leads/queries";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { campaignOptions, campaignRejections, funnelByCampaign, funnelBySource, myPipeline, repFigures, repOptions } from "@/lib/metrics/breakdowns";
import { figureLeadsHref, metricsFilter, ownedLeadsHref, type DashboardQuery } from "@/lib/metrics/filter";
import { funnelFigures, handoverFigures } from "@/lib/metrics/queries";
import { FUNNEL_PATH, previousPeriod, resolvePeriod } from "@/lib/metrics/rules";

const now = new Date("2026-11-22T00:00:00Z");
const period = resolvePeriod("90d", now);
const key = (...parts: unknown[]) => parts.join("|");

async function rawEntries(groupBy: "source" | "campaign") {
  const column = groupBy === "source" ? `l.source::text` : `coalesce(l."campaignId", '')`;
  const rows = await db().$queryRawUnsafe<{ k: string; stage: string; n: number; amount: number }[]>(
    `SELECT ${column} AS k, sc."toStage"::text AS stage, count(*)::int AS n, coalesce(sum(l.amount), 0)::float8 AS amount
     FROM "StageChange" sc JOIN "Lead" l ON l.id = sc."leadId"
     WHERE sc.at >= $1 AND sc.at < $2 AND sc."toStage" IN ('INQUIRY', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON')
     GROUP BY 1, 2`,
    period.from,
    period.to,
  );
  return rows;
}

describe("dashboard breakdowns", () => {
  let rep: CurrentUser;
  let cro: CurrentUser;

  beforeAll(async () => {
    await seedDemoData(db(), { now, passwordHash: "unused" });
    rep = await db().user.findUniqueOrThrow({ where: { email: "rep@tandem.test" }, select: { id: true, email: true, name: true, role: true } });
    cro = await db().user.findUniqueOrThrow({ where: { email: "cro@tandem.test" }, select: { id: true, email: true, name: true, role: true } });
  }, 60_000);

  it("breaks the funnel down by source exactly as the raw history counts it, adding up to the headline funnel", async () => {
    const rows = await funnelBySource({ period });
    const raw = await rawEntries("source");
    const expected = new Map(raw.map((row) => [key(row.k, row.stage), row.n]));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      for (const stage of FUNNEL_PATH) expect([row.source, stage, row.entered[stage]]).toEqual([row.source, stage, expected.get(key(row.source, stage)) ?? 0]);
      const opportunities = raw.find((entry) => entry.k === row.source && entry.stage === "OPPORTUNITY");
      expect(row.pipeline).toBeCloseTo(opportunities?.amount ?? 0, 2);
    }
    const funnel = await funnelFigures({ period });
    for (const entry of funnel.cohort.stages) expect(rows.reduce((sum, row) => sum + row.entered[entry.stage], 0)).toBe(entry.entered);

    // The handover conversion per source is the headline handover conversion with that source chosen.
    const webinar = rows.find((row) => row.source === "WEBINAR")!;
    expect(webinar.mqlToSal).toBe((await funnelFigures({ period, source: "WEBINAR" })).cohort.handover.conversion);
  });

  it("breaks the funnel down by campaign with the campaigns' names, most MQLs first", async () => {
    const { rows, total } = await funnelByCampaign({ period }, 100);
    const raw = await rawEntries("campaign");
    const names = new Map((await db().campaign.findMany({ select: { id: true, name: true } })).map((campaign) => [campaign.id, campaign.name]));
    expect(total).toBe(new Set(raw.map((row) => row.k)).size);
    for (const row of rows) {
      const id = row.campaignId === "none" ? "" : row.campaignId;
      expect(row.name).toBe(id === "" ? "No campaign" : names.get(id));
      for (const stage of FUNNEL_PATH) expect(row.entered[stage]).toBe(raw.find((entry) => entry.k === id && entry.stage === stage)?.n ?? 0);
    }
    const mqls = rows.map((row) => row.entered.MQL);
    expect(mqls).toEqual([...mqls].sort((a, b) => b - a));
    expect((await funnelByCampaign({ period }, 3)).rows).toEqual(rows.slice(0, 3));
  });

  it("counts the campaigns sales rejects most from the period's handovers", async () => {
    const rows = await campaignRejections({ period }, 100);
    const raw = await db().$queryRaw<{ k: string; handed: number; rejected: number }[]>`
      SELECT coalesce(l."campaignId", '') AS k, count(*)::int AS handed, count(*) FILTER (WHERE h.status IN ('REJECTED', 'DISPUTED'))::int AS rejected
      FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId"
      WHERE h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to} AND h.status <> 'REASSIGNED' GROUP BY 1`;
    const withRejections = raw.filter((row) => row.rejected > 0);
    expect(rows).toHaveLength(withRejections.length);
    for (const row of rows) {
      const expected = withRejections.find((entry) => entry.k === (row.campaignId === "none" ? "" : row.campaignId))!;
      expect([row.handedOver, row.rejected]).toEqual([expected.handed, expected.rejected]);
      expect(row.rejectionRate).toBe(expected.rejected / expected.handed);
      expect(row.topReason).not.toBeNull();
    }
    expect(rows.map((row) => row.rejected)).toEqual(rows.map((row) => row.rejected).sort((a, b) => b - a));
    const handovers = await handoverFigures({ period }, period, now);
    expect(rows.reduce((sum, row) => sum + row.rejected, 0)).toBe(handovers.acceptance.rejected);
    expect(await campaignRejections({ period, source: "OUTBOUND" })).toEqual([]);
  });

  it("shows a rep the leads they hold per sales stage, and their own handover figures against the previous period", async () => {
    const pipeline = await myPipeline(rep.id);
    const raw = await db().$queryRaw<{ stage: string; n: number }[]>`SELECT stage::text, count(*)::int AS n FROM "Lead" WHERE "ownerId" = ${rep.id} AND stage IN ('SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST') GROUP BY 1`;
    expect(Object.fromEntries(pipeline.map((row) => [row.stage, row.count]))).toEqual(Object.fromEntries(raw.map((row) => [row.stage, row.n])));
    expect(pipeline.length).toBeGreaterThan(0);

    const figures = await repFigures(rep.id, period, now);
    const handed = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Handover" WHERE "toUserId" = ${rep.id} AND status <> 'REASSIGNED' AND "createdAt" >= ${period.from} AND "createdAt" < ${period.to}`;
    expect(figures.current.acceptance.handedOver).toBe(handed[0]!.n);
    const before = await handoverFigures({ period, repId: rep.id }, previousPeriod(period), now);
    expect(figures.comparison.handedOver).toMatchObject({ current: handed[0]!.n, previous: before.acceptance.handedOver });
    expect(figures.comparison.acceptanceRate.current).toBe(figures.current.acceptance.acceptanceRate);
  });

  it("opens a leads list holding exactly as many leads as each figure counts", async () => {
    const total = async (href: string | null) => {
      expect(href).not.toBeNull();
      const params = Object.fromEntries(new URL(href!, "http://x").searchParams);
      return (await listLeads(cro, leadListQuerySchema.parse(params))).total;
    };
    const campaign = (await funnelByCampaign({ period }, 1)).rows[0]!.campaignId;
    const queries: DashboardQuery[] = [
      { period: "90d" },
      { period: "90d", source: "WEBINAR" },
      { period: "90d", campaign },
      { period: "30d", campaign: "none" },
      { period: "90d", team: "marketing" },
      { period: "year", team: "sales" },
    ];
    for (const query of queries) {
      const filter = metricsFilter(query, now);
      const funnel = await funnelFigures(filter);
      expect(funnel.cohort.stages.filter((entry) => entry.entered > 0).length).toBeGreaterThan(1);
      for (const entry of funnel.cohort.stages) {
        expect([query, entry.stage, await total(figureLeadsHref(query, filter.period, entry.stage))]).toEqual([query, entry.stage, entry.entered]);
      }
    }
    // A bar of the chart by source: the page's filters narrowed to one source.
    const bySource = await funnelBySource({ period });
    expect(await total(figureLeadsHref({ period: "90d" }, period, "MQL", { source: bySource[0]!.source }))).toBe(bySource[0]!.entered.MQL);

    // A rep holds the leads of sales' stages, so their figures there open their leads.
    const mine: DashboardQuery = { period: "90d", rep: rep.id };
    const funnel = await funnelFigures(metricsFilter(mine, now));
    expect(funnel.cohort.stages.find((entry) => entry.stage === "SAL")!.entered).toBeGreaterThan(0);
    for (const stage of ["SAL", "SQL", "OPPORTUNITY", "WON"] as const) {
      expect([stage, await total(figureLeadsHref(mine, period, stage))]).toEqual([stage, funnel.cohort.stages.find((entry) => entry.stage === stage)!.entered]);
    }
    // And the rep home's pipeline opens the leads the rep holds.
    for (const row of await myPipeline(rep.id)) {
      const params = Object.fromEntries(new URL(ownedLeadsHref(row.stage), "http://x").searchParams);
      expect((await listLeads(rep, leadListQuerySchema.parse(params))).total).toBe(row.count);
    }
  });

  it("offers every rep (those who left too) and every campaign as filters", async () => {
    const reps = await repOptions();
    expect(reps).toHaveLength(await db().user.count({ where: { role: "SALES_REP" } }));
    expect(reps.some((option) => option.label.endsWith("(left)"))).toBe(true);
    expect(reps.map((option) => option.value)).toContain(rep.id);
    const campaigns = await campaignOptions();
    expect(campaigns[0]).toEqual({ value: "none", label: "No campaign" });
    expect(campaigns).toHaveLength((await db().campaign.count()) + 1);
  });
});
