"use server";
import { runAction } from "../actions/pipeline";
import { createRequestSchema, deliverRequestSchema, requestRefSchema } from "./schemas";
import { cancelRequest, createRequest, deliverRequest, releaseRequest, takeRequest } from "./service";

const REQUESTS = ["/requests"];

export async function createRequestAction(input: unknown) {
  return runAction({ permission: "request:create", schema: createRequestSchema, input, revalidate: REQUESTS, run: (user, data) => createRequest(user, data) });
}

export async function cancelRequestAction(input: unknown) {
  return runAction({ permission: "request:create", schema: requestRefSchema, input, revalidate: REQUESTS, run: (user, data) => cancelRequest(user, data) });
}

export async function takeRequestAction(input: unknown) {
  return runAction({ permission: "request:work", schema: requestRefSchema, input, revalidate: REQUESTS, run: (user, data) => takeRequest(user, data) });
}

export async function releaseRequestAction(input: unknown) {
  return runAction({ permission: "request:work", schema: requestRefSchema, input, revalidate: REQUESTS, run: (user, data) => releaseRequest(user, data) });
}

export async function deliverRequestAction(input: unknown) {
  return runAction({ permission: "request:work", schema: deliverRequestSchema, input, revalidate: REQUESTS, run: (user, data) => deliverRequest(user, data) });
}
