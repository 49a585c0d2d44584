// The definition in plain language, one line per rule, so that people who never read JSON can agree to it, and so
// that two versions can be compared line by line. Pure; unit-tested with the rules.
import { LeadSource } from "../db/enums";
import { COUNTRIES, SOURCE_LABELS } from "../leads/catalog";
import { maxScore, type DefinitionRules } from "./schemas";
import { SENIORITY_LABELS } from "./rules";

export interface RuleLine {
  key: string;
  section: "Required fields" | "Fit" | "Scoring" | "Qualification" | "Service levels" | "Rejection reasons";
  label: string;
  value: string;
}

const FIELD_NAMES = { title: "job title", companySize: "company size", industry: "industry", country: "country", campaign: "campaign" };
const list = (items: string[], empty: string) => (items.length === 0 ? empty : items.join(", "));
const pts = (value: number) => `${value} point${value === 1 ? "" : "s"}`;
const hrs = (value: number) => `${value} hour${value === 1 ? "" : "s"}`;

export function describeRules(rules: DefinitionRules): RuleLine[] {
  const { fit, scoring } = rules;
  return [
    {
      key: "required",
      section: "Required fields",
      label: "A lead must have",
      value: ["name, email, company and source", ...rules.requiredFields.map((field) => FIELD_NAMES[field])].join("; "),
    },
    {
      key: "fit.companySize",
      section: "Fit",
      label: "Company size",
      value: fit.companySize ? `between ${fit.companySize.min.toLocaleString("en-US")} and ${fit.companySize.max.toLocaleString("en-US")} employees` : "any",
    },
    { key: "fit.industries", section: "Fit", label: "Industry", value: list([...fit.industries], "any") },
    {
      key: "fit.countries",
      section: "Fit",
      label: "Country",
      value: list(fit.countries.map((code) => COUNTRIES[code as keyof typeof COUNTRIES] ?? code), "any"),
    },
    {
      key: "fit.seniority",
      section: "Fit",
      label: "Seniority",
      value: fit.minSeniority ? `${SENIORITY_LABELS[fit.minSeniority]} or more senior` : "any",
    },
    { key: "scoring.companySize", section: "Scoring", label: "Company size fits", value: pts(scoring.companySize) },
    { key: "scoring.industry", section: "Scoring", label: "Industry fits", value: pts(scoring.industry) },
    { key: "scoring.country", section: "Scoring", label: "Country fits", value: pts(scoring.country) },
    { key: "scoring.seniority", section: "Scoring", label: "Seniority fits", value: pts(scoring.seniority) },
    { key: "scoring.campaign", section: "Scoring", label: "Came from a campaign", value: pts(scoring.campaign) },
    {
      key: "scoring.touches",
      section: "Scoring",
      label: "Touches",
      value: `${pts(scoring.perTouch)} each, at most ${pts(scoring.maxTouchPoints)}`,
    },
    ...Object.values(LeadSource).map((source) => ({
      key: `scoring.source.${source}`,
      section: "Scoring" as const,
      label: `Source: ${SOURCE_LABELS[source]}`,
      value: pts(scoring.sources[source]),
    })),
    {
      key: "threshold",
      section: "Qualification",
      label: "MQL threshold",
      value: `${pts(rules.mqlThreshold)} (of at most ${maxScore(rules)}), with every required field and every fit rule met`,
    },
    { key: "sla.accept", section: "Service levels", label: "Accept or reject a handover within", value: hrs(rules.sla.acceptHours) },
    { key: "sla.firstTouch", section: "Service levels", label: "First touch after accepting within", value: hrs(rules.sla.firstTouchHours) },
    ...rules.rejectionReasons.map((reason) => ({
      key: `reason.${reason.code}`,
      section: "Rejection reasons" as const,
      label: reason.label,
      value: reason.outcome === "NURTURE" ? "recycles to nurture" : "disqualifies",
    })),
  ];
}

export interface DiffRow {
  key: string;
  section: RuleLine["section"];
  label: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

/** Both versions side by side, line by line; lines only one version has show as added or removed. */
export function diffRules(before: DefinitionRules, after: DefinitionRules): DiffRow[] {
  const left = new Map(describeRules(before).map((line) => [line.key, line]));
  const right = describeRules(after);
  const rows: DiffRow[] = right.map((line) => {
    const old = left.get(line.key);
    return { key: line.key, section: line.section, label: line.label, before: old?.value ?? null, after: line.value, changed: old?.value !== line.value };
  });
  for (const [key, line] of left) {
    if (!right.some((candidate) => candidate.key === key)) {
      rows.push({ key, section: line.section, label: line.label, before: line.value, after: null, changed: true });
    }
  }
  return rows;
}
