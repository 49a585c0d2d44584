import { z } from "zod";

const id = z.string().min(1).max(64);
const leadVersion = z.number().int().min(1);
const note = (required: string) => z.string().trim().min(3, { error: required }).max(2000, { error: "At most 2,000 characters" });

export const acceptHandoverSchema = z.object({ handoverId: id, leadVersion });
export const rejectHandoverSchema = z.object({
  handoverId: id,
  leadVersion,
  reasonCode: z.string({ error: "Choose a reason" }).min(1, { error: "Choose a reason" }).max(40),
  note: note("Say in a few words why, so marketing can learn from it"),
});
export const disputeSchema = z.object({ handoverId: id, note: note("Say why the rejection is wrong") });
export const resolveDisputeSchema = z.object({
  handoverId: id,
  decision: z.enum(["UPHOLD", "REASSIGN"], { error: "Choose to uphold or reassign" }),
  toRepId: id.optional(),
});
export const reassignSchema = z.object({ handoverId: id, leadVersion, toRepId: id });
