import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { campaignOptions } from "@/lib/metrics/breakdowns";
import { GoalForm } from "@/components/goals/goal-form";

export const metadata: Metadata = { title: "New goal" };

export default async function NewGoalPage() {
  await requirePermission("goal:draft");
  // "No campaign" is a dashboard filter, not something a goal can be about.
  const campaigns = (await campaignOptions()).filter((option) => option.value !== "none");
  return (
    <div className="space-y-4">
      <Link href="/goals" className="text-sm text-brand hover:underline">
        ← Goals
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">New goal</h1>
      <p className="max-w-prose text-sm text-muted">
        A goal starts as a draft. Propose it to collect signatures: it is agreed once both heads have signed it, or the CRO has.
      </p>
      <GoalForm campaigns={campaigns} />
    </div>
  );
}
