import { z } from "zod";
import { TouchKind } from "../db/enums";

export const logTouchSchema = z.object({
  leadId: z.string().min(1).max(64),
  kind: z.enum(TouchKind, { error: "Choose call, email, meeting or note" }),
  note: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(2000, { error: "At most 2,000 characters" }).optional(),
  ),
});
export type LogTouchInput = z.output<typeof logTouchSchema>;
