import "server-only";
// The reads behind every dashboard: small SQL aggregates over the rollups (days × stages × dimensions), turned into
// figures by the pure formulas in ./rules. Nothing here scans all leads. Which rollup answers depends on the filter:
// - FunnelSourceRollup and HandoverRollup (day × source × with/without campaign) unless a rep or one campaign is chosen;
// - FunnelRollup (day × stage × source × campaign × rep) and the handovers themselves (by their rep or campaign
//   index) when one is: those filters keep the rows read few.
// Speed to lead's percentiles need the durations themselves: they come from a narrow index of the touched handovers.
import { db, Prisma } from "../db/client";
import type { LeadSource, Stage } from "../db/enums";
import { dailyOrWeekly, handoverWhere, leadWhere, picksRepOrCampaign, rollupScope, teamSources, type MetricsFilter } from "./scope";
import { speedFigures } from "./speed-query";
import {
  cohortFunnel,
  compareAll,
  disputeSummary,
  mqlAcceptance,
  periodView,
  pipelineContribution,
  previousPeriod,
  rejectionReasons,
  rejectionTrend,
  salesPerformance,
  slaCompliance,
  speedFromSummary,
  SPEED_BUCKETS,
  weeklySeries,
  type CohortFunnel,
  type Comparison,
  type DayCount,
  type HandoverStatusCounts,
  type MqlAcceptance,
  type PathStage,
  type Period,
  type PeriodView,
  type PipelineContribution,
  type ReasonShare,
  type SalesPerformance,
  type SlaCompliance,
  type SpeedToLead,
  type StageDayCount,
  type WeekCount,
} from "./rules";

export { handoverWhere, leadWhere, rollupScope, type MetricsFilter, type RollupScope } from "./scope";

const sql = Prisma.sql;

export interface FunnelFigures {
  cohort: CohortFunnel;
  view: PeriodView;
}

/** What the headline figures read from the rollup for one period: one pass over its rows, three groupings at once. */
export interface RollupTotals {
  /** Entries per day and stage, every stage. */
  byDay: StageDayCount[];
  /** Per stage: entries, how many of them advanced, the amount entered (OPPORTUNITY, WON), the wins' sales cycles. */
  byStage: { stage: Stage; entered: number; advanced: number; amount: number; cycleMs: number; cycles: number }[];
  /** Opportunities opened per source, with or without a campaign. */
  opportunities: { source: LeadSource; influenced: boolean; count: number; amount: number }[];
}

interface RollupGroupRow {
  /** 3 per day and stage, 7 per stage, 4 per stage, source and campaign influence. */
  grouping: number;
  day: string | null;
  stage: Stage;
  source: LeadSource | null;
  influenced: boolean | null;
  entered: number;
  advanced: number;
  amount: number;
  cycleMs: number;
  cycles: number;
}

export async function rollupTotals(filter: MetricsFilter, period = filter.period): Promise<RollupTotals> {
  const { from, where, influenced } = rollupScope(filter, period);
  const rows = await db().$queryRaw<RollupGroupRow[]>(sql`
    SELECT GROUPING(r.day, r.source, ${influenced})::int AS grouping, to_char(r.day, 'YYYY-MM-DD') AS day, r.stage, r.source, ${influenced} AS influenced,
           sum(r.entered)::int AS entered, sum(r.advanced)::int AS advanced, sum(r.amount)::float8 AS amount,
           sum(r."cycleMs")::float8 AS "cycleMs", sum(r.cycles)::int AS cycles
    FROM ${from} WHERE ${where}
    GROUP BY GROUPING SETS ((r.day, r.stage), (r.stage), (r.stage, r.source, ${influenced}))
    HAVING GROUPING(r.day, r.source, ${influenced}) <> 4 OR r.stage = 'OPPORTUNITY'`);
  return {
    byDay: rows.filter((row) => row.grouping === 3).map((row) => ({ day: row.day!, stage: row.stage, count: row.entered })),
    byStage: rows
      .filter((row) => row.grouping === 7)
      .map((row) => ({ stage: row.stage, entered: row.entered, advanced: row.advanced, amount: row.amount, cycleMs: row.cycleMs, cycles: row.cycles })),
    opportunities: rows
      .filter((row) => row.grouping === 4)
      .map((row) => ({ source: row.source!, influenced: row.influenced!, count: row.entered, amount: row.amount })),
  };
}

