// One set of schemas for the campaign and rating forms and the server: the browser shows the errors the server would.
import { z } from "zod";
import { CampaignChannel } from "../db/enums";
import { endsAfterStart, MAX_BUDGET, MAX_TARGET_MQLS } from "./rules";
import { whenFieldsValid } from "../security/schema";

/** "" (or null) from an empty form field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const optionalText = (label: string, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max, { error: `The ${label} must be at most ${max} characters` }).optional(),
  );

/** A calendar day from a date input ("2026-03-01"), as midnight UTC: campaigns are planned in whole days. */
const day = (label: string) =>
  z.iso.date({ error: `Enter the ${label} as a date` }).transform((value) => new Date(`${value}T00:00:00.000Z`));

const id = z.string().trim().min(1).max(64);

const campaignFields = z.object({
  name: z
    .string({ error: "Enter the campaign's name" })
    .trim()
    .min(1, { error: "Enter the campaign's name" })
    .max(120, { error: "The name must be at most 120 characters" }),
  channel: z.enum(CampaignChannel, { error: "Choose a channel" }),
  startsAt: day("start date"),
  endsAt: z.preprocess(blankToUndefined, day("end date").optional()),
  budget: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the budget as a number" })
      .min(0, { error: "The budget cannot be negative" })
      .max(MAX_BUDGET, { error: "That budget is larger than this form accepts" })
      .multipleOf(0.01, { error: "Use at most two decimals" })
      .optional(),
  ),
  ownerId: z.string({ error: "Choose who runs the campaign" }).trim().min(1, { error: "Choose who runs the campaign" }).max(64),
  goal: optionalText("goal", 500),
  targetMqls: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the target as a number of MQLs" })
      .int({ error: "Enter a whole number of MQLs" })
      .min(0, { error: "The target cannot be negative" })
      .max(MAX_TARGET_MQLS, { error: `The target must be at most ${MAX_TARGET_MQLS.toLocaleString("en-US")}` })
      .optional(),
  ),
});

/** The end date, when given, must come after the start date; the message goes next to the end date. */
const withDatesInOrder = <T extends z.ZodType<{ startsAt: Date; endsAt?: Date | undefined }>>(schema: T) =>
  schema.refine((campaign) => !campaign.endsAt || endsAfterStart(campaign.startsAt, campaign.endsAt), {
    error: "The end date must be after the start date",
    path: ["endsAt"],
    ...whenFieldsValid("startsAt", "endsAt"),
  });

export const campaignInputSchema = withDatesInOrder(campaignFields);
export type CampaignInput = z.output<typeof campaignInputSchema>;
export type CampaignFormValues = z.input<typeof campaignInputSchema>;

/** Editing: the same fields plus the version the editor saw, so a concurrent edit is refused, not overwritten. */
export const campaignUpdateSchema = withDatesInOrder(campaignFields.extend({ id, version: z.number().int().min(1) }));
export type CampaignUpdate = z.output<typeof campaignUpdateSchema>;

/**
 * A rep's rating of a campaign's leads. `version` is the version of the rating the rep saw when editing, absent for a
 * first rating: a retried first rating finds the row its first try made instead of adding a second.
 */
export const feedbackInputSchema = z.object({
  campaignId: id,
  rating: z.coerce
    .number({ error: "Choose a rating from 1 to 5" })
    .int({ error: "Choose a rating from 1 to 5" })
    .min(1, { error: "Choose a rating from 1 to 5" })
    .max(5, { error: "Choose a rating from 1 to 5" }),
  comment: optionalText("comment", 1000),
  version: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
});
export type FeedbackInput = z.output<typeof feedbackInputSchema>;
export type FeedbackFormValues = z.input<typeof feedbackInputSchema>;

export const CAMPAIGN_PAGE_SIZE = 20;

/** The campaigns list's state, read from the URL. Anything unrecognised falls back to the default. */
export const campaignListQuerySchema = z.object({
  q: z.string().trim().max(120).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  /** "1": only campaigns whose leads the signed-in rep worked (the ones they can rate). */
  worked: z.literal("1").optional().catch(undefined),
});
export type CampaignListQuery = z.output<typeof campaignListQuerySchema>;

/**
 * Sharing a campaign's results card to the team channel. Only the campaign and a key: the card's text is computed on
 * the server from the real results, never sent by the browser. The key is fresh each time the dialog opens, so a
 * double click (or a retry) posts once.
 */
export const shareResultsSchema = z.object({
  campaignId: id,
  clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "Reload the page and try again" }),
});
export type ShareResultsInput = z.output<typeof shareResultsSchema>;
