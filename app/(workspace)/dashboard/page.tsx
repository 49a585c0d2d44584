import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { campaignOptions, repOptions } from "@/lib/metrics/breakdowns";
import { metricsFilter, parseDashboardQuery } from "@/lib/metrics/filter";
import { revenueDashboard } from "@/lib/metrics/queries";
import { FigureCard, FigureGrid } from "@/components/dashboard/figure-card";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { PipelinePanel } from "@/components/dashboard/pipeline-panel";
import { SalesPerformance } from "@/components/dashboard/sales-performance";
import { SpeedPanel } from "@/components/dashboard/speed-panel";
import { SplitFunnelPanel } from "@/components/dashboard/split-funnel-panel";
import { TrendsPanel } from "@/components/dashboard/trends-panel";
import { buildView, periodLine } from "@/components/dashboard/view";
import { GoalsStrip } from "@/components/goals/goals-strip";

export const metadata: Metadata = { title: "Revenue dashboard" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The CRO's revenue dashboard: one funnel for both teams, pipeline, velocity, service levels and trends. */
export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  await requirePermission("metrics:revenue");
  const query = parseDashboardQuery(await searchParams);
  const filter = metricsFilter(query, new Date());
  const [dashboard, reps, campaigns] = await Promise.all([revenueDashboard(filter), repOptions(), campaignOptions()]);
  const view = buildView(query, filter.period, { reps, campaigns });
  const { comparison } = dashboard;
  const card = (label: string, key: string, kind: "count" | "percent" | "money") => (
    <FigureCard label={label} kind={kind} comparison={comparison[key]!} previousLabel={view.previousLabel} />
  );

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Revenue dashboard</h1>
        <p className="text-sm text-muted">{periodLine(view)}</p>
      </div>
      <GoalsStrip />
      <FilterBar action="/dashboard" query={query} reps={reps} campaigns={campaigns} />
      <FigureGrid label="Headline figures" wide>
        {card("Inquiries", "inquiries", "count")}
        {card("MQLs", "mqls", "count")}
        {card("MQL acceptance rate", "acceptanceRate", "percent")}
        {card("SLA compliance", "slaCompliance", "percent")}
        {card("New pipeline", "pipeline", "money")}
        {card("Marketing-sourced share", "sourcedShare", "percent")}
      </FigureGrid>
      <SplitFunnelPanel view={view} funnel={dashboard.funnel} />
      <div className="grid gap-5 lg:grid-cols-2">
        <PipelinePanel view={view} pipeline={dashboard.pipeline} />
        <SpeedPanel view={view} handovers={dashboard.handovers} />
      </div>
      <SalesPerformance view={view} pipeline={dashboard.pipeline} comparison={comparison} />
      <TrendsPanel view={view} trends={dashboard.trends} />
    </div>
  );
}
