"use server";
import { runAction } from "../actions/pipeline";
import { leadInputSchema, leadUpdateSchema } from "./schemas";
import { moveStageSchema, resubmitSchema } from "./move-schema";
import { createLead, moveLeadStage, resubmitNurturedLead, updateLead } from "./service";

const LEADS = ["/leads", "/queue", "/handovers"];

export async function createLeadAction(input: unknown) {
  return runAction({ permission: "lead:create", schema: leadInputSchema, input, revalidate: LEADS, run: (user, data) => createLead(user, data) });
}

export async function updateLeadAction(input: unknown) {
  return runAction({ permission: "lead:edit", schema: leadUpdateSchema, input, revalidate: LEADS, run: (user, data) => updateLead(user, data) });
}

export async function moveLeadStageAction(input: unknown) {
  return runAction({ permission: "lead:move", schema: moveStageSchema, input, revalidate: LEADS, run: (user, data) => moveLeadStage(user, data) });
}

export async function resubmitLeadAction(input: unknown) {
  return runAction({ permission: "lead:move", schema: resubmitSchema, input, revalidate: LEADS, run: (user, data) => resubmitNurturedLead(user, data) });
}
