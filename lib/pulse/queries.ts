import "server-only";
import { db } from "../db/client";
import { pageCount } from "../leads/rules";
import { monthKey, monthLabel, monthOf, monthlySeries, monthsEndingAt, periodAverage, trendOf, type MonthPoint, type Trend } from "./rules";

export interface MyPulse {
  month: string;
  monthLabel: string;
  answer: { usefulness: number; support: number; comment: string | null; version: number } | null;
}

/** This month's pulse for a rep: the month, and their answer if they gave one. */
export async function getMyPulse(repId: string, now: Date = new Date()): Promise<MyPulse> {
  const month = monthOf(now);
  const answer = await db().pulseAnswer.findUnique({
    where: { repId_month: { repId, month } },
    select: { usefulness: true, support: true, comment: true, version: true },
  });
  return { month: monthKey(month), monthLabel: monthLabel(month), answer };
}

export interface PulseTrend {
  points: MonthPoint[];
  responses: number;
  usefulness: { average: number | null; trend: Trend };
  support: { average: number | null; trend: Trend };
}

/** Monthly averages of both questions over the `months` months ending with the current one, with response counts. */
export async function getPulseTrend(months: number, now: Date = new Date()): Promise<PulseTrend> {
  const range = monthsEndingAt(now, months);
  const grouped = await db().pulseAnswer.groupBy({
    by: ["month"],
    where: { month: { gte: range[0] } },
    _count: { _all: true },
    _sum: { usefulness: true, support: true },
  });
  const totals = grouped.map((row) => ({
    month: row.month,
    responses: row._count._all,
    usefulnessSum: row._sum.usefulness ?? 0,
    supportSum: row._sum.support ?? 0,
  }));
  const points = monthlySeries(totals, range);
  return {
    points,
    responses: totals.reduce((sum, total) => sum + total.responses, 0),
    usefulness: { average: periodAverage(totals, "usefulness"), trend: trendOf(points, "usefulness") },
    support: { average: periodAverage(totals, "support"), trend: trendOf(points, "support") },
  };
}

export interface PulseComment {
  id: string;
  rep: string;
  month: string;
  usefulness: number;
  support: number;
  comment: string;
  updatedAt: string;
}

export const COMMENTS_PAGE_SIZE = 20;

/** The reps' comments, newest month first (latest edit first within a month), one page at a time. */
export async function listPulseComments(page: number): Promise<{ rows: PulseComment[]; total: number; page: number; pageCount: number }> {
  const where = { comment: { not: null } };
  const total = await db().pulseAnswer.count({ where });
  const pages = pageCount(total, COMMENTS_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db().pulseAnswer.findMany({
    where,
    orderBy: [{ month: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * COMMENTS_PAGE_SIZE,
    take: COMMENTS_PAGE_SIZE,
    select: { id: true, month: true, usefulness: true, support: true, comment: true, updatedAt: true, rep: { select: { name: true } } },
  });
  return {
    total,
    page: current,
    pageCount: pages,
    rows: rows.map((row) => ({
      id: row.id,
      rep: row.rep.name,
      month: monthLabel(row.month),
      usefulness: row.usefulness,
      support: row.support,
      comment: row.comment ?? "",
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}
