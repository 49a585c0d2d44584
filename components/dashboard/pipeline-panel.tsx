import type { PipelineFigures } from "@/lib/metrics/queries";
import { formatMoney, formatPercent } from "@/lib/ui/format";
import { BarFigure, type BarDatum } from "./bar-figure";
import { ChartPanel } from "./chart-panel";
import { TEAM_COLORS } from "./chart-theme";
import { caption, type View } from "./view";

/**
 * Marketing's contribution to the period's new pipeline: the sourced share drawn against the 45 % best-in-class line,
 * the influenced share beside it (the two overlap and are never added).
 */
export function PipelinePanel({ view, pipeline }: { view: View; pipeline: PipelineFigures }) {
  const { contribution } = pipeline;
  const slices = [
    { key: "sourced", label: "Marketing-sourced", slice: contribution.sourced, color: TEAM_COLORS.marketing },
    { key: "influenced", label: "Marketing-influenced", slice: contribution.influenced, color: TEAM_COLORS.info },
    { key: "salesSourced", label: "Sales-sourced", slice: contribution.salesSourced, color: TEAM_COLORS.sales },
  ];
  const data: BarDatum[] = slices.map(({ key, label, slice, color }) => ({ key, label, value: slice.share ?? 0, color }));
  const gap = contribution.sourcedVsBestInClass;
  const best = formatPercent(contribution.bestInClassShare, 0);
  return (
    <ChartPanel
      id="pipeline"
      title="Sourced vs influenced pipeline"
      description={`Share of the opportunity amount opened in the period. The dashed line is the ${best} best-in-class companies reach.`}
      caption={caption(view, "Pipeline by origin")}
      columns={[
        { key: "slice", label: "Pipeline" },
        { key: "opportunities", label: "Opportunities", kind: "count" },
        { key: "amount", label: "Amount", kind: "money" },
        { key: "share", label: "Share of all pipeline", kind: "percent" },
      ]}
      rows={[
        ...slices.map(({ label, slice }) => ({ cells: { slice: label, opportunities: slice.count, amount: slice.amount, share: slice.share } })),
        { cells: { slice: "All pipeline", opportunities: contribution.total.count, amount: contribution.total.amount, share: contribution.total.amount > 0 ? 1 : null } },
      ]}
      empty={contribution.total.count === 0 ? { title: "No new pipeline", description: "No opportunity was opened in this period with these filters." } : null}
      aside={
        <p className="text-sm">
          <strong className="tabular-nums">{formatMoney(contribution.total.amount)}</strong> of new pipeline; marketing sourced{" "}
          <strong className="tabular-nums">{formatPercent(contribution.sourced.share)}</strong>
          {gap !== null && (
            <>
              , {Math.abs(gap * 100).toFixed(1)} pts {gap >= 0 ? "above" : "below"} the {best} line
            </>
          )}
          .
        </p>
      }
    >
      <BarFigure
        data={data}
        kind="percent"
        layout="rows"
        max={1}
        height={170}
        reference={{ value: contribution.bestInClassShare, label: `Best in class ${best}` }}
        summary={`Marketing-sourced share ${formatPercent(contribution.sourced.share)} against a best-in-class ${best}; influenced ${formatPercent(contribution.influenced.share)}; sales-sourced ${formatPercent(contribution.salesSourced.share)}.`}
      />
    </ChartPanel>
  );
}
