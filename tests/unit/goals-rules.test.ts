import { describe, expect, it } from "vitest";
import type { GoalMetric, Role } from "@/lib/db/enums";
import {
  accumulates,
  elapsedDays,
  GOAL_METRIC_KEYS,
  GOAL_METRICS,
  goalPhase,
  goalSide,
  isAgreed,
  measuredPeriod,
  pace,
  periodLength,
  storedTarget,
  trendPoints,
  typedTarget,
  weekWindows,
} from "@/lib/goals/rules";

const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
// A 90-day quarter: 1 October to 29 December 2026.
const start = day("2026-10-01");
const end = day("2026-12-29");

describe("the metric catalogue", () => {
  it("covers the eight metrics the issue names, each with a unit and a direction", () => {
    expect(GOAL_METRIC_KEYS.sort()).toEqual(
      ["MARKETING_SOURCED_SHARE", "MQLS", "MQL_ACCEPTANCE_RATE", "PIPELINE_AMOUNT", "SLA_COMPLIANCE", "SPEED_TO_LEAD", "SQLS", "WON_AMOUNT"].sort(),
    );
    expect(GOAL_METRICS.SPEED_TO_LEAD.better).toBe("lower");
    expect(GOAL_METRIC_KEYS.filter((metric) => GOAL_METRICS[metric].better === "lower")).toEqual(["SPEED_TO_LEAD"]);
  });

  it("adds up amounts and counts only", () => {
    expect(GOAL_METRIC_KEYS.filter(accumulates).sort()).toEqual(["MQLS", "PIPELINE_AMOUNT", "SQLS", "WON_AMOUNT"]);
  });
});

describe("targets", () => {
  it.each<[GoalMetric, number, number]>([
    ["PIPELINE_AMOUNT", 250_000, 250_000],
    ["MQLS", 120, 120],
    ["MQL_ACCEPTANCE_RATE", 60, 0.6],
    ["SLA_COMPLIANCE", 92.5, 0.925],
    ["SPEED_TO_LEAD", 30, 1_800_000],
  ])("%s typed as %d is stored as %d and reads back the same", (metric, typed, stored) => {
    expect(storedTarget(metric, typed)).toBeCloseTo(stored, 10);
    expect(typedTarget(metric, storedTarget(metric, typed))).toBe(typed);
  });

  it("reads a stored fraction back without floating-point noise", () => {
    expect(typedTarget("MQL_ACCEPTANCE_RATE", 0.57)).toBe(57);
    expect(typedTarget("SPEED_TO_LEAD", 90_000)).toBe(1.5);
  });
});

describe("signing", () => {
  it.each<[Role, string | null]>([
    ["SALES_MANAGER", "SALES"],
    ["MARKETING_MANAGER", "MARKETING"],
    ["CRO", "CRO"],
    ["SALES_REP", null],
    ["MARKETER", null],
    ["ADMIN", null],
  ])("%s signs for %s", (role, side) => {
    expect(goalSide(role)).toBe(side);
  });

  it("agrees a goal with both heads or with the CRO alone", () => {
    expect(isAgreed([])).toBe(false);
    expect(isAgreed(["SALES"])).toBe(false);
    expect(isAgreed(["MARKETING"])).toBe(false);
    expect(isAgreed(["SALES", "MARKETING"])).toBe(true);
    expect(isAgreed(["MARKETING", "SALES"])).toBe(true);
    expect(isAgreed(["CRO"])).toBe(true);
    expect(isAgreed(["SALES", "CRO"])).toBe(true);
  });
});

