"use server";
import { runAction } from "../actions/pipeline";
import { createGoalSchema, goalRefSchema, updateGoalSchema } from "./schemas";
import { archiveGoal, createGoal, proposeGoal, signGoal, updateGoal, withdrawSignature } from "./service";

// Goals show on every home page, so every change refreshes them too.
const GOAL_PAGES = ["/goals", "/queue", "/pipeline-review", "/dashboard"];

export async function createGoalAction(input: unknown) {
  return runAction({ permission: "goal:draft", schema: createGoalSchema, input, revalidate: GOAL_PAGES, run: (user, data) => createGoal(user, data) });
}

export async function updateGoalAction(input: unknown) {
  return runAction({ permission: "goal:draft", schema: updateGoalSchema, input, revalidate: GOAL_PAGES, run: (user, data) => updateGoal(user, data) });
}

export async function proposeGoalAction(input: unknown) {
  return runAction({ permission: "goal:draft", schema: goalRefSchema, input, revalidate: GOAL_PAGES, run: (user, data) => proposeGoal(user, data) });
}

export async function archiveGoalAction(input: unknown) {
  return runAction({ permission: "goal:draft", schema: goalRefSchema, input, revalidate: GOAL_PAGES, run: (user, data) => archiveGoal(user, data) });
}

export async function signGoalAction(input: unknown) {
  return runAction({ permission: "goal:sign", schema: goalRefSchema, input, revalidate: GOAL_PAGES, run: (user, data) => signGoal(user, data) });
}

export async function withdrawSignatureAction(input: unknown) {
  return runAction({ permission: "goal:sign", schema: goalRefSchema, input, revalidate: GOAL_PAGES, run: (user, data) => withdrawSignature(user, data) });
}
