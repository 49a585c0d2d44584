import { describe, expect, it } from "vitest";
import type { LeadSource } from "@/lib/db/enums";
import {
  BEST_IN_CLASS_SOURCED_SHARE,
  MARKETING_SOURCES,
  SALES_SOURCES,
  averageDealSize,
  isMarketingSource,
  pipelineContribution,
  pipelineVelocity,
  salesCycleDays,
  salesPerformance,
  winRate,
} from "@/lib/metrics/rules";

const DAY = 24 * 60 * 60 * 1000;

describe("isMarketingSource", () => {
  it.each<[LeadSource, boolean]>([
    ["WEBSITE", true],
    ["CONTENT", true],
    ["WEBINAR", true],
    ["EVENT", true],
    ["PAID_SEARCH", true],
    ["PAID_SOCIAL", true],
    ["EMAIL", true],
    ["PARTNER", true],
    ["REFERRAL", false],
    ["OUTBOUND", false],
  ])("%s → %s", (source, marketing) => {
    expect(isMarketingSource(source)).toBe(marketing);
  });

  it("splits the sources into two lists with nothing left over", () => {
    expect(MARKETING_SOURCES).toEqual(["WEBSITE", "CONTENT", "WEBINAR", "EVENT", "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "PARTNER"]);
    expect(SALES_SOURCES).toEqual(["REFERRAL", "OUTBOUND"]);
  });

  it("refuses an unknown source", () => {
    expect(() => isMarketingSource("COLD_CALL" as LeadSource)).toThrow(RangeError);
    expect(() => isMarketingSource("constructor" as LeadSource)).toThrow(RangeError);
  });
});

describe("pipelineContribution", () => {
  // March's six new opportunities: two webinar deals with their campaign attached (30,000), one website deal
  // (10,000), one referral whose lead had a campaign touch (20,000), two outbound deals (40,000).
  const march = [
    { source: "WEBINAR", influenced: true, count: 2, amount: 30_000 },
    { source: "WEBSITE", influenced: false, count: 1, amount: 10_000 },
    { source: "REFERRAL", influenced: true, count: 1, amount: 20_000 },
    { source: "OUTBOUND", influenced: false, count: 2, amount: 40_000 },
  ] as const;
  const result = pipelineContribution(march);

  it("sums marketing-sourced pipeline and its share of all pipeline", () => {
    expect(result.total).toEqual({ count: 6, amount: 100_000 });
    expect(result.sourced).toEqual({ count: 3, amount: 40_000, share: 0.4 });
    expect(result.salesSourced).toEqual({ count: 3, amount: 60_000, share: 0.6 });
  });

  it("compares the sourced share with the best-in-class 45 %", () => {
    expect(BEST_IN_CLASS_SOURCED_SHARE).toBe(0.45);
    expect(result.bestInClassShare).toBe(0.45);
    expect(result.sourcedVsBestInClass).toBeCloseTo(-0.05, 12);
  });

  it("counts influenced pipeline by campaign touch, whatever the source, overlapping sourced", () => {
    expect(result.influenced).toEqual({ count: 3, amount: 50_000, share: 0.5 });
  });

  it("lists pipeline by source, largest first", () => {
    expect(result.bySource.map((entry) => [entry.source, entry.count, entry.amount, entry.share])).toEqual([
      ["OUTBOUND", 2, 40_000, 0.4],
      ["WEBINAR", 2, 30_000, 0.3],
      ["REFERRAL", 1, 20_000, 0.2],
      ["WEBSITE", 1, 10_000, 0.1],
    ]);
  });

  it("adds up several rows of one source", () => {
    const split = pipelineContribution([
      { source: "EVENT", influenced: true, count: 1, amount: 5_000 },
      { source: "EVENT", influenced: false, count: 1, amount: 15_000 },
    ]);
    expect(split.bySource).toEqual([{ source: "EVENT", count: 2, amount: 20_000, share: 1 }]);
    expect(split.influenced.share).toBe(0.25);
  });

  it("has no shares (null) and no comparison for a period without pipeline", () => {
    expect(pipelineContribution([])).toEqual({
      total: { count: 0, amount: 0 },
      sourced: { count: 0, amount: 0, share: null },
      salesSourced: { count: 0, amount: 0, share: null },
      influenced: { count: 0, amount: 0, share: null },
      bestInClassShare: 0.45,
      sourcedVsBestInClass: null,
      bySource: [],
    });
  });

  it("refuses negative or non-finite amounts, bad counts and unknown sources", () => {
    expect(() => pipelineContribution([{ source: "EMAIL", influenced: false, count: 1, amount: -5 }])).toThrow(RangeError);
    expect(() => pipelineContribution([{ source: "EMAIL", influenced: false, count: 1, amount: Number.NaN }])).toThrow(RangeError);
    expect(() => pipelineContribution([{ source: "EMAIL", influenced: false, count: -1, amount: 5 }])).toThrow(RangeError);
    expect(() => pipelineContribution([{ source: "TV" as LeadSource, influenced: false, count: 1, amount: 5 }])).toThrow(RangeError);
  });
});

describe("winRate", () => {
  it.each([
    [3, 1, 0.75],
    [1, 0, 1],
    [0, 4, 0],
    [0, 0, null],
  ])("won %i, lost %i → %s", (won, lost, rate) => {
    expect(winRate(won, lost)).toBe(rate);
  });

  it("refuses bad counts", () => {
    expect(() => winRate(-1, 2)).toThrow(RangeError);
  });
});

describe("averageDealSize", () => {
  it("is won amount ÷ won count", () => {
    expect(averageDealSize(90_000, 3)).toBe(30_000);
    expect(averageDealSize(100, 3)).toBeCloseTo(33.333333, 5);
  });

  it("is unknown (null) when nothing was won", () => {
    expect(averageDealSize(0, 0)).toBeNull();
  });

  it("refuses an amount without deals", () => {
    expect(() => averageDealSize(500, 0)).toThrow(RangeError);
  });
});

describe("salesCycleDays", () => {
  it("is the mean number of days from SAL to WON, fractions included", () => {
    expect(salesCycleDays(10 * DAY + 20 * DAY, 2)).toBe(15);
    expect(salesCycleDays(36 * 60 * 60 * 1000, 1)).toBe(1.5);
  });

  it("is unknown (null) without won deals", () => {
    expect(salesCycleDays(0, 0)).toBeNull();
  });

  it("refuses negative time and time without deals", () => {
    expect(() => salesCycleDays(-DAY, 1)).toThrow(RangeError);
    expect(() => salesCycleDays(DAY, 0)).toThrow(RangeError);
  });
});

describe("pipelineVelocity", () => {
  it("is opportunities × win rate × average deal size ÷ cycle days, per day", () => {
    expect(pipelineVelocity({ opportunities: 10, winRate: 0.25, averageDealSize: 40_000, cycleDays: 50 })).toBe(2_000);
  });

  it("is 0 with no opportunities", () => {
    expect(pipelineVelocity({ opportunities: 0, winRate: 0.25, averageDealSize: 40_000, cycleDays: 50 })).toBe(0);
  });

  it.each([
    ["the win rate", { winRate: null }],
    ["the deal size", { averageDealSize: null }],
    ["the cycle", { cycleDays: null }],
  ])("is unknown (null) without %s", (_, missing) => {
    expect(pipelineVelocity({ opportunities: 10, winRate: 0.25, averageDealSize: 40_000, cycleDays: 50, ...missing })).toBeNull();
  });

  it("is unknown (null), not Infinity, for a cycle of 0 days", () => {
    expect(pipelineVelocity({ opportunities: 10, winRate: 0.25, averageDealSize: 40_000, cycleDays: 0 })).toBeNull();
  });
});

describe("salesPerformance", () => {
  it("puts win rate, deal size, cycle and velocity together", () => {
    // 3 won (90,000, 30 days each from SAL) and 1 lost; 8 new opportunities.
    expect(salesPerformance({ won: 3, lost: 1, wonAmount: 90_000, cycle: { totalMs: 90 * DAY, deals: 3 }, opportunities: 8 })).toEqual({
      won: 3,
      lost: 1,
      opportunities: 8,
      winRate: 0.75,
      averageDealSize: 30_000,
      salesCycleDays: 30,
      velocity: 6_000,
    });
  });

  it("is all unknown for a period in which nothing closed", () => {
    expect(salesPerformance({ won: 0, lost: 0, wonAmount: 0, cycle: { totalMs: 0, deals: 0 }, opportunities: 5 })).toEqual({
      won: 0,
      lost: 0,
      opportunities: 5,
      winRate: null,
      averageDealSize: null,
      salesCycleDays: null,
      velocity: null,
    });
  });

  it("has a win rate of 0 and no deal size when every closed deal was lost", () => {
    expect(salesPerformance({ won: 0, lost: 2, wonAmount: 0, cycle: { totalMs: 0, deals: 0 }, opportunities: 5 })).toMatchObject({
      winRate: 0,
      averageDealSize: null,
      velocity: null,
    });
  });
});
