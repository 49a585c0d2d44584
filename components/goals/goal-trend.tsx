import type { GoalMetric } from "@/lib/db/enums";
import { accumulates, type TrendPoint } from "@/lib/goals/rules";
import { isoWeekLabel } from "@/lib/metrics/rules";
import { ChartPanel } from "@/components/dashboard/chart-panel";
import { TEAM_COLORS } from "@/components/dashboard/chart-theme";
import { TrendFigure } from "@/components/dashboard/trend-figure";
import { formatMetric, metricFigureKind } from "./labels";

interface Props {
  metric: GoalMetric;
  points: TrendPoint[];
  /** Words for the table's caption: the goal and its filter. */
  caption: string;
}

/**
 * The goal week by week, with the data behind the chart in a table and as CSV (the dashboards' ChartPanel). Sums are
 * drawn as a running total against the pace line; rates and medians as each week's figure against the target.
 */
export function GoalTrend({ metric, points, caption }: Props) {
  const sums = accumulates(metric);
  const kind = metricFigureKind(metric);
  const series = [
    { key: "value", label: sums ? "So far" : "That week", color: TEAM_COLORS.marketing },
    { key: "expected", label: sums ? "Pace to the target" : "Target", color: TEAM_COLORS.neutral },
  ];
  const last = points.at(-1);
  const summary = last
    ? `Weekly trend: ${formatMetric(metric, last.value)} in the week of ${last.week}, against ${formatMetric(metric, last.expected)} ${sums ? "on pace" : "targeted"}.`
    : "No weeks measured yet.";
  return (
    <ChartPanel
      id="goal-trend"
      title="Weekly trend"
      description={sums ? "The running total at the end of each week, against where it should be." : "Each week's own figure, against the target."}
      caption={caption}
      columns={[
        { key: "week", label: "Week starting" },
        { key: "value", label: sums ? "So far" : "That week", kind },
        { key: "expected", label: sums ? "Pace" : "Target", kind },
      ]}
      rows={points.map((point) => ({ cells: { week: point.week, value: point.value, expected: point.expected } }))}
      empty={points.length === 0 ? { title: "The period has not started", description: "The trend starts with the goal's first week." } : null}
    >
      <TrendFigure
        points={points.map((point) => ({ label: isoWeekLabel(new Date(`${point.week}T00:00:00Z`)), values: { value: point.value ?? 0, expected: point.expected } }))}
        series={series}
        kind={kind}
        summary={summary}
      />
    </ChartPanel>
  );
}
