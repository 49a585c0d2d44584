// Shared goals as pure rules: what each metric means, how a target is entered and stored, who signs for which side,
// when a goal is agreed, and where a goal stands against its pace. No I/O; unit-tested in tests/unit/goals-rules.test.ts.
import type { GoalMetric, GoalSide, Role } from "../db/enums";
import { addDays, DAY_MS, startOfUtcDay, type Period } from "../metrics/rules";

/** How a figure behaves over a period: amounts and counts add up day by day; rates and medians do not. */
export type MetricKind = "amount" | "count" | "rate" | "duration";

export interface MetricSpec {
  label: string;
  kind: MetricKind;
  /** Whether a higher figure is better (speed to lead is better when lower). */
  better: "higher" | "lower";
  /** How the target is typed in the form. */
  inputUnit: "USD" | "leads" | "%" | "minutes";
  description: string;
}

/** Every metric a goal can be about, read from lib/metrics (see lib/goals/progress.ts for the exact figure). */
export const GOAL_METRICS: Readonly<Record<GoalMetric, MetricSpec>> = {
  PIPELINE_AMOUNT: { label: "New pipeline", kind: "amount", better: "higher", inputUnit: "USD", description: "Amount of the opportunities opened in the period." },
  WON_AMOUNT: { label: "Won revenue", kind: "amount", better: "higher", inputUnit: "USD", description: "Amount of the deals won in the period." },
  SQLS: { label: "SQLs", kind: "count", better: "higher", inputUnit: "leads", description: "Leads that became sales-qualified in the period." },
  MQLS: { label: "MQLs", kind: "count", better: "higher", inputUnit: "leads", description: "Leads that became marketing-qualified in the period." },
  MQL_ACCEPTANCE_RATE: { label: "MQL acceptance rate", kind: "rate", better: "higher", inputUnit: "%", description: "Share of the period's handovers that sales accepted." },
  MARKETING_SOURCED_SHARE: { label: "Marketing-sourced share", kind: "rate", better: "higher", inputUnit: "%", description: "Share of new pipeline from marketing's sources." },
  SLA_COMPLIANCE: { label: "SLA compliance", kind: "rate", better: "higher", inputUnit: "%", description: "Share of the period's handovers answered within the agreed time." },
  SPEED_TO_LEAD: { label: "Speed to lead", kind: "duration", better: "lower", inputUnit: "minutes", description: "Median time from handover to the rep's first touch." },
};

export const GOAL_METRIC_KEYS = Object.keys(GOAL_METRICS) as GoalMetric[];

/** Whether the metric adds up over the period (amounts, counts), so its pace grows with the days elapsed. */
export function accumulates(metric: GoalMetric): boolean {
  const { kind } = GOAL_METRICS[metric];
  return kind === "amount" || kind === "count";
}

const MINUTE_MS = 60_000;

/**
 * The target as stored (the metric's own unit in lib/metrics) from what the form takes:
 *   rate     stored = percent ÷ 100       (60 → 0.6)
 *   duration stored = minutes × 60 000    (milliseconds, as speedToLead reports them)
 *   others   stored = typed value         (dollars, leads)
 */
export function storedTarget(metric: GoalMetric, typed: number): number {
  const { kind } = GOAL_METRICS[metric];
  if (kind === "rate") return typed / 100;
  if (kind === "duration") return typed * MINUTE_MS;
  return typed;
}

/** The inverse of storedTarget, for the edit form; rounded to 4 decimals so 0.6 reads 60, not 59.99999999. */
export function typedTarget(metric: GoalMetric, stored: number): number {
  const { kind } = GOAL_METRICS[metric];
  const typed = kind === "rate" ? stored * 100 : kind === "duration" ? stored / MINUTE_MS : stored;
  return Math.round(typed * 10_000) / 10_000;
}

