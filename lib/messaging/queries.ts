import "server-only";
import { db, type Prisma } from "../db/client";
import type { NotificationKind, ThreadSubject } from "../db/enums";
import type { CurrentUser } from "../auth/current-user";
import { ROLE_LABELS } from "../auth/permissions";
import { findVisibleSubject, mayReadSubjectType, type SubjectInfo } from "./access";
import { noticeSlaBreaches } from "./notifications";
import { handleOf, POLL_OVERLAP_MS, THREAD_PAGE_SIZE, toMessageView, type MessageView } from "./rules";
import { MESSAGE_SELECT } from "./service";
import type { SubjectInput } from "./schemas";

export interface ThreadPage {
  subject: SubjectInfo;
  /** Oldest first. */
  messages: MessageView[];
  /** Whether messages older than the first one shown exist. */
  hasOlder: boolean;
}

async function threadOf(subject: SubjectInput) {
  return db().thread.findUnique({ where: { subjectType_subjectId: { subjectType: subject.subjectType, subjectId: subject.subjectId } }, select: { id: true } });
}

/**
 * The newest page of a thread, or the page before a given message; null when the subject does not exist or the user
 * may not see it. A subject with no messages yet has an empty thread (it is created with its first message).
 */
export async function getThreadPage(user: CurrentUser, input: SubjectInput, options: { before?: string } = {}): Promise<ThreadPage | null> {
  const subject = await findVisibleSubject(db(), user, input);
  if (!subject) return null;
  const thread = await threadOf(input);
  if (!thread) return { subject, messages: [], hasOlder: false };
  const where: Prisma.MessageWhereInput = { threadId: thread.id };
  if (options.before) {
    const anchor = await db().message.findFirst({ where: { id: options.before, threadId: thread.id }, select: { createdAt: true, id: true } });
    if (!anchor) return { subject, messages: [], hasOlder: false };
    where.OR = [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }];
  }
  const rows = await db().message.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_PAGE_SIZE + 1,
    select: MESSAGE_SELECT,
  });
  return { subject, messages: rows.slice(0, THREAD_PAGE_SIZE).reverse().map(toMessageView), hasOlder: rows.length > THREAD_PAGE_SIZE };
}

/**
 * What changed in a thread since a moment (new, edited and deleted messages), for a polling client. It looks a little
 * further back than asked, because a message written in a slower transaction may commit after a later one; the
 * client merges by id and version, so seeing a message twice is harmless.
 */
export async function getThreadChanges(user: CurrentUser, input: SubjectInput, since: Date): Promise<MessageView[] | null> {
  const subject = await findVisibleSubject(db(), user, input);
  if (!subject) return null;
  const thread = await threadOf(input);
  if (!thread) return [];
  const rows = await db().message.findMany({
    where: { threadId: thread.id, updatedAt: { gt: new Date(since.getTime() - POLL_OVERLAP_MS) } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: MESSAGE_SELECT,
  });
  return rows.map(toMessageView);
}

export interface MentionCandidate {
  handle: string;
  name: string;
  role: string;
}

/** Active people who may read threads of this kind and whose name or handle starts with the query, for "@" completion. */
export async function listMentionCandidates(type: ThreadSubject, query: string): Promise<MentionCandidate[]> {
  const q = query.trim();
  const users = await db().user.findMany({
    where: {
      active: true,
      ...(q && { OR: [{ email: { startsWith: q, mode: "insensitive" } }, { name: { startsWith: q, mode: "insensitive" } }, { name: { contains: ` ${q}`, mode: "insensitive" } }] }),
    },
    orderBy: { name: "asc" },
    take: 40,
    select: { email: true, name: true, role: true },
  });
  return users
    .filter((user) => mayReadSubjectType(user.role, type))
    .slice(0, 8)
    .map((user) => ({ handle: handleOf(user.email), name: user.name, role: ROLE_LABELS[user.role] }));
}

export interface InboxRow {
  id: string;
  kind: NotificationKind;
  summary: string;
  link: string;
  createdAt: string;
  read: boolean;
}

export const INBOX_PAGE_SIZE = 25;

/** Notices SLA breaches for this user first (see noticeSlaBreaches), then counts what they have not read. */
export async function countUnread(user: CurrentUser): Promise<number> {
  await noticeSlaBreaches(user);
  return db().notification.count({ where: { userId: user.id, readAt: null } });
}

export async function listInbox(user: CurrentUser, options: { page: number; unreadOnly: boolean }): Promise<{ rows: InboxRow[]; total: number; unread: number; page: number; pageCount: number }> {
  const unread = await countUnread(user);
  const where: Prisma.NotificationWhereInput = { userId: user.id, ...(options.unreadOnly && { readAt: null }) };
  const total = options.unreadOnly ? unread : await db().notification.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const rows = await db().notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: { id: true, kind: true, summary: true, link: true, createdAt: true, readAt: true },
  });
  return {
    rows: rows.map((row) => ({ id: row.id, kind: row.kind, summary: row.summary, link: row.link, createdAt: row.createdAt.toISOString(), read: row.readAt !== null })),
    total,
    unread,
    page,
    pageCount,
  };
}
