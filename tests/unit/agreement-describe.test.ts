import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import { describeRules, diffRules } from "@/lib/agreement/describe";
import type { DefinitionRules } from "@/lib/agreement/schemas";

const rules = (change: (draft: DefinitionRules) => void = () => {}): DefinitionRules => {
  const draft = structuredClone(DEFAULT_RULES);
  change(draft);
  return draft;
};
const valueOf = (definition: DefinitionRules, key: string) => describeRules(definition).find((line) => line.key === key)?.value;
const changes = (after: DefinitionRules) =>
  diffRules(DEFAULT_RULES, after)
    .filter((row) => row.changed)
    .map(({ key, before, after: now }) => ({ key, before, after: now }));

const THRESHOLD = (points: number, max: number) => `${points} points (of at most ${max}), with every required field and every fit rule met`;

describe("describeRules", () => {
  it("gives every line of the default rules a stable key, in reading order", () => {
    expect(describeRules(DEFAULT_RULES).map((line) => line.key)).toEqual([
      "required",
      "fit.companySize",
      "fit.industries",
      "fit.countries",
      "fit.seniority",
      "scoring.companySize",
      "scoring.industry",
      "scoring.country",
      "scoring.seniority",
      "scoring.campaign",
      "scoring.touches",
      "scoring.source.WEBSITE",
      "scoring.source.CONTENT",
      "scoring.source.WEBINAR",
      "scoring.source.EVENT",
      "scoring.source.PAID_SEARCH",
      "scoring.source.PAID_SOCIAL",
      "scoring.source.EMAIL",
      "scoring.source.PARTNER",
      "scoring.source.REFERRAL",
      "scoring.source.OUTBOUND",
      "threshold",
      "sla.accept",
      "sla.firstTouch",
      "reason.not_icp",
      "reason.no_budget",
      "reason.no_authority",
      "reason.no_need",
      "reason.no_timeline",
      "reason.bad_contact_data",
      "reason.duplicate",
      "reason.spam",
      "reason.already_customer",
    ]);
  });

  it("keeps the same keys when only values change", () => {
    const edited = rules((draft) => {
      draft.mqlThreshold = 40;
      draft.fit.companySize = null;
      draft.scoring.sources.EMAIL = 1;
      draft.sla.acceptHours = 2;
    });
    expect(describeRules(edited).map((line) => line.key)).toEqual(describeRules(DEFAULT_RULES).map((line) => line.key));
  });

  it.each([
    ["required", "Required fields", "A lead must have", "name, email, company and source; job title; company size; industry; country"],
    ["fit.companySize", "Fit", "Company size", "between 50 and 5,000 employees"],
    [
      "fit.industries",
      "Fit",
      "Industry",
      "Software, Financial services, Healthcare, Manufacturing, Retail, Logistics, Telecommunications, Professional services",
    ],
    [
      "fit.countries",
      "Fit",
      "Country",
      "United States, Canada, United Kingdom, Ireland, Germany, France, Netherlands, Belgium, Spain, Italy, Switzerland, Austria, Sweden, Norway, Denmark, Finland, Australia, New Zealand, Singapore",
    ],
    ["fit.seniority", "Fit", "Seniority", "Manager or more senior"],
    ["scoring.companySize", "Scoring", "Company size fits", "20 points"],
    ["scoring.touches", "Scoring", "Touches", "5 points each, at most 15 points"],
    ["scoring.source.REFERRAL", "Scoring", "Source: Referral", "25 points"],
    ["scoring.source.OUTBOUND", "Scoring", "Source: Sales outbound", "0 points"],
    ["threshold", "Qualification", "MQL threshold", THRESHOLD(75, 115)],
    ["sla.accept", "Service levels", "Accept or reject a handover within", "24 hours"],
    ["sla.firstTouch", "Service levels", "First touch after accepting within", "48 hours"],
    ["reason.no_budget", "Rejection reasons", "No budget", "recycles to nurture"],
    ["reason.spam", "Rejection reasons", "Spam", "disqualifies"],
  ])("describes %s in plain words", (key, section, label, value) => {
    expect(describeRules(DEFAULT_RULES).find((line) => line.key === key)).toEqual({ key, section, label, value });
  });

  it("says 'any' for open fit rules and lists only the basics when nothing else is required", () => {
    const open = rules((draft) => {
      draft.requiredFields = [];
      draft.fit = { companySize: null, industries: [], countries: [], minSeniority: null };
    });
    expect(["fit.companySize", "fit.industries", "fit.countries", "fit.seniority"].map((key) => valueOf(open, key))).toEqual(["any", "any", "any", "any"]);
    expect(valueOf(open, "required")).toBe("name, email, company and source");
  });

  it("uses the singular for one point and one hour", () => {
    const singular = rules((draft) => {
      draft.scoring.perTouch = 1;
      draft.scoring.maxTouchPoints = 1;
      draft.sla = { acceptHours: 1, firstTouchHours: 1 };
    });
    expect(valueOf(singular, "scoring.touches")).toBe("1 point each, at most 1 point");
    expect([valueOf(singular, "sla.accept"), valueOf(singular, "sla.firstTouch")]).toEqual(["1 hour", "1 hour"]);
  });
});

