// A goal's progress is the metrics module's figure for the same period and filter: checked against the dashboards'
// own read (revenueDashboard) over the demo workspace, for every metric, with and without a source filter.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { GoalMetric, LeadSource } from "@/lib/db/enums";
import { seedDemoData } from "@/lib/seed/demo-data";
import { revenueDashboard, type MetricsFilter } from "@/lib/metrics/queries";
import { resolvePeriod } from "@/lib/metrics/rules";
import { goalProgress, goalTrend, type GoalScope } from "@/lib/goals/progress";
import { goalBreakdown } from "@/lib/goals/breakdown";
import { currentGoals, listGoals } from "@/lib/goals/queries";
import { GOAL_METRIC_KEYS, accumulates } from "@/lib/goals/rules";

const now = new Date("2026-11-22T15:00:00Z");
// The goal's period so far: 1 October up to and including today.
const measured = resolvePeriod({ from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-23T00:00:00Z") }, now);

function scope(metric: GoalMetric, source: LeadSource | null = null, target = 1): GoalScope {
  return { metric, target, periodStart: "2026-10-01", periodEnd: "2026-12-31", source, campaignId: null };
}

/** The dashboards' figure for a metric, as revenueDashboard reports it for the filter. */
async function dashboardFigure(metric: GoalMetric, filter: MetricsFilter): Promise<number | null> {
  const dashboard = await revenueDashboard(filter);
  const won = dashboard.pipeline.performance;
  const figures: Record<GoalMetric, number | null> = {
    PIPELINE_AMOUNT: dashboard.comparison.pipeline!.current,
    WON_AMOUNT: won.averageDealSize === null ? 0 : won.averageDealSize * won.won,
    SQLS: dashboard.funnel.cohort.stages.find((stage) => stage.stage === "SQL")!.entered,
    MQLS: dashboard.comparison.mqls!.current,
    MQL_ACCEPTANCE_RATE: dashboard.comparison.acceptanceRate!.current,
    MARKETING_SOURCED_SHARE: dashboard.comparison.sourcedShare!.current,
    SLA_COMPLIANCE: dashboard.comparison.slaCompliance!.current,
    SPEED_TO_LEAD: dashboard.handovers.speed.medianMs,
  };
  return figures[metric];
}

describe("goal progress", () => {
  beforeAll(async () => {
    await seedDemoData(db(), { now, passwordHash: "unused" });
  }, 60_000);

  it.each(GOAL_METRIC_KEYS)("for %s equals the metrics module's figure for the same filter", async (metric) => {
    for (const source of [null, "WEBINAR"] as const) {
      const progress = await goalProgress(scope(metric, source), now);
      const filter: MetricsFilter = { period: measured, ...(source && { source }) };
      const expected = await dashboardFigure(metric, filter);
      expect(progress.measured).toEqual({ from: measured.from.toISOString(), to: measured.to.toISOString() });
      if (expected === null) expect(progress.current).toBeNull();
      else expect(progress.current).toBeCloseTo(expected, 6);
      if (accumulates(metric)) expect(progress.current).toBeGreaterThan(0);
    }
  });

  it("counts MQLs exactly as the raw history does", async () => {
    const rows = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StageChange" WHERE "toStage" = 'MQL' AND at >= ${measured.from} AND at < ${measured.to}`;
    expect((await goalProgress(scope("MQLS"), now)).current).toBe(rows[0]!.n);
  });

  it("has a weekly trend that adds up to the figure, and teams that add up to it too", async () => {
    const goal = scope("PIPELINE_AMOUNT", null, 1_000_000);
    const { current } = await goalProgress(goal, now);
    const trend = await goalTrend(goal, now);
    expect(trend[0]!.week).toBe("2026-10-01");
    expect(trend.at(-1)!.value).toBeCloseTo(current!, 2);
    expect(trend.at(-1)!.expected).toBeCloseTo((1_000_000 * 53) / 92, 6);

    const groups = await goalBreakdown(goal, current, now);
    expect(groups.map((group) => group.dimension)).toEqual(["team", "rep", "source", "campaign"]);
    const teams = groups.find((group) => group.dimension === "team")!.rows;
    expect(teams.reduce((sum, row) => sum + row.value, 0)).toBeCloseTo(current!, 2);
    const sources = groups.find((group) => group.dimension === "source")!.rows;
    expect(sources.reduce((sum, row) => sum + row.value, 0)).toBeCloseTo(current!, 2);
    expect(groups.find((group) => group.dimension === "rep")!.rows.length).toBeGreaterThan(0);
    // Sales' figures by rep add up to the whole: every opportunity belongs to the rep holding it.
    expect(groups.find((group) => group.dimension === "rep")!.rows.reduce((sum, row) => sum + row.value, 0)).toBeCloseTo(current!, 2);
  });

  it("shows rates week by week, and leaves the source split out when the goal is about one source", async () => {
    const goal = scope("MQL_ACCEPTANCE_RATE", "WEBINAR", 0.5);
    const trend = await goalTrend(goal, now);
    expect(trend.every((point) => point.expected === 0.5)).toBe(true);
    const groups = await goalBreakdown(goal, (await goalProgress(goal, now)).current, now);
    expect(groups.map((group) => group.dimension)).toEqual(["team", "rep", "campaign"]);
    expect(groups[0]!.rows.map((row) => row.key)).toEqual(["marketing"]);
    expect(groups[0]!.rows[0]!.share).toBeNull();
  });

  it("is read the same way by the goals list and the home pages' strip", async () => {
    const cro = await db().user.findFirstOrThrow({ where: { role: "CRO" } });
    await db().goal.deleteMany({});
    await db().goal.create({
      data: { title: "Q4 MQLs", metric: "MQLS", target: 300, periodStart: new Date("2026-10-01"), periodEnd: new Date("2026-12-31"), status: "AGREED", createdById: cro.id },
    });
    await db().goal.create({
      data: { title: "Next year", metric: "MQLS", target: 300, periodStart: new Date("2027-01-01"), periodEnd: new Date("2027-03-31"), status: "AGREED", createdById: cro.id },
    });
    const strip = await currentGoals(now);
    expect(strip.map((goal) => goal.title)).toEqual(["Q4 MQLs"]);
    expect(strip[0]!.progress.current).toBe((await goalProgress(scope("MQLS"), now)).current);
    expect(strip[0]!.progress.pace).toMatchObject({ phase: "RUNNING", elapsedDays: 53, lengthDays: 92 });

    const list = await listGoals({ status: "AGREED", page: 1 }, now);
    expect(list.rows.map((goal) => [goal.title, goal.progress.pace.phase])).toEqual([
      ["Next year", "NOT_STARTED"],
      ["Q4 MQLs", "RUNNING"],
    ]);
    expect(list.rows[0]!.progress.current).toBeNull();
  });
});
