// The dashboards' filters as they live in the URL (?period=30d&team=marketing&rep=…&source=WEBINAR&campaign=…), turned
// into the MetricsFilter every read takes, and back into links: to the same dashboard with one filter changed, and to
// the leads list behind a figure. Pure: no database, no framework. Unit-tested in tests/unit/metrics-filter.test.ts.
import { z } from "zod";
import { LeadSource, type Stage } from "../db/enums";
import { SOURCE_LABELS } from "../leads/catalog";
import { leadListHref } from "../leads/rules";
import { leadListQuerySchema } from "../leads/schemas";
import { addDays, dayKey, isMarketingSource, resolvePeriod, type Period } from "./rules";
import type { MetricsFilter } from "./queries";

export const PERIOD_KEYS = ["7d", "30d", "90d", "quarter", "year"] as const;
export type PeriodKey = (typeof PERIOD_KEYS)[number];

export const PERIOD_LABELS: Record<PeriodKey, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  quarter: "Quarter to date",
  year: "Year to date",
};

export const TEAMS = ["marketing", "sales"] as const;
export const TEAM_LABELS: Record<(typeof TEAMS)[number], string> = { marketing: "Marketing-sourced", sales: "Sales-sourced" };

/** A user or campaign id (cuid or seed id), or "none" for leads without a campaign. */
const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .catch(undefined);

/** The dashboards' URL state. Anything unrecognised (or an empty select) falls back to the default, never an error. */
export const dashboardQuerySchema = z.object({
  period: z.enum(PERIOD_KEYS).catch("90d").default("90d"),
  team: z.enum(TEAMS).optional().catch(undefined),
  rep: id,
  source: z.enum(LeadSource).optional().catch(undefined),
  campaign: id,
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

export function parseDashboardQuery(params: Record<string, string | string[] | undefined>): DashboardQuery {
  return dashboardQuerySchema.parse(params);
}

/** The URL's filters as the metrics reads take them, with the period resolved to whole UTC days ending today. */
export function metricsFilter(query: DashboardQuery, now: Date): MetricsFilter {
  return {
    period: resolvePeriod(query.period, now),
    ...(query.team && { team: query.team }),
    ...(query.rep && { repId: query.rep }),
    ...(query.source && { source: query.source }),
    ...(query.campaign && { campaignId: query.campaign }),
  };
}

/** A dashboard URL with `patch` applied; only values that differ from the defaults are written. */
export function dashboardHref(path: string, query: DashboardQuery, patch: Partial<DashboardQuery> = {}): string {
  const next = { ...query, ...patch };
  const params = new URLSearchParams();
  for (const key of ["period", "team", "rep", "source", "campaign"] as const) {
    const value = next[key];
    if (value === undefined || (key === "period" && value === "90d")) continue;
    params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The last day of a half-open period, as the leads list reads `to` (inclusive). */
export function lastDay(period: Period): string {
  return dayKey(addDays(period.to, -1));
}

const MARKETING_STAGES: readonly Stage[] = ["INQUIRY", "MQL", "NURTURE", "DISQUALIFIED"];
const LEAD_LIST_DEFAULTS = leadListQuerySchema.parse({});

/**
 * The leads list behind "leads that entered `stage` in the period" with the dashboard's filters, or null when the list
 * cannot show exactly those leads:
 * - source and campaign map to the list's `source` and `campaign` (a lead's source never changes; the rollup follows
 *   a lead's campaign when it changes), the period to `entered`/`from`/`to` (`to` inclusive);
 * - the rep maps to `owner`, which is exact for sales' stages (the rep holds the lead) but not for marketing's: an MQL
 *   is nobody's yet, so with a rep chosen, marketing's stages have no list;
 * - the team maps to the list's `team` (marketing- or sales-sourced: the source decides); a source of the other
 *   team leaves nothing to list;
 * `patch` narrows one figure further, e.g. one source's bar in a chart by source.
 */
export function figureLeadsHref(
  query: DashboardQuery,
  period: Period,
  stage: Stage,
  patch: { source?: LeadSource; campaign?: string } = {},
): string | null {
  const source = patch.source ?? query.source;
  const campaign = patch.campaign ?? query.campaign;
  if (query.team && source && isMarketingSource(source) !== (query.team === "marketing")) return null;
  if (query.rep && MARKETING_STAGES.includes(stage)) return null;
  return leadListHref(LEAD_LIST_DEFAULTS, {
    entered: stage,
    from: dayKey(period.from),
    to: lastDay(period),
    ...(source && { source }),
    ...(query.team && !source && { team: query.team }),
    ...(campaign && { campaign }),
    ...(query.rep && { owner: query.rep }),
  });
}

/** The leads list of the leads one rep holds in a stage today (the rep home's pipeline). */
export function ownedLeadsHref(stage: Stage): string {
  return leadListHref(LEAD_LIST_DEFAULTS, { stage, owner: "me" });
}

/** The filters in words, for captions and headings: "Last 30 days · Webinar · Q3 2026 Data Platform Webinar". */
export function describeFilter(query: DashboardQuery, names: { reps?: Map<string, string>; campaigns?: Map<string, string> } = {}): string {
  const parts: string[] = [PERIOD_LABELS[query.period]];
  if (query.team) parts.push(TEAM_LABELS[query.team]);
  if (query.rep) parts.push(names.reps?.get(query.rep) ?? "One rep");
  if (query.source) parts.push(SOURCE_LABELS[query.source]);
  if (query.campaign) parts.push(query.campaign === "none" ? "No campaign" : (names.campaigns?.get(query.campaign) ?? "One campaign"));
  return parts.join(" · ");
}
