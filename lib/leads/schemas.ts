// One schema for the lead form and the server: the browser shows the same errors the server would return.
import { z } from "zod";
import { LeadSource, Stage } from "../db/enums";
import { emailSchema } from "../auth/schemas";
import { COUNTRY_CODES, INDUSTRIES } from "./catalog";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `The ${label} must be at most ${max} characters` });

/** "" from an empty form field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const optionalText = (label: string, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max, { error: `The ${label} must be at most ${max} characters` }).optional(),
  );

/**
 * What it takes to log a lead: who (name, email), where they work, and how they came. Everything else may be
 * unknown at first; the lead definition says which facts a lead needs before it can qualify.
 */
export const leadFieldsSchema = z.object({
  name: text("name", 120),
  email: emailSchema,
  title: optionalText("job title", 120),
  company: text("company", 160),
  companySize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the number of employees" })
      .int({ error: "Enter a whole number of employees" })
      .min(1, { error: "A company has at least 1 employee" })
      .max(5_000_000, { error: "That is more employees than any company has" })
      .optional(),
  ),
  industry: z.preprocess(blankToUndefined, z.enum(INDUSTRIES, { error: "Choose an industry from the list" }).optional()),
  country: z.preprocess(blankToUndefined, z.enum(COUNTRY_CODES as [string, ...string[]], { error: "Choose a country from the list" }).optional()),
  source: z.enum(LeadSource, { error: "Choose a source" }),
  campaignId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
});

export const leadInputSchema = leadFieldsSchema;

/** Editing a lead: the same fields, plus the version the editor saw, so a concurrent change is not overwritten. */
export const leadUpdateSchema = leadFieldsSchema.omit({ email: true, source: true }).extend({
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
});
export type LeadUpdate = z.output<typeof leadUpdateSchema>;

export type LeadInput = z.output<typeof leadInputSchema>;
export type LeadFormValues = z.input<typeof leadInputSchema>;

export const LEAD_SORT_FIELDS = ["createdAt", "name", "company", "stage", "score", "stageChangedAt"] as const;
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

/** The leads list's state, read from the URL. Anything unrecognised falls back to the default instead of failing. */
export const leadListQuerySchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  stage: z.enum(Stage).optional().catch(undefined),
  source: z.enum(LeadSource).optional().catch(undefined),
  // Marketing-sourced or sales-sourced leads (the source decides), as the dashboards' team filter.
  team: z.enum(["marketing", "sales"]).optional().catch(undefined),
  owner: z.string().trim().max(64).optional().catch(undefined),
  campaign: z.string().trim().max(64).optional().catch(undefined),
  // "Entered this stage between from and to": how dashboards open the leads behind a figure.
  entered: z.enum(Stage).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(LEAD_SORT_FIELDS).catch("createdAt").default("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .refine((value) => (PAGE_SIZES as readonly number[]).includes(value))
    .catch(25)
    .default(25),
});

export type LeadListQuery = z.output<typeof leadListQuerySchema>;
