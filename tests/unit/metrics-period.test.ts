import { describe, expect, it } from "vitest";
import {
  dailySeries,
  dayKey,
  eachDay,
  eachWeek,
  inPeriod,
  isoWeekLabel,
  parseDayKey,
  previousPeriod,
  resolvePeriod,
  weekStart,
  weeklySeries,
  wholeWeeks,
  type Period,
} from "@/lib/metrics/rules";

const at = (iso: string) => new Date(iso);
const shape = (period: Period) => ({ from: period.from.toISOString(), to: period.to.toISOString(), days: period.days });
const day = (key: string) => `${key}T00:00:00.000Z`;

describe("resolvePeriod", () => {
  const now = at("2026-03-10T15:00:00Z");

  it.each([
    ["7d", day("2026-03-04"), day("2026-03-11"), 7],
    ["30d", day("2026-02-09"), day("2026-03-11"), 30],
    ["90d", day("2025-12-11"), day("2026-03-11"), 90],
    ["year", day("2026-01-01"), day("2026-03-11"), 69],
  ] as const)("%s ends at the next UTC midnight, today included", (kind, from, to, days) => {
    expect(shape(resolvePeriod(kind, now))).toEqual({ from, to, days });
  });

  it("a quarter runs from the first day of the calendar quarter up to and including today", () => {
    expect(shape(resolvePeriod("quarter", at("2026-05-15T10:00:00Z")))).toEqual({ from: day("2026-04-01"), to: day("2026-05-16"), days: 45 });
    expect(shape(resolvePeriod("quarter", at("2026-03-31T23:59:59.999Z")))).toEqual({ from: day("2026-01-01"), to: day("2026-04-01"), days: 90 });
    expect(shape(resolvePeriod("quarter", at("2026-12-31T12:00:00Z")))).toEqual({ from: day("2026-10-01"), to: day("2027-01-01"), days: 92 });
  });

  it("on the first instant of a quarter or year the period is one day long", () => {
    expect(shape(resolvePeriod("quarter", at("2026-04-01T00:00:00Z")))).toEqual({ from: day("2026-04-01"), to: day("2026-04-02"), days: 1 });
    expect(shape(resolvePeriod("year", at("2027-01-01T00:00:00Z")))).toEqual({ from: day("2027-01-01"), to: day("2027-01-02"), days: 1 });
  });

  it("uses UTC days whatever the time of day", () => {
    expect(shape(resolvePeriod("7d", at("2026-03-10T23:59:59.999Z")))).toEqual(shape(resolvePeriod("7d", at("2026-03-10T00:00:00Z"))));
    expect(shape(resolvePeriod("7d", at("2026-03-11T00:00:00Z"))).to).toBe(day("2026-03-12"));
  });

  it("counts 29 February in a leap year", () => {
    expect(shape(resolvePeriod("year", at("2028-03-01T08:00:00Z")))).toEqual({ from: day("2028-01-01"), to: day("2028-03-02"), days: 61 });
  });

  it("takes a custom period as half-open: to is exclusive", () => {
    expect(shape(resolvePeriod({ from: at("2026-01-01T00:00:00Z"), to: at("2026-02-01T00:00:00Z") }, now))).toEqual({
      from: day("2026-01-01"),
      to: day("2026-02-01"),
      days: 31,
    });
  });

  it("widens a custom period to whole days covering every instant given", () => {
    expect(shape(resolvePeriod({ from: at("2026-01-01T18:00:00Z"), to: at("2026-01-03T06:00:00Z") }, now))).toEqual({
      from: day("2026-01-01"),
      to: day("2026-01-04"),
      days: 3,
    });
    expect(shape(resolvePeriod({ from: at("2026-01-01T10:00:00Z"), to: at("2026-01-01T11:00:00Z") }, now)).days).toBe(1);
  });

  it("refuses a custom period that ends before or where it starts, and invalid dates", () => {
    expect(() => resolvePeriod({ from: at("2026-02-01T00:00:00Z"), to: at("2026-01-01T00:00:00Z") }, now)).toThrow(RangeError);
    expect(() => resolvePeriod({ from: at("2026-02-01T00:00:00Z"), to: at("2026-02-01T00:00:00Z") }, now)).toThrow(RangeError);
    expect(() => resolvePeriod({ from: at("nonsense"), to: at("2026-02-01T00:00:00Z") }, now)).toThrow(RangeError);
    expect(() => resolvePeriod("7d", at("nonsense"))).toThrow(RangeError);
    expect(() => resolvePeriod("14d" as never, now)).toThrow(RangeError);
  });

  it("does not change the dates it is given", () => {
    const from = at("2026-01-01T18:00:00Z");
    resolvePeriod({ from, to: at("2026-01-03T06:00:00Z") }, now);
    expect(from.toISOString()).toBe("2026-01-01T18:00:00.000Z");
  });
});

