import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { goalProgress } from "@/lib/goals/progress";
import { getGoal } from "@/lib/goals/queries";
import { GOAL_METRICS, goalSide, isAgreed } from "@/lib/goals/rules";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { formatDate } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { GoalActions } from "@/components/goals/goal-actions";
import { GoalStatusBadge } from "@/components/goals/goal-badges";
import { GoalProgressBar } from "@/components/goals/goal-progress";
import { GoalSignatures } from "@/components/goals/goal-signatures";
import { GoalBreakdownSection, GoalTrendSection } from "@/components/goals/goal-sections";
import { formatMetric } from "@/components/goals/labels";
import { ThreadSection } from "@/components/messaging/thread-section";
import { parseGoalId } from "../goal-param";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseGoalId((await params).id);
  const goal = id ? await getGoal(id) : null;
  return { title: goal ? `Goal: ${goal.title}` : "Goal" };
}

/** One goal: its progress, pace and forecast, who signed it, its weekly trend and what moved it. */
export default async function GoalPage({ params }: Props) {
  const user = await requirePermission("goal:read");
  const id = parseGoalId((await params).id);
  const goal = id ? await getGoal(id) : null;
  if (!goal) notFound();
  const now = new Date();
  const progress = await goalProgress(goal, now);
  const spec = GOAL_METRICS[goal.metric];
  const side = can(user.role, "goal:sign") ? goalSide(user.role) : null;
  const sides = goal.signatures.map((signature) => signature.side);
  const filter = [goal.source && `${SOURCE_LABELS[goal.source]} leads`, goal.campaignName && `campaign ${goal.campaignName}`].filter(Boolean).join(" · ");
  const caption = `${goal.title} · ${spec.label} · ${formatDate(goal.periodStart)} – ${formatDate(goal.periodEnd)}${filter ? ` · ${filter}` : ""}`;

  return (
    <div className="space-y-5">
      <Link href="/goals" className="text-sm text-brand hover:underline">
        ← Goals
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{goal.title}</h1>
          <GoalStatusBadge status={goal.status} />
        </div>
        <p className="text-sm text-muted">
          {spec.label}: {spec.description} Target {formatMetric(goal.metric, goal.target)}
          {spec.better === "lower" ? " or less" : ""}, {formatDate(goal.periodStart)} – {formatDate(goal.periodEnd)}
          {filter ? `, ${filter}` : ""}. Drafted by {goal.createdBy}.
        </p>
      </div>

      <Card aria-labelledby="goal-progress-title">
        <CardHeader>
          <CardTitle id="goal-progress-title">Progress</CardTitle>
        </CardHeader>
        <CardBody>
          <GoalProgressBar metric={goal.metric} target={goal.target} progress={progress} label={`${goal.title}: progress`} />
        </CardBody>
      </Card>

      <Card aria-labelledby="goal-agreement-title">
        <CardHeader>
          <CardTitle id="goal-agreement-title">Agreement</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <GoalSignatures goal={goal} />
          <GoalActions
            id={goal.id}
            version={goal.version}
            status={goal.status}
            canDraft={can(user.role, "goal:draft")}
            side={side}
            signed={side !== null && sides.includes(side)}
            signAgrees={side !== null && isAgreed([...sides, side])}
          />
        </CardBody>
      </Card>

      <GoalTrendSection goal={goal} caption={caption} />
      <GoalBreakdownSection goal={goal} current={progress.current} />

      <ThreadSection user={user} subject={{ subjectType: "GOAL", subjectId: goal.id }} title="Discussion" description="Talk about this goal: what moves it, what is in the way." />
    </div>
  );
}
