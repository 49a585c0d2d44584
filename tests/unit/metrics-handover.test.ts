import { describe, expect, it } from "vitest";
import { disputeSummary, mqlAcceptance, rejectionReasons, rejectionTrend, resolvePeriod } from "@/lib/metrics/rules";

describe("mqlAcceptance", () => {
  // March's handovers: 5 accepted, 2 rejected, 1 rejected and disputed, 2 still waiting, and 3 that a manager moved
  // to another rep (their replacements are among the 10 others).
  const march = { ACCEPTED: 5, REJECTED: 2, DISPUTED: 1, PENDING: 2, REASSIGNED: 3 };

  it("is accepted ÷ handed over, pending ones in the denominator and reassigned ones left out", () => {
    expect(mqlAcceptance(march)).toEqual({
      handedOver: 10,
      accepted: 5,
      rejected: 3,
      pending: 2,
      acceptanceRate: 0.5,
      rejectionRate: 0.3,
      pendingShare: 0.2,
    });
  });

  it("rises as pending handovers are answered", () => {
    expect(mqlAcceptance({ ...march, PENDING: 0, ACCEPTED: 7 }).acceptanceRate).toBe(0.7);
  });

  it("is unknown (null) when nothing was handed over, not NaN", () => {
    expect(mqlAcceptance({})).toEqual({ handedOver: 0, accepted: 0, rejected: 0, pending: 0, acceptanceRate: null, rejectionRate: null, pendingShare: null });
    expect(mqlAcceptance({ REASSIGNED: 4 }).acceptanceRate).toBeNull();
  });

  it("is 0, not unknown, when everything handed over is still waiting", () => {
    expect(mqlAcceptance({ PENDING: 3 })).toMatchObject({ acceptanceRate: 0, pendingShare: 1 });
  });

  it("refuses counts that are not whole numbers ≥ 0", () => {
    expect(() => mqlAcceptance({ ACCEPTED: -1 })).toThrow(RangeError);
    expect(() => mqlAcceptance({ PENDING: 0.5 })).toThrow(RangeError);
    expect(() => mqlAcceptance({ REASSIGNED: Number.NaN })).toThrow(RangeError);
  });
});

describe("rejectionReasons", () => {
  it("lists reasons by count with their share of all rejections, merging one code's labels", () => {
    expect(
      rejectionReasons([
        { code: "no_budget", label: "No budget", count: 3 },
        { code: "not_icp", label: "Not in ICP", count: 5 },
        { code: "spam", label: "Spam", count: 3 },
        { code: "not_icp", label: "Not in ideal customer profile", count: 1 },
      ]),
    ).toEqual([
      { code: "not_icp", label: "Not in ICP", count: 6, share: 0.5 },
      { code: "no_budget", label: "No budget", count: 3, share: 0.25 },
      { code: "spam", label: "Spam", count: 3, share: 0.25 },
    ]);
  });

  it("orders ties by code whatever the input order", () => {
    const rows = [
      { code: "spam", label: "Spam", count: 1 },
      { code: "duplicate", label: "Duplicate", count: 1 },
      { code: "no_need", label: "No need", count: 1 },
    ];
    expect(rejectionReasons(rows).map((reason) => reason.code)).toEqual(["duplicate", "no_need", "spam"]);
    expect(rejectionReasons([...rows].reverse()).map((reason) => reason.code)).toEqual(["duplicate", "no_need", "spam"]);
  });

  it("has nothing to list for a period without rejections, and no NaN share for a zero row", () => {
    expect(rejectionReasons([])).toEqual([]);
    expect(rejectionReasons([{ code: "spam", label: "Spam", count: 0 }])).toEqual([{ code: "spam", label: "Spam", count: 0, share: null }]);
  });

  it("refuses a bad count", () => {
    expect(() => rejectionReasons([{ code: "spam", label: "Spam", count: -1 }])).toThrow(RangeError);
  });
});

describe("rejectionTrend", () => {
  // Monday 2 March to Sunday 22 March 2026: three whole ISO weeks.
  const period = resolvePeriod({ from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-23T00:00:00Z") }, new Date("2026-03-23T00:00:00Z"));

  it("counts rejections per ISO week, a quiet week as 0", () => {
    const trend = rejectionTrend(
      [
        { day: "2026-03-02", count: 1 },
        { day: "2026-03-08", count: 2 },
        { day: "2026-03-22", count: 4 },
      ],
      period,
    );
    expect(trend).toEqual([
      { week: "2026-03-02", label: "2026-W10", days: 7, count: 3 },
      { week: "2026-03-09", label: "2026-W11", days: 7, count: 0 },
      { week: "2026-03-16", label: "2026-W12", days: 7, count: 4 },
    ]);
  });

  it("is all zeros for a period without rejections", () => {
    expect(rejectionTrend([], period).map((week) => week.count)).toEqual([0, 0, 0]);
  });
});

describe("disputeSummary", () => {
  it("counts disputes by outcome, against the rejections they contest", () => {
    // 7 rejections: 1 disputed and open, 2 disputes upheld (the rejection stands), 1 reassigned (marketing won).
    expect(disputeSummary({ REJECTED: 6, DISPUTED: 1, ACCEPTED: 9 }, { upheld: 2, reassigned: 1 })).toEqual({
      disputed: 4,
      open: 1,
      upheld: 2,
      reassigned: 1,
      disputeRate: 4 / 7,
      upheldShare: 2 / 3,
      reassignedShare: 1 / 3,
    });
  });

  it("has a dispute rate of 0 when rejections went uncontested, and no outcome shares until one is decided", () => {
    expect(disputeSummary({ REJECTED: 5 }, {})).toMatchObject({ disputed: 0, disputeRate: 0, upheldShare: null, reassignedShare: null });
    expect(disputeSummary({ REJECTED: 1, DISPUTED: 2 }, {})).toMatchObject({ disputed: 2, open: 2, disputeRate: 2 / 3, upheldShare: null });
  });

  it("is unknown (null) when nothing was rejected", () => {
    expect(disputeSummary({}, {})).toEqual({ disputed: 0, open: 0, upheld: 0, reassigned: 0, disputeRate: null, upheldShare: null, reassignedShare: null });
  });

  it("refuses more disputes than rejections and bad counts", () => {
    expect(() => disputeSummary({ REJECTED: 1 }, { upheld: 1, reassigned: 1 })).toThrow(/More disputes/);
    expect(() => disputeSummary({ REJECTED: 3 }, { upheld: -1 })).toThrow(RangeError);
  });
});
