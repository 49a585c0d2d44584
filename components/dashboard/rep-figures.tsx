import type { RepFigures as Figures } from "@/lib/metrics/breakdowns";
import { formatCount, formatDuration, formatPercent } from "@/lib/ui/format";
import { FigureCard } from "./figure-card";
import type { View } from "./view";

/** A rep's own handover figures for the period, each against the period before. */
export function RepFigures({ view, figures }: { view: View; figures: Figures }) {
  const { comparison, current } = figures;
  return (
    <section aria-labelledby="rep-figures-title" className="space-y-2">
      <h2 id="rep-figures-title" className="text-base font-semibold">
        My speed to lead and acceptance
      </h2>
      <div className="grid grid-cols-2 gap-3">
        <FigureCard label="Handovers to me" kind="count" comparison={comparison.handedOver} previousLabel={view.previousLabel} />
        <FigureCard
          label="My acceptance rate"
          kind="percent"
          comparison={comparison.acceptanceRate}
          previousLabel={view.previousLabel}
          hint={`${formatCount(current.acceptance.accepted)} accepted, ${formatCount(current.acceptance.rejected)} rejected, ${formatCount(current.acceptance.pending)} waiting`}
        />
        <FigureCard
          label="My median speed to lead"
          kind="duration"
          comparison={comparison.medianSpeedMs}
          previousLabel={view.previousLabel}
          higherIsBetter={false}
          hint={`95th percentile ${formatDuration(current.speed.p95Ms)}`}
        />
        <FigureCard
          label="My SLA compliance"
          kind="percent"
          comparison={comparison.slaCompliance}
          previousLabel={view.previousLabel}
          hint={`${formatCount(current.sla.breaches)} breaches, ${formatPercent(current.sla.openShare)} still open`}
        />
      </div>
    </section>
  );
}
