import "server-only";
import { db, type Prisma } from "../db/client";
import type { HandoverStatus } from "../db/enums";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/current-user";
import { definitionRulesSchema, type RejectionReason } from "../agreement/schemas";

export interface HandoverRow {
  id: string;
  status: HandoverStatus;
  lead: { id: string; name: string; company: string; title: string | null; score: number; version: number; stage: string };
  from: string | null;
  to: { id: string; name: string };
  definitionVersion: number;
  firstTouchHours: number;
  createdAt: string;
  dueAt: string;
  respondedAt: string | null;
  reasonLabel: string | null;
  note: string | null;
  disputedAt: string | null;
  disputeNote: string | null;
  resolution: string | null;
}

const ROW_SELECT = {
  id: true,
  status: true,
  definitionVersion: true,
  firstTouchHours: true,
  createdAt: true,
  dueAt: true,
  respondedAt: true,
  reasonLabel: true,
  note: true,
  disputedAt: true,
  disputeNote: true,
  resolution: true,
  fromUser: { select: { name: true } },
  toUser: { select: { id: true, name: true } },
  lead: { select: { id: true, name: true, title: true, score: true, version: true, stage: true, company: { select: { name: true } } } },
} satisfies Prisma.HandoverSelect;

type Row = Prisma.HandoverGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(row: Row): HandoverRow {
  return {
    id: row.id,
    status: row.status,
    lead: { id: row.lead.id, name: row.lead.name, company: row.lead.company.name, title: row.lead.title, score: row.lead.score, version: row.lead.version, stage: row.lead.stage },
    from: row.fromUser?.name ?? null,
    to: row.toUser,
    definitionVersion: row.definitionVersion,
    firstTouchHours: row.firstTouchHours,
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    reasonLabel: row.reasonLabel,
    note: row.note,
    disputedAt: row.disputedAt?.toISOString() ?? null,
    disputeNote: row.disputeNote,
    resolution: row.resolution,
  };
}

/** Which handovers a user may see, as a `where` clause (everyone on the revenue team sees them all). */
function visibleHandovers(user: Pick<CurrentUser, "role">): Prisma.HandoverWhereInput {
  return can(user.role, "handover:read") ? {} : { id: { in: [] } };
}

/** A rep's queue: handovers waiting for their answer, oldest first, with the reasons they may reject with. */
export async function listMyQueue(user: CurrentUser): Promise<{ rows: HandoverRow[]; reasons: Record<number, RejectionReason[]> }> {
  const rows = await db().handover.findMany({
    where: { AND: [visibleHandovers(user), { toUserId: user.id, status: "PENDING" }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: ROW_SELECT,
  });
  const versions = [...new Set(rows.map((row) => row.definitionVersion))];
  const definitions = await db().leadDefinition.findMany({ where: { version: { in: versions } }, select: { version: true, rules: true } });
  const reasons = Object.fromEntries(definitions.map((definition) => [definition.version, definitionRulesSchema.parse(definition.rules).rejectionReasons]));
  return { rows: rows.map(toRow), reasons };
}

export const HANDOVER_VIEWS = ["pending", "breached", "rejected", "disputed", "accepted", "all"] as const;
export type HandoverView = (typeof HANDOVER_VIEWS)[number];
export const HANDOVERS_PAGE_SIZE = 50;

function viewWhere(view: HandoverView, now: Date): Prisma.HandoverWhereInput {
  switch (view) {
    case "pending":
      return { status: "PENDING" };
    case "breached":
      return { status: "PENDING", dueAt: { lt: now } };
    case "rejected":
      return { status: "REJECTED" };
    case "disputed":
      return { status: "DISPUTED" };
    case "accepted":
      return { status: "ACCEPTED" };
    case "all":
      return {};
  }
}

export async function listHandovers(
  user: CurrentUser,
  options: { view: HandoverView; page: number; mine?: boolean },
): Promise<{ rows: HandoverRow[]; total: number; page: number; pageCount: number }> {
  const now = new Date();
  const where: Prisma.HandoverWhereInput = {
    AND: [visibleHandovers(user), viewWhere(options.view, now), options.mine ? { lead: { ownerId: user.id } } : {}],
  };
  const total = await db().handover.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / HANDOVERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const rows = await db().handover.findMany({
    where,
    // Waiting work oldest first; answered work newest first.
    orderBy: options.view === "pending" || options.view === "breached" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * HANDOVERS_PAGE_SIZE,
    take: HANDOVERS_PAGE_SIZE,
    select: ROW_SELECT,
  });
  return { rows: rows.map(toRow), total, page, pageCount };
}

export async function countHandovers(user: CurrentUser): Promise<Record<HandoverView, number>> {
  const now = new Date();
  const counts = await Promise.all(
    HANDOVER_VIEWS.map((view) => db().handover.count({ where: { AND: [visibleHandovers(user), viewWhere(view, now)] } })),
  );
  return Object.fromEntries(HANDOVER_VIEWS.map((view, index) => [view, counts[index]!])) as Record<HandoverView, number>;
}

/** A lead's handovers, newest first, for its page. */
export async function listLeadHandovers(user: CurrentUser, leadId: string): Promise<HandoverRow[]> {
  const rows = await db().handover.findMany({
    where: { AND: [visibleHandovers(user), { leadId }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: ROW_SELECT,
  });
  return rows.map(toRow);
}

/** Active reps, for reassigning. */
export async function listActiveReps(): Promise<{ value: string; label: string }[]> {
  const reps = await db().user.findMany({ where: { role: "SALES_REP", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return reps.map((rep) => ({ value: rep.id, label: rep.name }));
}
