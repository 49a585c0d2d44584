import { Suspense } from "react";
import { goalBreakdown } from "@/lib/goals/breakdown";
import { goalTrend, type GoalScope } from "@/lib/goals/progress";
import { PageLoading } from "@/components/ui/spinner";
import { GoalBreakdown } from "./goal-breakdown";
import { GoalTrend } from "./goal-trend";

// The goal page's slower parts (a figure per week, per team, rep, source and campaign) stream in after the progress
// and the signatures, so the page is readable, and signable, at once.

async function TrendSection({ goal, caption }: { goal: GoalScope; caption: string }) {
  return <GoalTrend metric={goal.metric} points={await goalTrend(goal, new Date())} caption={caption} />;
}

async function BreakdownSection({ goal, current }: { goal: GoalScope; current: number | null }) {
  return <GoalBreakdown metric={goal.metric} groups={await goalBreakdown(goal, current, new Date())} />;
}

export function GoalTrendSection(props: { goal: GoalScope; caption: string }) {
  return (
    <Suspense fallback={<PageLoading label="Loading the weekly trend…" className="min-h-32" />}>
      <TrendSection {...props} />
    </Suspense>
  );
}

export function GoalBreakdownSection(props: { goal: GoalScope; current: number | null }) {
  return (
    <Suspense fallback={<PageLoading label="Loading what moved the goal…" className="min-h-32" />}>
      <BreakdownSection {...props} />
    </Suspense>
  );
}
