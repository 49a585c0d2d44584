import { z } from "zod";
import { ThreadSubject } from "../db/enums";
import { MESSAGE_MAX_LENGTH } from "./rules";

const id = z.string().min(1).max(64);

/** What a thread is about: the team channel, or a lead, handover, campaign, goal or story version by id. */
export const subjectSchema = z.object({
  subjectType: z.enum(ThreadSubject, { error: "Unknown kind of conversation" }),
  subjectId: id,
});
export type SubjectInput = z.infer<typeof subjectSchema>;

const body = z
  .string({ error: "Write a message" })
  .trim()
  .min(1, { error: "Write a message" })
  .max(MESSAGE_MAX_LENGTH, { error: `At most ${MESSAGE_MAX_LENGTH.toLocaleString("en-US")} characters` });

export const postMessageSchema = subjectSchema.extend({
  body,
  // A fresh random key per message typed (crypto.randomUUID in the browser): a double-submit sends the same key.
  clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "Invalid message key" }),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

export const editMessageSchema = z.object({ messageId: id, version: z.number().int().min(1), body });
export const deleteMessageSchema = z.object({ messageId: id, version: z.number().int().min(1) });
export const markReadSchema = z.object({ notificationId: id });
export const markAllReadSchema = z.object({});

/** A poll's query string: changes since a moment, or the page of older messages before one. */
export const threadPollSchema = z.object({
  since: z.iso.datetime().optional(),
  before: id.optional(),
});

export const mentionQuerySchema = subjectSchema.extend({ q: z.string().max(40).default("") });