describe("previousPeriod", () => {
  it("is the same number of days immediately before", () => {
    const current = resolvePeriod("7d", at("2026-03-10T15:00:00Z"));
    expect(shape(previousPeriod(current))).toEqual({ from: day("2026-02-25"), to: day("2026-03-04"), days: 7 });
  });

  it("compares a quarter to date with as many days before it, not with the whole previous quarter", () => {
    const current = resolvePeriod("quarter", at("2026-05-15T10:00:00Z"));
    expect(shape(previousPeriod(current))).toEqual({ from: day("2026-02-15"), to: day("2026-04-01"), days: 45 });
  });

  it("touches the current period without overlapping it", () => {
    const current = resolvePeriod("30d", at("2026-03-10T15:00:00Z"));
    const previous = previousPeriod(current);
    expect(previous.to.getTime()).toBe(current.from.getTime());
    expect(inPeriod(previous, current.from)).toBe(false);
    expect(inPeriod(current, current.from)).toBe(true);
    expect(inPeriod(current, current.to)).toBe(false);
    expect(inPeriod(current, new Date(current.to.getTime() - 1))).toBe(true);
  });
});

describe("eachDay", () => {
  it("lists every UTC midnight of the period, across a leap day", () => {
    const period = resolvePeriod({ from: at("2028-02-27T00:00:00Z"), to: at("2028-03-02T00:00:00Z") }, at("2028-03-01T00:00:00Z"));
    expect(eachDay(period).map(dayKey)).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("has as many days as the period says", () => {
    const period = resolvePeriod("90d", at("2026-03-10T15:00:00Z"));
    expect(eachDay(period)).toHaveLength(90);
    expect(dayKey(eachDay(period).at(-1)!)).toBe("2026-03-10");
  });
});

describe("weekStart and isoWeekLabel", () => {
  it.each([
    ["a Monday is its own week start", "2026-03-09T00:00:00Z", "2026-03-09"],
    ["a Monday evening", "2026-03-09T23:00:00Z", "2026-03-09"],
    ["a Wednesday", "2026-03-11T12:00:00Z", "2026-03-09"],
    ["the last instant of a Sunday", "2026-03-15T23:59:59.999Z", "2026-03-09"],
    ["the next Monday", "2026-03-16T00:00:00Z", "2026-03-16"],
    ["a Thursday 1 January", "2026-01-01T09:00:00Z", "2025-12-29"],
  ])("%s", (_, instant, monday) => {
    expect(dayKey(weekStart(at(instant)))).toBe(monday);
  });

  it.each([
    ["2026-03-10T00:00:00Z", "2026-W11"],
    ["2026-01-01T00:00:00Z", "2026-W01"],
    ["2025-12-29T00:00:00Z", "2026-W01"],
    ["2025-12-28T00:00:00Z", "2025-W52"],
    ["2027-01-01T00:00:00Z", "2026-W53"],
    ["2021-01-03T00:00:00Z", "2020-W53"],
    ["2021-01-04T00:00:00Z", "2021-W01"],
  ])("%s is in ISO week %s", (instant, label) => {
    expect(isoWeekLabel(at(instant))).toBe(label);
  });
});

describe("daily and weekly series", () => {
  // Wednesday 11 March to Tuesday 24 March 2026: 5 days of week 11, all of week 12, 2 days of week 13.
  const period = resolvePeriod({ from: at("2026-03-11T00:00:00Z"), to: at("2026-03-25T00:00:00Z") }, at("2026-03-25T00:00:00Z"));

  it("covers every ISO week that touches the period", () => {
    expect(eachWeek(period).map(dayKey)).toEqual(["2026-03-09", "2026-03-16", "2026-03-23"]);
  });

  it("adds rows up by week, counting only days inside the period and saying how many those are", () => {
    const rows = [
      { day: "2026-03-11", count: 2 },
      { day: "2026-03-15", count: 1 },
      { day: "2026-03-16", count: 4 },
      { day: "2026-03-16", count: 1 },
      { day: "2026-03-24", count: 3 },
    ];
    expect(weeklySeries(rows, period)).toEqual([
      { week: "2026-03-09", label: "2026-W11", days: 5, count: 3 },
      { week: "2026-03-16", label: "2026-W12", days: 7, count: 5 },
      { week: "2026-03-23", label: "2026-W13", days: 2, count: 3 },
    ]);
  });

  it("fills an empty period with zeros", () => {
    expect(weeklySeries([], period).map((week) => week.count)).toEqual([0, 0, 0]);
    const daily = dailySeries([], period);
    expect(daily).toHaveLength(14);
    expect(daily.every((entry) => entry.count === 0)).toBe(true);
  });

  it("gives one count per day, summing rows of the same day", () => {
    const daily = dailySeries([{ day: "2026-03-12", count: 2 }, { day: "2026-03-12", count: 5 }, { day: "2026-03-24", count: 1 }], period);
    expect(daily.slice(0, 3)).toEqual([
      { day: "2026-03-11", count: 0 },
      { day: "2026-03-12", count: 7 },
      { day: "2026-03-13", count: 0 },
    ]);
    expect(daily.at(-1)).toEqual({ day: "2026-03-24", count: 1 });
  });

  it("refuses a row outside the period, a malformed day or a count that is not a whole number ≥ 0", () => {
    expect(() => dailySeries([{ day: "2026-03-25", count: 1 }], period)).toThrow(/outside the period/);
    expect(() => weeklySeries([{ day: "2026-03-10", count: 1 }], period)).toThrow(/outside the period/);
    expect(() => dailySeries([{ day: "2026-3-12", count: 1 }], period)).toThrow(RangeError);
    expect(() => dailySeries([{ day: "2026-03-12", count: -1 }], period)).toThrow(RangeError);
    expect(() => dailySeries([{ day: "2026-03-12", count: 1.5 }], period)).toThrow(RangeError);
    expect(() => dailySeries([{ day: "2026-03-12", count: Number.NaN }], period)).toThrow(RangeError);
  });
});

describe("parseDayKey", () => {
  it("reads a day key back as its UTC midnight", () => {
    expect(parseDayKey("2026-03-10").toISOString()).toBe("2026-03-10T00:00:00.000Z");
  });

  it.each(["2026-02-30", "2026-13-01", "2026-3-1", "20260310", "2026-03-10T00:00:00Z", ""])("refuses %j", (key) => {
    expect(() => parseDayKey(key)).toThrow(RangeError);
  });
});

describe("wholeWeeks", () => {
  const day = (key: string) => new Date(`${key}T00:00:00Z`);
  const span = (from: string, to: string) => ({ from: day(from), to: day(to), days: Math.round((day(to).getTime() - day(from).getTime()) / 86_400_000) });
  it("keeps the Mondays that start whole weeks inside the period", () => {
    // 2026-11-02 and 2026-11-23 are Mondays.
    expect(wholeWeeks(span("2026-11-02", "2026-11-23"))).toEqual(span("2026-11-02", "2026-11-23"));
    expect(wholeWeeks(span("2026-10-29", "2026-11-22"))).toEqual(span("2026-11-02", "2026-11-16"));
    expect(wholeWeeks(span("2026-11-03", "2026-11-23"))).toEqual(span("2026-11-09", "2026-11-23"));
  });
  it("has none in a period without a whole week", () => {
    expect(wholeWeeks(span("2026-11-03", "2026-11-10"))).toBeNull();
    expect(wholeWeeks(span("2026-11-16", "2026-11-22"))).toBeNull();
    expect(wholeWeeks(span("2026-11-16", "2026-11-23"))).toEqual(span("2026-11-16", "2026-11-23"));
  });
});
