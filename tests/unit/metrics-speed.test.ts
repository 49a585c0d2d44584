import { describe, expect, it } from "vitest";
import { SPEED_BUCKETS, locateRank, median, nearestRank, percentile, slaCompliance, speedBuckets, speedFromSummary, speedToLead } from "@/lib/metrics/rules";
import { speedBandEdges } from "@/lib/metrics/speed-query";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("percentile (nearest rank)", () => {
  it("has no value for no values", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([], 95)).toBeNull();
    expect(median([])).toBeNull();
  });

  it.each([1, 50, 95, 100])("of one value is that value (p%i)", (p) => {
    expect(percentile([42], p)).toBe(42);
  });

  it.each([
    [1, 10],
    [50, 10],
    [50.1, 20],
    [95, 20],
    [100, 20],
  ])("of two values, p%d is %i", (p, value) => {
    expect(percentile([20, 10], p)).toBe(value);
  });

  // 1…20 in a scrambled order: rank ⌈p × 20 ÷ 100⌉ picks the value equal to the rank.
  const twenty = [7, 14, 3, 20, 1, 18, 9, 12, 5, 16, 2, 19, 11, 8, 15, 4, 17, 6, 13, 10];
  it.each([
    [5, 1],
    [5.01, 2],
    [10, 2],
    [50, 10],
    [90, 18],
    [94.99, 19],
    [95, 19],
    [95.01, 20],
    [100, 20],
  ])("of twenty values, p%d is %i", (p, value) => {
    expect(percentile(twenty, p)).toBe(value);
  });

  it("is exact where p × n ÷ 100 is a whole number despite float error", () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 29)).toBe(29);
    // 64.4 × 250 ÷ 100 is 161 exactly, but 161.00000000000003 in floating point: the rank must stay 161.
    expect(percentile(Array.from({ length: 250 }, (_, index) => index + 1), 64.4)).toBe(161);
    expect(percentile(Array.from({ length: 10 }, (_, index) => index + 1), 95)).toBe(10);
  });

  it("is always one of the values, never an interpolation", () => {
    expect(percentile([1, 100], 75)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it("leaves its input unsorted", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it("refuses p outside (0, 100] and values that are not finite", () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
    expect(() => percentile([1, Number.POSITIVE_INFINITY], 50)).toThrow(RangeError);
  });
});

describe("median", () => {
  it("is the middle value of an odd count and the lower middle of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([10, 20])).toBe(10);
  });
});

