// The intake API's request and response shapes. A lead is the lead form's own schema (lib/leads/schemas.ts), so the
// API accepts and refuses exactly what the form does; the OpenAPI document is generated from these.
import { z } from "zod";
import { LeadSource, Stage } from "../db/enums";
import { emailSchema } from "../auth/schemas";
import { leadInputSchema } from "../leads/schemas";
import { MAX_BATCH } from "./rules";

export const intakeLeadSchema = leadInputSchema;

/** The batch envelope; each lead is then checked on its own, so every item gets its own errors. */
export const batchEnvelopeSchema = z.object({
  leads: z
    .array(z.unknown(), { error: "Send the leads as an array under \"leads\"" })
    .min(1, { error: "Send at least one lead" })
    .max(MAX_BATCH, { error: `Send at most ${MAX_BATCH} leads per batch` }),
  partial: z.boolean({ error: "partial must be true or false" }).default(false),
});

/** The same envelope with the leads' own schema, for the OpenAPI document. */
export const batchDocumentSchema = batchEnvelopeSchema.extend({ leads: z.array(intakeLeadSchema).min(1).max(MAX_BATCH) });

export const leadLookupSchema = z.object({ email: emailSchema });
export const leadIdSchema = z.string().trim().min(1).max(64);

export const leadViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  company: z.string(),
  source: z.enum(LeadSource),
  campaignId: z.string().nullable(),
  stage: z.enum(Stage),
  score: z.number().int(),
  qualifiedVersion: z.number().int().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeadView = z.output<typeof leadViewSchema>;

export const intakeResultSchema = z.object({
  outcome: z.enum(["created", "merged"]),
  filled: z.array(z.string()),
  lead: leadViewSchema,
});

export const batchResultSchema = z.object({
  summary: z.object({ created: z.number().int(), merged: z.number().int(), invalid: z.number().int(), notWritten: z.number().int() }),
  results: z.array(
    z.object({
      index: z.number().int(),
      status: z.enum(["created", "merged", "invalid", "not_written"]),
      id: z.string().optional(),
      stage: z.string().optional(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    }),
  ),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(["unauthorized", "forbidden", "rate_limited", "invalid", "idempotency_conflict", "not_found", "too_large", "unsupported", "bad_request", "server_error"]),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
