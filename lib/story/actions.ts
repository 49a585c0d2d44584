"use server";
import { z } from "zod";
import { runAction } from "../actions/pipeline";
import { storyRefSchema, updateStorySchema } from "./schemas";
import { activateStory, draftStory, proposeStory, signStory, updateStory, withdrawStory } from "./service";

// The rep's home shows the active story, so it is refreshed with the story's pages.
const STORY = ["/story", "/queue"];

export async function draftStoryAction(input: unknown) {
  return runAction({ permission: "story:draft", schema: z.object({}), input: input ?? {}, revalidate: STORY, run: (user) => draftStory(user) });
}

export async function updateStoryAction(input: unknown) {
  return runAction({ permission: "story:draft", schema: updateStorySchema, input, revalidate: STORY, run: (user, data) => updateStory(user, data) });
}

export async function proposeStoryAction(input: unknown) {
  return runAction({ permission: "story:draft", schema: storyRefSchema, input, revalidate: STORY, run: (user, data) => proposeStory(user, data) });
}

export async function withdrawStoryAction(input: unknown) {
  return runAction({ permission: "story:draft", schema: storyRefSchema, input, revalidate: STORY, run: (user, data) => withdrawStory(user, data) });
}

export async function signStoryAction(input: unknown) {
  return runAction({ permission: "story:sign", schema: storyRefSchema, input, revalidate: STORY, run: (user, data) => signStory(user, data) });
}

export async function activateStoryAction(input: unknown) {
  return runAction({ permission: "story:activate", schema: storyRefSchema, input, revalidate: STORY, run: (user, data) => activateStory(user, data) });
}
