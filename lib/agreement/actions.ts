"use server";
import { runAction } from "../actions/pipeline";
import { runPendingJobs } from "../jobs/service";
import { definitionRefSchema, updateDefinitionSchema } from "./schemas";
import { activateDefinition, draftDefinition, proposeDefinition, signDefinition, updateDefinition, withdrawDefinition } from "./service";
import { z } from "zod";

const AGREEMENT = ["/agreement", "/leads"];

/** Activation starts the re-evaluation of waiting leads; it runs after the response, in the background. */
function startBackgroundWork<T extends { activated: boolean }>(result: T): T {
  if (result.activated) void runPendingJobs();
  return result;
}

export async function draftDefinitionAction(input: unknown) {
  return runAction({ permission: "agreement:draft", schema: z.object({}), input: input ?? {}, revalidate: AGREEMENT, run: (user) => draftDefinition(user) });
}

export async function updateDefinitionAction(input: unknown) {
  return runAction({ permission: "agreement:draft", schema: updateDefinitionSchema, input, revalidate: AGREEMENT, run: (user, data) => updateDefinition(user, data) });
}

export async function proposeDefinitionAction(input: unknown) {
  return runAction({ permission: "agreement:draft", schema: definitionRefSchema, input, revalidate: AGREEMENT, run: (user, data) => proposeDefinition(user, data) });
}

export async function withdrawDefinitionAction(input: unknown) {
  return runAction({ permission: "agreement:draft", schema: definitionRefSchema, input, revalidate: AGREEMENT, run: (user, data) => withdrawDefinition(user, data) });
}

export async function signDefinitionAction(input: unknown) {
  return runAction({
    permission: "agreement:sign",
    schema: definitionRefSchema,
    input,
    revalidate: AGREEMENT,
    run: async (user, data) => startBackgroundWork(await signDefinition(user, data)),
  });
}

export async function activateDefinitionAction(input: unknown) {
  return runAction({
    permission: "agreement:activate",
    schema: definitionRefSchema,
    input,
    revalidate: AGREEMENT,
    run: async (user, data) => startBackgroundWork(await activateDefinition(user, data)),
  });
}
