// The shape of a lead definition's rules, validated on every write: the edit form and the server share it.
import { z } from "zod";
import { LeadSource } from "../db/enums";
import { COUNTRY_CODES, INDUSTRIES, SOURCE_LABELS } from "../leads/catalog";
import { onlyWhenValid, whenFieldsValid } from "../security/schema";

export const SENIORITIES = ["INDIVIDUAL", "MANAGER", "DIRECTOR", "VP", "C_LEVEL"] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Fields a lead can be logged without, which the definition may require before it qualifies. */
export const REQUIRABLE_FIELDS = ["title", "companySize", "industry", "country", "campaign"] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

const points = (label: string) =>
  z
    .number({ error: `Enter the points for ${label}` })
    .int({ error: "Use whole points" })
    .min(0, { error: "Points cannot be negative" })
    .max(100, { error: "At most 100 points per rule" });

const hours = (label: string) =>
  z
    .number({ error: `Enter the hours for ${label}` })
    .int({ error: "Use whole hours" })
    .min(1, { error: "At least 1 hour" })
    .max(336, { error: "At most 336 hours (two weeks)" });

const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const rejectionReasonSchema = z.object({
  code: z.string().regex(/^[a-z][a-z_]{1,39}$/, { error: "Use lower-case letters and underscores" }),
  label: z.string().trim().min(2, { error: "Name the reason" }).max(80),
  outcome: z.enum(["NURTURE", "DISQUALIFIED"], { error: "Choose recycle to nurture or disqualify" }),
});
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

const sourcePoints = z.object(
  Object.fromEntries(Object.values(LeadSource).map((source) => [source, points(`the source ${SOURCE_LABELS[source]}`)])) as Record<LeadSource, ReturnType<typeof points>>,
);

export const definitionRulesSchema = z
  .object({
    requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)).refine(unique, { error: "Each field once" }),
    fit: z.object({
      companySize: z
        .object({
          min: z.number({ error: "Enter the minimum employees" }).int({ error: "Use a whole number" }).min(1, { error: "At least 1 employee" }),
          max: z
            .number({ error: "Enter the maximum employees" })
            .int({ error: "Use a whole number" })
            .max(5_000_000, { error: "At most 5,000,000 employees" }),
        })
        .refine((range) => range.min <= range.max, { error: "The minimum must not exceed the maximum", path: ["max"], ...onlyWhenValid })
        .nullable(),
      industries: z.array(z.enum(INDUSTRIES)).refine(unique, { error: "Each industry once" }),
      countries: z.array(z.enum(COUNTRY_CODES as [string, ...string[]])).refine(unique, { error: "Each country once" }),
      minSeniority: z.enum(SENIORITIES).nullable(),
    }),
    scoring: z.object({
      companySize: points("company size"),
      industry: points("industry"),
      country: points("country"),
      seniority: points("seniority"),
      campaign: points("a campaign"),
      perTouch: points("each touch"),
      maxTouchPoints: points("touches in all"),
      sources: sourcePoints,
    }),
    mqlThreshold: z
      .number({ error: "Enter the threshold" })
      .int({ error: "Use whole points" })
      .min(1, { error: "At least 1 point" })
      .max(1000, { error: "At most 1,000 points" }),
    sla: z.object({ acceptHours: hours("accepting"), firstTouchHours: hours("the first touch") }),
    rejectionReasons: z
      .array(rejectionReasonSchema)
      .min(1, { error: "Keep at least one rejection reason" })
      .max(30)
      .refine((reasons) => unique(reasons.map((reason) => reason.code)), { error: "Each reason code once", ...onlyWhenValid })
      .refine((reasons) => unique(reasons.map((reason) => reason.label.toLowerCase())), { error: "Each reason name once", ...onlyWhenValid }),
  })
  .superRefine((rules, context) => {
    if (maxScore(rules) < rules.mqlThreshold) {
      context.addIssue({
        code: "custom",
        path: ["mqlThreshold"],
        message: `No lead could reach ${rules.mqlThreshold} points: the rules award at most ${maxScore(rules)}`,
      });
    }
  }, whenFieldsValid("scoring", "mqlThreshold"));

export type DefinitionRules = z.infer<typeof definitionRulesSchema>;

/** The most points any lead could earn under these rules. */
export function maxScore(rules: Pick<DefinitionRules, "scoring">): number {
  const { scoring } = rules;
  return (
    scoring.companySize +
    scoring.industry +
    scoring.country +
    scoring.seniority +
    scoring.campaign +
    scoring.maxTouchPoints +
    Math.max(0, ...Object.values(scoring.sources))
  );
}

const ref = { id: z.string().min(1).max(64), revision: z.number().int().min(1) };
export const definitionRefSchema = z.object(ref);
export const updateDefinitionSchema = z.object({ ...ref, rules: definitionRulesSchema });
