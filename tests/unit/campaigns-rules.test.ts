import { describe, expect, it } from "vitest";
import {
  campaignLifePeriod,
  campaignListHref,
  campaignVerdicts,
  canOwnCampaigns,
  endsAfterStart,
  feedbackDecision,
  refuseCampaignEdit,
  resultsCard,
  roundRating,
  summarizeRatings,
  type CampaignResults,
} from "@/lib/campaigns/rules";
import { campaignInputSchema, campaignListQuerySchema, feedbackInputSchema } from "@/lib/campaigns/schemas";
import { Role } from "@/lib/db/enums";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("campaign dates", () => {
  it("needs the end after the start", () => {
    expect(endsAfterStart(day("2026-03-01"), day("2026-03-02"))).toBe(true);
    expect(endsAfterStart(day("2026-03-01"), day("2026-03-01"))).toBe(false);
    expect(endsAfterStart(day("2026-03-02"), day("2026-03-01"))).toBe(false);
  });

  it("covers the whole life: from the start (or an older first lead) to the end of today", () => {
    const now = new Date("2026-11-22T09:30:00Z");
    expect(campaignLifePeriod(day("2026-10-01"), null, now)).toEqual({ from: day("2026-10-01"), to: day("2026-11-23"), days: 53 });
    expect(campaignLifePeriod(day("2026-10-01"), new Date("2026-10-05T12:00:00Z"), now).from).toEqual(day("2026-10-01"));
    expect(campaignLifePeriod(day("2026-10-01"), new Date("2026-09-20T12:00:00Z"), now).from).toEqual(day("2026-09-20"));
    // Not started yet: today only, never a period that ends before it starts.
    expect(campaignLifePeriod(day("2027-01-10"), null, now)).toEqual({ from: day("2026-11-22"), to: day("2026-11-23"), days: 1 });
    expect(campaignLifePeriod(day("2026-11-22"), null, now)).toEqual({ from: day("2026-11-22"), to: day("2026-11-23"), days: 1 });
  });
});

describe("who runs and edits campaigns", () => {
  it("lets only active marketing people own a campaign", () => {
    for (const role of Object.values(Role)) {
      expect(canOwnCampaigns({ role, active: true })).toBe(role === "MARKETER" || role === "MARKETING_MANAGER");
      expect(canOwnCampaigns({ role, active: false })).toBe(false);
    }
  });

  it("lets a marketer edit the campaigns they run and the marketing manager any", () => {
    const campaign = { ownerId: "m1" };
    expect(refuseCampaignEdit({ id: "m1", role: "MARKETER" }, campaign)).toBeNull();
    expect(refuseCampaignEdit({ id: "m2", role: "MARKETER" }, campaign)).toMatch(/marketer who runs this campaign/);
    expect(refuseCampaignEdit({ id: "boss", role: "MARKETING_MANAGER" }, campaign)).toBeNull();
    for (const role of ["SALES_REP", "SALES_MANAGER", "CRO", "ADMIN"] as const) {
      expect(refuseCampaignEdit({ id: "m1", role }, campaign)).toMatch(/Only marketing/);
    }
  });
});