/** The side a role signs goals for: the two heads for their teams, the CRO for the whole revenue team. */
export function goalSide(role: Role): GoalSide | null {
  if (role === "SALES_MANAGER") return "SALES";
  if (role === "MARKETING_MANAGER") return "MARKETING";
  if (role === "CRO") return "CRO";
  return null;
}

/** A goal is agreed when both heads have signed it, or the CRO has. */
export function isAgreed(sides: readonly GoalSide[]): boolean {
  return sides.includes("CRO") || (sides.includes("SALES") && sides.includes("MARKETING"));
}

/** The longest period a goal may cover: a year (a leap year's 366 days). */
export const MAX_PERIOD_DAYS = 366;

/** Days in a goal's period, both ends inclusive: 1 January to 31 March is 90 days. */
export function periodLength(start: Date, end: Date): number {
  return Math.round((startOfUtcDay(end).getTime() - startOfUtcDay(start).getTime()) / DAY_MS) + 1;
}

/**
 * Days of the period up to and including today, between 0 (not started) and the period's length (ended):
 *   elapsed = clamp(today − start + 1 day, 0, length)
 * Today counts as elapsed: "by today" means by the end of today.
 */
export function elapsedDays(start: Date, end: Date, now: Date): number {
  const length = periodLength(start, end);
  const sinceStart = Math.round((startOfUtcDay(now).getTime() - startOfUtcDay(start).getTime()) / DAY_MS) + 1;
  return Math.min(Math.max(sinceStart, 0), length);
}

export type GoalPhase = "NOT_STARTED" | "RUNNING" | "ENDED";

export function goalPhase(start: Date, end: Date, now: Date): GoalPhase {
  const elapsed = elapsedDays(start, end, now);
  if (elapsed === 0) return "NOT_STARTED";
  return startOfUtcDay(now).getTime() > startOfUtcDay(end).getTime() ? "ENDED" : "RUNNING";
}

/**
 * The part of the goal's period measured so far, as the metrics reads take it (half-open, whole UTC days):
 *   [start, min(end, today) + 1 day)        null before the period starts
 */
export function measuredPeriod(start: Date, end: Date, now: Date): Period | null {
  const elapsed = elapsedDays(start, end, now);
  if (elapsed === 0) return null;
  const from = startOfUtcDay(start);
  return { from, to: addDays(from, elapsed), days: elapsed };
}

export type Standing = "NOT_STARTED" | "ON_TRACK" | "BEHIND" | "MET" | "MISSED" | "NO_DATA";

export const STANDING_LABELS: Record<Standing, string> = {
  NOT_STARTED: "Not started",
  ON_TRACK: "On track",
  BEHIND: "Behind",
  MET: "Met",
  MISSED: "Missed",
  NO_DATA: "No data yet",
};

export interface PaceInput {
  metric: GoalMetric;
  target: number;
  /** The metric's figure over the measured period; null when it has none (a rate of nothing). */
  current: number | null;
  start: Date;
  end: Date;
  now: Date;
}

export interface Pace {
  phase: GoalPhase;
  elapsedDays: number;
  lengthDays: number;
  /** Where the figure should be by today for the target to be met. */
  expected: number | null;
  /** Where the figure will end at the current rate. */
  forecast: number | null;
  standing: Standing;
  /** How far towards the target, 0 to 1, for a progress bar; null when there is no figure. */
  progress: number | null;
}

function meets(metric: GoalMetric, value: number, target: number): boolean {
  return GOAL_METRICS[metric].better === "higher" ? value >= target : value <= target;
}

function progressOf(metric: GoalMetric, current: number | null, target: number): number | null {
  if (current === null) return null;
  if (GOAL_METRICS[metric].better === "lower") return current <= target ? 1 : target / current;
  return target <= 0 ? 1 : Math.min(current / target, 1);
}

