import "server-only";
// The reads behind every dashboard: small SQL aggregates over the funnel rollup (days × stages × dimensions) and over
// the period's handovers, turned into figures by the pure formulas in ./rules. Nothing here scans all leads.
import { db, Prisma } from "../db/client";
import type { LeadSource } from "../db/enums";
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

/** The filter as conditions on FunnelRollup rows (alias r). */
function rollupWhere(filter: MetricsFilter, period: Period) {
  const parts = [sql`r.day >= ${period.from}::date`, sql`r.day < ${period.to}::date`];
  if (filter.source) parts.push(sql`r.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`r.source::text = ANY(${filter.team === "marketing" ? MARKETING_SOURCES : SALES_SOURCES})`);
  if (filter.repId) parts.push(sql`r."repId" = ${filter.repId}`);
  if (filter.campaignId) parts.push(sql`r."campaignId" = ${filter.campaignId === "none" ? "" : filter.campaignId}`);
  return Prisma.join(parts, " AND ");
}

/** The filter as conditions on a lead (alias l), for reads outside the rollup. */
function leadWhere(filter: MetricsFilter) {
  const parts = [sql`true`];
  if (filter.source) parts.push(sql`l.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`l.source::text = ANY(${filter.team === "marketing" ? MARKETING_SOURCES : SALES_SOURCES})`);
  if (filter.campaignId) parts.push(filter.campaignId === "none" ? sql`l."campaignId" IS NULL` : sql`l."campaignId" = ${filter.campaignId}`);
  return Prisma.join(parts, " AND ");
}

export interface FunnelFigures {
  cohort: CohortFunnel;
  view: PeriodView;
}

