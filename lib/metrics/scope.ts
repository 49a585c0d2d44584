import "server-only";
// Which rows answer a dashboard filter: the filter as SQL conditions on the rollups, the handovers and the leads, and
// the choice of rollup (see ./queries). Shared by every read of the metrics module.
import { Prisma } from "../db/client";
import type { LeadSource } from "../db/enums";
import { MARKETING_SOURCES, SALES_SOURCES, wholeWeeks, type Period } from "./rules";

const sql = Prisma.sql;

export interface MetricsFilter {
  period: Period;
  /** Marketing-sourced or sales-sourced leads only. */
  team?: "marketing" | "sales";
  repId?: string;
  source?: LeadSource;
  /** A campaign id, or "none" for leads without a campaign. */
  campaignId?: string;
}

/**
 * A team's sources as an array of the enum, not the column cast to text: compared as the enum, the planner can use the
 * source indexes and knows how many rows match (a text cast made it guess 1 in 200 and pick plans that scan all leads).
 */
export function teamSources(team: NonNullable<MetricsFilter["team"]>): string[] {
  return team === "marketing" ? MARKETING_SOURCES : SALES_SOURCES;
}

/** Whether the filter names a rep or one campaign: only then are the finer rows read. */
export function picksRepOrCampaign(filter: MetricsFilter): boolean {
  return Boolean(filter.repId || (filter.campaignId && filter.campaignId !== "none"));
}

export interface RollupScope {
  /** The rollup table, aliased r. */
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** Whether a row's leads came with a campaign (marketing-influenced). */
  influenced: Prisma.Sql;
}

/**
 * Daily rows, or weekly ones for the whole ISO weeks of the period plus daily ones for its first and last days: a
 * year is then about 52 weeks and a dozen days of rows instead of 325 days. Both kinds come back as rows of `r`
 * with a `day` (a week's row carries its Monday, so weekly series still bucket it right; per-day detail is lost).
 */
export function dailyOrWeekly(daily: string, weekly: string, columns: string, period: Period): Prisma.Sql {
  const weeks = wholeWeeks(period);
  if (!weeks) return sql`(SELECT day, ${Prisma.raw(columns)} FROM ${Prisma.raw(`"${daily}"`)} WHERE day >= ${period.from}::date AND day < ${period.to}::date) r`;
  return sql`(
    SELECT day, ${Prisma.raw(columns)} FROM ${Prisma.raw(`"${daily}"`)}
    WHERE (day >= ${period.from}::date AND day < ${weeks.from}::date) OR (day >= ${weeks.to}::date AND day < ${period.to}::date)
    UNION ALL
    SELECT week, ${Prisma.raw(columns)} FROM ${Prisma.raw(`"${weekly}"`)} WHERE week >= ${weeks.from}::date AND week < ${weeks.to}::date) r`;
}

const SOURCE_ROLLUP_COLUMNS = `stage, source, influenced, entered, advanced, amount, "cycleMs", cycles`;

/**
 * The funnel rollup that answers the filter for the period, and the filter as conditions on its rows. `byCampaign`:
 * the caller groups by campaign, which only FunnelRollup has.
 */
export function rollupScope(filter: MetricsFilter, period: Period, options: { byCampaign?: boolean } = {}): RollupScope {
  const fine = options.byCampaign || picksRepOrCampaign(filter);
  const parts = [sql`r.day >= ${period.from}::date`, sql`r.day < ${period.to}::date`];
  if (filter.source) parts.push(sql`r.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`r.source = ANY(${teamSources(filter.team)}::"LeadSource"[])`);
  if (filter.repId) parts.push(sql`r."repId" = ${filter.repId}`);
  if (filter.campaignId) {
    if (fine) parts.push(sql`r."campaignId" = ${filter.campaignId === "none" ? "" : filter.campaignId}`);
    else parts.push(sql`r.influenced = false`);
  }
  return fine
    ? { from: sql`"FunnelRollup" r`, where: Prisma.join(parts, " AND "), influenced: sql`(r."campaignId" <> '')` }
    : {
        from: dailyOrWeekly("FunnelSourceRollup", "FunnelSourceWeekly", SOURCE_ROLLUP_COLUMNS, period),
        where: Prisma.join(parts, " AND "),
        influenced: sql`r.influenced`,
      };
}

/** The filter as conditions on handovers (alias h), which carry their lead's source and campaign. */
export function handoverWhere(filter: MetricsFilter) {
  const parts = [sql`true`];
  if (filter.source) parts.push(sql`h.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`h.source = ANY(${teamSources(filter.team)}::"LeadSource"[])`);
  if (filter.campaignId) parts.push(filter.campaignId === "none" ? sql`h."campaignId" IS NULL` : sql`h."campaignId" = ${filter.campaignId}`);
  if (filter.repId) parts.push(sql`h."toUserId" = ${filter.repId}`);
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

