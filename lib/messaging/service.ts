// Posting, editing and deleting messages, and reading one's inbox. Each write is one transaction that checks the
// subject is visible to the actor, writes the message and its mentions, and notifies the people it concerns.
import { db, Prisma, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { findVisibleSubject, mayReadSubjectType, type SubjectInfo } from "./access";
import { notify } from "./notifications";
import { deletedSummary, handleOf, mentionHandles, messageSummary, recipientsOf, refuseChange, toMessageView, type MessageView } from "./rules";
import type { PostMessageInput, SubjectInput } from "./schemas";

interface Actor {
  id: string;
  name: string;
  role: Role;
}

const NOT_VISIBLE = "That conversation does not exist, or you may not see it.";
const MESSAGE_CHANGED = "This message changed since you opened it. Nothing was saved; look again.";
export const MESSAGE_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  updatedAt: true,
  version: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.MessageSelect;

async function visibleSubject(tx: Tx, actor: Actor, subject: SubjectInput): Promise<SubjectInfo> {
  const found = await findVisibleSubject(tx, actor, subject);
  if (!found) throw new DomainError(NOT_VISIBLE, undefined, "not_found");
  return found;
}

/**
 * The active users a body mentions who may read the thread; the body is the one the server received, never a list
 * the browser sent. A handle matching two people (same local part, two domains) mentions neither.
 */
async function resolveMentions(tx: Tx, body: string, subject: SubjectInfo): Promise<{ id: string }[]> {
  const handles = mentionHandles(body);
  if (handles.length === 0) return [];
  const users = await tx.user.findMany({
    where: { active: true, OR: handles.map((handle) => ({ email: { startsWith: `${handle}@`, mode: "insensitive" as const } })) },
    select: { id: true, email: true, role: true },
  });
  const byHandle = new Map<string, typeof users>();
  for (const user of users) byHandle.set(handleOf(user.email), [...(byHandle.get(handleOf(user.email)) ?? []), user]);
  return handles.flatMap((handle) => {
    const matches = byHandle.get(handle) ?? [];
    return matches.length === 1 && mayReadSubjectType(matches[0]!.role, subject.type) ? [{ id: matches[0]!.id }] : [];
  });
}

/** The people who wrote in a thread and may still read it: who a reply concerns. */
async function participants(tx: Tx, threadId: string, subject: SubjectInfo): Promise<string[]> {
  const authors = await tx.user.findMany({ where: { active: true, messages: { some: { threadId, deletedAt: null } } }, select: { id: true, role: true } });
  return authors.filter((author) => mayReadSubjectType(author.role, subject.type)).map((author) => author.id);
}

/**
 * The subject's thread, created with its first message. INSERT … ON CONFLICT waits for a simultaneous first message
 * and then uses its thread, where an upsert would fail on the unique (type, id).
 */
async function ensureThread(tx: Tx, subject: SubjectInput, now: Date): Promise<{ id: string }> {
  await tx.$executeRaw`
    INSERT INTO "Thread" (id, "subjectType", "subjectId", "createdAt")
    VALUES (gen_random_uuid()::text, ${subject.subjectType}::"ThreadSubject", ${subject.subjectId}, ${now})
    ON CONFLICT ("subjectType", "subjectId") DO NOTHING`;
  return tx.thread.findUniqueOrThrow({ where: { subjectType_subjectId: { subjectType: subject.subjectType, subjectId: subject.subjectId } }, select: { id: true } });
}

export function messageLink(subject: SubjectInfo, messageId: string): string {
  return `${subject.link.split("#")[0]}#message-${messageId}`;
}

export async function postMessage(actor: Actor, input: PostMessageInput, now = new Date()): Promise<MessageView> {
  return postOnce(actor, input, () => db().$transaction((tx) => postMessageInTx(tx, actor, input, now)));
}

/**
 * Runs `post` (a transaction that calls postMessageInTx) unless this author already posted with this key: a retried
 * or double submission gets the first message back. Other services that post (a campaign's results card) use it too.
 */
export async function postOnce(actor: Actor, input: PostMessageInput, post: () => Promise<MessageView>): Promise<MessageView> {
  const repeat = await findRepeat(actor, input);
  if (repeat) return repeat;
  try {
    return await post();
  } catch (error) {
    // Two submissions of one message at the same moment: the second lost on the (author, key) index; show the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await findRepeat(actor, input);
      if (first) return first;
    }
    throw error;
  }
}

/** Writes a message, its mentions and its notifications inside the caller's transaction. */
export async function postMessageInTx(tx: Tx, actor: Actor, input: PostMessageInput, now: Date): Promise<MessageView> {
  const subject = await visibleSubject(tx, actor, input);
  const thread = await ensureThread(tx, input, now);
  const others = await participants(tx, thread.id, subject);
  const message = await tx.message.create({
    data: { threadId: thread.id, authorId: actor.id, body: input.body, clientKey: input.clientKey, createdAt: now, updatedAt: now },
    select: MESSAGE_SELECT,
  });
  const mentioned = await resolveMentions(tx, input.body, subject);
  await tx.mention.createMany({ data: mentioned.map((user) => ({ messageId: message.id, userId: user.id })), skipDuplicates: true });
  const recipients = recipientsOf({ authorId: actor.id, mentionedIds: mentioned.map((user) => user.id), participantIds: others, teamChannel: subject.type === "TEAM" });
  const link = messageLink(subject, message.id);
  await notify(
    tx,
    [
      ...recipients.mention.map((userId) => ({ userId, kind: "MENTION" as const, sourceId: message.id, link, summary: messageSummary("MENTION", actor.name, subject.where, input.body) })),
      ...recipients.reply.map((userId) => ({ userId, kind: "REPLY" as const, sourceId: message.id, link, summary: messageSummary("REPLY", actor.name, subject.where, input.body) })),
    ],
    now,
  );
  return toMessageView(message);
}

