import { z } from "zod";
import { Stage } from "../db/enums";

/** A manual stage change from the lead page. The state machine decides what it needs (reason, amount, close date). */
export const moveStageSchema = z.object({
  leadId: z.string().min(1).max(64),
  version: z.number().int().min(1),
  to: z.enum(Stage, { error: "Choose a stage" }),
  reason: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(500, { error: "At most 500 characters" }).optional(),
  ),
  amount: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: "Enter an amount" }).positive({ error: "The amount must be greater than zero" }).max(1_000_000_000).optional(),
  ),
  expectedCloseDate: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.date({ error: "Enter a date" }).optional(),
  ),
});
export type MoveStageInput = z.output<typeof moveStageSchema>;

export const resubmitSchema = z.object({ leadId: z.string().min(1).max(64), version: z.number().int().min(1) });
