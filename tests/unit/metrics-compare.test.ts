import { describe, expect, it } from "vitest";
import { compare, compareAll } from "@/lib/metrics/rules";

describe("compare", () => {
  it.each([
    ["growth", 120, 100, 20, 0.2],
    ["decline", 80, 100, -20, -0.2],
    ["no change", 7, 7, 0, 0],
    ["down to nothing", 0, 40, -40, -1],
  ])("%s: %s against %s", (_, current, previous, change, changeRatio) => {
    expect(compare(current, previous)).toEqual({ current, previous, change, changeRatio });
  });

  it("has a change but no ratio when the previous period was 0", () => {
    expect(compare(5, 0)).toEqual({ current: 5, previous: 0, change: 5, changeRatio: null });
    expect(compare(0, 0)).toEqual({ current: 0, previous: 0, change: 0, changeRatio: null });
  });

  it("has neither when either side is unknown", () => {
    expect(compare(null, 3)).toEqual({ current: null, previous: 3, change: null, changeRatio: null });
    expect(compare(0.5, null)).toEqual({ current: 0.5, previous: null, change: null, changeRatio: null });
    expect(compare(null, null)).toEqual({ current: null, previous: null, change: null, changeRatio: null });
  });

  it("compares rates in points and ratio", () => {
    const result = compare(0.6, 0.5);
    expect(result.change).toBeCloseTo(0.1, 12);
    expect(result.changeRatio).toBeCloseTo(0.2, 12);
  });

  it("keeps the sign meaning 'went up' for a negative metric", () => {
    const result = compare(-0.02, -0.05);
    expect(result.change).toBeCloseTo(0.03, 12);
    expect(result.changeRatio).toBeCloseTo(0.6, 12);
  });

  it("refuses NaN and Infinity", () => {
    expect(() => compare(Number.NaN, 1)).toThrow(RangeError);
    expect(() => compare(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("compareAll", () => {
  it("compares every metric of a record", () => {
    expect(compareAll({ won: 4, winRate: 0.5 }, { won: 2, winRate: null })).toEqual({
      won: { current: 4, previous: 2, change: 2, changeRatio: 1 },
      winRate: { current: 0.5, previous: null, change: null, changeRatio: null },
    });
  });
});