describe("ratings", () => {
  it("averages to one decimal, halves up, and counts each rating", () => {
    expect(summarizeRatings([])).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    expect(summarizeRatings([5])).toEqual({ count: 1, average: 5, distribution: [0, 0, 0, 0, 1] });
    expect(summarizeRatings([1, 2, 2, 5])).toEqual({ count: 4, average: 2.5, distribution: [1, 2, 0, 0, 1] });
    expect(summarizeRatings([4, 4, 3]).average).toBe(3.7);
    expect(roundRating(3.45)).toBe(3.5);
    expect(roundRating(3.449)).toBe(3.4);
  });

  it("refuses ratings outside 1 to 5 as a bug upstream", () => {
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => summarizeRatings([bad])).toThrow(RangeError);
  });

  it("decides what a rating request does: create, nothing, update or refuse", () => {
    const stored = { rating: 3, comment: "Mixed", version: 2 };
    expect(feedbackDecision(null, { rating: 4 })).toBe("create");
    expect(feedbackDecision(null, { rating: 4, version: 3 })).toBe("create");
    // A double-submit or retry of what is stored: nothing to write, whatever version it carries.
    expect(feedbackDecision(stored, { rating: 3, comment: "Mixed" })).toBe("unchanged");
    expect(feedbackDecision(stored, { rating: 3, comment: "Mixed", version: 1 })).toBe("unchanged");
    expect(feedbackDecision({ ...stored, comment: null }, { rating: 3 })).toBe("unchanged");
    // An edit of the version the rep saw.
    expect(feedbackDecision(stored, { rating: 5, comment: "Mixed", version: 2 })).toBe("update");
    expect(feedbackDecision(stored, { rating: 3, version: 2 })).toBe("update");
    // A stale edit, or a "first" rating when another tab already rated differently.
    expect(feedbackDecision(stored, { rating: 5, version: 1 })).toBe("conflict");
    expect(feedbackDecision(stored, { rating: 5 })).toBe("conflict");
  });

  it("validates a rating: 1 to 5, a comment of at most 1000 characters, blank comment as none", () => {
    expect(feedbackInputSchema.parse({ campaignId: "c1", rating: "4", comment: "  " })).toEqual({ campaignId: "c1", rating: 4 });
    expect(feedbackInputSchema.parse({ campaignId: "c1", rating: 2, comment: " Poor fit ", version: "3" })).toEqual({ campaignId: "c1", rating: 2, comment: "Poor fit", version: 3 });
    for (const rating of [0, 6, 3.5, "", "x"]) expect(feedbackInputSchema.safeParse({ campaignId: "c1", rating }).success).toBe(false);
    expect(feedbackInputSchema.safeParse({ campaignId: "c1", rating: 3, comment: "x".repeat(1001) }).success).toBe(false);
  });
});

describe("the campaign form", () => {
  const valid = { name: " Q1 Webinar ", channel: "WEBINAR", startsAt: "2026-03-01", endsAt: "2026-03-20", budget: "5000", ownerId: "m1", goal: "", targetMqls: "40" };

  it("reads the form's strings as dates, numbers and blanks as none", () => {
    expect(campaignInputSchema.parse(valid)).toEqual({
      name: "Q1 Webinar",
      channel: "WEBINAR",
      startsAt: day("2026-03-01"),
      endsAt: day("2026-03-20"),
      budget: 5000,
      ownerId: "m1",
      targetMqls: 40,
    });
    expect(campaignInputSchema.parse({ ...valid, endsAt: "", budget: "", targetMqls: "" })).toEqual({ name: "Q1 Webinar", channel: "WEBINAR", startsAt: day("2026-03-01"), ownerId: "m1" });
  });

  it("puts each problem on its field", () => {
    const problems = (input: object) => campaignInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(problems({ ...valid, endsAt: "2026-03-01" })).toEqual(["endsAt"]);
    expect(problems({ ...valid, endsAt: "2026-02-01" })).toEqual(["endsAt"]);
    expect(problems({ ...valid, budget: "-1" })).toEqual(["budget"]);
    expect(problems({ ...valid, budget: "10.001" })).toEqual(["budget"]);
    expect(problems({ ...valid, targetMqls: "2.5" })).toEqual(["targetMqls"]);
    expect(problems({ ...valid, name: "  ", channel: "RADIO", startsAt: "soon", ownerId: "" })).toEqual(["name", "channel", "startsAt", "ownerId"]);
    expect(problems({ ...valid, goal: "x".repeat(501) })).toEqual(["goal"]);
  });

  it("keeps the list's URL short and returns to page 1 on a new search", () => {
    expect(campaignListHref({ q: "", page: 1 })).toBe("/campaigns");
    expect(campaignListHref({ q: "webinar", page: 2 })).toBe("/campaigns?q=webinar&page=2");
    expect(campaignListHref({ q: "webinar", page: 2 }, { q: "event" })).toBe("/campaigns?q=event");
    expect(campaignListHref({ q: "", page: 2 }, { page: 3 })).toBe("/campaigns?page=3");
    expect(campaignListHref({ q: "", page: 2, worked: "1" })).toBe("/campaigns?worked=1&page=2");
    expect(campaignListHref({ q: "", page: 2, worked: "1" }, { worked: undefined })).toBe("/campaigns");
    expect(campaignListQuerySchema.parse({ page: "-1", q: 5, worked: "yes" })).toEqual({ q: "", page: 1 });
    expect(campaignListQuerySchema.parse({ worked: "1" })).toEqual({ q: "", page: 1, worked: "1" });
  });
});