describe("speedBuckets", () => {
  it("puts each edge in the bucket it starts (lower bound inclusive, upper exclusive)", () => {
    const durations = [0, 5 * MINUTE - 1, 5 * MINUTE, 15 * MINUTE - 1, 15 * MINUTE, HOUR - 1, HOUR, 24 * HOUR - 1, 24 * HOUR, 10 * 24 * HOUR];
    expect(speedBuckets(durations).map((bucket) => [bucket.label, bucket.count, bucket.share])).toEqual([
      ["0–5 min", 2, 0.2],
      ["5–15 min", 2, 0.2],
      ["15–60 min", 2, 0.2],
      ["1–24 h", 2, 0.2],
      ["Over 24 h", 2, 0.2],
    ]);
  });

  it("has shares that add up to 1 and counts that add up to n", () => {
    const buckets = speedBuckets([MINUTE, 2 * MINUTE, 20 * MINUTE]);
    expect(buckets.map((bucket) => bucket.count)).toEqual([2, 0, 1, 0, 0]);
    expect(buckets[0]!.share).toBeCloseTo(2 / 3, 12);
    expect(buckets.reduce((total, bucket) => total + (bucket.share ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it("has zero counts and unknown shares for no durations", () => {
    expect(speedBuckets([]).map((bucket) => [bucket.count, bucket.share])).toEqual(SPEED_BUCKETS.map(() => [0, null]));
  });

  it("refuses a negative or non-finite duration", () => {
    expect(() => speedBuckets([-1])).toThrow(RangeError);
    expect(() => speedBuckets([Number.NaN])).toThrow(RangeError);
  });
});

describe("speedToLead", () => {
  it("gives the nearest-rank median and p95 of the touched handovers", () => {
    // Five handovers with a first touch: 2 min, 4 min, 10 min, 45 min, 30 h.
    const result = speedToLead([45 * MINUTE, 2 * MINUTE, 30 * HOUR, 10 * MINUTE, 4 * MINUTE]);
    expect(result.count).toBe(5);
    expect(result.medianMs).toBe(10 * MINUTE);
    expect(result.p95Ms).toBe(30 * HOUR);
    expect(result.buckets.map((bucket) => bucket.count)).toEqual([2, 1, 1, 0, 1]);
  });

  it("has no median or p95 for a period without touches", () => {
    expect(speedToLead([])).toMatchObject({ count: 0, medianMs: null, p95Ms: null });
  });

  it("refuses a negative duration (a touch before the handover is not a first touch after it)", () => {
    expect(() => speedToLead([MINUTE, -MINUTE])).toThrow(RangeError);
  });
});

describe("slaCompliance", () => {
  it("is answered in time ÷ handed over; late answers and overdue waits are breaches; waits within due are neither", () => {
    expect(slaCompliance({ answeredInTime: 6, answeredLate: 2, pendingOverdue: 1, pendingInTime: 1 })).toEqual({
      handedOver: 10,
      answeredInTime: 6,
      breaches: 3,
      open: 1,
      compliance: 0.6,
      breachRate: 0.3,
      openShare: 0.1,
    });
  });

  it("counts a waiting handover as a breach once it is past due", () => {
    const before = slaCompliance({ answeredInTime: 1, answeredLate: 0, pendingOverdue: 0, pendingInTime: 1 });
    const after = slaCompliance({ answeredInTime: 1, answeredLate: 0, pendingOverdue: 1, pendingInTime: 0 });
    expect([before.breaches, before.compliance]).toEqual([0, 0.5]);
    expect([after.breaches, after.compliance]).toEqual([1, 0.5]);
  });

  it("is 0 compliant and 0 breached while everything is still within due", () => {
    expect(slaCompliance({ answeredInTime: 0, answeredLate: 0, pendingOverdue: 0, pendingInTime: 4 })).toMatchObject({ compliance: 0, breaches: 0, breachRate: 0, openShare: 1 });
  });

  it("is unknown (null) when nothing was handed over, with no breaches", () => {
    expect(slaCompliance({ answeredInTime: 0, answeredLate: 0, pendingOverdue: 0, pendingInTime: 0 })).toEqual({
      handedOver: 0,
      answeredInTime: 0,
      breaches: 0,
      open: 0,
      compliance: null,
      breachRate: null,
      openShare: null,
    });
  });

  it("refuses bad counts", () => {
    expect(() => slaCompliance({ answeredInTime: -1, answeredLate: 0, pendingOverdue: 0, pendingInTime: 0 })).toThrow(RangeError);
    expect(() => slaCompliance({ answeredInTime: 0, answeredLate: 1.5, pendingOverdue: 0, pendingInTime: 0 })).toThrow(RangeError);
  });
});

describe("speedFromSummary", () => {
  const MINUTE = 60_000;
  it("gives what speedToLead gives when the database did the counting", () => {
    const durations = [MINUTE, 3 * MINUTE, 7 * MINUTE, 30 * MINUTE, 2 * 60 * MINUTE, 30 * 60 * MINUTE];
    const direct = speedToLead(durations);
    const summary = {
      count: durations.length,
      medianMs: direct.medianMs,
      p95Ms: direct.p95Ms,
      bucketCounts: direct.buckets.map((bucket) => bucket.count),
    };
    expect(speedFromSummary(summary)).toEqual(direct);
  });

  it("has no percentiles and no shares for no durations", () => {
    expect(speedFromSummary({ count: 0, medianMs: null, p95Ms: null, bucketCounts: SPEED_BUCKETS.map(() => 0) })).toEqual(speedToLead([]));
  });

  it("refuses counts that do not add up, the wrong number of buckets, or percentiles of nothing", () => {
    expect(() => speedFromSummary({ count: 2, medianMs: 1, p95Ms: 2, bucketCounts: [1, 0, 0, 0, 0] })).toThrow(RangeError);
    expect(() => speedFromSummary({ count: 1, medianMs: 1, p95Ms: 1, bucketCounts: [1, 0, 0, 0] })).toThrow(RangeError);
    expect(() => speedFromSummary({ count: 0, medianMs: 5, p95Ms: null, bucketCounts: [0, 0, 0, 0, 0] })).toThrow(RangeError);
    expect(() => speedFromSummary({ count: 1.5, medianMs: 1, p95Ms: 1, bucketCounts: [1.5, 0, 0, 0, 0] })).toThrow(RangeError);
  });
});

describe("nearestRank and locateRank (percentiles from counts per band)", () => {
  it("ranks as percentile() picks", () => {
    expect(nearestRank(50, 0)).toBeNull();
    expect(nearestRank(50, 1)).toBe(1);
    expect(nearestRank(50, 4)).toBe(2);
    expect(nearestRank(95, 20)).toBe(19);
    expect(nearestRank(95, 21)).toBe(20);
    expect(nearestRank(100, 7)).toBe(7);
    expect(() => nearestRank(0, 5)).toThrow(RangeError);
    expect(() => nearestRank(50, -1)).toThrow(RangeError);
  });

  it("finds the band and the position within it", () => {
    expect(locateRank([0, 3, 0, 2], 1)).toEqual({ band: 1, position: 1 });
    expect(locateRank([0, 3, 0, 2], 3)).toEqual({ band: 1, position: 3 });
    expect(locateRank([0, 3, 0, 2], 4)).toEqual({ band: 3, position: 1 });
    expect(locateRank([0, 3, 0, 2], 5)).toEqual({ band: 3, position: 2 });
    expect(() => locateRank([0, 3, 0, 2], 6)).toThrow(RangeError);
  });

  it("gives percentile()'s value for random durations counted per band", () => {
    const edges = speedBandEdges();
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() ** 3 * 5 * 24 * 3600 * 1000));
      const bandOf = (value: number) => edges.filter((edge) => edge <= value).length;
      const counts = Array.from({ length: edges.length + 1 }, () => 0);
      for (const value of values) counts[bandOf(value)]! += 1;
      for (const p of [50, 95]) {
        const { band, position } = locateRank(counts, nearestRank(p, values.length)!);
        const inBand = values.filter((value) => bandOf(value) === band).sort((a, b) => a - b);
        expect(inBand[position - 1]).toBe(percentile(values, p));
      }
    }
  });

  it("has every display bucket's edge among the band edges, ascending", () => {
    const edges = speedBandEdges();
    expect([...edges].sort((a, b) => a - b)).toEqual(edges);
    for (const bucket of SPEED_BUCKETS) if (bucket.fromMs > 0) expect(edges).toContain(bucket.fromMs);
  });
});
