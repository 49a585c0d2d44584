// The monthly pulse's pure logic: which month an answer belongs to, and the monthly averages and trend the CRO and
// the marketing manager read. No I/O; unit-tested in tests/unit/pulse-rules.test.ts.

/** The answer scale: 1 (not at all) to 5 (very). */
export const SCALE = [1, 2, 3, 4, 5] as const;

export const SCALE_LABELS: Record<(typeof SCALE)[number], string> = {
  1: "Not at all",
  2: "A little",
  3: "Somewhat",
  4: "Mostly",
  5: "Very",
};

export const QUESTIONS = {
  usefulness: "How useful were marketing's leads this month?",
  support: "How well did marketing support you this month?",
} as const;

export type Question = keyof typeof QUESTIONS;

/** The month an answer given at `at` is about: its first day, 00:00 UTC (the machine's time zone never matters). */
export function monthOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** "2026-11": a month as a stable key for URLs, tables and charts. */
export function monthKey(month: Date): string {
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Nov 2026". */
export function monthLabel(month: Date): string {
  return `${MONTH_NAMES[month.getUTCMonth()]} ${month.getUTCFullYear()}`;
}

/** The `count` months ending with the month of `now`, oldest first. */
export function monthsEndingAt(now: Date, count: number): Date[] {
  const last = monthOf(now);
  return Array.from({ length: Math.max(0, count) }, (_, index) => new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (count - 1 - index), 1)));
}

/** An answer may be changed only during the month it is about. */
export function isEditable(answerMonth: Date, now: Date): boolean {
  return monthOf(answerMonth).getTime() === monthOf(now).getTime();
}

/** A month's answers as the database adds them up. */
export interface MonthTotals {
  month: Date;
  responses: number;
  usefulnessSum: number;
  supportSum: number;
}

export interface MonthPoint {
  key: string;
  label: string;
  responses: number;
  /** Averages rounded to two decimals; null for a month nobody answered (never a misleading zero). */
  usefulness: number | null;
  support: number | null;
}

/** A mean rounded to two decimals, or null when there is nothing to average. */
export function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 100) / 100 : null;
}

/** One point per month of `months`, in that order, whether or not anybody answered that month. */
export function monthlySeries(totals: readonly MonthTotals[], months: readonly Date[]): MonthPoint[] {
  const byKey = new Map(totals.map((total) => [monthKey(monthOf(total.month)), total]));
  return months.map((month) => {
    const key = monthKey(month);
    const total = byKey.get(key);
    const responses = total?.responses ?? 0;
    return {
      key,
      label: monthLabel(month),
      responses,
      usefulness: total ? average(total.usefulnessSum, responses) : null,
      support: total ? average(total.supportSum, responses) : null,
    };
  });
}

/** The average over every answer of the period (weighted by answers, not a mean of monthly means). */
export function periodAverage(totals: readonly MonthTotals[], question: Question): number | null {
  const responses = totals.reduce((sum, total) => sum + total.responses, 0);
  const sum = totals.reduce((all, total) => all + (question === "usefulness" ? total.usefulnessSum : total.supportSum), 0);
  return average(sum, responses);
}

export interface Trend {
  direction: "up" | "down" | "flat" | "unknown";
  /** Latest month's average minus the previous answered month's; null when there are not two to compare. */
  change: number | null;
  latest: string | null;
  previous: string | null;
}

/** Changes smaller than this read as "flat": a twentieth of a point is noise on a 1-5 scale. */
export const FLAT_WITHIN = 0.05;

/** How the latest answered month compares with the answered month before it (months nobody answered are skipped). */
export function trendOf(points: readonly MonthPoint[], question: Question): Trend {
  const answered = points.filter((point) => point[question] !== null);
  const latest = answered.at(-1);
  const previous = answered.at(-2);
  if (!latest || !previous) return { direction: "unknown", change: null, latest: latest?.label ?? null, previous: null };
  const change = Math.round((latest[question]! - previous[question]!) * 100) / 100;
  const direction = Math.abs(change) < FLAT_WITHIN ? "flat" : change > 0 ? "up" : "down";
  return { direction, change, latest: latest.label, previous: previous.label };
}

/** Whether a stored answer already says what was submitted: a retried submit changes nothing and succeeds. */
export function sameAnswer(
  stored: { usefulness: number; support: number; comment: string | null },
  submitted: { usefulness: number; support: number; comment: string | null },
): boolean {
  return stored.usefulness === submitted.usefulness && stored.support === submitted.support && (stored.comment ?? null) === (submitted.comment ?? null);
}
