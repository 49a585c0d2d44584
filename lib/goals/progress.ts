import "server-only";
// A goal's progress, live from the metrics module: the same exported reads, with the same MetricsFilter, as the
// dashboards use, so a goal's figure is always the figure the dashboards show for that period and filter. Nothing here
// reads the funnel tables itself.
import type { GoalMetric } from "../db/enums";
import { funnelFigures, handoverFigures, pipelineFigures, rollupTotals, type MetricsFilter } from "../metrics/queries";
import type { Period } from "../metrics/rules";
import { measuredPeriod, pace, trendPoints, weekWindows, type Pace, type TrendPoint } from "./rules";

/** What a goal's figures need to know about it. */
export interface GoalScope {
  metric: GoalMetric;
  target: number;
  /** "YYYY-MM-DD", both inclusive. */
  periodStart: string;
  periodEnd: string;
  source: MetricsFilter["source"] | null;
  campaignId: string | null;
}

/**
 * The metric's figure for the filter, from lib/metrics:
 * - PIPELINE_AMOUNT: pipelineFigures → contribution.total.amount (the dashboards' "New pipeline");
 * - MARKETING_SOURCED_SHARE: pipelineFigures → contribution.sourced.share;
 * - WON_AMOUNT: rollupTotals → the amount entering WON in the period;
 * - SQLS, MQLS: funnelFigures → the cohort's entries into SQL and MQL;
 * - MQL_ACCEPTANCE_RATE, SLA_COMPLIANCE, SPEED_TO_LEAD: handoverFigures → acceptance rate, SLA compliance, median ms.
 */
export async function metricFigure(metric: GoalMetric, filter: MetricsFilter, now = new Date()): Promise<number | null> {
  switch (metric) {
    case "PIPELINE_AMOUNT":
      return (await pipelineFigures(filter)).contribution.total.amount;
    case "MARKETING_SOURCED_SHARE":
      return (await pipelineFigures(filter)).contribution.sourced.share;
    case "WON_AMOUNT":
      return (await rollupTotals(filter)).byStage.find((row) => row.stage === "WON")?.amount ?? 0;
    case "SQLS":
    case "MQLS": {
      const stage = metric === "SQLS" ? "SQL" : "MQL";
      return (await funnelFigures(filter)).cohort.stages.find((row) => row.stage === stage)?.entered ?? 0;
    }
    case "MQL_ACCEPTANCE_RATE":
      return (await handoverFigures(filter, filter.period, now)).acceptance.acceptanceRate;
    case "SLA_COMPLIANCE":
      return (await handoverFigures(filter, filter.period, now)).sla.compliance;
    case "SPEED_TO_LEAD":
      return (await handoverFigures(filter, filter.period, now)).speed.medianMs;
  }
}

const dayOf = (key: string) => new Date(`${key}T00:00:00.000Z`);

/** The goal's own filter over a period: its source and campaign, if it has them. */
export function goalFilter(goal: GoalScope, period: Period): MetricsFilter {
  return { period, ...(goal.source && { source: goal.source }), ...(goal.campaignId && { campaignId: goal.campaignId }) };
}

export interface GoalProgress {
  /** The figure from the period's start up to today; null before the start, or when the metric has none yet. */
  current: number | null;
  pace: Pace;
  /** The part of the period measured so far (from, to exclusive), as ISO strings; null before the start. */
  measured: { from: string; to: string } | null;
}

export async function goalProgress(goal: GoalScope, now = new Date()): Promise<GoalProgress> {
  const start = dayOf(goal.periodStart);
  const end = dayOf(goal.periodEnd);
  const measured = measuredPeriod(start, end, now);
  const current = measured ? await metricFigure(goal.metric, goalFilter(goal, measured), now) : null;
  return {
    current,
    pace: pace({ metric: goal.metric, target: goal.target, current, start, end, now }),
    measured: measured && { from: measured.from.toISOString(), to: measured.to.toISOString() },
  };
}

/** Runs `task` over the items at most `limit` at a time: the database pool is shared with every other request. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The weekly trend of the measured period: each week's figure from lib/metrics, cumulated for sums (see trendPoints). */
export async function goalTrend(goal: GoalScope, now = new Date()): Promise<TrendPoint[]> {
  const start = dayOf(goal.periodStart);
  const measured = measuredPeriod(start, dayOf(goal.periodEnd), now);
  if (!measured) return [];
  const windows = weekWindows(measured);
  const values = await mapLimited(windows, 4, (window) => metricFigure(goal.metric, goalFilter(goal, window), now));
  return trendPoints(
    { metric: goal.metric, target: goal.target, start, end: dayOf(goal.periodEnd) },
    windows.map((window, index) => ({ window, value: values[index] ?? null })),
  );
}
