// Help requests as the forms send them and the server checks them.
import { z } from "zod";
import { HelpRequestKind } from "../db/enums";
import { whenFieldsValid } from "../security/schema";
import { isDeliveryUrl, isPastDay, MAX_ACCOUNTS, parseAccounts, parseDay } from "./rules";

export const createRequestSchema = z
  .object({
    kind: z.enum(Object.values(HelpRequestKind) as [HelpRequestKind, ...HelpRequestKind[]], { error: "Choose what you need" }),
    title: z.string().trim().min(3, { error: "Give the request a short title" }).max(120, { error: "Keep the title under 120 characters" }),
    details: z.string().trim().min(10, { error: "Say what you need in a sentence or two" }).max(4000, { error: "Keep the details under 4,000 characters" }),
    accounts: z
      .string()
      .max(5000, { error: "Too many accounts" })
      .default("")
      .transform(parseAccounts)
      .refine((accounts) => accounts.length <= MAX_ACCOUNTS, { error: `Name at most ${MAX_ACCOUNTS} accounts` })
      .refine((accounts) => accounts.every((account) => account.length <= 120), { error: "Keep each account name under 120 characters" }),
    dueDate: z
      .string({ error: "Choose a due date" })
      .refine((day) => parseDay(day) !== null, { error: "Choose a due date" })
      .refine((day) => !isPastDay(day, new Date()), { error: "The due date cannot be in the past" }),
    /** Made when the form opened: the same form submitted twice creates one request. */
    clientKey: z.string().min(8).max(64),
  })
  .superRefine((request, context) => {
    if (request.kind === "NURTURE_CAMPAIGN" && request.accounts.length === 0) {
      context.addIssue({ code: "custom", path: ["accounts"], message: "Name the accounts the nurture campaign is for" });
    }
  }, whenFieldsValid("kind", "accounts"));

export type CreateRequestInput = z.output<typeof createRequestSchema>;
export type CreateRequestFormValues = z.input<typeof createRequestSchema>;

const ref = { id: z.string().min(1).max(64), version: z.number().int().min(1) };
export const requestRefSchema = z.object(ref);

export const deliverRequestSchema = z.object({
  ...ref,
  deliveryUrl: z
    .string()
    .trim()
    .min(1, { error: "Add the link to what you delivered" })
    .max(2000, { error: "Keep the link under 2,000 characters" })
    .refine(isDeliveryUrl, { error: "Use a web link starting with https:// or http://" }),
});

export type RequestRef = z.output<typeof requestRefSchema>;
export type DeliverRequestInput = z.output<typeof deliverRequestSchema>;
