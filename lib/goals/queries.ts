import "server-only";
// Reads of shared goals as plain DTOs: the list by status (paginated), one goal with its signatures, and the agreed
// goals of today for the home pages, each with its live progress (./progress).
import { db, type Prisma } from "../db/client";
import type { GoalMetric, GoalSide, GoalStatus, LeadSource } from "../db/enums";
import { startOfUtcDay } from "../metrics/rules";
import { goalProgress, type GoalProgress } from "./progress";
import { typedTarget } from "./rules";
import type { GoalListQuery } from "./schemas";

export interface GoalView {
  id: string;
  title: string;
  metric: GoalMetric;
  /** In the metric's own unit (dollars, count, fraction, milliseconds). */
  target: number;
  /** As the form takes it (percent, minutes…), for the edit form. */
  typedTarget: number;
  periodStart: string;
  periodEnd: string;
  source: LeadSource | null;
  campaignId: string | null;
  campaignName: string | null;
  status: GoalStatus;
  version: number;
  createdBy: string;
  createdAt: string;
  proposedAt: string | null;
  agreedAt: string | null;
  signatures: { side: GoalSide; name: string; signedAt: string; goalVersion: number }[];
}

export type GoalWithProgress = GoalView & { progress: GoalProgress };

const SELECT = {
  id: true,
  title: true,
  metric: true,
  target: true,
  periodStart: true,
  periodEnd: true,
  source: true,
  campaignId: true,
  campaign: { select: { name: true } },
  status: true,
  version: true,
  createdAt: true,
  proposedAt: true,
  agreedAt: true,
  createdBy: { select: { name: true } },
  signatures: { select: { side: true, signedAt: true, goalVersion: true, user: { select: { name: true } } }, orderBy: { signedAt: "asc" } },
} satisfies Prisma.GoalSelect;

type Row = Prisma.GoalGetPayload<{ select: typeof SELECT }>;

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

function toView(row: Row): GoalView {
  const target = Number(row.target);
  return {
    id: row.id,
    title: row.title,
    metric: row.metric,
    target,
    typedTarget: typedTarget(row.metric, target),
    periodStart: dayKey(row.periodStart),
    periodEnd: dayKey(row.periodEnd),
    source: row.source,
    campaignId: row.campaignId,
    campaignName: row.campaign?.name ?? null,
    status: row.status,
    version: row.version,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    proposedAt: row.proposedAt?.toISOString() ?? null,
    agreedAt: row.agreedAt?.toISOString() ?? null,
    signatures: row.signatures.map((signature) => ({
      side: signature.side,
      name: signature.user.name,
      signedAt: signature.signedAt.toISOString(),
      goalVersion: signature.goalVersion,
    })),
  };
}

export const GOALS_PAGE_SIZE = 20;

export interface GoalPage {
  rows: GoalWithProgress[];
  total: number;
  page: number;
  pageCount: number;
  /** How many goals each status holds, for the status tabs. */
  counts: Record<GoalStatus, number>;
}

/** One status's goals, the latest period first, a page at a time, each with its progress. */
export async function listGoals(query: GoalListQuery, now = new Date()): Promise<GoalPage> {
  const where = { status: query.status };
  const [total, grouped] = await Promise.all([db().goal.count({ where }), db().goal.groupBy({ by: ["status"], _count: { _all: true } })]);
  const pageCount = Math.max(1, Math.ceil(total / GOALS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().goal.findMany({
    where,
    orderBy: [{ periodEnd: "desc" }, { periodStart: "desc" }, { title: "asc" }, { id: "asc" }],
    skip: (page - 1) * GOALS_PAGE_SIZE,
    take: GOALS_PAGE_SIZE,
    select: SELECT,
  });
  const counts = { DRAFT: 0, PROPOSED: 0, AGREED: 0, ARCHIVED: 0 };
  for (const group of grouped) counts[group.status] = group._count._all;
  return { rows: await withProgress(rows.map(toView), now), total, page, pageCount, counts };
}

export async function getGoal(id: string): Promise<GoalView | null> {
  const row = await db().goal.findUnique({ where: { id }, select: SELECT });
  return row ? toView(row) : null;
}

/** The agreed goals whose period includes today, soonest ending first: what every home page shows. */
export async function currentGoals(now = new Date(), limit = 6): Promise<GoalWithProgress[]> {
  const today = startOfUtcDay(now);
  const rows = await db().goal.findMany({
    where: { status: "AGREED", periodStart: { lte: today }, periodEnd: { gte: today } },
    orderBy: [{ periodEnd: "asc" }, { title: "asc" }, { id: "asc" }],
    take: limit,
    select: SELECT,
  });
  return withProgress(rows.map(toView), now);
}

async function withProgress(goals: GoalView[], now: Date): Promise<GoalWithProgress[]> {
  const progress = await Promise.all(goals.map((goal) => goalProgress(goal, now)));
  return goals.map((goal, index) => ({ ...goal, progress: progress[index]! }));
}
