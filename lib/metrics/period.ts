// Reporting periods and calendars: whole UTC days, half-open [from, to), ISO weeks starting on Monday. Pure.
import { assertCount } from "./shared";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which period a report covers:
 * - "7d", "30d", "90d": the last N UTC days, today included (today is still running, so it is partial);
 * - "quarter": the calendar quarter to date: from the 1st of January, April, July or October up to and including today;
 * - "year": the calendar year to date: from the 1st of January up to and including today;
 * - { from, to }: a custom period, half-open like every period: `from` is floored to its UTC day and `to` is
 *   exclusive, rounded up to the next UTC midnight unless it already is one. {2026-01-01, 2026-02-01} is January;
 *   a form that asks for an inclusive last day adds one day before calling.
 */
export type PeriodKind = "7d" | "30d" | "90d" | "quarter" | "year" | { from: Date; to: Date };

/** A run of whole UTC days: every instant t with from ≤ t < to. `days` = (to − from) / 1 day, always ≥ 1. */
export interface Period {
  from: Date;
  to: Date;
  days: number;
}

function assertDate(date: Date, name: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`${name} must be a valid date.`);
}

/** Midnight UTC at the start of the date's UTC day. */
export function startOfUtcDay(date: Date): Date {
  assertDate(date, "date");
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function period(from: Date, to: Date): Period {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (days < 1) throw new RangeError("A period must end after it starts.");
  return { from, to, days };
}

/**
 * The period a report covers, in whole UTC days (see PeriodKind):
 *
 *   end          = next UTC midnight after now (today counts)
 *   "Nd"         = [end − N days, end)
 *   "quarter"    = [1st day of now's quarter, end)
 *   "year"       = [1 January of now's year, end)
 *   { from, to } = [floor(from), ceil(to))
 *   days         = (to − from) ÷ 1 day
 */
export function resolvePeriod(kind: PeriodKind, now: Date): Period {
  assertDate(now, "now");
  const end = addDays(startOfUtcDay(now), 1);
  if (typeof kind === "object") {
    assertDate(kind.from, "from");
    assertDate(kind.to, "to");
    const to = startOfUtcDay(kind.to);
    return period(startOfUtcDay(kind.from), to.getTime() === kind.to.getTime() ? to : addDays(to, 1));
  }
  switch (kind) {
    case "7d":
      return period(addDays(end, -7), end);
    case "30d":
      return period(addDays(end, -30), end);
    case "90d":
      return period(addDays(end, -90), end);
    case "quarter": {
      const quarterMonth = Math.floor(now.getUTCMonth() / 3) * 3;
      return period(new Date(Date.UTC(now.getUTCFullYear(), quarterMonth, 1)), end);
    }
    case "year":
      return period(new Date(Date.UTC(now.getUTCFullYear(), 0, 1)), end);
    default:
      throw new RangeError(`Unknown period: ${String(kind)}.`);
  }
}

/**
 * The period of the same length immediately before, for "compared with the previous period":
 *
 *   previous = [from − days, from), same `days`
 *
 * For "quarter" and "year" (to date) that is the same number of days before the quarter or year started, not the whole
 * previous quarter: 45 days so far are compared with 45 days, never with a full 90.
 */
export function previousPeriod(current: Period): Period {
  return period(addDays(current.from, -current.days), current.from);
}

/** Whether the instant falls in the period: from ≤ date < to. */
export function inPeriod(current: Period, date: Date): boolean {
  return date.getTime() >= current.from.getTime() && date.getTime() < current.to.getTime();
}

/** Midnight UTC of every day of the period, in order (`days` of them). */
export function eachDay(current: Period): Date[] {
  return Array.from({ length: current.days }, (_, index) => addDays(current.from, index));
}

/** The UTC day of an instant as "YYYY-MM-DD": the key daily aggregates use (SQL: to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD')). */
export function dayKey(date: Date): string {
  assertDate(date, "date");
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a "YYYY-MM-DD" day key; throws on anything else (2026-02-30 included). */
export function parseDayKey(key: string): Date {
  const date = new Date(`${key}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(date.getTime()) || dayKey(date) !== key) {
    throw new RangeError(`"${key}" is not a day (YYYY-MM-DD).`);
  }
  return date;
}

/**
 * Midnight UTC of the Monday that starts the date's ISO 8601 week:
 *
 *   weekday = (getUTCDay() + 6) mod 7   (Monday 0 … Sunday 6)
 *   weekStart(d) = startOfUtcDay(d) − weekday days
 */
export function weekStart(date: Date): Date {
  const day = startOfUtcDay(date);
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

/**
 * The whole ISO weeks inside a period, as a half-open range of Mondays [from, to), or null when it holds none:
 *
 *   from = the first Monday on or after the period's start
 *   to   = the last Monday on or before the period's end (exclusive end)
 *
 * The weekly rollups answer for [from, to); the daily ones for the days before and after it.
 */
export function wholeWeeks(current: Period): Period | null {
  const start = weekStart(current.from);
  const from = start.getTime() === startOfUtcDay(current.from).getTime() ? start : addDays(start, 7);
  const to = weekStart(current.to);
  return from < to ? { from, to, days: Math.round((to.getTime() - from.getTime()) / DAY_MS) } : null;
}

/**
 * The ISO 8601 week of a date, as "2026-W03". The week belongs to the year of its Thursday, so 29 December 2025 is
 * in 2026-W01 and 1 January 2027 in 2026-W53:
 *
 *   thursday = weekStart(d) + 3 days
 *   week     = ceil((days from 1 January of thursday's year to thursday + 1) ÷ 7)
 */
export function isoWeekLabel(date: Date): string {
  const thursday = addDays(weekStart(date), 3);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = Math.ceil((dayOfYear + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Monday of every ISO week that has at least one day in the period, in order. */
export function eachWeek(current: Period): Date[] {
  const weeks: Date[] = [];
  for (let monday = weekStart(current.from); monday < current.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** A count for one UTC day, as `GROUP BY day` returns it. */
export interface DayCount {
  day: string;
  count: number;
}

/** Adds up rows by day key; every row must be a day of the period (a row outside it is a bug in the query). */
function countsByDay(rows: readonly DayCount[], current: Period): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    assertCount(row.count, `count on ${row.day}`);
    if (!inPeriod(current, parseDayKey(row.day))) throw new RangeError(`${row.day} is outside the period.`);
    totals.set(row.day, (totals.get(row.day) ?? 0) + row.count);
  }
  return totals;
}

/** One count per day of the period, days without rows as 0; rows for the same day are added up. */
export function dailySeries(rows: readonly DayCount[], current: Period): DayCount[] {
  const totals = countsByDay(rows, current);
  return eachDay(current).map((day) => ({ day: dayKey(day), count: totals.get(dayKey(day)) ?? 0 }));
}

export interface WeekCount {
  /** The week's Monday, "YYYY-MM-DD". */
  week: string;
  /** The ISO week, "2026-W03". */
  label: string;
  /** How many of the week's days are in the period: the first and last weeks may be partial (fewer than 7). */
  days: number;
  count: number;
}

/**
 * One count per ISO week that touches the period, weeks without rows as 0:
 *
 *   count(week) = Σ count(day) over the week's days inside the period
 *
 * Only days inside the period count, so a period starting on a Wednesday has a first week of 5 days (`days` says so).
 */
export function weeklySeries(rows: readonly DayCount[], current: Period): WeekCount[] {
  const totals = countsByDay(rows, current);
  return eachWeek(current).map((monday) => {
    let days = 0;
    let count = 0;
    for (let offset = 0; offset < 7; offset += 1) {
      const day = addDays(monday, offset);
      if (!inPeriod(current, day)) continue;
      days += 1;
      count += totals.get(dayKey(day)) ?? 0;
    }
    return { week: dayKey(monday), label: isoWeekLabel(monday), days, count };
  });
}
