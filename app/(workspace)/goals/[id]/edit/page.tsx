import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getGoal } from "@/lib/goals/queries";
import { campaignOptions } from "@/lib/metrics/breakdowns";
import { GoalStatusBadge } from "@/components/goals/goal-badges";
import { GoalForm } from "@/components/goals/goal-form";
import { parseGoalId } from "../../goal-param";

export const metadata: Metadata = { title: "Edit goal" };

export default async function EditGoalPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("goal:draft");
  const id = parseGoalId((await params).id);
  const goal = id ? await getGoal(id) : null;
  if (!goal) notFound();
  if (goal.status === "ARCHIVED") redirect(`/goals/${goal.id}`);
  const campaigns = (await campaignOptions()).filter((option) => option.value !== "none");
  return (
    <div className="space-y-4">
      <Link href={`/goals/${goal.id}`} className="text-sm text-brand hover:underline">
        ← {goal.title}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Edit goal</h1>
        <GoalStatusBadge status={goal.status} />
      </div>
      <GoalForm
        key={goal.version}
        campaigns={campaigns}
        clearsSignatures={goal.status === "AGREED" ? "agreed" : goal.signatures.length > 0 ? "signed" : null}
        goal={{
          id: goal.id,
          version: goal.version,
          values: {
            title: goal.title,
            metric: goal.metric,
            target: String(goal.typedTarget),
            periodStart: goal.periodStart,
            periodEnd: goal.periodEnd,
            source: goal.source ?? "",
            campaignId: goal.campaignId ?? "",
          },
        }}
      />
    </div>
  );
}
