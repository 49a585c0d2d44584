import { STAGE_LABELS } from "@/lib/leads/catalog";
import { figureLeadsHref } from "@/lib/metrics/filter";
import type { FunnelFigures } from "@/lib/metrics/queries";
import type { FunnelStep } from "@/lib/metrics/rules";
import { formatCount, formatPercent } from "@/lib/ui/format";
import { BarFigure, type BarDatum } from "./bar-figure";
import { ChartPanel } from "./chart-panel";
import { STAGE_COLORS } from "./chart-theme";
import { caption, type View } from "./view";
import { LinkHint } from "./link-hint";

function Step({ step }: { step: FunnelStep }) {
  return (
    <span className="whitespace-nowrap">
      {STAGE_LABELS[step.from]} → {STAGE_LABELS[step.to]} <strong className="tabular-nums">{formatPercent(step.conversion)}</strong>
    </span>
  );
}

/**
 * The CRO's one picture of the shared funnel: marketing's half, the handover, sales' half, with the cohort conversion
 * at each step (of the leads that entered a stage in the period, the share that reached the next one by now).
 */
export function SplitFunnelPanel({ view, funnel }: { view: View; funnel: FunnelFigures }) {
  const { cohort } = funnel;
  const marketing = new Set<string>(cohort.marketing.stages.map((entry) => entry.stage));
  const data: BarDatum[] = cohort.stages.map((entry) => {
    const into = cohort.steps.find((step) => step.to === entry.stage);
    return {
      key: entry.stage,
      label: STAGE_LABELS[entry.stage],
      value: entry.entered,
      color: STAGE_COLORS[entry.stage],
      note: into ? `${formatPercent(into.conversion, 0)} of ${STAGE_LABELS[into.from]}` : marketing.has(entry.stage) ? "Marketing" : "",
      href: figureLeadsHref(view.query, view.period, entry.stage),
    };
  });
  const empty = cohort.stages.every((entry) => entry.entered === 0);
  const summary = `Split funnel: ${cohort.stages.map((entry) => `${STAGE_LABELS[entry.stage]} ${formatCount(entry.entered)}`).join(", ")}. Handover MQL to SAL converts ${formatPercent(cohort.handover.conversion)}.`;

  return (
    <ChartPanel
      id="split-funnel"
      title="Split funnel"
      description="Leads that entered each stage in the period. Conversion: of those leads, the share that reached the next stage by now."
      caption={caption(view, "Split funnel")}
      columns={[
        { key: "stage", label: "Stage" },
        { key: "team", label: "Team" },
        { key: "entered", label: "Entered", kind: "count" },
        { key: "advanced", label: "Reached next stage", kind: "count" },
        { key: "conversion", label: "Conversion to next stage", kind: "percent" },
      ]}
      rows={cohort.stages.map((entry, index) => {
        const step = cohort.steps[index];
        return {
          cells: {
            stage: STAGE_LABELS[entry.stage],
            team: marketing.has(entry.stage) ? "Marketing" : "Sales",
            entered: entry.entered,
            advanced: step?.advanced ?? null,
            conversion: step?.conversion ?? null,
          },
          links: { entered: data[index]!.href ?? null },
        };
      })}
      empty={empty ? { title: "No leads entered the funnel", description: "Nothing matches these filters in this period. Try a longer period or fewer filters." } : null}
      aside={
        !empty && (
          <div className="grid gap-2 text-sm md:grid-cols-3" data-testid="funnel-halves">
            <div className="rounded-md border-l-4 border-brand bg-subtle px-3 py-2">
              <p className="text-xs font-semibold tracking-wide text-muted uppercase">Marketing&apos;s half</p>
              {cohort.marketing.steps.map((step) => (
                <Step key={step.from} step={step} />
              ))}
            </div>
            <div className="rounded-md border-l-4 border-warning bg-warning-soft px-3 py-2">
              <p className="text-xs font-semibold tracking-wide text-warning uppercase">Handover</p>
              <Step step={cohort.handover} />
              <p className="text-xs text-muted">
                {formatCount(cohort.handover.advanced)} of {formatCount(cohort.handover.entered)} MQLs accepted by sales
              </p>
            </div>
            <div className="rounded-md border-l-4 border-success bg-subtle px-3 py-2">
              <p className="text-xs font-semibold tracking-wide text-muted uppercase">Sales&apos; half</p>
              <p className="flex flex-wrap gap-x-3">
                {cohort.sales.steps.map((step) => (
                  <Step key={step.from} step={step} />
                ))}
              </p>
              <p className="text-xs text-muted">
                Inquiry to won: {formatCount(cohort.overall.won)} of {formatCount(cohort.overall.entered)} ({formatPercent(cohort.overall.conversion)})
              </p>
            </div>
          </div>
        )
      }
    >
      <BarFigure data={data} kind="count" summary={summary} height={300} />
      <LinkHint linked={data.some((datum) => datum.href)} />
    </ChartPanel>
  );
}
