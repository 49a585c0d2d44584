import type { Stage } from "@/lib/db/enums";
import { figureLeadsHref } from "@/lib/metrics/filter";
import type { WeeklyTrends } from "@/lib/metrics/queries";
import { addDays, parseDayKey, type Period, type WeekCount } from "@/lib/metrics/rules";
import { formatCount } from "@/lib/ui/format";
import { ChartPanel } from "./chart-panel";
import { STAGE_COLORS } from "./chart-theme";
import { GroupedBarFigure } from "./grouped-bar-figure";
import { TrendFigure } from "./trend-figure";
import { caption, type View } from "./view";

const SERIES: { key: keyof WeeklyTrends; stage: Stage; label: string }[] = [
  { key: "mqls", stage: "MQL", label: "MQLs" },
  { key: "accepted", stage: "SAL", label: "Accepted (SAL)" },
  { key: "opportunities", stage: "OPPORTUNITY", label: "Opportunities" },
  { key: "won", stage: "WON", label: "Won" },
];

/** The days of one ISO week that fall in the period (the first and last weeks may be partial). */
function weekWithin(week: WeekCount, period: Period): Period {
  const monday = parseDayKey(week.week);
  const from = monday < period.from ? period.from : monday;
  const end = addDays(monday, 7);
  const to = end > period.to ? period.to : end;
  return { from, to, days: week.days };
}

/** Stage entries per ISO week: MQLs, accepted, opportunities and wins. */
export function TrendsPanel({ view, trends }: { view: View; trends: WeeklyTrends }) {
  const weeks = trends.mqls;
  const empty = SERIES.every((series) => trends[series.key].every((week) => week.count === 0));
  const points = weeks.map((week, index) => ({ label: week.label, values: Object.fromEntries(SERIES.map((series) => [series.key, trends[series.key][index]!.count])) }));
  const series = SERIES.map((entry) => ({ key: entry.key, label: entry.label, color: STAGE_COLORS[entry.stage] }));
  const summary = `Weekly trends over ${weeks.length} weeks. Totals: ${SERIES.map((entry) => `${entry.label} ${formatCount(trends[entry.key].reduce((sum, week) => sum + week.count, 0))}`).join(", ")}.`;
  return (
    <ChartPanel
      id="trends"
      title="Weekly trends"
      description="Leads entering each stage per ISO week (Monday to Sunday); the first and last weeks may be partial."
      caption={caption(view, "Weekly trends")}
      columns={[
        { key: "week", label: "Week" },
        { key: "days", label: "Days in period", kind: "count" },
        ...SERIES.map((series) => ({ key: series.key, label: series.label, kind: "count" as const })),
      ]}
      rows={weeks.map((week, index) => ({
        cells: { week: `${week.label} (from ${week.week})`, days: week.days, ...Object.fromEntries(SERIES.map((series) => [series.key, trends[series.key][index]!.count])) },
        links: Object.fromEntries(SERIES.map((series) => [series.key, figureLeadsHref(view.query, weekWithin(week, view.period), series.stage)])),
      }))}
      empty={empty ? { title: "No activity", description: "No lead entered these stages in this period with these filters." } : null}
    >
      {/* A line needs a few weeks to be a trend; a short period's one or two weeks read better as bars. */}
      {weeks.length < 3 ? (
        <GroupedBarFigure kind="count" categories={points.map((point, index) => ({ key: weeks[index]!.week, ...point }))} series={series} summary={summary} />
      ) : (
        <TrendFigure kind="count" points={points} series={series} summary={summary} />
      )}
    </ChartPanel>
  );
}
