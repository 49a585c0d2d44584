// Scoring and qualification: pure functions of (lead, definition). Unit-tested in tests/unit/agreement-rules.test.ts.
import type { LeadSource, Role } from "../db/enums";
import { COUNTRIES, SOURCE_LABELS } from "../leads/catalog";
import { SENIORITIES, type DefinitionRules, type RequirableField, type Seniority } from "./schemas";

/** What the rules look at: the lead as the server knows it, plus its engagement. */
export interface LeadFacts {
  title: string | null;
  companySize: number | null;
  industry: string | null;
  country: string | null;
  source: LeadSource;
  hasCampaign: boolean;
  touches: number;
}

export interface ScoreLine {
  rule: "companySize" | "industry" | "country" | "seniority" | "source" | "campaign" | "touches";
  label: string;
  points: number;
  /** The most this rule can give, so the page can show what was left on the table. */
  max: number;
}

export interface Evaluation {
  score: number;
  breakdown: ScoreLine[];
  /** Plain-language items the lead still lacks; empty when it qualifies. */
  missing: string[];
  qualifies: boolean;
}

export const SENIORITY_LABELS: Record<Seniority, string> = {
  INDIVIDUAL: "Individual contributor",
  MANAGER: "Manager",
  DIRECTOR: "Director",
  VP: "Vice president",
  C_LEVEL: "C-level",
};

export const FIELD_LABELS: Record<RequirableField, string> = {
  title: "Job title",
  companySize: "Company size",
  industry: "Industry",
  country: "Country",
  campaign: "Campaign",
};

// Checked from the most senior down, so "VP of Sales Operations" is a VP, not a manager. A vice president is not a
// president, a product owner owns no company, a "Partner Marketing Manager" manages partners, and a "Lead
// Generation Specialist" generates leads: those words only count where they name the person's rank.
const SENIORITY_PATTERNS: [Seniority, RegExp][] = [
  [
    "C_LEVEL",
    /\b(chief|ceo|cto|cfo|coo|cmo|cro|cio|ciso|founder|co-founder|(?<!product |process )owner|(?<!vice[- ])president|partner\b(?![- ](?!at\b|of\b|in\b)[a-z]))\b/i,
  ],
  ["VP", /\b(vp|svp|evp|vice[- ]president|head of)\b/i],
  ["DIRECTOR", /\bdirector\b/i],
  ["MANAGER", /\b(manager|lead(?![- ](generation|gen|development|qualification)\b)|principal|supervisor)\b/i],
];

/** A job title's seniority, or null when there is no title. Titles with no known marker count as individual. */
export function seniorityOf(title: string | null): Seniority | null {
  if (!title?.trim()) return null;
  // "Assistant to the VP" or "Executive assistant" support a senior person; they are not one.
  if (/\bassistant\b/i.test(title)) return "INDIVIDUAL";
  return SENIORITY_PATTERNS.find(([, pattern]) => pattern.test(title))?.[0] ?? "INDIVIDUAL";
}

export function atLeast(seniority: Seniority, minimum: Seniority): boolean {
  return SENIORITIES.indexOf(seniority) >= SENIORITIES.indexOf(minimum);
}

function present(facts: LeadFacts, field: RequirableField): boolean {
  switch (field) {
    case "title":
      return Boolean(facts.title?.trim());
    case "companySize":
      return facts.companySize !== null;
    case "industry":
      return Boolean(facts.industry);
    case "country":
      return Boolean(facts.country);
    case "campaign":
      return facts.hasCampaign;
  }
}

interface FitCheck {
  rule: "companySize" | "industry" | "country" | "seniority";
  /** True when the attribute is known and passes the rule (no rule: any known value passes). */
  fits: boolean;
  /** Why it does not fit, when a rule is set and the lead fails it. */
  problem: string | null;
}

