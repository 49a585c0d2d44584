"use server";
import { runAction } from "../actions/pipeline";
import { deleteMessageSchema, editMessageSchema, markAllReadSchema, markReadSchema, postMessageSchema } from "./schemas";
import { deleteMessage, editMessage, markAllNotificationsRead, markNotificationRead, postMessage } from "./service";

// Threads update themselves by polling; the inbox and the unread count are the pages to refresh.
const PAGES = ["/messages", "/inbox"];

export async function postMessageAction(input: unknown) {
  return runAction({ permission: "message:post", schema: postMessageSchema, input, revalidate: PAGES, run: (user, data) => postMessage(user, data) });
}

export async function editMessageAction(input: unknown) {
  return runAction({ permission: "message:post", schema: editMessageSchema, input, revalidate: PAGES, run: (user, data) => editMessage(user, data) });
}

export async function deleteMessageAction(input: unknown) {
  return runAction({ permission: "message:post", schema: deleteMessageSchema, input, revalidate: PAGES, run: (user, data) => deleteMessage(user, data) });
}

export async function markNotificationReadAction(input: unknown) {
  return runAction({ permission: "inbox:read", schema: markReadSchema, input, revalidate: ["/inbox"], run: (user, data) => markNotificationRead(user, data) });
}

export async function markAllNotificationsReadAction(input: unknown) {
  return runAction({ permission: "inbox:read", schema: markAllReadSchema, input, revalidate: ["/inbox"], run: (user) => markAllNotificationsRead(user) });
}