const PATH_STAGES: readonly Stage[] = ["INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON"];

/** `totals`: the period's rollup totals when the caller has them already (revenueDashboard reads them once). */
export async function funnelFigures(filter: MetricsFilter, period = filter.period, totals = rollupTotals(filter, period)): Promise<FunnelFigures> {
  const [{ byStage: stages, byDay }, [won]] = await Promise.all([
    totals,
    // Of the period's inquiries, those won by now (WON is final, so the lead's stage says it).
    db().$queryRaw<{ count: number }[]>(sql`
      SELECT count(*)::int AS count FROM "Lead" l
      WHERE l.stage = 'WON' AND l."createdAt" >= ${period.from} AND l."createdAt" < ${period.to} AND ${leadWhere(filter)}
        ${filter.repId ? sql`AND l."ownerId" = ${filter.repId}` : sql``}`),
  ]);
  const byStage = stages.filter((row): row is typeof row & { stage: PathStage } => PATH_STAGES.includes(row.stage));
  const inquiries = byStage.find((row) => row.stage === "INQUIRY")?.entered ?? 0;
  return {
    cohort: cohortFunnel({
      // Advanced WON is meaningless (end of the path); the rollup never counts it.
      stages: byStage.map((row) => ({ stage: row.stage, entered: row.entered, advanced: row.stage === "WON" ? 0 : row.advanced })),
      inquiryWon: Math.min(won?.count ?? 0, inquiries),
    }),
    view: periodView(byDay, period),
  };
}

export interface HandoverFigures {
  acceptance: MqlAcceptance;
  reasons: ReasonShare[];
  rejectionsByWeek: WeekCount[];
  speed: SpeedToLead;
  sla: SlaCompliance;
  disputes: ReturnType<typeof disputeSummary>;
}

interface HandoverGroupRow {
  /** Which grouping the row belongs to: 3 by status, 5 by reason, 6 by rejection day, 7 all of the period's handovers. */
  grouping: number;
  status: string | null;
  code: string | null;
  label: string | null;
  day: string | null;
  count: number;
  answeredInTime: number;
  answeredLate: number;
  /** Not answered: still PENDING (split into overdue and in time afterwards), or closed without an answer. */
  pending: number;
  unansweredClosed: number;
  upheld: number;
  reassigned: number;
}

/**
 * The period's handovers (by creation day; REASSIGNED ones left out) counted four ways at once (GROUPING SETS): by
 * status, by reason, by rejection day, and all together. From HandoverRollup, or from the handovers themselves when a
 * rep or one campaign is chosen (their indexes keep that small); both give the same rows.
 */