function fitChecks(facts: LeadFacts, rules: DefinitionRules): FitCheck[] {
  const { fit } = rules;
  const seniority = seniorityOf(facts.title);
  const size = facts.companySize;
  const countryName = (code: string) => COUNTRIES[code as keyof typeof COUNTRIES] ?? code;
  return [
    {
      rule: "companySize",
      fits: size !== null && (!fit.companySize || (size >= fit.companySize.min && size <= fit.companySize.max)),
      problem: !fit.companySize
        ? null
        : size === null
          ? "Company size is unknown"
          : size < fit.companySize.min || size > fit.companySize.max
            ? `Company size ${size} is outside ${fit.companySize.min}–${fit.companySize.max} employees`
            : null,
    },
    {
      rule: "industry",
      fits: Boolean(facts.industry) && (fit.industries.length === 0 || fit.industries.includes(facts.industry as never)),
      problem:
        fit.industries.length === 0
          ? null
          : !facts.industry
            ? "Industry is unknown"
            : fit.industries.includes(facts.industry as never)
              ? null
              : `Industry ${facts.industry} is not one the teams target`,
    },
    {
      rule: "country",
      fits: Boolean(facts.country) && (fit.countries.length === 0 || fit.countries.includes(facts.country!)),
      problem:
        fit.countries.length === 0
          ? null
          : !facts.country
            ? "Country is unknown"
            : fit.countries.includes(facts.country)
              ? null
              : `${countryName(facts.country)} is not a market the teams sell in`,
    },
    {
      rule: "seniority",
      fits: seniority !== null && (!fit.minSeniority || atLeast(seniority, fit.minSeniority)),
      problem: !fit.minSeniority
        ? null
        : seniority === null
          ? "Job title is unknown, so seniority is unknown"
          : atLeast(seniority, fit.minSeniority)
            ? null
            : `Seniority ${SENIORITY_LABELS[seniority].toLowerCase()} is below ${SENIORITY_LABELS[fit.minSeniority].toLowerCase()}`,
    },
  ];
}

/** The lead field each fit rule reads. */
const FIT_FIELDS: Record<FitCheck["rule"], RequirableField> = { companySize: "companySize", industry: "industry", country: "country", seniority: "title" };

const FIT_LABELS = { companySize: "Company size fits", industry: "Industry fits", country: "Country fits", seniority: "Seniority fits" };

/**
 * Scores a lead and says whether it qualifies as an MQL: every required field present, every fit rule met, and a
 * score at or above the threshold. `missing` lists, in plain words, everything standing in the way.
 */
export function evaluateLead(facts: LeadFacts, rules: DefinitionRules): Evaluation {
  const { scoring } = rules;
  const checks = fitChecks(facts, rules);
  const touchPoints = Math.min(scoring.maxTouchPoints, scoring.perTouch * Math.max(0, facts.touches));
  const breakdown: ScoreLine[] = [
    ...checks.map((check) => ({
      rule: check.rule,
      label: FIT_LABELS[check.rule],
      points: check.fits ? scoring[check.rule] : 0,
      max: scoring[check.rule],
    })),
    {
      rule: "source" as const,
      label: `Source: ${SOURCE_LABELS[facts.source]}`,
      points: scoring.sources[facts.source],
      max: Math.max(0, ...Object.values(scoring.sources)),
    },
    { rule: "campaign" as const, label: "Came from a campaign", points: facts.hasCampaign ? scoring.campaign : 0, max: scoring.campaign },
    {
      rule: "touches" as const,
      label: `Touches (${facts.touches} × ${scoring.perTouch}, at most ${scoring.maxTouchPoints})`,
      points: touchPoints,
      max: scoring.maxTouchPoints,
    },
  ];
  const score = breakdown.reduce((sum, line) => sum + line.points, 0);

  const absent = rules.requiredFields.filter((field) => !present(facts, field));
  const missing = [
    ...absent.map((field) => `${FIELD_LABELS[field]} is required`),
    // A missing required field already explains an unknown attribute (seniority comes from the title); say it once.
    ...checks.flatMap((check) => (check.problem && !absent.includes(FIT_FIELDS[check.rule]) ? [check.problem] : [])),
  ];
  if (score < rules.mqlThreshold) missing.push(`Score ${score} is below the threshold of ${rules.mqlThreshold}`);
  return { score, breakdown, missing, qualifies: missing.length === 0 };
}

/** Which head a role signs for, or null for roles that do not sign agreements. */
export function signingSide(role: Role): "SALES" | "MARKETING" | null {
  if (role === "SALES_MANAGER") return "SALES";
  if (role === "MARKETING_MANAGER") return "MARKETING";
  return null;
}

/** A proposed version becomes active when both heads have signed it. */
export function fullySigned(sides: readonly ("SALES" | "MARKETING")[]): boolean {
  return sides.includes("SALES") && sides.includes("MARKETING");
}

/** The reason with this code, if the definition has one. */
export function findRejectionReason(rules: DefinitionRules, code: string) {
  return rules.rejectionReasons.find((reason) => reason.code === code) ?? null;
}