describe("diffRules", () => {
  it("shows identical rules side by side with nothing changed", () => {
    const rows = diffRules(DEFAULT_RULES, rules());
    expect(rows).toHaveLength(33);
    expect(rows.filter((row) => row.changed)).toEqual([]);
    expect(rows.every((row) => row.before !== null && row.before === row.after)).toBe(true);
  });

  it("marks only the threshold when the threshold changes", () => {
    expect(changes(rules((draft) => void (draft.mqlThreshold = 80)))).toEqual([
      { key: "threshold", before: THRESHOLD(75, 115), after: THRESHOLD(80, 115) },
    ]);
  });

  it("marks the source and the threshold's maximum when the best source earns more", () => {
    expect(changes(rules((draft) => void (draft.scoring.sources.REFERRAL = 30)))).toEqual([
      { key: "scoring.source.REFERRAL", before: "25 points", after: "30 points" },
      { key: "threshold", before: THRESHOLD(75, 115), after: THRESHOLD(75, 120) },
    ]);
  });

  it("marks only the industry line when the industry list changes", () => {
    const edited = rules((draft) => void (draft.fit.industries = ["Software", "Education"]));
    expect(changes(edited)).toEqual([
      {
        key: "fit.industries",
        before: "Software, Financial services, Healthcare, Manufacturing, Retail, Logistics, Telecommunications, Professional services",
        after: "Software, Education",
      },
    ]);
  });

  it("marks the required line when a field becomes required", () => {
    expect(changes(rules((draft) => void draft.requiredFields.push("campaign")))).toEqual([
      {
        key: "required",
        before: "name, email, company and source; job title; company size; industry; country",
        after: "name, email, company and source; job title; company size; industry; country; campaign",
      },
    ]);
  });

  it("shows an added rejection reason with nothing before it", () => {
    const edited = rules((draft) => void draft.rejectionReasons.push({ code: "competitor", label: "Went with a competitor", outcome: "NURTURE" }));
    const rows = diffRules(DEFAULT_RULES, edited);
    expect(rows.filter((row) => row.changed)).toEqual([
      { key: "reason.competitor", section: "Rejection reasons", label: "Went with a competitor", before: null, after: "recycles to nurture", changed: true },
    ]);
    expect(rows).toHaveLength(34);
  });

  it("shows a removed rejection reason with nothing after it", () => {
    const edited = rules((draft) => void (draft.rejectionReasons = draft.rejectionReasons.filter((reason) => reason.code !== "spam")));
    const rows = diffRules(DEFAULT_RULES, edited);
    expect(rows.filter((row) => row.changed)).toEqual([
      { key: "reason.spam", section: "Rejection reasons", label: "Spam", before: "disqualifies", after: null, changed: true },
    ]);
    expect(rows).toHaveLength(33);
  });

  it("marks a reason whose outcome changes, keeping it one row", () => {
    const edited = rules((draft) => void (draft.rejectionReasons.find((reason) => reason.code === "no_need")!.outcome = "DISQUALIFIED"));
    expect(changes(edited)).toEqual([{ key: "reason.no_need", before: "recycles to nurture", after: "disqualifies" }]);
  });
});
