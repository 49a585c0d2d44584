import "server-only";
// A campaign's results from real data: the metrics module's reads with the campaign as the filter, over its whole
// life. Nothing here counts on its own, so the campaign page shows what the dashboards show for the same days.
import { funnelFigures, handoverFigures, pipelineFigures, rollupTotals, type MetricsFilter } from "../metrics/queries";
import type { Period, ReasonShare } from "../metrics/rules";
import { ratingSummary } from "./feedback-queries";
import { firstLeadDates } from "./queries";
import { campaignLifePeriod, type CampaignResults } from "./rules";
import type { CampaignDetail } from "./queries";

export interface CampaignResultsView {
  results: CampaignResults;
  /** The days the results cover (the campaign's whole life so far). */
  period: Period;
  reasons: ReasonShare[];
  acceptanceRate: number | null;
}

export async function campaignResults(campaign: CampaignDetail, now = new Date()): Promise<CampaignResultsView> {
  const firstLead = (await firstLeadDates([campaign.id])).get(campaign.id) ?? null;
  const period = campaignLifePeriod(new Date(campaign.startsAt), firstLead, now);
  const filter: MetricsFilter = { campaignId: campaign.id, period };
  const totals = rollupTotals(filter, period);
  const [funnel, handovers, pipeline, rating] = await Promise.all([
    funnelFigures(filter, period, totals),
    handoverFigures(filter, period, now),
    pipelineFigures(filter, period, totals),
    ratingSummary(campaign.id),
  ]);
  const entered = (stage: string) => funnel.cohort.stages.find((entry) => entry.stage === stage)?.entered ?? 0;
  const { acceptance } = handovers;
  const { performance, contribution } = pipeline;
  return {
    period,
    reasons: handovers.reasons,
    acceptanceRate: acceptance.acceptanceRate,
    results: {
      name: campaign.name,
      channel: campaign.channel,
      budget: campaign.budget,
      targetMqls: campaign.targetMqls,
      leads: entered("INQUIRY"),
      mqls: entered("MQL"),
      handedOver: acceptance.handedOver,
      accepted: acceptance.accepted,
      rejected: acceptance.rejected,
      pending: acceptance.pending,
      reasons: handovers.reasons.map((reason) => ({ label: reason.label, count: reason.count })),
      sqls: entered("SQL"),
      opportunities: performance.opportunities,
      pipeline: contribution.total.amount,
      won: performance.won,
      wonAmount: (performance.averageDealSize ?? 0) * performance.won,
      rating: { count: rating.count, average: rating.average },
    },
  };
}
