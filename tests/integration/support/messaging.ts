// Messaging's test helpers: its tables' row counts next to the app's, and a fresh idempotency key per message.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { rowCounts } from "./factories";

export async function messagingRowCounts() {
  const [threads, messages, mentions, notifications] = await Promise.all([db().thread.count(), db().message.count(), db().mention.count(), db().notification.count()]);
  return { ...(await rowCounts()), threads, messages, mentions, notifications };
}

/** Every row messaging writes, with their contents, to prove a refused call changed nothing at all. */
export async function messagingSnapshot() {
  const [counts, messages, notifications] = await Promise.all([
    messagingRowCounts(),
    db().message.findMany({ orderBy: { id: "asc" } }),
    db().notification.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { counts, messages, notifications };
}

export const key = () => randomUUID();
