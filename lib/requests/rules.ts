// Help requests' pure logic: the state machine (who may move a request where), overdue, due dates, accounts and the
// delivery link. No I/O; unit-tested in tests/unit/requests-rules.test.ts for every transition and role.
import type { HelpRequestKind, HelpRequestStatus, Role } from "../db/enums";

export const KIND_LABELS: Record<HelpRequestKind, string> = {
  CONTENT: "Content",
  VALUE_PROPOSITION: "Value proposition",
  NURTURE_CAMPAIGN: "Nurture campaign",
};

export const STATUS_LABELS: Record<HelpRequestStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

export type RequestAction = "take" | "release" | "deliver" | "cancel";

/** OPEN → IN_PROGRESS (a marketer takes it) → DELIVERED (with a link); back to OPEN if handed back; CANCELLED by the requester. */
export const TRANSITIONS: Record<RequestAction, { from: readonly HelpRequestStatus[]; to: HelpRequestStatus }> = {
  take: { from: ["OPEN"], to: "IN_PROGRESS" },
  release: { from: ["IN_PROGRESS"], to: "OPEN" },
  deliver: { from: ["IN_PROGRESS"], to: "DELIVERED" },
  cancel: { from: ["OPEN", "IN_PROGRESS"], to: "CANCELLED" },
};

export interface RequestState {
  status: HelpRequestStatus;
  requesterId: string;
  assigneeId: string | null;
  deliveryUrl?: string | null;
}

export interface RequestActor {
  id: string;
  role: Role;
}

const MARKETING: readonly Role[] = ["MARKETER", "MARKETING_MANAGER"];

const DONE: Record<HelpRequestStatus, string> = {
  OPEN: "is open",
  IN_PROGRESS: "is already being worked on",
  DELIVERED: "has been delivered",
  CANCELLED: "was cancelled",
};

/** Why this person may not do this to the request now, or null when they may. */
export function refusal(request: RequestState, actor: RequestActor, action: RequestAction): string | null {
  const marketing = MARKETING.includes(actor.role);
  const assignee = request.assigneeId === actor.id;
  switch (action) {
    case "take":
      if (!marketing) return "Only marketing takes requests.";
      break;
    case "release":
      // The marketing manager may hand back a request whoever holds it (someone is away); a marketer only their own.
      if (!marketing) return "Only marketing hands requests back.";
      if (!assignee && actor.role !== "MARKETING_MANAGER") return "Only the marketer working on this request can hand it back.";
      break;
    case "deliver":
      if (!marketing) return "Only marketing delivers requests.";
      if (!assignee) return "Only the marketer working on this request can deliver it. Take it first.";
      break;
    case "cancel":
      if (request.requesterId !== actor.id) return "Only the rep who asked can cancel this request.";
      break;
  }
  if (!TRANSITIONS[action].from.includes(request.status)) return `This request ${DONE[request.status]}; it cannot be ${PAST[action]} now.`;
  return null;
}

const PAST: Record<RequestAction, string> = { take: "taken", release: "handed back", deliver: "delivered", cancel: "cancelled" };

/** The actions this person may take on the request now, in the order the page offers them. */
export function availableActions(request: RequestState, actor: RequestActor): RequestAction[] {
  return (["take", "deliver", "release", "cancel"] as const).filter((action) => refusal(request, actor, action) === null);
}

/**
 * Whether the request already is what this action would make it, by this person's hand: a double click or a retried
 * request then succeeds without changing anything, instead of failing on the version it moved past.
 */
export function alreadyDone(request: RequestState, actor: RequestActor, action: RequestAction, deliveryUrl?: string): boolean {
  switch (action) {
    case "take":
      return request.status === "IN_PROGRESS" && request.assigneeId === actor.id;
    case "release":
      return false;
    case "deliver":
      return request.status === "DELIVERED" && request.assigneeId === actor.id && request.deliveryUrl === deliveryUrl;
    case "cancel":
      return request.status === "CANCELLED" && request.requesterId === actor.id;
  }
}

/** "2026-11-22": the UTC calendar day of a moment. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A "YYYY-MM-DD" day as midnight UTC, or null when it is not a real calendar day (2026-02-30). */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || dayOf(date) !== text ? null : date;
}

/** A due day is in the past when it is before today (UTC); today itself is allowed. */
export function isPastDay(day: string, now: Date): boolean {
  return day < dayOf(now);
}

/** Still waiting (open or in progress) after its due day has ended. */
export function isOverdue(request: { status: HelpRequestStatus; dueDate: string }, now: Date): boolean {
  return (request.status === "OPEN" || request.status === "IN_PROGRESS") && isPastDay(request.dueDate, now);
}

export const MAX_ACCOUNTS = 25;

/** The named accounts typed one per line ("Acme, Inc." is one name): trimmed, blank lines dropped, each name once. */
export function parseAccounts(text: string): string[] {
  const seen = new Set<string>();
  const accounts: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    accounts.push(name);
  }
  return accounts;
}

/** A delivery link people can open: an absolute http or https URL with a host (no javascript:, data:, file:, …). */
export function isDeliveryUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}