describe("the period", () => {
  it("counts both ends", () => {
    expect(periodLength(start, end)).toBe(90);
    expect(periodLength(start, start)).toBe(1);
    expect(periodLength(day("2028-01-01"), day("2028-12-31"))).toBe(366);
  });

  it("counts today as elapsed and clamps before the start and after the end", () => {
    expect(elapsedDays(start, end, new Date("2026-09-30T23:59:59Z"))).toBe(0);
    expect(elapsedDays(start, end, new Date("2026-10-01T00:00:00Z"))).toBe(1);
    expect(elapsedDays(start, end, new Date("2026-10-01T18:00:00Z"))).toBe(1);
    expect(elapsedDays(start, end, new Date("2026-11-14T12:00:00Z"))).toBe(45);
    expect(elapsedDays(start, end, new Date("2026-12-29T23:00:00Z"))).toBe(90);
    expect(elapsedDays(start, end, new Date("2027-03-01T00:00:00Z"))).toBe(90);
  });

  it("has a phase", () => {
    expect(goalPhase(start, end, day("2026-09-30"))).toBe("NOT_STARTED");
    expect(goalPhase(start, end, day("2026-10-01"))).toBe("RUNNING");
    expect(goalPhase(start, end, new Date("2026-12-29T23:59:59Z"))).toBe("RUNNING");
    expect(goalPhase(start, end, day("2026-12-30"))).toBe("ENDED");
  });

  it("measures from the start up to and including today, never past the end", () => {
    expect(measuredPeriod(start, end, day("2026-09-01"))).toBeNull();
    expect(measuredPeriod(start, end, new Date("2026-11-14T12:00:00Z"))).toEqual({ from: start, to: day("2026-11-15"), days: 45 });
    expect(measuredPeriod(start, end, day("2027-06-01"))).toEqual({ from: start, to: day("2026-12-30"), days: 90 });
  });
});

describe("pace for amounts and counts", () => {
  const halfway = new Date("2026-11-14T12:00:00Z"); // day 45 of 90
  const mqls = (current: number | null, now = halfway) => pace({ metric: "MQLS", target: 200, current, start, end, now });

  it("expects target × elapsed ÷ length and forecasts current ÷ elapsed × length", () => {
    expect(mqls(90)).toEqual({ phase: "RUNNING", elapsedDays: 45, lengthDays: 90, expected: 100, forecast: 180, standing: "BEHIND", progress: 0.45 });
    expect(mqls(100)).toMatchObject({ expected: 100, forecast: 200, standing: "ON_TRACK", progress: 0.5 });
    expect(mqls(250)).toMatchObject({ forecast: 500, standing: "ON_TRACK", progress: 1 });
  });

  it("reads a missing figure as zero", () => {
    expect(mqls(null)).toMatchObject({ forecast: 0, standing: "BEHIND", progress: 0 });
  });

  it("has no forecast before the start and expects nothing yet", () => {
    expect(mqls(0, day("2026-09-15"))).toEqual({ phase: "NOT_STARTED", elapsedDays: 0, lengthDays: 90, expected: 0, forecast: null, standing: "NOT_STARTED", progress: 0 });
  });

  it("says met or missed once the period has ended", () => {
    expect(mqls(200, day("2027-01-10"))).toMatchObject({ phase: "ENDED", expected: 200, forecast: 200, standing: "MET" });
    expect(mqls(199, day("2027-01-10"))).toMatchObject({ standing: "MISSED", progress: 0.995 });
  });

  it("treats a zero target as met", () => {
    expect(pace({ metric: "WON_AMOUNT", target: 0, current: 0, start, end, now: halfway })).toMatchObject({ standing: "ON_TRACK", progress: 1 });
  });

  it("on the first day expects a day's share", () => {
    expect(pace({ metric: "PIPELINE_AMOUNT", target: 90_000, current: 500, start, end, now: start })).toMatchObject({ expected: 1_000, forecast: 45_000, standing: "BEHIND" });
  });
});

