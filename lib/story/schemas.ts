// The baseline story's content as the editor sends it and the server stores it: brand and product in paragraphs
// (separated by a blank line), and key messages per persona (one per line). Validated on every write and read.
import { z } from "zod";
import { messagesOf, paragraphsOf } from "./rules";
import { onlyWhenValid } from "../security/schema";

export const MAX_PERSONAS = 12;
export const MAX_MESSAGES = 10;
export const MAX_MESSAGE_LENGTH = 300;

const prose = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Write the ${what} story in a paragraph or more` })
    .max(6000, { error: `Keep the ${what} story under 6,000 characters` })
    .refine((text) => paragraphsOf(text).length <= 8, { error: "Keep it to at most 8 paragraphs" });

export const personaSchema = z.object({
  name: z.string().trim().min(2, { error: "Name the persona" }).max(60, { error: "Keep the persona's name under 60 characters" }),
  messages: z
    .string()
    .trim()
    .min(1, { error: "Write at least one key message, one per line" })
    .refine((text) => messagesOf(text).length <= MAX_MESSAGES, { error: `At most ${MAX_MESSAGES} messages per persona` })
    .refine((text) => messagesOf(text).every((message) => message.length <= MAX_MESSAGE_LENGTH), {
      error: `Keep each message under ${MAX_MESSAGE_LENGTH} characters`,
    }),
});

export const storyContentSchema = z.object({
  brand: prose("brand"),
  product: prose("product"),
  personas: z
    .array(personaSchema)
    .min(1, { error: "Add at least one persona with its key messages" })
    .max(MAX_PERSONAS, { error: `At most ${MAX_PERSONAS} personas` })
    .refine((personas) => new Set(personas.map((persona) => persona.name.trim().toLowerCase())).size === personas.length, {
      error: "Each persona once",
      ...onlyWhenValid,
    }),
});

export type StoryContent = z.output<typeof storyContentSchema>;
export type StoryContentInput = z.input<typeof storyContentSchema>;

const ref = { id: z.string().min(1).max(64), revision: z.number().int().min(1) };
export const storyRefSchema = z.object(ref);
export const updateStorySchema = z.object({ ...ref, content: storyContentSchema });
