"use server";
import { runAction } from "../actions/pipeline";
import { acceptHandoverSchema, disputeSchema, reassignSchema, rejectHandoverSchema, resolveDisputeSchema } from "./schemas";
import { acceptHandover, disputeRejection, reassignHandover, rejectHandover, resolveDispute } from "./service";

const PAGES = ["/queue", "/handovers", "/leads"];

export async function acceptHandoverAction(input: unknown) {
  return runAction({ permission: "handover:respond", schema: acceptHandoverSchema, input, revalidate: PAGES, run: (user, data) => acceptHandover(user, data) });
}

export async function rejectHandoverAction(input: unknown) {
  return runAction({ permission: "handover:respond", schema: rejectHandoverSchema, input, revalidate: PAGES, run: (user, data) => rejectHandover(user, data) });
}

export async function disputeRejectionAction(input: unknown) {
  return runAction({ permission: "handover:dispute", schema: disputeSchema, input, revalidate: PAGES, run: (user, data) => disputeRejection(user, data) });
}

export async function resolveDisputeAction(input: unknown) {
  return runAction({ permission: "handover:manage", schema: resolveDisputeSchema, input, revalidate: PAGES, run: (user, data) => resolveDispute(user, data) });
}

export async function reassignHandoverAction(input: unknown) {
  return runAction({ permission: "handover:manage", schema: reassignSchema, input, revalidate: PAGES, run: (user, data) => reassignHandover(user, data) });
}
