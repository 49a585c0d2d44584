"use server";
import { runAction } from "../actions/pipeline";
import { leadInputSchema } from "./schemas";
import { createLead } from "./service";

export async function createLeadAction(input: unknown) {
  return runAction({
    permission: "lead:create",
    schema: leadInputSchema,
    input,
    revalidate: ["/leads"],
    run: (user, data) => createLead(user, data),
  });
}
