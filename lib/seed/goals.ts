// The demo workspace's shared goals, in every state: agreed goals of the current quarter (signed by both heads, one
// by the CRO alone) that every home page shows, a proposal sales has signed and marketing has not, marketing's draft
// for next quarter, last quarter's ended goal, and an archived one. Dates follow `now`, so they are always current.
import type { GoalMetric, GoalSide, GoalStatus, LeadSource } from "../db/enums";
import type { Prisma } from "../db/generated/client";
import { addDays, addMs, HOUR, startOfUtcDay } from "./calendar";

interface DemoGoal {
  key: string;
  title: string;
  metric: GoalMetric;
  /** In the metric's stored unit: dollars, a count, a fraction, milliseconds. */
  target: number;
  quarter: "previous" | "current" | "next";
  status: GoalStatus;
  signedBy: GoalSide[];
  source?: LeadSource;
  /** Drafted this many days before `now`. */
  draftedDaysAgo: number;
}

const GOALS: readonly DemoGoal[] = [
  { key: "mqls", title: "MQLs this quarter", metric: "MQLS", target: 150, quarter: "current", status: "AGREED", signedBy: ["MARKETING", "SALES"], draftedDaysAgo: 60 },
  { key: "pipeline", title: "New pipeline this quarter", metric: "PIPELINE_AMOUNT", target: 2_400_000, quarter: "current", status: "AGREED", signedBy: ["SALES", "MARKETING"], draftedDaysAgo: 58 },
  { key: "sla", title: "Answer 80% of handovers in time", metric: "SLA_COMPLIANCE", target: 0.8, quarter: "current", status: "AGREED", signedBy: ["CRO"], draftedDaysAgo: 55 },
  { key: "speed", title: "First touch within four hours", metric: "SPEED_TO_LEAD", target: 4 * HOUR, quarter: "current", status: "AGREED", signedBy: ["SALES", "MARKETING"], draftedDaysAgo: 50 },
  { key: "acceptance", title: "Sales accepts 60% of MQLs", metric: "MQL_ACCEPTANCE_RATE", target: 0.6, quarter: "current", status: "PROPOSED", signedBy: ["SALES"], draftedDaysAgo: 6 },
  { key: "sourced", title: "Marketing sources 45% of pipeline", metric: "MARKETING_SOURCED_SHARE", target: 0.45, quarter: "next", status: "DRAFT", signedBy: [], draftedDaysAgo: 2 },
  { key: "won", title: "Won revenue last quarter", metric: "WON_AMOUNT", target: 450_000, quarter: "previous", status: "AGREED", signedBy: ["MARKETING", "SALES"], draftedDaysAgo: 150 },
  { key: "webinar-sqls", title: "SQLs from webinars", metric: "SQLS", target: 40, quarter: "previous", status: "ARCHIVED", signedBy: [], source: "WEBINAR", draftedDaysAgo: 140 },
];

const SIGNER_EMAILS: Record<GoalSide, string> = { SALES: "sales.manager@tandem.test", MARKETING: "marketing.manager@tandem.test", CRO: "cro@tandem.test" };

export interface GoalRows {
  goals: Prisma.GoalCreateManyInput[];
  signatures: Prisma.GoalSignatureCreateManyInput[];
}

/** The quarter `offset` quarters from now's (−1 the previous one, +1 the next), as its first and last days. */
function quarter(now: Date, offset: number): { startsAt: Date; endsAt: Date } {
  const month = Math.floor(now.getUTCMonth() / 3) * 3 + offset * 3;
  return { startsAt: new Date(Date.UTC(now.getUTCFullYear(), month, 1)), endsAt: addDays(new Date(Date.UTC(now.getUTCFullYear(), month + 3, 1)), -1) };
}

/** The demo goals as rows; pure and deterministic for a given `now` and team. */
export function buildGoals(now: Date, users: readonly { id?: string; email: string }[]): GoalRows {
  const idOf = (email: string) => {
    const user = users.find((candidate) => candidate.email === email);
    if (!user?.id) throw new Error(`The demo team has no ${email}.`);
    return user.id;
  };
  const byQuarter = { previous: quarter(now, -1), current: quarter(now, 0), next: quarter(now, 1) };
  const goals: Prisma.GoalCreateManyInput[] = [];
  const signatures: Prisma.GoalSignatureCreateManyInput[] = [];
  for (const goal of GOALS) {
    const id = `seed_goal_${goal.key}`;
    const drafted = addMs(addDays(startOfUtcDay(now), -goal.draftedDaysAgo), 10 * HOUR);
    const proposed = goal.status === "DRAFT" ? null : addMs(drafted, 2 * HOUR);
    const signedAt = (index: number) => addDays(proposed!, index);
    // The first signer signed when proposing; each further signature a day later. The last one agreed it.
    const agreedAt = goal.signedBy.length > 0 && goal.status !== "PROPOSED" ? signedAt(goal.signedBy.length - 1) : null;
    goals.push({
      id,
      title: goal.title,
      metric: goal.metric,
      target: goal.target,
      periodStart: byQuarter[goal.quarter].startsAt,
      periodEnd: byQuarter[goal.quarter].endsAt,
      source: goal.source ?? null,
      status: goal.status,
      // One write per step: created, proposed, then one per signature (and archiving).
      version: 1 + (proposed ? 1 : 0) + goal.signedBy.length + (goal.status === "ARCHIVED" ? 1 : 0),
      createdById: idOf(goal.signedBy[0] === "MARKETING" || goal.status === "DRAFT" ? SIGNER_EMAILS.MARKETING : SIGNER_EMAILS.SALES),
      createdAt: drafted,
      updatedAt: agreedAt ?? proposed ?? drafted,
      proposedAt: proposed,
      agreedAt,
      archivedAt: goal.status === "ARCHIVED" ? addDays(drafted, 20) : null,
    });
    goal.signedBy.forEach((side, index) => {
      signatures.push({ id: `${id}_${side.toLowerCase()}`, goalId: id, side, userId: idOf(SIGNER_EMAILS[side]), signedAt: signedAt(index), goalVersion: 2 + index });
    });
  }
  return { goals, signatures };
}

/** Inserts the demo goals in the seed's transaction (a handful of rows: plain createMany). */
export async function seedGoals(tx: Prisma.TransactionClient, now: Date, users: readonly { id?: string; email: string }[]): Promise<number> {
  const { goals, signatures } = buildGoals(now, users);
  await tx.goal.createMany({ data: goals });
  await tx.goalSignature.createMany({ data: signatures });
  return goals.length;
}