export async function funnelFigures(filter: MetricsFilter, period = filter.period): Promise<FunnelFigures> {
  const [byStage, byDay, [won]] = await Promise.all([
    db().$queryRaw<{ stage: PathStage; entered: number; advanced: number }[]>(sql`
      SELECT r.stage, sum(r.entered)::int AS entered, sum(r.advanced)::int AS advanced
      FROM "FunnelRollup" r WHERE ${rollupWhere(filter, period)} AND r.stage IN ('INQUIRY', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON')
      GROUP BY r.stage`),
    db().$queryRaw<StageDayCount[]>(sql`
      SELECT to_char(r.day, 'YYYY-MM-DD') AS day, r.stage, sum(r.entered)::int AS count
      FROM "FunnelRollup" r WHERE ${rollupWhere(filter, period)} GROUP BY 1, 2`),
    // Of the period's inquiries, those won by now (WON is final, so the lead's stage says it).
    db().$queryRaw<{ count: number }[]>(sql`
      SELECT count(*)::int AS count FROM "Lead" l
      WHERE l.stage = 'WON' AND l."createdAt" >= ${period.from} AND l."createdAt" < ${period.to} AND ${leadWhere(filter)}
        ${filter.repId ? sql`AND l."ownerId" = ${filter.repId}` : sql``}`),
  ]);
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

/** Handovers made in the period (by their creation day), with their outcomes, service levels and speed to lead. */
export async function handoverFigures(filter: MetricsFilter, period = filter.period, now = new Date()): Promise<HandoverFigures> {
  const scope = sql`h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to} AND h.status <> 'REASSIGNED' AND ${leadWhere(filter)}
    ${filter.repId ? sql`AND h."toUserId" = ${filter.repId}` : sql``}`;
  const from = sql`FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId"`;
  const [statuses, reasons, rejectionDays, speeds, [sla], [resolutions]] = await Promise.all([
    db().$queryRaw<{ status: string; count: number }[]>(sql`SELECT h.status, count(*)::int AS count ${from} WHERE ${scope} GROUP BY 1`),
    db().$queryRaw<{ code: string; label: string; count: number }[]>(sql`
      SELECT h."reasonCode" AS code, min(h."reasonLabel") AS label, count(*)::int AS count ${from}
      WHERE ${scope} AND h."reasonCode" IS NOT NULL GROUP BY 1`),
    db().$queryRaw<DayCount[]>(sql`
      SELECT to_char(h."createdAt"::date, 'YYYY-MM-DD') AS day, count(*)::int AS count ${from}
      WHERE ${scope} AND h.status IN ('REJECTED', 'DISPUTED') GROUP BY 1`),
    db().$queryRaw<{ ms: number }[]>(sql`
      SELECT (extract(epoch FROM h."firstTouchAt" - h."createdAt") * 1000)::float8 AS ms ${from}
      WHERE ${scope} AND h."firstTouchAt" IS NOT NULL`),
    db().$queryRaw<{ answeredInTime: number; answeredLate: number; pendingOverdue: number; pendingInTime: number }[]>(sql`
      SELECT count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" <= h."dueAt")::int AS "answeredInTime",
             count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" > h."dueAt")::int AS "answeredLate",
             count(*) FILTER (WHERE h."respondedAt" IS NULL AND h.status = 'PENDING' AND h."dueAt" < ${now})::int AS "pendingOverdue",
             count(*) FILTER (WHERE h."respondedAt" IS NULL AND (h.status <> 'PENDING' OR h."dueAt" >= ${now}))::int AS "pendingInTime"
      ${from} WHERE ${scope}`),
    db().$queryRaw<{ upheld: number; reassigned: number }[]>(sql`
      SELECT count(*) FILTER (WHERE h.resolution = 'UPHELD')::int AS upheld, count(*) FILTER (WHERE h.resolution = 'REASSIGNED')::int AS reassigned
      ${from} WHERE ${scope}`),
  ]);
  // A handover a manager moved to another rep is replaced by the new one: counting both would hand one MQL over twice.
  const counts = Object.fromEntries(statuses.filter((row) => row.status !== "REASSIGNED").map((row) => [row.status, row.count])) as HandoverStatusCounts;
  return {
    acceptance: mqlAcceptance(counts),
    reasons: rejectionReasons(reasons),
    rejectionsByWeek: rejectionTrend(rejectionDays, period),
    speed: speedToLead(speeds.map((row) => row.ms)),
    sla: slaCompliance(sla ?? { answeredInTime: 0, answeredLate: 0, pendingOverdue: 0, pendingInTime: 0 }),
    disputes: disputeSummary(counts, resolutions ?? { upheld: 0, reassigned: 0 }),
  };
}

export interface PipelineFigures {
  contribution: PipelineContribution;
  performance: SalesPerformance;
}

/** Opportunities opened and deals closed in the period. */
export async function pipelineFigures(filter: MetricsFilter, period = filter.period): Promise<PipelineFigures> {
  const [rows, [closed], [cycle]] = await Promise.all([
    db().$queryRaw<{ source: LeadSource; influenced: boolean; count: number; amount: number }[]>(sql`
      SELECT r.source, (r."campaignId" <> '') AS influenced, sum(r.entered)::int AS count, sum(r.amount)::float8 AS amount
      FROM "FunnelRollup" r WHERE ${rollupWhere(filter, period)} AND r.stage = 'OPPORTUNITY' GROUP BY 1, 2`),
    db().$queryRaw<{ won: number; lost: number; wonAmount: number; opportunities: number }[]>(sql`
      SELECT coalesce(sum(r.entered) FILTER (WHERE r.stage = 'WON'), 0)::int AS won,
             coalesce(sum(r.entered) FILTER (WHERE r.stage = 'LOST'), 0)::int AS lost,
             coalesce(sum(r.amount) FILTER (WHERE r.stage = 'WON'), 0)::float8 AS "wonAmount",
             coalesce(sum(r.entered) FILTER (WHERE r.stage = 'OPPORTUNITY'), 0)::int AS opportunities
      FROM "FunnelRollup" r WHERE ${rollupWhere(filter, period)}`),
    // Sales cycle: from the last SAL before each win to the win, for the period's wins.
    db().$queryRaw<{ totalMs: number; deals: number }[]>(sql`
      SELECT coalesce(sum(extract(epoch FROM w.at - s.at) * 1000), 0)::float8 AS "totalMs", count(s.at)::int AS deals
      FROM "StageChange" w JOIN "Lead" l ON l.id = w."leadId"
      CROSS JOIN LATERAL (SELECT max(x.at) AS at FROM "StageChange" x WHERE x."leadId" = w."leadId" AND x."toStage" = 'SAL' AND x.at <= w.at) s
      WHERE w."toStage" = 'WON' AND w.at >= ${period.from} AND w.at < ${period.to} AND ${leadWhere(filter)}
        ${filter.repId ? sql`AND w."repId" = ${filter.repId}` : sql``}`),
  ]);
  const totals = closed ?? { won: 0, lost: 0, wonAmount: 0, opportunities: 0 };
  return {
    contribution: pipelineContribution(rows),
    performance: salesPerformance({ ...totals, cycle: cycle ?? { totalMs: 0, deals: 0 } }),
  };
}

export interface WeeklyTrends {
  mqls: WeekCount[];
  accepted: WeekCount[];
  opportunities: WeekCount[];
  won: WeekCount[];
}

export async function weeklyTrends(filter: MetricsFilter): Promise<WeeklyTrends> {
  const rows = await db().$queryRaw<{ day: string; stage: string; entered: number }[]>(sql`
    SELECT to_char(r.day, 'YYYY-MM-DD') AS day, r.stage, sum(r.entered)::int AS entered
    FROM "FunnelRollup" r WHERE ${rollupWhere(filter, filter.period)} AND r.stage IN ('MQL', 'SAL', 'OPPORTUNITY', 'WON') GROUP BY 1, 2`);
  const series = (stage: string) => weeklySeries(rows.filter((row) => row.stage === stage).map((row) => ({ day: row.day, count: row.entered })), filter.period);
  return { mqls: series("MQL"), accepted: series("SAL"), opportunities: series("OPPORTUNITY"), won: series("WON") };
}

/** Everything the CRO's revenue dashboard shows, for the period and the one before it. */
export async function revenueDashboard(filter: MetricsFilter) {
  const previous = previousPeriod(filter.period);
  const [funnel, handovers, pipeline, trends, before] = await Promise.all([
    funnelFigures(filter),
    handoverFigures(filter),
    pipelineFigures(filter),
    weeklyTrends(filter),
    Promise.all([funnelFigures(filter, previous), handoverFigures(filter, previous), pipelineFigures(filter, previous)]),
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
