import "server-only";
// "What moved it": a goal's figure over the period so far, split by team (marketing- or sales-sourced), rep, source
// and campaign, each read from lib/metrics with the goal's filter narrowed by that one dimension.
import { LeadSource } from "../db/enums";
import { SOURCE_LABELS } from "../leads/catalog";
import { funnelByCampaign, repOptions } from "../metrics/breakdowns";
import { TEAM_LABELS, TEAMS } from "../metrics/filter";
import type { MetricsFilter } from "../metrics/queries";
import { accumulates, GOAL_METRICS, measuredPeriod } from "./rules";
import { goalFilter, mapLimited, metricFigure, type GoalScope } from "./progress";

export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  /** For sums: value ÷ the goal's figure, the slice's part of it; null for rates and medians. */
  share: number | null;
}

export interface BreakdownGroup {
  dimension: "team" | "rep" | "source" | "campaign";
  title: string;
  rows: BreakdownRow[];
}

interface Slice {
  key: string;
  label: string;
  patch: Partial<MetricsFilter>;
}

/** How many campaigns to split by: the ones with most MQLs in the period. */
const CAMPAIGN_LIMIT = 10;

export async function goalBreakdown(goal: GoalScope, total: number | null, now = new Date()): Promise<BreakdownGroup[]> {
  const measured = measuredPeriod(new Date(`${goal.periodStart}T00:00:00Z`), new Date(`${goal.periodEnd}T00:00:00Z`), now);
  if (!measured) return [];
  const base = goalFilter(goal, measured);
  const [reps, campaigns] = await Promise.all([repOptions(), goal.campaignId ? null : funnelByCampaign(base, CAMPAIGN_LIMIT)]);

  const dimensions: { dimension: BreakdownGroup["dimension"]; title: string; slices: Slice[] }[] = [
    { dimension: "team", title: "By team", slices: TEAMS.map((team) => ({ key: team, label: TEAM_LABELS[team], patch: { team } })) },
    { dimension: "rep", title: "By rep", slices: reps.map((rep) => ({ key: rep.value, label: rep.label, patch: { repId: rep.value } })) },
  ];
  if (!goal.source) {
    const sources = Object.values(LeadSource).map((source) => ({ key: source, label: SOURCE_LABELS[source], patch: { source } }));
    dimensions.push({ dimension: "source", title: "By source", slices: sources });
  }
  if (campaigns) {
    const slices = campaigns.rows.map((row) => ({ key: row.campaignId, label: row.name, patch: { campaignId: row.campaignId } }));
    dimensions.push({ dimension: "campaign", title: "By campaign", slices });
  }

  const sums = accumulates(goal.metric);
  const lowerIsBetter = GOAL_METRICS[goal.metric].better === "lower";
  // Every slice of every dimension in one queue, a few at a time: the pool is shared with every other request.
  const slices = dimensions.flatMap((entry) => entry.slices);
  const values = await mapLimited(slices, 5, (slice) => metricFigure(goal.metric, { ...base, ...slice.patch }, now));
  const valueOf = new Map(slices.map((slice, index) => [slice, values[index] ?? null]));
  return dimensions.map(({ dimension, title, slices: own }) => {
    const rows = own
      .map((slice) => ({ slice, value: valueOf.get(slice) ?? null }))
      // A slice with nothing in it did not move the figure: a rate of nothing, or a sum of zero.
      .filter((entry): entry is { slice: Slice; value: number } => entry.value !== null && !(sums && entry.value === 0))
      .map(({ slice, value }) => ({ key: slice.key, label: slice.label, value, share: sums && total ? value / total : null }))
      .sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value) || a.label.localeCompare(b.label));
    return { dimension, title, rows };
  });
}
