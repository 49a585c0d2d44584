// One schema for the goal form and the server: the browser shows the errors the server would return. The target is
// typed in the metric's form unit (dollars, leads, percent, minutes); the service stores it with storedTarget.
import { z } from "zod";
import { GoalMetric, GoalStatus, LeadSource } from "../db/enums";
import { GOAL_METRICS, MAX_PERIOD_DAYS, periodLength } from "./rules";
import { whenFieldsValid } from "../security/schema";

/** "" from an empty form field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const day = (label: string) => z.iso.date({ error: `Choose the ${label}` });

const goalFields = z.object({
  title: z
    .string({ error: "Name the goal" })
    .trim()
    .min(3, { error: "Name the goal in at least 3 characters" })
    .max(120, { error: "Keep the name under 120 characters" }),
  metric: z.enum(GoalMetric, { error: "Choose a metric" }),
  target: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the target" })
      .refine(Number.isFinite, { error: "Enter the target as a number" })
      .min(0, { error: "The target cannot be negative" })
      .max(1_000_000_000, { error: "That target is larger than Tandem can track" }),
  ),
  periodStart: day("first day"),
  periodEnd: day("last day"),
  source: z.preprocess(blankToUndefined, z.enum(LeadSource, { error: "Choose a source from the list" }).optional()),
  campaignId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
});

type GoalFields = z.output<typeof goalFields>;

/** Rules across fields: the target must make sense for its metric, the period must run forwards and fit a year. */
function refineGoal(goal: GoalFields, context: z.RefinementCtx) {
  const spec = GOAL_METRICS[goal.metric];
  if (spec.kind === "count" && !Number.isInteger(goal.target)) {
    context.addIssue({ code: "custom", path: ["target"], message: "Enter a whole number of leads" });
  }
  if (spec.kind === "rate" && goal.target > 100) {
    context.addIssue({ code: "custom", path: ["target"], message: "A rate is at most 100%" });
  }
  if ((spec.kind === "duration" || spec.kind === "amount" || spec.kind === "count") && goal.target <= 0) {
    context.addIssue({ code: "custom", path: ["target"], message: "Enter a target above zero" });
  }
  if (goal.periodEnd < goal.periodStart) {
    context.addIssue({ code: "custom", path: ["periodEnd"], message: "The last day must not be before the first" });
  } else if (periodLength(new Date(goal.periodStart), new Date(goal.periodEnd)) > MAX_PERIOD_DAYS) {
    context.addIssue({ code: "custom", path: ["periodEnd"], message: `A goal covers at most ${MAX_PERIOD_DAYS} days` });
  }
}

/** The cross-field rules read these fields: they run once these are valid. */
const GOAL_CHECK_WHEN = whenFieldsValid("metric", "target", "periodStart", "periodEnd");

/** What the form checks in the browser: the fields alone (the key or the version is added when it submits). */
export const goalFormSchema = goalFields.superRefine(refineGoal, GOAL_CHECK_WHEN);

const ref = { id: z.string().min(1).max(64), version: z.number().int().min(1) };

/** A new goal, with the form's idempotency key: the same key twice makes one goal. */
export const createGoalSchema = goalFields
  .extend({ requestKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: "Reload the form and try again" }) })
  .superRefine(refineGoal, GOAL_CHECK_WHEN);
export const updateGoalSchema = goalFields.extend(ref).superRefine(refineGoal, GOAL_CHECK_WHEN);
export const goalRefSchema = z.object(ref);

export type CreateGoalInput = z.output<typeof createGoalSchema>;
export type UpdateGoalInput = z.output<typeof updateGoalSchema>;
export type GoalFormValues = z.input<typeof goalFields>;
export type GoalFieldsInput = GoalFields;

/** The goals list's state, read from the URL; anything unrecognised falls back to the default. */
export const goalListQuerySchema = z.object({
  status: z.enum(GoalStatus).catch("AGREED").default("AGREED"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type GoalListQuery = z.output<typeof goalListQuerySchema>;