describe("pace for rates and medians", () => {
  const halfway = new Date("2026-11-14T12:00:00Z");
  it("expects the target itself and forecasts the current figure", () => {
    expect(pace({ metric: "MQL_ACCEPTANCE_RATE", target: 0.6, current: 0.55, start, end, now: halfway })).toEqual({
      phase: "RUNNING",
      elapsedDays: 45,
      lengthDays: 90,
      expected: 0.6,
      forecast: 0.55,
      standing: "BEHIND",
      progress: 0.55 / 0.6,
    });
    expect(pace({ metric: "SLA_COMPLIANCE", target: 0.9, current: 0.9, start, end, now: halfway })).toMatchObject({ standing: "ON_TRACK", progress: 1 });
  });

  it("is on track for speed to lead when at or below the target", () => {
    const speed = (current: number | null, now = halfway) => pace({ metric: "SPEED_TO_LEAD", target: 3_600_000, current, start, end, now });
    expect(speed(1_800_000)).toMatchObject({ standing: "ON_TRACK", progress: 1, forecast: 1_800_000 });
    expect(speed(3_600_000)).toMatchObject({ standing: "ON_TRACK" });
    expect(speed(7_200_000)).toMatchObject({ standing: "BEHIND", progress: 0.5 });
    expect(speed(0)).toMatchObject({ standing: "ON_TRACK", progress: 1 });
    expect(speed(7_200_000, day("2027-02-01"))).toMatchObject({ standing: "MISSED" });
    expect(speed(60_000, day("2027-02-01"))).toMatchObject({ standing: "MET" });
  });

  it("says there is no data while the figure is unknown, and not started before the start", () => {
    expect(pace({ metric: "MARKETING_SOURCED_SHARE", target: 0.45, current: null, start, end, now: halfway })).toMatchObject({ standing: "NO_DATA", forecast: null, progress: null });
    expect(pace({ metric: "MARKETING_SOURCED_SHARE", target: 0.45, current: null, start, end, now: day("2027-01-05") })).toMatchObject({ standing: "NO_DATA" });
    expect(pace({ metric: "MARKETING_SOURCED_SHARE", target: 0.45, current: 0.5, start, end, now: day("2026-01-01") })).toEqual({
      phase: "NOT_STARTED",
      elapsedDays: 0,
      lengthDays: 90,
      expected: 0.45,
      forecast: null,
      standing: "NOT_STARTED",
      progress: null,
    });
  });
});

describe("the weekly trend", () => {
  it("cuts the measured period into ISO weeks clipped to it", () => {
    // 1 October 2026 is a Thursday: the first week has 4 days (Thu–Sun).
    const windows = weekWindows({ from: start, to: day("2026-10-15"), days: 14 });
    expect(windows.map((window) => [window.from.toISOString().slice(0, 10), window.to.toISOString().slice(0, 10), window.days])).toEqual([
      ["2026-10-01", "2026-10-05", 4],
      ["2026-10-05", "2026-10-12", 7],
      ["2026-10-12", "2026-10-15", 3],
    ]);
    expect(weekWindows({ from: day("2026-10-05"), to: day("2026-10-06"), days: 1 })).toHaveLength(1);
  });

  it("runs a total for sums against the pace line, and shows each week's own figure for rates", () => {
    const windows = weekWindows({ from: start, to: day("2026-10-15"), days: 14 });
    const weeks = windows.map((window, index) => ({ window, value: [10, 20, null][index] ?? null }));
    expect(trendPoints({ metric: "MQLS", target: 90, start, end }, weeks)).toEqual([
      { week: "2026-10-01", value: 10, expected: 4 },
      { week: "2026-10-05", value: 30, expected: 11 },
      { week: "2026-10-12", value: 30, expected: 14 },
    ]);
    expect(trendPoints({ metric: "SLA_COMPLIANCE", target: 0.9, start, end }, weeks)).toEqual([
      { week: "2026-10-01", value: 10, expected: 0.9 },
      { week: "2026-10-05", value: 20, expected: 0.9 },
      { week: "2026-10-12", value: null, expected: 0.9 },
    ]);
  });
});