const results: CampaignResults = {
  name: "Q3 2026 Data Platform Webinar",
  channel: "WEBINAR",
  budget: 6000,
  targetMqls: 30,
  leads: 120,
  mqls: 24,
  handedOver: 24,
  accepted: 12,
  rejected: 10,
  pending: 2,
  reasons: [
    { label: "No budget", count: 4 },
    { label: "Wrong persona", count: 3 },
  ],
  sqls: 6,
  opportunities: 4,
  pipeline: 120_000,
  won: 2,
  wonAmount: 40_000,
  rating: { count: 4, average: 3.5 },
};

describe("the results card", () => {
  it("says what the campaign brought, top rejection reason and rating included", () => {
    expect(resultsCard(results)).toBe(
      [
        "**Q3 2026 Data Platform Webinar** (Webinar): results so far",
        "",
        "- 120 leads, 24 MQLs (target 30), cost per MQL $250",
        "- 24 handed over: 12 accepted (50.0%), 10 rejected, 2 waiting; top rejection reason: No budget (4)",
        "- 6 SQLs, $120,000 pipeline, 2 won ($40,000)",
        "- Sales rate its leads 3.5/5 (4 ratings)",
        "",
        "What worked: Sales accepted 55% of the MQLs it answered; 2 deals won, $40,000; Won 6.7× its budget of $6,000.",
        "",
        "What fell short: 6 MQLs short of its target of 30.",
      ].join("\n"),
    );
  });

  it("says failures as plainly as successes", () => {
    const flop = { ...results, targetMqls: 10, mqls: 12, accepted: 2, rejected: 8, won: 0, wonAmount: 0, rating: { count: 0, average: null } };
    const card = resultsCard(flop);
    expect(card).toContain("What worked: Met its target of 10 MQLs.");
    expect(card).toContain("What fell short: Sales rejected 80% of the MQLs it answered; No deal won yet.");
    expect(card).toContain("- Sales has not rated its leads yet");
    expect(campaignVerdicts({ ...results, wonAmount: 3000, budget: 6000 }).fellShort).toContain("Won 0.5× its budget of $6,000");
    expect(campaignVerdicts({ ...results, accepted: 6, rejected: 4 }).worked).toContain("Sales accepted 60% of the MQLs it answered");
  });

  it("reads sensibly for a campaign with no leads, no budget and no target", () => {
    const empty: CampaignResults = {
      ...results,
      budget: null,
      targetMqls: null,
      leads: 0,
      mqls: 0,
      handedOver: 0,
      accepted: 0,
      rejected: 0,
      pending: 0,
      reasons: [],
      sqls: 0,
      opportunities: 0,
      pipeline: 0,
      won: 0,
      wonAmount: 0,
      rating: { count: 0, average: null },
    };
    expect(resultsCard(empty)).toBe(
      [
        "**Q3 2026 Data Platform Webinar** (Webinar): results so far",
        "",
        "- 0 leads, 0 MQLs",
        "- 0 handed over: 0 accepted (—), 0 rejected, 0 waiting",
        "- 0 SQLs, $0 pipeline, 0 won ($0)",
        "- Sales has not rated its leads yet",
        "",
        "What fell short: No leads yet.",
      ].join("\n"),
    );
    expect(resultsCard({ ...empty, leads: 1, mqls: 1, rating: { count: 1, average: 4 } })).toContain("- 1 lead, 1 MQL\n");
  });

  it("escapes Markdown in names and reasons, so a name cannot format or link the card", () => {
    const card = resultsCard({ ...results, name: "Big *launch* [click](http://x)\n# now", reasons: [{ label: "Not_a_fit <b>", count: 1 }] });
    expect(card.split("\n")[0]).toBe("**Big \\*launch\\* \\[click\\](http://x) \\# now** (Webinar): results so far");
    expect(card).toContain("top rejection reason: Not\\_a\\_fit \\<b\\> (1)");
  });
});
