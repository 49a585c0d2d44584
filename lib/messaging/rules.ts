// Messaging's pure rules: mentions in a body, who hears about a message, what a message shows once edited or deleted,
// and how a polling client merges what it receives. No I/O: the service and the components both call these.

export const MESSAGE_MAX_LENGTH = 5_000;
/** The team channel is the one thread of subject TEAM; its subject id is this constant. */
export const TEAM_SUBJECT_ID = "team";
/** Messages per page of a thread, newest first. */
export const THREAD_PAGE_SIZE = 50;
/** How far back a poll looks before its cursor, so a message committed late (a slower transaction) is not missed. */
export const POLL_OVERLAP_MS = 10_000;

/**
 * A user's handle is the local part of their email, lower-cased: "sales.manager@tandem.test" is @sales.manager.
 * Handles may hold dots, dashes and underscores, but never end with one, so "@rep." at the end of a sentence is @rep.
 */
export function handleOf(email: string): string {
  return email.slice(0, email.lastIndexOf("@")).toLowerCase();
}

const HANDLE = "[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?";
// Not preceded by a word character, "@" or ".", so the "@" inside an email address is not a mention.
const MENTION = new RegExp(`(?<![\\w@.])@(${HANDLE})`, "gi");

/** The handles mentioned in a body, each once, in order; code (`inline` or fenced) mentions nobody. */
export function mentionHandles(body: string): string[] {
  const prose = body.replace(/```[\s\S]*?(```|$)/g, " ").replace(/`[^`\n]*`/g, " ");
  const handles = new Set<string>();
  for (const match of prose.matchAll(MENTION)) handles.add(match[1]!.toLowerCase());
  return [...handles];
}

/** The text of a body split around its mentions, for highlighting them (code is not looked at: the caller skips it). */
export function splitMentions(text: string): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), mention: false });
    parts.push({ text: match[0], mention: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mention: false });
  return parts;
}

/**
 * The mention being typed at the caret, if any: "@sa|" gives { query: "sa", start } where start is the "@". The
 * autocomplete opens for it and replaces it with the chosen handle.
 */
export function mentionAtCaret(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\w@.])@([a-z0-9._-]{0,40})$/i.exec(before);
  if (!match) return null;
  return { query: match[1]!, start: caret - match[1]!.length - 1 };
}

/** Replaces the "@partial" from `start` to the caret with "@handle " and says where the caret goes next. */
export function insertMention(text: string, start: number, caret: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/**
 * Who hears about a new message: the people it mentions get a mention; the others who have written in the thread
 * get a reply, except in the team channel, where everyone takes part and a reply notice for every message would
 * bury the inbox. The author hears about nothing they wrote, and nobody hears twice.
 */
export function recipientsOf(input: {
  authorId: string;
  mentionedIds: readonly string[];
  participantIds: readonly string[];
  teamChannel: boolean;
}): { mention: string[]; reply: string[] } {
  const mention = [...new Set(input.mentionedIds)].filter((id) => id !== input.authorId);
  const mentioned = new Set(mention);
  const reply = input.teamChannel
    ? []
    : [...new Set(input.participantIds)].filter((id) => id !== input.authorId && !mentioned.has(id));
  return { mention, reply };
}

/** A short plain-text excerpt of a body for an inbox line: Markdown marks dropped, whitespace folded, cut at `max`. */
export function excerpt(body: string, max = 120): string {
  const plain = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

export type NotificationKindName = "MENTION" | "REPLY" | "LEAD_REJECTED" | "HANDOVER_ASSIGNED" | "SLA_BREACH";

/** The inbox line of a message notification. */
export function messageSummary(kind: "MENTION" | "REPLY", author: string, where: string, body: string): string {
  const verb = kind === "MENTION" ? "mentioned you" : "replied";
  return `${author} ${verb} in ${where}: ${excerpt(body)}`;
}

/** What a message notification says once the message is deleted: nothing of what it said. */
export function deletedSummary(author: string, where: string): string {
  return `${author} deleted a message in ${where}.`;
}

/** Why an actor may not edit or delete a message, or null when they may: only its author, and not once deleted. */
export function refuseChange(actorId: string, message: { authorId: string; deletedAt: Date | string | null }): string | null {
  if (message.authorId !== actorId) return "You can only change your own messages.";
  if (message.deletedAt) return "This message was deleted.";
  return null;
}

export interface MessageView {
  id: string;
  author: { id: string; name: string };
  /** Null once deleted: the text is gone from the database and from every payload. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  updatedAt: string;
  version: number;
}

/** The view of a stored message; a deleted one keeps only who wrote it and when. */
export function toMessageView(row: {
  id: string;
  author: { id: string; name: string };
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
  version: number;
}): MessageView {
  return {
    id: row.id,
    author: row.author,
    body: row.deletedAt ? null : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.deletedAt ? null : (row.editedAt?.toISOString() ?? null),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/**
 * Folds fetched messages into those shown: a message seen twice keeps its newest version (a poll may overlap, or
 * arrive after the edit it predates), and the thread stays in the order written (oldest first, ties by id).
 */
export function mergeMessages(shown: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  const byId = new Map(shown.map((message) => [message.id, message]));
  for (const message of incoming) {
    const current = byId.get(message.id);
    if (!current || message.version >= current.version) byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
