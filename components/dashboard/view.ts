// What every section of a dashboard page shares: the filters, the periods and how to say them in words.
import { describeFilter, lastDay, PERIOD_LABELS, type DashboardQuery } from "@/lib/metrics/filter";
import type { FilterOption } from "@/lib/metrics/breakdowns";
import { previousPeriod, type Period } from "@/lib/metrics/rules";

export interface View {
  query: DashboardQuery;
  period: Period;
  previous: Period;
  /** "Last 90 days · Webinar". */
  filterText: string;
  /** "1 Sep 2026 – 29 Nov 2026". */
  range: string;
  /** "Previous 90 days" for the figure cards. */
  previousLabel: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A "YYYY-MM-DD" UTC day as "1 Sep 2026", whatever the server's time zone. */
function day(key: string): string {
  const [year, month, date] = key.split("-").map(Number);
  return `${date} ${MONTHS[month! - 1]} ${year}`;
}

function range(period: Period): string {
  return `${day(period.from.toISOString().slice(0, 10))} – ${day(lastDay(period))}`;
}

export function buildView(query: DashboardQuery, period: Period, options: { reps?: FilterOption[]; campaigns?: FilterOption[] } = {}): View {
  const names = (list: FilterOption[] = []) => new Map(list.map((option) => [option.value, option.label]));
  const previous = previousPeriod(period);
  return {
    query,
    period,
    previous,
    filterText: describeFilter(query, { reps: names(options.reps), campaigns: names(options.campaigns) }),
    range: range(period),
    previousLabel: `Previous ${period.days} days`,
  };
}

/** A data table's caption: what it holds, for which filters and days. */
export function caption(view: View, what: string): string {
  return `${what} — ${view.filterText}, ${view.range}`;
}

/** The line under a page's title: the period and the one it is compared with. */
export function periodLine(view: View): string {
  return `${PERIOD_LABELS[view.query.period]}: ${view.range}, compared with ${range(view.previous)}.`;
}