/** The message this author already posted with this key, if any: a retried submission gets it back, once. */
async function findRepeat(actor: Actor, input: PostMessageInput): Promise<MessageView | null> {
  const existing = await db().message.findUnique({
    where: { authorId_clientKey: { authorId: actor.id, clientKey: input.clientKey } },
    select: { ...MESSAGE_SELECT, thread: { select: { subjectType: true, subjectId: true } } },
  });
  if (!existing) return null;
  if (existing.thread.subjectType !== input.subjectType || existing.thread.subjectId !== input.subjectId) {
    throw new DomainError("This message key was already used for another message. Reload the page and try again.");
  }
  return toMessageView(existing);
}

async function loadOwnMessage(tx: Tx, actor: Actor, messageId: string, version: number) {
  const message = await tx.message.findUnique({
    where: { id: messageId },
    select: { id: true, authorId: true, deletedAt: true, version: true, thread: { select: { id: true, subjectType: true, subjectId: true } } },
  });
  if (!message) throw new DomainError("That message does not exist.", undefined, "not_found");
  const subject = await visibleSubject(tx, actor, { subjectType: message.thread.subjectType, subjectId: message.thread.subjectId });
  const refusal = refuseChange(actor.id, message);
  if (refusal) throw new DomainError(refusal, undefined, "forbidden");
  if (message.version !== version) throw new DomainError(MESSAGE_CHANGED, undefined, "conflict");
  return { message, subject };
}

/** Writes the new state only if nobody changed the message since the version the author saw. */
async function updateVersioned(tx: Tx, messageId: string, version: number, data: Prisma.MessageUpdateManyMutationInput) {
  const updated = await tx.message.updateMany({ where: { id: messageId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new DomainError(MESSAGE_CHANGED, undefined, "conflict");
  return toMessageView(await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: MESSAGE_SELECT }));
}

export async function editMessage(actor: Actor, input: { messageId: string; version: number; body: string }, now = new Date()): Promise<MessageView> {
  return db().$transaction(async (tx) => {
    const { message, subject } = await loadOwnMessage(tx, actor, input.messageId, input.version);
    const view = await updateVersioned(tx, message.id, input.version, { body: input.body, editedAt: now, updatedAt: now });
    // Mentions follow the text; people newly mentioned are notified, people mentioned before are not notified again.
    const mentioned = await resolveMentions(tx, input.body, subject);
    await tx.mention.deleteMany({ where: { messageId: message.id } });
    await tx.mention.createMany({ data: mentioned.map((user) => ({ messageId: message.id, userId: user.id })) });
    const link = messageLink(subject, message.id);
    const newly = recipientsOf({ authorId: actor.id, mentionedIds: mentioned.map((user) => user.id), participantIds: [], teamChannel: true }).mention;
    await notify(tx, newly.map((userId) => ({ userId, kind: "MENTION" as const, sourceId: message.id, link, summary: messageSummary("MENTION", actor.name, subject.where, input.body) })), now);
    // Inbox lines quote the message: they quote what it says now.
    for (const kind of ["MENTION", "REPLY"] as const) {
      await tx.notification.updateMany({ where: { sourceId: message.id, kind }, data: { summary: messageSummary(kind, actor.name, subject.where, input.body) } });
    }
    await recordAudit(tx, { actorId: actor.id, action: "message.edited", entityType: "Message", entityId: message.id, data: { version: view.version } });
    return view;
  });
}

/** Deleting keeps the message's place in the thread ("message deleted") and removes its text everywhere. */
export async function deleteMessage(actor: Actor, input: { messageId: string; version: number }, now = new Date()): Promise<MessageView> {
  return db().$transaction(async (tx) => {
    const { message, subject } = await loadOwnMessage(tx, actor, input.messageId, input.version);
    const view = await updateVersioned(tx, message.id, input.version, { body: "", deletedAt: now, updatedAt: now });
    await tx.mention.deleteMany({ where: { messageId: message.id } });
    await tx.notification.updateMany({ where: { sourceId: message.id, kind: { in: ["MENTION", "REPLY"] } }, data: { summary: deletedSummary(actor.name, subject.where) } });
    await recordAudit(tx, { actorId: actor.id, action: "message.deleted", entityType: "Message", entityId: message.id, data: {} });
    return view;
  });
}

/** Marks one of the actor's own notifications read; marking it again changes nothing. */
export async function markNotificationRead(actor: { id: string }, input: { notificationId: string }, now = new Date()): Promise<{ unread: number }> {
  const owned = await db().notification.findFirst({ where: { id: input.notificationId, userId: actor.id }, select: { id: true } });
  if (!owned) throw new DomainError("That notification does not exist.", undefined, "not_found");
  await db().notification.updateMany({ where: { id: owned.id, readAt: null }, data: { readAt: now } });
  return { unread: await db().notification.count({ where: { userId: actor.id, readAt: null } }) };
}

export async function markAllNotificationsRead(actor: { id: string }, now = new Date()): Promise<{ marked: number }> {
  const { count } = await db().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
  return { marked: count };
}
