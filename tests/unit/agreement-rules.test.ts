import { describe, expect, it } from "vitest";
import type { LeadSource, Role } from "@/lib/db/enums";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import { atLeast, evaluateLead, findRejectionReason, fullySigned, seniorityOf, signingSide, type LeadFacts } from "@/lib/agreement/rules";
import { definitionRulesSchema, maxScore, type DefinitionRules } from "@/lib/agreement/schemas";

/** A lead that meets every fit rule of DEFAULT_RULES: 65 fit points, plus whatever engagement it has. */
const fitLead: LeadFacts = {
  title: "VP of Marketing",
  companySize: 500,
  industry: "Software",
  country: "DE",
  source: "OUTBOUND",
  hasCampaign: false,
  touches: 0,
};
const lead = (patch: Partial<LeadFacts> = {}): LeadFacts => ({ ...fitLead, ...patch });
const rules = (change: (draft: DefinitionRules) => void = () => {}): DefinitionRules => {
  const draft = structuredClone(DEFAULT_RULES);
  change(draft);
  return draft;
};
const pointsFor = (facts: LeadFacts, rule: string, definition = DEFAULT_RULES) =>
  evaluateLead(facts, definition).breakdown.find((line) => line.rule === rule)?.points;

describe("seniorityOf", () => {
  it.each([
    ["CEO", "C_LEVEL"],
    ["ceo", "C_LEVEL"],
    ["Chief Revenue Officer", "C_LEVEL"],
    ["Co-Founder & CTO", "C_LEVEL"],
    ["Founder", "C_LEVEL"],
    ["President", "C_LEVEL"],
    ["Managing Partner", "C_LEVEL"],
    ["Partner at Sequoia", "C_LEVEL"],
    ["Owner", "C_LEVEL"],
    ["Vice President of Sales", "VP"],
    ["Senior Vice President, Marketing", "VP"],
    ["Vice-President Finance", "VP"],
    ["VP Engineering", "VP"],
    ["SVP Operations", "VP"],
    ["EVP, Global Sales", "VP"],
    ["Head of Growth", "VP"],
    ["Head of Partner Marketing", "VP"],
    ["VP of Sales Operations", "VP"],
    ["Director of Marketing", "DIRECTOR"],
    ["Senior Director, Demand Generation", "DIRECTOR"],
    ["Managing Director", "DIRECTOR"],
    ["Marketing Manager", "MANAGER"],
    ["Partner Marketing Manager", "MANAGER"],
    ["Team Lead, Customer Success", "MANAGER"],
    ["Principal Engineer", "MANAGER"],
    ["Warehouse Supervisor", "MANAGER"],
    ["Software Engineer", "INDIVIDUAL"],
    ["Account Executive", "INDIVIDUAL"],
    ["Data Analyst", "INDIVIDUAL"],
    ["Marketing Coordinator", "INDIVIDUAL"],
    ["Product Owner", "INDIVIDUAL"],
    ["Lead Generation Specialist", "INDIVIDUAL"],
    ["Sales Development Representative", "INDIVIDUAL"],
    ["Executive Assistant to the CEO", "INDIVIDUAL"],
    ["Assistant to the VP of Sales", "INDIVIDUAL"],
    ["Intern", "INDIVIDUAL"],
    ["", null],
    ["   ", null],
    [null, null],
  ])("%j is %s", (title, expected) => {
    expect(seniorityOf(title)).toBe(expected);
  });

  it("orders seniorities from individual to C-level", () => {
    expect([atLeast("MANAGER", "MANAGER"), atLeast("C_LEVEL", "VP"), atLeast("DIRECTOR", "VP"), atLeast("INDIVIDUAL", "MANAGER")]).toEqual([true, true, false, false]);
  });
});

