import "server-only";
// The reads behind every dashboard: small SQL aggregates over the funnel rollup (days × stages × dimensions) and over
// the period's handovers, turned into figures by the pure formulas in ./rules. Nothing here scans all leads.
import { db, Prisma } from "../db/client";
import type { LeadSource, Stage } from "../db/enums";
import {
  cohortFunnel,
  compareAll,
  disputeSummary,
  MARKETING_SOURCES,
  mqlAcceptance,
  periodView,
  pipelineContribution,
  previousPeriod,
  rejectionReasons,
  rejectionTrend,
  SALES_SOURCES,
  salesPerformance,
  slaCompliance,
  speedToLead,
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

export interface MetricsFilter {
  period: Period;
  /** Marketing-sourced or sales-sourced leads only. */
  team?: "marketing" | "sales";
  repId?: string;
  source?: LeadSource;
  /** A campaign id, or "none" for leads without a campaign. */
  campaignId?: string;
}

const sql = Prisma.sql;

/**
 * A team's sources as an array of the enum, not the column cast to text: compared as the enum, the planner can use the
 * source indexes and knows how many rows match (a text cast made it guess 1 in 200 and pick plans that scan all leads).
 */
function teamSources(team: NonNullable<MetricsFilter["team"]>): string[] {
  return team === "marketing" ? MARKETING_SOURCES : SALES_SOURCES;
}

/** The filter as conditions on FunnelRollup rows (alias r). */
export function rollupWhere(filter: MetricsFilter, period: Period) {
  const parts = [sql`r.day >= ${period.from}::date`, sql`r.day < ${period.to}::date`];
  if (filter.source) parts.push(sql`r.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`r.source = ANY(${teamSources(filter.team)}::"LeadSource"[])`);
  if (filter.repId) parts.push(sql`r."repId" = ${filter.repId}`);
  if (filter.campaignId) parts.push(sql`r."campaignId" = ${filter.campaignId === "none" ? "" : filter.campaignId}`);
  return Prisma.join(parts, " AND ");
}

/** The filter as conditions on a lead (alias l), for reads outside the rollup. */
export function leadWhere(filter: MetricsFilter) {
  const parts = [sql`true`];
  if (filter.source) parts.push(sql`l.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`l.source = ANY(${teamSources(filter.team)}::"LeadSource"[])`);
  if (filter.campaignId) parts.push(filter.campaignId === "none" ? sql`l."campaignId" IS NULL` : sql`l."campaignId" = ${filter.campaignId}`);
  return Prisma.join(parts, " AND ");
}

export interface FunnelFigures {
  cohort: CohortFunnel;
  view: PeriodView;
}

/** What the headline figures read from the rollup for one period: one pass over its rows, three groupings at once. */
export interface RollupTotals {
  /** Entries per day and stage, every stage. */
  byDay: StageDayCount[];
  /** Per stage: entries, how many of them advanced, and the amount entered (OPPORTUNITY, WON). */
  byStage: { stage: Stage; entered: number; advanced: number; amount: number }[];
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
}

export async function rollupTotals(filter: MetricsFilter, period = filter.period): Promise<RollupTotals> {
  const influenced = sql`(r."campaignId" <> '')`;
  const rows = await db().$queryRaw<RollupGroupRow[]>(sql`
    SELECT GROUPING(r.day, r.source, ${influenced})::int AS grouping, to_char(r.day, 'YYYY-MM-DD') AS day, r.stage, r.source, ${influenced} AS influenced,
           sum(r.entered)::int AS entered, sum(r.advanced)::int AS advanced, sum(r.amount)::float8 AS amount
    FROM "FunnelRollup" r WHERE ${rollupWhere(filter, period)}
    GROUP BY GROUPING SETS ((r.day, r.stage), (r.stage), (r.stage, r.source, ${influenced}))
    HAVING GROUPING(r.day, r.source, ${influenced}) <> 4 OR r.stage = 'OPPORTUNITY'`);
  return {
    byDay: rows.filter((row) => row.grouping === 3).map((row) => ({ day: row.day!, stage: row.stage, count: row.entered })),
    byStage: rows.filter((row) => row.grouping === 7).map((row) => ({ stage: row.stage, entered: row.entered, advanced: row.advanced, amount: row.amount })),
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

/** Whether the filter asks about the lead itself (source, team, campaign): only then do reads outside the rollup join it. */
function filtersLeads(filter: MetricsFilter): boolean {
  return Boolean(filter.source || filter.team || filter.campaignId);
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
  pendingOverdue: number;
  pendingInTime: number;
  upheld: number;
  reassigned: number;
  /** Speed-to-lead durations (ms), on the overall row only. */
  speeds: number[] | null;
}

/** Handovers made in the period (by their creation day), with their outcomes, service levels and speed to lead. */
export async function handoverFigures(filter: MetricsFilter, period = filter.period, now = new Date()): Promise<HandoverFigures> {
  const joinLead = filtersLeads(filter);
  const scope = sql`h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to} AND h.status <> 'REASSIGNED'
    ${joinLead ? sql`AND ${leadWhere(filter)}` : sql``} ${filter.repId ? sql`AND h."toUserId" = ${filter.repId}` : sql``}`;
  const from = joinLead ? sql`FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId"` : sql`FROM "Handover" h`;
  // One pass over the period's handovers, counted four ways at once (GROUPING SETS). The speed-to-lead durations come
  // back as one array on the overall row rather than one row each: a year of handovers is a six-figure number of them.
  const rejectedDay = sql`CASE WHEN h.status IN ('REJECTED', 'DISPUTED') THEN to_char(h."createdAt"::date, 'YYYY-MM-DD') END`;
  const grouping = sql`GROUPING(h.status, h."reasonCode", ${rejectedDay})`;
  const groups = await db().$queryRaw<HandoverGroupRow[]>(sql`
      SELECT ${grouping}::int AS grouping, h.status, h."reasonCode" AS code, ${rejectedDay} AS day,
             count(*)::int AS count, min(h."reasonLabel") AS label,
             count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" <= h."dueAt")::int AS "answeredInTime",
             count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" > h."dueAt")::int AS "answeredLate",
             count(*) FILTER (WHERE h."respondedAt" IS NULL AND h.status = 'PENDING' AND h."dueAt" < ${now})::int AS "pendingOverdue",
             count(*) FILTER (WHERE h."respondedAt" IS NULL AND (h.status <> 'PENDING' OR h."dueAt" >= ${now}))::int AS "pendingInTime",
             count(*) FILTER (WHERE h.resolution = 'UPHELD')::int AS upheld, count(*) FILTER (WHERE h.resolution = 'REASSIGNED')::int AS reassigned,
             CASE WHEN ${grouping} = 7 THEN array_agg((extract(epoch FROM h."firstTouchAt" - h."createdAt") * 1000)::float8) FILTER (WHERE h."firstTouchAt" IS NOT NULL) END AS speeds
      ${from} WHERE ${scope}
      GROUP BY GROUPING SETS ((h.status), (h."reasonCode"), (${rejectedDay}), ())`);
  const statuses = groups.filter((row) => row.grouping === 3 && row.status !== null);
  const reasons = groups.flatMap((row) => (row.grouping === 5 && row.code !== null ? [{ code: row.code, label: row.label as string, count: row.count }] : []));
  const rejectionDays: DayCount[] = groups.flatMap((row) => (row.grouping === 6 && row.day !== null ? [{ day: row.day, count: row.count }] : []));
  const totals = groups.find((row) => row.grouping === 7);
  // A handover a manager moved to another rep is replaced by the new one: counting both would hand one MQL over twice.
  const counts = Object.fromEntries(statuses.filter((row) => row.status !== "REASSIGNED").map((row) => [row.status, row.count])) as HandoverStatusCounts;
  return {
    acceptance: mqlAcceptance(counts),
    reasons: rejectionReasons(reasons),
    rejectionsByWeek: rejectionTrend(rejectionDays, period),
    speed: speedToLead(totals?.speeds ?? []),
    sla: slaCompliance(
      totals
        ? { answeredInTime: totals.answeredInTime, answeredLate: totals.answeredLate, pendingOverdue: totals.pendingOverdue, pendingInTime: totals.pendingInTime }
        : { answeredInTime: 0, answeredLate: 0, pendingOverdue: 0, pendingInTime: 0 },
    ),
    disputes: disputeSummary(counts, totals ? { upheld: totals.upheld, reassigned: totals.reassigned } : { upheld: 0, reassigned: 0 }),
  };
}

export interface PipelineFigures {
  contribution: PipelineContribution;
  performance: SalesPerformance;
}

/** Opportunities opened and deals closed in the period. `totals` as for funnelFigures. */
export async function pipelineFigures(filter: MetricsFilter, period = filter.period, totals = rollupTotals(filter, period)): Promise<PipelineFigures> {
  const joinLead = filtersLeads(filter);
  const [{ byStage, opportunities }, [cycle]] = await Promise.all([
    totals,
    // Sales cycle: from the last SAL before each win to the win, for the period's wins.
    db().$queryRaw<{ totalMs: number; deals: number }[]>(sql`
      SELECT coalesce(sum(extract(epoch FROM w.at - s.at) * 1000), 0)::float8 AS "totalMs", count(s.at)::int AS deals
      FROM "StageChange" w ${joinLead ? sql`JOIN "Lead" l ON l.id = w."leadId"` : sql``}
      CROSS JOIN LATERAL (SELECT max(x.at) AS at FROM "StageChange" x WHERE x."leadId" = w."leadId" AND x."toStage" = 'SAL' AND x.at <= w.at) s
      WHERE w."toStage" = 'WON' AND w.at >= ${period.from} AND w.at < ${period.to} ${joinLead ? sql`AND ${leadWhere(filter)}` : sql``}
        ${filter.repId ? sql`AND w."repId" = ${filter.repId}` : sql``}`),
  ]);
  const stage = (name: Stage) => byStage.find((row) => row.stage === name);
  const closed = {
    won: stage("WON")?.entered ?? 0,
    lost: stage("LOST")?.entered ?? 0,
    wonAmount: stage("WON")?.amount ?? 0,
    opportunities: stage("OPPORTUNITY")?.entered ?? 0,
  };
  return {
    contribution: pipelineContribution(opportunities),
    performance: salesPerformance({ ...closed, cycle: cycle ?? { totalMs: 0, deals: 0 } }),
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
    Promise.all([funnelFigures(filter, previous, totalsBefore), handoverFigures(filter, previous), pipelineFigures(filter, previous, totalsBefore)]),
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
    },
  );
  return { period: filter.period, previous, funnel, handovers, pipeline, trends, comparison };
}
export type RevenueDashboard = Awaited<ReturnType<typeof revenueDashboard>>;
