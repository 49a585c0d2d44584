import { STAGE_LABELS } from "@/lib/leads/catalog";
import type { PipelineStage } from "@/lib/metrics/breakdowns";
import { ownedLeadsHref } from "@/lib/metrics/filter";
import { formatCount } from "@/lib/ui/format";
import { BarFigure } from "./bar-figure";
import { ChartPanel } from "./chart-panel";
import { STAGE_COLORS } from "./chart-theme";
import { LinkHint } from "./link-hint";

/** The leads a rep holds today in sales' stages: a snapshot, whatever the period. */
export function MyPipelinePanel({ stages, owner }: { stages: PipelineStage[]; owner: string }) {
  const data = stages.map((entry) => ({
    key: entry.stage,
    label: STAGE_LABELS[entry.stage],
    value: entry.count,
    color: STAGE_COLORS[entry.stage],
    href: ownedLeadsHref(entry.stage),
  }));
  return (
    <ChartPanel
      id="my-pipeline"
      title="My pipeline"
      description="The leads you hold today: open (SAL, SQL, Opportunity) and closed (Won, Lost)."
      caption={`Leads held by ${owner} today, by sales stage`}
      columns={[
        { key: "stage", label: "Stage" },
        { key: "count", label: "Leads", kind: "count" },
        { key: "amount", label: "Deal amount", kind: "money" },
      ]}
      rows={stages.map((entry) => ({
        cells: { stage: STAGE_LABELS[entry.stage], count: entry.count, amount: entry.amount },
        links: { count: ownedLeadsHref(entry.stage) },
      }))}
      empty={stages.length === 0 ? { title: "No leads yet", description: "Leads you accept, or log and work yourself, show up here by stage." } : null}
    >
      <BarFigure
        data={data}
        kind="count"
        height={220}
        summary={`My pipeline: ${stages.map((entry) => `${STAGE_LABELS[entry.stage]} ${formatCount(entry.count)}`).join(", ")}.`}
      />
      <LinkHint linked />
    </ChartPanel>
  );
}
