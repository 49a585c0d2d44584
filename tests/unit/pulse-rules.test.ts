import { describe, expect, it } from "vitest";
import {
  average,
  FLAT_WITHIN,
  isEditable,
  monthKey,
  monthLabel,
  monthlySeries,
  monthOf,
  monthsEndingAt,
  periodAverage,
  sameAnswer,
  trendOf,
  type MonthPoint,
} from "@/lib/pulse/rules";
import { pulseAnswerSchema } from "@/lib/pulse/schemas";

const utc = (iso: string) => new Date(iso);

describe("monthOf", () => {
  it.each([
    ["2026-11-22T15:30:00Z", "2026-11-01T00:00:00.000Z"],
    ["2026-11-01T00:00:00Z", "2026-11-01T00:00:00.000Z"],
    ["2026-11-30T23:59:59.999Z", "2026-11-01T00:00:00.000Z"],
    ["2026-12-01T00:00:00Z", "2026-12-01T00:00:00.000Z"],
    ["2024-02-29T12:00:00Z", "2024-02-01T00:00:00.000Z"],
    ["2027-01-01T00:00:00+01:00", "2026-12-01T00:00:00.000Z"],
  ])("puts %s in the month starting %s (UTC)", (at, month) => {
    expect(monthOf(utc(at)).toISOString()).toBe(month);
  });
});

describe("month keys and labels", () => {
  it("keys a month as year-month with two digits", () => {
    expect(monthKey(utc("2026-03-01T00:00:00Z"))).toBe("2026-03");
    expect(monthKey(utc("2026-12-01T00:00:00Z"))).toBe("2026-12");
  });

  it("labels a month in words", () => {
    expect(monthLabel(utc("2026-01-01T00:00:00Z"))).toBe("Jan 2026");
    expect(monthLabel(utc("2026-11-01T00:00:00Z"))).toBe("Nov 2026");
  });
});