function handoverGroups(filter: MetricsFilter, period: Period): Promise<HandoverGroupRow[]> {
  const rejectedDay = (day: Prisma.Sql) => sql`CASE WHEN status IN ('REJECTED', 'DISPUTED') THEN to_char(${day}, 'YYYY-MM-DD') END`;
  if (picksRepOrCampaign(filter)) {
    const day = rejectedDay(sql`h."createdAt"::date`);
    const grouping = sql`GROUPING(h.status, h."reasonCode", ${day})`;
    return db().$queryRaw<HandoverGroupRow[]>(sql`
      SELECT ${grouping}::int AS grouping, h.status, h."reasonCode" AS code, ${day} AS day, count(*)::int AS count, min(h."reasonLabel") AS label,
             count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" <= h."dueAt")::int AS "answeredInTime",
             count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" > h."dueAt")::int AS "answeredLate",
             count(*) FILTER (WHERE h."respondedAt" IS NULL AND h.status = 'PENDING')::int AS pending,
             count(*) FILTER (WHERE h."respondedAt" IS NULL AND h.status <> 'PENDING')::int AS "unansweredClosed",
             count(*) FILTER (WHERE h.resolution = 'UPHELD')::int AS upheld, count(*) FILTER (WHERE h.resolution = 'REASSIGNED')::int AS reassigned
      FROM "Handover" h
      WHERE h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to} AND h.status <> 'REASSIGNED' AND ${handoverWhere(filter)}
      GROUP BY GROUPING SETS ((h.status), (h."reasonCode"), (${day}), ())`);
  }
  const day = rejectedDay(sql`r.day`);
  const code = sql`nullif(r."reasonCode", '')`;
  const grouping = sql`GROUPING(r.status, ${code}, ${day})`;
  const parts = [sql`r.day >= ${period.from}::date`, sql`r.day < ${period.to}::date`, sql`r.status <> 'REASSIGNED'`];
  if (filter.source) parts.push(sql`r.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`r.source = ANY(${teamSources(filter.team)}::"LeadSource"[])`);
  if (filter.campaignId === "none") parts.push(sql`r.influenced = false`);
  return db().$queryRaw<HandoverGroupRow[]>(sql`
    SELECT ${grouping}::int AS grouping, r.status, ${code} AS code, ${day} AS day, sum(r.handovers)::int AS count,
           min(nullif(r."reasonLabel", '')) AS label,
           sum(r."answeredInTime")::int AS "answeredInTime", sum(r."answeredLate")::int AS "answeredLate",
           (sum(r.handovers) FILTER (WHERE r.status = 'PENDING'))::int AS pending, sum(r."unansweredClosed")::int AS "unansweredClosed",
           sum(r.upheld)::int AS upheld, sum(r.reassigned)::int AS reassigned
    FROM ${dailyOrWeekly("HandoverRollup", "HandoverWeekly", HANDOVER_ROLLUP_COLUMNS, period)} WHERE ${Prisma.join(parts, " AND ")}
    GROUP BY GROUPING SETS ((r.status), (${code}), (${day}), ())
    HAVING sum(r.handovers) <> 0`);
}

const HANDOVER_ROLLUP_COLUMNS = `source, influenced, status, "reasonCode", "reasonLabel", handovers, "answeredInTime", "answeredLate", "unansweredClosed", upheld, reassigned`;

/**
 * Of the period's handovers still PENDING, those past their due time at `now`. Read from the handovers (the rollup
 * cannot know the time of reading); the pending ones are few and indexed by status.
 */
async function pendingOverdue(filter: MetricsFilter, period: Period, now: Date): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>(sql`
    SELECT count(*)::int AS count FROM "Handover" h
    WHERE h.status = 'PENDING' AND h."respondedAt" IS NULL AND h."dueAt" < ${now}
      AND h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to} AND ${handoverWhere(filter)}`);
  return row?.count ?? 0;
}

const NO_SPEED: SpeedToLead = speedFromSummary({ count: 0, medianMs: null, p95Ms: null, bucketCounts: SPEED_BUCKETS.map(() => 0) });

/**
 * Handovers made in the period (by their creation day), with their outcomes, service levels and speed to lead.
 * `speed: false` skips speed to lead (left empty) where only the counts are shown, e.g. a previous period's rates.
 */
export async function handoverFigures(filter: MetricsFilter, period = filter.period, now = new Date(), options: { speed?: boolean } = {}): Promise<HandoverFigures> {
  const [groups, overdue, speed] = await Promise.all([
    handoverGroups(filter, period),
    pendingOverdue(filter, period, now),
    options.speed === false ? NO_SPEED : speedFigures(filter, period),
  ]);
  const statuses = groups.filter((row) => row.grouping === 3 && row.status !== null);
  const reasons = groups.flatMap((row) => (row.grouping === 5 && row.code !== null ? [{ code: row.code, label: row.label as string, count: row.count }] : []));
  const rejectionDays: DayCount[] = groups.flatMap((row) => (row.grouping === 6 && row.day !== null ? [{ day: row.day, count: row.count }] : []));
  const totals = groups.find((row) => row.grouping === 7);
  // A handover a manager moved to another rep is replaced by the new one: counting both would hand one MQL over twice.
  const counts = Object.fromEntries(statuses.filter((row) => row.status !== "REASSIGNED").map((row) => [row.status, row.count])) as HandoverStatusCounts;
  // Unanswered and not overdue counts as in time, as in slaClock: still PENDING within the due time, or closed unanswered.
  const pending = totals?.pending ?? 0;
  return {
    acceptance: mqlAcceptance(counts),
    reasons: rejectionReasons(reasons),
    rejectionsByWeek: rejectionTrend(rejectionDays, period),
    speed,
    sla: slaCompliance({
      answeredInTime: totals?.answeredInTime ?? 0,
      answeredLate: totals?.answeredLate ?? 0,
      pendingOverdue: overdue,
      pendingInTime: pending - overdue + (totals?.unansweredClosed ?? 0),
    }),
    disputes: disputeSummary(counts, totals ? { upheld: totals.upheld, reassigned: totals.reassigned } : { upheld: 0, reassigned: 0 }),
  };
}

export interface PipelineFigures {
  contribution: PipelineContribution;
  performance: SalesPerformance;
}

/**
 * Opportunities opened and deals closed in the period. `totals` as for funnelFigures. The sales cycle comes with the
 * wins in the rollup: from each win's last SAL before it (see lib/metrics/rollup.ts).
 */
export async function pipelineFigures(filter: MetricsFilter, period = filter.period, totals = rollupTotals(filter, period)): Promise<PipelineFigures> {
  const { byStage, opportunities } = await totals;
  const stage = (name: Stage) => byStage.find((row) => row.stage === name);
  const won = stage("WON");
  const closed = {
    won: won?.entered ?? 0,
    lost: stage("LOST")?.entered ?? 0,
    wonAmount: won?.amount ?? 0,
    opportunities: stage("OPPORTUNITY")?.entered ?? 0,
  };
  return {
    contribution: pipelineContribution(opportunities),
    performance: salesPerformance({ ...closed, cycle: { totalMs: won?.cycleMs ?? 0, deals: won?.cycles ?? 0 } }),
  };
}

export interface WeeklyTrends {
  mqls: WeekCount[];
  accepted: WeekCount[];
  opportunities: WeekCount[];
  won: WeekCount[];
}

export async function weeklyTrends(filter: MetricsFilter, totals = rollupTotals(filter, filter.period)): Promise<WeeklyTrends> {
  const { byDay } = await totals;
  const series = (stage: string) => weeklySeries(byDay.filter((row) => row.stage === stage).map((row) => ({ day: row.day, count: row.count })), filter.period);
  return { mqls: series("MQL"), accepted: series("SAL"), opportunities: series("OPPORTUNITY"), won: series("WON") };
}

/** Everything the CRO's revenue dashboard shows, for the period and the one before it. */
export async function revenueDashboard(filter: MetricsFilter) {
  const previous = previousPeriod(filter.period);
  // The rollup is read once per period and shared by the funnel, the pipeline and the trends.
  const totals = rollupTotals(filter, filter.period);
  const totalsBefore = rollupTotals(filter, previous);
  const [funnel, handovers, pipeline, trends, before] = await Promise.all([
    funnelFigures(filter, filter.period, totals),
    handoverFigures(filter),
    pipelineFigures(filter, filter.period, totals),
    weeklyTrends(filter, totals),
    Promise.all([funnelFigures(filter, previous, totalsBefore), handoverFigures(filter, previous, undefined, { speed: false }), pipelineFigures(filter, previous, totalsBefore)]),
  ]);
  const [funnelBefore, handoversBefore, pipelineBefore] = before;
  const comparison: Record<string, Comparison> = compareAll(
    {
      inquiries: funnel.cohort.overall.entered,
      mqls: funnel.cohort.stages[1]!.entered,
      acceptanceRate: handovers.acceptance.acceptanceRate,
      slaCompliance: handovers.sla.compliance,
      pipeline: pipeline.contribution.total.amount,
      sourcedShare: pipeline.contribution.sourced.share,
      winRate: pipeline.performance.winRate,
      velocity: pipeline.performance.velocity,
      averageDealSize: pipeline.performance.averageDealSize,
      salesCycleDays: pipeline.performance.salesCycleDays,
    },
    {
      inquiries: funnelBefore.cohort.overall.entered,
      mqls: funnelBefore.cohort.stages[1]!.entered,
      acceptanceRate: handoversBefore.acceptance.acceptanceRate,
      slaCompliance: handoversBefore.sla.compliance,
      pipeline: pipelineBefore.contribution.total.amount,
      sourcedShare: pipelineBefore.contribution.sourced.share,
      winRate: pipelineBefore.performance.winRate,
      velocity: pipelineBefore.performance.velocity,
      averageDealSize: pipelineBefore.performance.averageDealSize,
      salesCycleDays: pipelineBefore.performance.salesCycleDays,
    },
  );
  return { period: filter.period, previous, funnel, handovers, pipeline, trends, comparison };
}
export type RevenueDashboard = Awaited<ReturnType<typeof revenueDashboard>>;
