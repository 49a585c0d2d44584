import "server-only";
import { db, type Prisma } from "../db/client";
import type { HelpRequestKind, HelpRequestStatus, Role } from "../db/enums";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/current-user";
import { pageCount } from "../leads/rules";
import { dayOf, isOverdue } from "./rules";

export type RequestView = "mine" | "open" | "all";

export const REQUESTS_PAGE_SIZE = 20;

/** Which requests a user may see: the revenue team sees them all; anyone else none (a forgotten check leaks nothing). */
function visibleRequests(user: Pick<CurrentUser, "role">): Prisma.HelpRequestWhereInput {
  return can(user.role, "request:read") ? {} : { id: { in: [] } };
}

/** The lists a role is offered: reps see the requests they made, marketing the ones it took; everyone the rest. */
export function viewsFor(role: Role): RequestView[] {
  return can(role, "request:create") || can(role, "request:work") ? ["mine", "open", "all"] : ["open", "all"];
}

export function defaultView(role: Role): RequestView {
  if (can(role, "request:create")) return "mine";
  return can(role, "request:work") ? "open" : "all";
}

function viewWhere(user: CurrentUser, view: RequestView): Prisma.HelpRequestWhereInput {
  if (view === "open") return { status: "OPEN" };
  if (view === "mine") return can(user.role, "request:work") ? { assigneeId: user.id } : { requesterId: user.id };
  return {};
}

export interface RequestRow {
  id: string;
  title: string;
  kind: HelpRequestKind;
  status: HelpRequestStatus;
  dueDate: string;
  overdue: boolean;
  requester: string;
  assignee: string | null;
  createdAt: string;
}

export async function listRequests(
  user: CurrentUser,
  view: RequestView,
  page: number,
  now: Date = new Date(),
): Promise<{ rows: RequestRow[]; total: number; page: number; pageCount: number }> {
  const where: Prisma.HelpRequestWhereInput = { AND: [visibleRequests(user), viewWhere(user, view)] };
  const total = await db().helpRequest.count({ where });
  const pages = pageCount(total, REQUESTS_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  // Waiting work is read by what is due first; the full history by what was asked last.
  const orderBy: Prisma.HelpRequestOrderByWithRelationInput[] = view === "open" ? [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }];
  const rows = await db().helpRequest.findMany({
    where,
    orderBy,
    skip: (current - 1) * REQUESTS_PAGE_SIZE,
    take: REQUESTS_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      dueDate: true,
      createdAt: true,
      requester: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  });
  return {
    total,
    page: current,
    pageCount: pages,
    rows: rows.map((row) => {
      const dueDate = dayOf(row.dueDate);
      return {
        id: row.id,
        title: row.title,
        kind: row.kind,
        status: row.status,
        dueDate,
        overdue: isOverdue({ status: row.status, dueDate }, now),
        requester: row.requester.name,
        assignee: row.assignee?.name ?? null,
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}

export interface RequestDetail extends RequestRow {
  details: string;
  accounts: string[];
  version: number;
  requesterId: string;
  assigneeId: string | null;
  deliveryUrl: string | null;
  takenAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
}

export async function getRequest(user: CurrentUser, id: string, now: Date = new Date()): Promise<RequestDetail | null> {
  const row = await db().helpRequest.findFirst({
    where: { AND: [visibleRequests(user), { id }] },
    include: { requester: { select: { name: true } }, assignee: { select: { name: true } } },
  });
  if (!row) return null;
  const dueDate = dayOf(row.dueDate);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    dueDate,
    overdue: isOverdue({ status: row.status, dueDate }, now),
    requester: row.requester.name,
    requesterId: row.requesterId,
    assignee: row.assignee?.name ?? null,
    assigneeId: row.assigneeId,
    createdAt: row.createdAt.toISOString(),
    details: row.details,
    accounts: row.accounts,
    version: row.version,
    deliveryUrl: row.deliveryUrl,
    takenAt: row.takenAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}
