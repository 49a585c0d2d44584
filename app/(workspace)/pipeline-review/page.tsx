import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { campaignOptions, campaignRejections, funnelByCampaign, funnelBySource, repOptions } from "@/lib/metrics/breakdowns";
import { metricsFilter, parseDashboardQuery } from "@/lib/metrics/filter";
import { revenueDashboard } from "@/lib/metrics/queries";
import { CampaignRatingsPanel } from "@/components/campaigns/campaign-ratings-panel";
import { CampaignRejectionsPanel } from "@/components/dashboard/campaign-rejections-panel";
import { FigureCard, FigureGrid } from "@/components/dashboard/figure-card";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { FunnelBreakdownPanel, sourceRows } from "@/components/dashboard/funnel-breakdown-panel";
import { RejectionsPanel } from "@/components/dashboard/rejections-panel";
import { SpeedPanel } from "@/components/dashboard/speed-panel";
import { buildView, periodLine } from "@/components/dashboard/view";
import { GoalsStrip } from "@/components/goals/goals-strip";

export const metadata: Metadata = { title: "Pipeline review" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Marketing's pipeline review: what each source and campaign brings, what sales accepts and rejects, and how fast. */
export default async function PipelineReviewPage({ searchParams }: { searchParams: Search }) {
  await requirePermission("metrics:marketing");
  const query = parseDashboardQuery(await searchParams);
  const filter = metricsFilter(query, new Date());
  const [dashboard, bySource, byCampaign, rejections, reps, campaigns] = await Promise.all([
    revenueDashboard(filter),
    funnelBySource(filter),
    funnelByCampaign(filter),
    campaignRejections(filter),
    repOptions(),
    campaignOptions(),
  ]);
  const view = buildView(query, filter.period, { reps, campaigns });
  const { comparison } = dashboard;
  const card = (label: string, key: string, kind: "count" | "percent" | "money") => (
    <FigureCard label={label} kind={kind} comparison={comparison[key]!} previousLabel={view.previousLabel} />
  );

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Pipeline review</h1>
        <p className="text-sm text-muted">{periodLine(view)}</p>
      </div>
      <GoalsStrip />
      <FilterBar action="/pipeline-review" query={query} reps={reps} campaigns={campaigns} />
      <FigureGrid label="Headline figures">
        {card("Inquiries", "inquiries", "count")}
        {card("MQLs", "mqls", "count")}
        {card("MQL acceptance rate", "acceptanceRate", "percent")}
        {card("Marketing-sourced share", "sourcedShare", "percent")}
      </FigureGrid>
      <FunnelBreakdownPanel
        id="by-source"
        title="Funnel by source"
        dimension="Source"
        description="Leads that entered each stage in the period, per lead source, most inquiries first."
        view={view}
        rows={sourceRows(bySource)}
      />
      <FunnelBreakdownPanel
        id="by-campaign"
        title="Funnel by campaign"
        dimension="Campaign"
        description="The same, per campaign, most MQLs first."
        layout="rows"
        charted={["INQUIRY", "MQL", "SAL"]}
        view={view}
        rows={byCampaign.rows.map((row) => ({ ...row, key: row.campaignId, label: row.name, patch: { campaign: row.campaignId } }))}
        note={byCampaign.total > byCampaign.rows.length ? `The ${byCampaign.rows.length} campaigns with most MQLs of ${byCampaign.total}; choose a campaign above to see any other.` : undefined}
      />
      <div className="grid gap-5 lg:grid-cols-2">
        <RejectionsPanel view={view} handovers={dashboard.handovers} />
        <CampaignRejectionsPanel view={view} rows={rejections} />
      </div>
      <CampaignRatingsPanel />
      <SpeedPanel
        view={view}
        handovers={dashboard.handovers}
        title="Speed to lead, from marketing's side"
        description="How soon sales first touched the MQLs marketing handed over in the period, and how many answers came within the agreed time."
      />
    </div>
  );
}
