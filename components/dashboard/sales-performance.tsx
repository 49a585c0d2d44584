import type { PipelineFigures } from "@/lib/metrics/queries";
import type { Comparison } from "@/lib/metrics/rules";
import { formatCount } from "@/lib/ui/format";
import { FigureCard } from "./figure-card";
import type { View } from "./view";

/** Win rate, velocity, deal size and cycle length for the deals of the period. */
export function SalesPerformance({ view, pipeline, comparison }: { view: View; pipeline: PipelineFigures; comparison: Record<string, Comparison> }) {
  const { performance } = pipeline;
  return (
    <section aria-labelledby="performance-title" className="space-y-2">
      <h2 id="performance-title" className="text-base font-semibold">
        Win rate and velocity
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <FigureCard
          label="Win rate"
          kind="percent"
          comparison={comparison.winRate!}
          previousLabel={view.previousLabel}
          hint={`${formatCount(performance.won)} won, ${formatCount(performance.lost)} lost in the period`}
        />
        <FigureCard
          label="Pipeline velocity"
          kind="moneyPerDay"
          comparison={comparison.velocity!}
          previousLabel={view.previousLabel}
          hint="Opportunities × win rate × average deal ÷ cycle days"
        />
        <FigureCard
          label="Average deal size"
          kind="money"
          comparison={comparison.averageDealSize!}
          previousLabel={view.previousLabel}
          hint="Won amount ÷ deals won"
        />
        <FigureCard
          label="Sales cycle"
          kind="days"
          comparison={comparison.salesCycleDays!}
          previousLabel={view.previousLabel}
          higherIsBetter={false}
          hint="From SAL to won, mean over the period's wins"
        />
      </div>
    </section>
  );
}
