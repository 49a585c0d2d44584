import type { PulseTrend } from "@/lib/pulse/queries";
import type { Trend } from "@/lib/pulse/rules";
import { formatCount } from "@/lib/ui/format";
import { ChartPanel } from "@/components/dashboard/chart-panel";
import { PulseTrendChart } from "./pulse-trend-chart";

function describeTrend(trend: Trend): string {
  if (trend.direction === "unknown" || trend.change === null) return "not enough months answered for a trend";
  if (trend.direction === "flat") return `flat since ${trend.previous}`;
  return `${trend.change > 0 ? "+" : "−"}${Math.abs(trend.change).toFixed(2)} since ${trend.previous}`;
}

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4 shadow-xs" role="group" aria-label={label}>
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-muted">{detail}</p>
    </div>
  );
}

const score = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/** The headline figures, the chart and its data table (with CSV) for the months shown. */
export function PulseTrendPanel({ trend, months }: { trend: PulseTrend; months: number }) {
  const first = trend.points[0]?.label ?? "";
  const last = trend.points.at(-1)?.label ?? "";
  const caption = `Monthly averages (1-5) and answers, ${first} to ${last}`;
  const summary = `Line chart of the monthly averages, ${first} to ${last}. Usefulness of leads: ${describeTrend(trend.usefulness.trend)}. Marketing's support: ${describeTrend(trend.support.trend)}. The data table below has every value.`;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Figure label="Usefulness of leads" value={score(trend.usefulness.average)} detail={`average of ${months} months; ${describeTrend(trend.usefulness.trend)}`} />
        <Figure label="Marketing's support" value={score(trend.support.average)} detail={`average of ${months} months; ${describeTrend(trend.support.trend)}`} />
        <Figure label="Answers" value={formatCount(trend.responses)} detail={`in ${months} months, at most one per rep per month`} />
      </div>
      <ChartPanel
        id="pulse-trend"
        title="Monthly trend"
        description="Averages of the reps' answers, 1 (not at all) to 5 (very)."
        caption={caption}
        columns={[
          { key: "month", label: "Month" },
          { key: "usefulness", label: "Usefulness of leads", kind: "text" },
          { key: "support", label: "Marketing's support", kind: "text" },
          { key: "responses", label: "Answers", kind: "count" },
        ]}
        rows={trend.points.map((point) => ({
          cells: { month: point.label, usefulness: score(point.usefulness), support: score(point.support), responses: point.responses },
        }))}
        empty={trend.responses === 0 ? { title: "No answers yet", description: "Reps answer the pulse from their home page; the trend appears with the first answers." } : null}
      >
        <PulseTrendChart points={trend.points} summary={summary} />
      </ChartPanel>
    </div>
  );
}