describe("monthsEndingAt", () => {
  it("lists the months ending with the current one, oldest first, across a year end", () => {
    expect(monthsEndingAt(utc("2027-02-10T09:00:00Z"), 4).map(monthKey)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });

  it("gives twelve months for a year, and nothing for zero", () => {
    const year = monthsEndingAt(utc("2026-11-22T09:00:00Z"), 12);
    expect(year).toHaveLength(12);
    expect(monthKey(year[0]!)).toBe("2025-12");
    expect(monthsEndingAt(utc("2026-11-22T09:00:00Z"), 0)).toEqual([]);
  });
});

describe("isEditable", () => {
  const november = utc("2026-11-01T00:00:00Z");
  it("allows changes during the month the answer is about", () => {
    expect(isEditable(november, utc("2026-11-01T00:00:00Z"))).toBe(true);
    expect(isEditable(november, utc("2026-11-30T23:59:59Z"))).toBe(true);
  });

  it("refuses them before or after it", () => {
    expect(isEditable(november, utc("2026-12-01T00:00:00Z"))).toBe(false);
    expect(isEditable(november, utc("2026-10-31T23:59:59Z"))).toBe(false);
  });
});

describe("average", () => {
  it("rounds to two decimals and knows there is nothing to average", () => {
    expect(average(10, 3)).toBe(3.33);
    expect(average(8, 2)).toBe(4);
    expect(average(0, 0)).toBeNull();
  });
});

describe("monthlySeries", () => {
  const months = monthsEndingAt(utc("2026-11-15T00:00:00Z"), 3);

  it("averages each month and fills months nobody answered with no value, not zero", () => {
    const series = monthlySeries(
      [
        { month: utc("2026-09-01T00:00:00Z"), responses: 4, usefulnessSum: 14, supportSum: 10 },
        { month: utc("2026-11-01T00:00:00Z"), responses: 3, usefulnessSum: 10, supportSum: 15 },
      ],
      months,
    );
    expect(series).toEqual([
      { key: "2026-09", label: "Sep 2026", responses: 4, usefulness: 3.5, support: 2.5 },
      { key: "2026-10", label: "Oct 2026", responses: 0, usefulness: null, support: null },
      { key: "2026-11", label: "Nov 2026", responses: 3, usefulness: 3.33, support: 5 },
    ]);
  });

  it("ignores totals outside the months asked for", () => {
    const series = monthlySeries([{ month: utc("2025-01-01T00:00:00Z"), responses: 9, usefulnessSum: 9, supportSum: 9 }], months);
    expect(series.every((point) => point.responses === 0)).toBe(true);
  });
});

describe("periodAverage", () => {
  it("weights by answers, not by months", () => {
    const totals = [
      { month: utc("2026-10-01T00:00:00Z"), responses: 1, usefulnessSum: 1, supportSum: 5 },
      { month: utc("2026-11-01T00:00:00Z"), responses: 3, usefulnessSum: 15, supportSum: 3 },
    ];
    expect(periodAverage(totals, "usefulness")).toBe(4);
    expect(periodAverage(totals, "support")).toBe(2);
    expect(periodAverage([], "support")).toBeNull();
  });
});

describe("trendOf", () => {
  const point = (label: string, usefulness: number | null, support: number | null = usefulness): MonthPoint => ({
    key: label,
    label,
    responses: usefulness === null ? 0 : 1,
    usefulness,
    support,
  });

  it("compares the latest answered month with the one before", () => {
    expect(trendOf([point("a", 3), point("b", 3.6)], "usefulness")).toEqual({ direction: "up", change: 0.6, latest: "b", previous: "a" });
    expect(trendOf([point("a", 4), point("b", 2.5)], "support")).toEqual({ direction: "down", change: -1.5, latest: "b", previous: "a" });
  });

  it("skips months nobody answered", () => {
    expect(trendOf([point("a", 2), point("b", null), point("c", 4)], "usefulness")).toMatchObject({ direction: "up", change: 2, previous: "a" });
  });

  it("calls changes under a twentieth of a point flat, and at it a change", () => {
    expect(trendOf([point("a", 3), point("b", 3.04)], "usefulness").direction).toBe("flat");
    expect(trendOf([point("a", 3), point("b", 3 + FLAT_WITHIN)], "usefulness").direction).toBe("up");
    expect(trendOf([point("a", 3), point("b", 2.96)], "usefulness").direction).toBe("flat");
  });

  it("has no trend with fewer than two answered months", () => {
    expect(trendOf([], "usefulness")).toEqual({ direction: "unknown", change: null, latest: null, previous: null });
    expect(trendOf([point("a", null), point("b", 4)], "usefulness")).toEqual({ direction: "unknown", change: null, latest: "b", previous: null });
  });
});

describe("sameAnswer", () => {
  const stored = { usefulness: 4, support: 3, comment: "Good webinar leads" };
  it("recognises a resubmission of what is stored", () => {
    expect(sameAnswer(stored, { ...stored })).toBe(true);
    expect(sameAnswer({ ...stored, comment: null }, { ...stored, comment: null })).toBe(true);
  });

  it.each([
    ["usefulness", { ...stored, usefulness: 5 }],
    ["support", { ...stored, support: 2 }],
    ["comment", { ...stored, comment: "Other" }],
    ["a removed comment", { ...stored, comment: null }],
  ])("sees a different %s", (_what, submitted) => {
    expect(sameAnswer(stored, submitted)).toBe(false);
  });
});

describe("the answer schema", () => {
  it("accepts scores from the form's radio buttons and trims an empty comment away", () => {
    expect(pulseAnswerSchema.parse({ usefulness: "4", support: 2, comment: "  ", version: null })).toEqual({ usefulness: 4, support: 2, comment: null, version: null });
  });

  it.each([0, 6, 2.5, "", null, "x"])("refuses the score %s with a message for the field", (value) => {
    const result = pulseAnswerSchema.safeParse({ usefulness: value, support: 3, version: null });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["usefulness"], message: "Choose how useful the leads were, from 1 to 5" });
  });

  it("refuses a comment over 1,000 characters", () => {
    const result = pulseAnswerSchema.safeParse({ usefulness: 3, support: 3, comment: "x".repeat(1001), version: 1 });
    expect(result.error!.issues[0]).toMatchObject({ path: ["comment"] });
  });
});
