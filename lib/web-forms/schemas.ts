// The web form's shapes: what a website's form sends (the lead form's own fields, less the two the server sets), what
// the snippet shows (built from that same schema, so a field added to the lead form appears in the snippet), and the
// settings marketing edits on the campaign page.
import { z } from "zod";
import { leadFieldsSchema } from "../leads/schemas";
import { COUNTRIES, INDUSTRIES } from "../leads/catalog";
import { HONEYPOT_FIELD, MAX_ORIGINS, parseOrigin, parseThankYouUrl, type SnippetField } from "./rules";

/**
 * What a visitor fills in: the lead's fields without `source` (always "WEBSITE": the company's own website) and
 * `campaignId` (the form's campaign). The server adds those two and validates with the lead schema itself.
 */
export const webFormFieldsSchema = leadFieldsSchema.omit({ source: true, campaignId: true });
type VisitorField = keyof typeof webFormFieldsSchema.shape;

/** The names a form post may carry: the visitor's fields and the honeypot. Anything else is ignored. */
export const WEB_FORM_NAMES: readonly string[] = [...Object.keys(webFormFieldsSchema.shape), HONEYPOT_FIELD];

/** How each field is shown; typed by the schema's keys, so a new lead field does not compile until it has one. */
const PRESENTATION: Record<VisitorField, Omit<SnippetField, "name" | "required">> = {
  name: { label: "Name", type: "text", autocomplete: "name" },
  email: { label: "Work email", type: "email", autocomplete: "email" },
  title: { label: "Job title", type: "text", autocomplete: "organization-title" },
  company: { label: "Company", type: "text", autocomplete: "organization" },
  companySize: { label: "Number of employees", type: "number" },
  industry: { label: "Industry", type: "select", options: INDUSTRIES.map((industry) => [industry, industry] as const) },
  country: { label: "Country", type: "select", options: Object.entries(COUNTRIES) },
};

/** The snippet's fields, in the schema's order; a field is required when the schema refuses it missing. */
export const WEB_FORM_FIELDS: readonly SnippetField[] = (Object.keys(webFormFieldsSchema.shape) as VisitorField[]).map((name) => ({
  name,
  required: !webFormFieldsSchema.shape[name].safeParse(undefined).success,
  ...PRESENTATION[name],
}));

/** The same fields with the honeypot, for the OpenAPI document. */
export const webFormDocumentSchema = webFormFieldsSchema.extend({
  [HONEYPOT_FIELD]: z.string().max(0).optional().describe("The honeypot: leave it out or empty. When filled, the answer looks like success and nothing is written."),
});

const campaignId = z.string().trim().min(1).max(64);

/** The origins editor: one origin per line (or a list), each an exact origin; duplicates are kept once. */
const originsSchema = z
  .union([z.string().max(20_000), z.array(z.string().max(300)).max(MAX_ORIGINS * 2)])
  .transform((value, context) => {
    const lines = (Array.isArray(value) ? value : value.split(/[\n,]/)).map((line) => line.trim()).filter((line) => line !== "");
    const origins: string[] = [];
    for (const line of lines) {
      const checked = parseOrigin(line);
      if (!checked.ok) context.addIssue({ code: "custom", message: checked.error });
      else if (!origins.includes(checked.origin)) origins.push(checked.origin);
    }
    if (origins.length > MAX_ORIGINS) context.addIssue({ code: "custom", message: `List at most ${MAX_ORIGINS} origins` });
    return origins;
  });

const thankYouSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return null;
      const checked = parseThankYouUrl(value);
      if (!checked.ok) {
        context.addIssue({ code: "custom", message: checked.error });
        return z.NEVER;
      }
      return checked.url;
    }),
);

/** Saving the panel: on or off, the origins that may post, the thank-you page; `version` as the editor saw it. */
export const webFormSettingsSchema = z
  .object({
    campaignId,
    enabled: z.preprocess((value) => value === "true" || value === "on" || value === true, z.boolean()),
    origins: originsSchema,
    thankYouUrl: thankYouSchema,
    /** Absent when the campaign has no form yet. */
    version: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number().int().min(1).optional()),
  })
  .refine((settings) => !settings.enabled || settings.origins.length > 0, {
    error: "List at least one website origin before turning the form on",
    path: ["origins"],
  });
export type WebFormSettings = z.output<typeof webFormSettingsSchema>;
export type WebFormSettingsValues = z.input<typeof webFormSettingsSchema>;

export const rotateTokenSchema = z.object({ campaignId, version: z.coerce.number().int().min(1) });
export type RotateTokenInput = z.output<typeof rotateTokenSchema>;