/**
 * Pace and forecast. For amounts and counts (they add up over the period):
 *   expected = target × elapsed ÷ length
 *   forecast = current ÷ elapsed × length
 *   running: ON_TRACK when current ≥ expected, else BEHIND; ended: MET when current ≥ target, else MISSED
 * For rates and medians (a figure of the whole period so far, not a sum):
 *   expected = target
 *   forecast = current
 *   running: ON_TRACK when current meets the target (≥, or ≤ where lower is better, as speed to lead), else BEHIND;
 *   ended: MET or MISSED the same way; NO_DATA while there is no figure (nothing handed over yet).
 * Before the period starts: NOT_STARTED, expected 0 (a sum) or the target (a rate), no forecast.
 */
export function pace(input: PaceInput): Pace {
  const { metric, target, start, end, now } = input;
  const phase = goalPhase(start, end, now);
  const elapsed = elapsedDays(start, end, now);
  const length = periodLength(start, end);
  const base = { phase, elapsedDays: elapsed, lengthDays: length };
  if (accumulates(metric)) {
    const current = input.current ?? 0;
    if (phase === "NOT_STARTED") return { ...base, expected: 0, forecast: null, standing: "NOT_STARTED", progress: 0 };
    const expected = (target * elapsed) / length;
    const forecast = (current / elapsed) * length;
    const standing: Standing = phase === "ENDED" ? (current >= target ? "MET" : "MISSED") : current >= expected ? "ON_TRACK" : "BEHIND";
    return { ...base, expected, forecast, standing, progress: progressOf(metric, current, target) };
  }
  if (phase === "NOT_STARTED") return { ...base, expected: target, forecast: null, standing: "NOT_STARTED", progress: null };
  const { current } = input;
  if (current === null) return { ...base, expected: target, forecast: null, standing: "NO_DATA", progress: null };
  const ok = meets(metric, current, target);
  const standing: Standing = phase === "ENDED" ? (ok ? "MET" : "MISSED") : ok ? "ON_TRACK" : "BEHIND";
  return { ...base, expected: target, forecast: current, standing, progress: progressOf(metric, current, target) };
}

/** The measured period cut into its ISO weeks (Monday to Sunday), each clipped to the period: the trend's points. */
export function weekWindows(measured: Period): Period[] {
  const windows: Period[] = [];
  const firstMonday = addDays(measured.from, -((measured.from.getUTCDay() + 6) % 7));
  for (let monday = firstMonday; monday < measured.to; monday = addDays(monday, 7)) {
    const from = monday < measured.from ? measured.from : monday;
    const nextMonday = addDays(monday, 7);
    const to = nextMonday > measured.to ? measured.to : nextMonday;
    windows.push({ from, to, days: Math.round((to.getTime() - from.getTime()) / DAY_MS) });
  }
  return windows;
}

export interface TrendPoint {
  /** The week's first day in the period, "YYYY-MM-DD". */
  week: string;
  /** The figure: for sums, the running total to the week's end; for rates and medians, the week's own figure. */
  value: number | null;
  /** Where the figure should be at the week's end: target × days to the week's end ÷ length for sums, else the target. */
  expected: number;
}

/**
 * The weekly trend from each week's own figure. For sums the line is cumulative (Σ weeks so far), so it can be read
 * against the pace line; for rates and medians each point is that week's figure, against the flat target.
 */
export function trendPoints(
  goal: { metric: GoalMetric; target: number; start: Date; end: Date },
  weeks: readonly { window: Period; value: number | null }[],
): TrendPoint[] {
  const length = periodLength(goal.start, goal.end);
  const from = startOfUtcDay(goal.start).getTime();
  let total = 0;
  return weeks.map(({ window, value }) => {
    const week = window.from.toISOString().slice(0, 10);
    if (!accumulates(goal.metric)) return { week, value, expected: goal.target };
    total += value ?? 0;
    const daysToEnd = Math.round((window.to.getTime() - from) / DAY_MS);
    return { week, value: total, expected: (goal.target * daysToEnd) / length };
  });
}