describe("evaluateLead with DEFAULT_RULES", () => {
  it.each<[string, Partial<LeadFacts>, string, number]>([
    ["size inside the range", { companySize: 500 }, "companySize", 20],
    ["size exactly the minimum", { companySize: 50 }, "companySize", 20],
    ["size exactly the maximum", { companySize: 5000 }, "companySize", 20],
    ["size one below the minimum", { companySize: 49 }, "companySize", 0],
    ["size one above the maximum", { companySize: 5001 }, "companySize", 0],
    ["size unknown", { companySize: null }, "companySize", 0],
    ["a target industry", { industry: "Healthcare" }, "industry", 15],
    ["another industry", { industry: "Education" }, "industry", 0],
    ["industry unknown", { industry: null }, "industry", 0],
    ["a target country", { country: "SG" }, "country", 10],
    ["another country", { country: "JP" }, "country", 0],
    ["country unknown", { country: null }, "country", 0],
    ["a manager", { title: "Sales Manager" }, "seniority", 20],
    ["a CEO", { title: "CEO" }, "seniority", 20],
    ["an individual contributor", { title: "Analyst" }, "seniority", 0],
    ["no title", { title: null }, "seniority", 0],
    ["a campaign", { hasCampaign: true }, "campaign", 10],
    ["no campaign", { hasCampaign: false }, "campaign", 0],
    ["no touches", { touches: 0 }, "touches", 0],
    ["one touch", { touches: 1 }, "touches", 5],
    ["two touches", { touches: 2 }, "touches", 10],
    ["three touches (the cap)", { touches: 3 }, "touches", 15],
    ["four touches, capped", { touches: 4 }, "touches", 15],
    ["a hundred touches, capped", { touches: 100 }, "touches", 15],
    ["a negative count", { touches: -2 }, "touches", 0],
  ])("%s: %s rule gives %i", (_name, patch, rule, expected) => {
    expect(pointsFor(lead(patch), rule)).toBe(expected);
  });

  it.each<[LeadSource, number]>([
    ["WEBSITE", 10],
    ["CONTENT", 10],
    ["WEBINAR", 20],
    ["EVENT", 20],
    ["PAID_SEARCH", 5],
    ["PAID_SOCIAL", 5],
    ["EMAIL", 5],
    ["PARTNER", 15],
    ["REFERRAL", 25],
    ["OUTBOUND", 0],
  ])("source %s gives %i points", (source, expected) => {
    expect(pointsFor(lead({ source }), "source")).toBe(expected);
  });

  it.each([lead(), lead({ source: "REFERRAL", hasCampaign: true, touches: 9 }), lead({ title: null, companySize: 1, industry: "Media" })])(
    "scores the sum of the breakdown (%#)",
    (facts) => {
      const { score, breakdown } = evaluateLead(facts, DEFAULT_RULES);
      expect(score).toBe(breakdown.reduce((sum, line) => sum + line.points, 0));
    },
  );

  it("breaks the score down rule by rule, with what each could give", () => {
    const { score, breakdown } = evaluateLead(lead({ source: "WEBINAR", hasCampaign: true, touches: 2 }), DEFAULT_RULES);
    expect(score).toBe(105);
    expect(breakdown.map(({ rule, points, max }) => [rule, points, max])).toEqual([
      ["companySize", 20, 20],
      ["industry", 15, 15],
      ["country", 10, 10],
      ["seniority", 20, 20],
      ["source", 20, 25],
      ["campaign", 10, 10],
      ["touches", 10, 15],
    ]);
    expect(breakdown.map((line) => line.label)).toContain("Source: Webinar");
    expect(breakdown.map((line) => line.label)).toContain("Touches (2 × 5, at most 15)");
  });

  it("qualifies at exactly the threshold and not one point below", () => {
    expect(evaluateLead(lead({ touches: 2 }), DEFAULT_RULES)).toMatchObject({ score: 75, qualifies: true, missing: [] });
    expect(evaluateLead(lead({ touches: 1 }), DEFAULT_RULES)).toMatchObject({
      score: 70,
      qualifies: false,
      missing: ["Score 70 is below the threshold of 75"],
    });
  });

  const rich = { source: "REFERRAL", hasCampaign: true, touches: 3 } as const;
  it.each<[string, Partial<LeadFacts>, string]>([
    ["too small", { companySize: 49 }, "Company size 49 is outside 50–5000 employees"],
    ["too large", { companySize: 5001 }, "Company size 5001 is outside 50–5000 employees"],
    ["off-target industry", { industry: "Education" }, "Industry Education is not one the teams target"],
    ["off-market country", { country: "JP" }, "Japan is not a market the teams sell in"],
    ["too junior", { title: "Analyst" }, "Seniority individual contributor is below manager"],
    ["a required field missing", { industry: null }, "Industry is required"],
  ])("a high score does not make up for a lead %s", (_name, patch, problem) => {
    const result = evaluateLead(lead({ ...rich, ...patch }), DEFAULT_RULES);
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_RULES.mqlThreshold);
    expect(result).toMatchObject({ qualifies: false, missing: [problem] });
  });

  it("lists each problem once, in plain words, never a required field again as unknown", () => {
    const blank: LeadFacts = { title: null, companySize: null, industry: null, country: null, source: "WEBSITE", hasCampaign: false, touches: 0 };
    expect(evaluateLead(blank, DEFAULT_RULES).missing).toEqual([
      "Job title is required",
      "Company size is required",
      "Industry is required",
      "Country is required",
      "Score 10 is below the threshold of 75",
    ]);
    expect(evaluateLead({ ...blank, title: "   " }, DEFAULT_RULES).missing[0]).toBe("Job title is required");
  });

  it("says an attribute is unknown when a fit rule needs it but no field is required", () => {
    const optional = rules((draft) => void (draft.requiredFields = []));
    const result = evaluateLead(lead({ title: null, companySize: null, industry: null, country: null, source: "REFERRAL" }), optional);
    expect(result.missing).toEqual([
      "Company size is unknown",
      "Industry is unknown",
      "Country is unknown",
      "Job title is unknown, so seniority is unknown",
      "Score 25 is below the threshold of 75",
    ]);
  });

  it("can require a campaign", () => {
    const withCampaign = rules((draft) => void draft.requiredFields.push("campaign"));
    expect(evaluateLead(lead({ touches: 3, source: "REFERRAL" }), withCampaign).missing).toEqual(["Campaign is required"]);
    expect(evaluateLead(lead({ touches: 3, hasCampaign: true }), withCampaign).qualifies).toBe(true);
  });
});

