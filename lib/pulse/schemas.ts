// The pulse answer as the form sends it and the server checks it. The month is never part of the input: the server
// decides it from its own clock.
import { z } from "zod";

const score = (what: string) =>
  z.coerce
    .number({ error: `Choose how ${what}, from 1 to 5` })
    .int({ error: `Choose how ${what}, from 1 to 5` })
    .min(1, { error: `Choose how ${what}, from 1 to 5` })
    .max(5, { error: `Choose how ${what}, from 1 to 5` });

export const pulseAnswerSchema = z.object({
  usefulness: score("useful the leads were"),
  support: score("well marketing supported you"),
  comment: z
    .string()
    .trim()
    .max(1000, { error: "Keep the comment under 1,000 characters" })
    .optional()
    .transform((comment) => comment || null),
  /** The version of this month's answer the rep saw; null for a first answer. */
  version: z.number().int().min(1).nullable(),
});

export type PulseAnswerInput = z.output<typeof pulseAnswerSchema>;
export type PulseAnswerFormValues = z.input<typeof pulseAnswerSchema>;
