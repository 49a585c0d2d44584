import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { currentGoals } from "@/lib/goals/queries";
import { GOAL_METRICS } from "@/lib/goals/rules";
import { formatDate } from "@/lib/ui/format";
import { GoalProgressBar } from "./goal-progress";

/**
 * The agreed goals of the current period with their live progress: one strip on every home page (the rep's queue,
 * marketing's pipeline review, the revenue dashboard), so both teams and the CRO look at the same targets.
 */
export async function GoalsStrip() {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "goal:read")) return null;
  const goals = await currentGoals(new Date());
  return (
    <section aria-labelledby="goals-strip-title" className="rounded-lg border border-border bg-surface p-4 shadow-xs" data-testid="goals-strip">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="goals-strip-title" className="text-base font-semibold">
          Shared goals
        </h2>
        <Link href="/goals" className="text-sm font-medium text-brand hover:underline">
          All goals
        </Link>
      </div>
      {goals.length === 0 ? (
        <p className="text-sm text-muted">No goal agreed for today yet. Goals appear here once both heads (or the CRO) have signed them.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {goals.map((goal) => (
            <li key={goal.id} className="space-y-1.5" data-testid="goal-card">
              <div>
                <Link href={`/goals/${goal.id}`} className="font-medium text-brand hover:underline">
                  {goal.title}
                </Link>
                <p className="text-xs text-muted">
                  {GOAL_METRICS[goal.metric].label} · {formatDate(goal.periodStart)} – {formatDate(goal.periodEnd)}
                </p>
              </div>
              <GoalProgressBar metric={goal.metric} target={goal.target} progress={goal.progress} label={`${goal.title}: progress`} compact />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