describe("evaluateLead with open fit rules", () => {
  const open = rules((draft) => {
    draft.requiredFields = [];
    draft.fit = { companySize: null, industries: [], countries: [], minSeniority: null };
    draft.mqlThreshold = 10;
  });

  it("awards the fit points to any known value", () => {
    const result = evaluateLead(lead({ title: "Intern", companySize: 1, industry: "Non-profit", country: "ZA" }), open);
    expect(result.breakdown.slice(0, 4).map((line) => line.points)).toEqual([20, 15, 10, 20]);
    expect(result).toMatchObject({ score: 65, qualifies: true, missing: [] });
  });

  it("gives unknown values no points but raises no problem", () => {
    const result = evaluateLead(lead({ title: null, companySize: null, industry: null, country: null, source: "WEBSITE" }), open);
    expect(result).toMatchObject({ score: 10, qualifies: true, missing: [] });
  });
});

describe("definitionRulesSchema", () => {
  it("accepts the default rules unchanged", () => {
    expect(definitionRulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it.each<[string, (draft: DefinitionRules) => void]>([
    ["open fit rules", (d) => void (d.fit = { companySize: null, industries: [], countries: [], minSeniority: null })],
    ["a one-size range", (d) => void (d.fit.companySize = { min: 200, max: 200 })],
    ["a threshold equal to the most a lead can score", (d) => void (d.mqlThreshold = 115)],
    ["SLA hours at both ends", (d) => void (d.sla = { acceptHours: 1, firstTouchHours: 336 })],
  ])("accepts %s", (_name, change) => {
    expect(definitionRulesSchema.safeParse(rules(change)).success).toBe(true);
  });

  // Invalid drafts are not DefinitionRules, so they are written untyped.
  type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  it.each<[string, (draft: Loose) => void, string, string]>([
    ["negative points", (d) => void (d.scoring.industry = -1), "scoring.industry", "Points cannot be negative"],
    ["negative source points", (d) => void (d.scoring.sources.EMAIL = -5), "scoring.sources.EMAIL", "Points cannot be negative"],
    ["too many points", (d) => void (d.scoring.campaign = 101), "scoring.campaign", "At most 100 points per rule"],
    ["fractional points", (d) => void (d.scoring.perTouch = 2.5), "scoring.perTouch", "Use whole points"],
    ["min above max", (d) => void (d.fit.companySize = { min: 600, max: 500 }), "fit.companySize.max", "The minimum must not exceed the maximum"],
    ["zero employees", (d) => void (d.fit.companySize.min = 0), "fit.companySize.min", "At least 1 employee"],
    ["an unknown industry", (d) => void d.fit.industries.push("Mining"), "fit.industries.8", ""],
    ["an industry twice", (d) => void d.fit.industries.push("Software"), "fit.industries", "Each industry once"],
    ["an unknown country", (d) => void (d.fit.countries = ["XX"]), "fit.countries.0", ""],
    ["a country twice", (d) => void (d.fit.countries = ["US", "US"]), "fit.countries", "Each country once"],
    ["an unknown seniority", (d) => void (d.fit.minSeniority = "INTERN"), "fit.minSeniority", ""],
    ["a field required twice", (d) => void d.requiredFields.push("title"), "requiredFields", "Each field once"],
    ["an unrequirable field", (d) => void (d.requiredFields = ["email"]), "requiredFields.0", ""],
    ["a threshold of zero", (d) => void (d.mqlThreshold = 0), "mqlThreshold", "At least 1 point"],
    ["an unreachable threshold", (d) => void (d.mqlThreshold = 116), "mqlThreshold", "No lead could reach 116 points: the rules award at most 115"],
    ["0 hours to accept", (d) => void (d.sla.acceptHours = 0), "sla.acceptHours", "At least 1 hour"],
    ["337 hours to first touch", (d) => void (d.sla.firstTouchHours = 337), "sla.firstTouchHours", "At most 336 hours (two weeks)"],
    ["no rejection reasons", (d) => void (d.rejectionReasons = []), "rejectionReasons", "Keep at least one rejection reason"],
    ["a reason code twice", (d) => void d.rejectionReasons.push({ code: "spam", label: "Spam again", outcome: "DISQUALIFIED" }), "rejectionReasons", "Each reason code once"],
    ["a reason name twice", (d) => void d.rejectionReasons.push({ code: "junk", label: " SPAM ", outcome: "DISQUALIFIED" }), "rejectionReasons", "Each reason name once"],
    ["a code in capitals", (d) => void (d.rejectionReasons[0].code = "Not-ICP"), "rejectionReasons.0.code", "Use lower-case letters and underscores"],
    ["a one-letter code", (d) => void (d.rejectionReasons[1].code = "n"), "rejectionReasons.1.code", "Use lower-case letters and underscores"],
    ["a blank reason name", (d) => void (d.rejectionReasons[2].label = "  x "), "rejectionReasons.2.label", "Name the reason"],
    ["an unknown outcome", (d) => void (d.rejectionReasons[0].outcome = "RECYCLE"), "rejectionReasons.0.outcome", "Choose recycle to nurture or disqualify"],
  ])("refuses %s at %s", (_name, change, path, message) => {
    const draft: Loose = structuredClone(DEFAULT_RULES);
    change(draft);
    const result = definitionRulesSchema.safeParse(draft);
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ?? [];
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0]?.message).toContain(message);
  });

  it("computes the most any lead could score", () => {
    expect(maxScore(DEFAULT_RULES)).toBe(115);
    expect(maxScore(rules((d) => void (d.scoring.sources = { ...d.scoring.sources, REFERRAL: 0, PARTNER: 0, WEBINAR: 0, EVENT: 0 })))).toBe(100);
    expect(maxScore(rules((d) => void Object.keys(d.scoring.sources).forEach((s) => (d.scoring.sources[s as LeadSource] = 0))))).toBe(90);
  });
});

describe("signatures and reasons", () => {
  it.each<[Role, string | null]>([
    ["SALES_MANAGER", "SALES"],
    ["MARKETING_MANAGER", "MARKETING"],
    ["SALES_REP", null],
    ["MARKETER", null],
    ["CRO", null],
    ["ADMIN", null],
  ])("%s signs for %s", (role, side) => {
    expect(signingSide(role)).toBe(side);
  });

  it.each<[("SALES" | "MARKETING")[], boolean]>([
    [[], false],
    [["SALES"], false],
    [["MARKETING"], false],
    [["SALES", "SALES"], false],
    [["SALES", "MARKETING"], true],
    [["MARKETING", "SALES"], true],
  ])("signed by %j is fully signed: %s", (sides, expected) => {
    expect(fullySigned(sides)).toBe(expected);
  });

  it("finds a rejection reason by its exact code", () => {
    expect(findRejectionReason(DEFAULT_RULES, "no_budget")).toEqual({ code: "no_budget", label: "No budget", outcome: "NURTURE" });
    expect(findRejectionReason(DEFAULT_RULES, "spam")?.outcome).toBe("DISQUALIFIED");
    expect(findRejectionReason(DEFAULT_RULES, "NO_BUDGET")).toBeNull();
    expect(findRejectionReason(DEFAULT_RULES, "")).toBeNull();
  });
});
