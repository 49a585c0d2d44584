import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { GoalStatus } from "@/lib/db/enums";
import { listGoals } from "@/lib/goals/queries";
import { GOAL_METRICS } from "@/lib/goals/rules";
import { goalListQuerySchema } from "@/lib/goals/schemas";
import { formatDate } from "@/lib/ui/format";
import { cn } from "@/lib/ui/cn";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { GoalStatusBadge } from "@/components/goals/goal-badges";
import { GoalProgressBar } from "@/components/goals/goal-progress";
import { GOAL_STATUS, SIDE_LABELS } from "@/components/goals/labels";

export const metadata: Metadata = { title: "Goals" };

const EMPTY: Record<GoalStatus, string> = {
  AGREED: "No goal has been agreed yet. A goal is agreed once both heads (or the CRO) have signed it.",
  PROPOSED: "No goal is waiting for signatures.",
  DRAFT: "No goal is being drafted.",
  ARCHIVED: "No goal has been archived.",
};

const href = (status: GoalStatus, page = 1) => `/goals?status=${status}${page > 1 ? `&page=${page}` : ""}`;

/** The shared goals by status, each with its live progress; heads and the CRO draft new ones here. */
export default async function GoalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("goal:read");
  const query = goalListQuerySchema.parse(await searchParams);
  const result = await listGoals(query, new Date());
  const mayDraft = can(user.role, "goal:draft");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Goals</h1>
          <p className="max-w-prose text-sm text-muted">
            Targets sales and marketing own together, each a figure from the dashboards over a period, with its progress live from the funnel.
          </p>
        </div>
        {mayDraft && (
          <Button asChild>
            <Link href="/goals/new">New goal</Link>
          </Button>
        )}
      </div>
      <nav aria-label="Goals by status" className="flex flex-wrap gap-2">
        {Object.values(GoalStatus).map((status) => (
          <Link
            key={status}
            href={href(status)}
            aria-current={status === query.status ? "page" : undefined}
            className={cn(
              "rounded-md border px-3 py-1.5 text-sm font-medium",
              status === query.status ? "border-brand bg-brand-soft text-brand-hover" : "border-border bg-surface hover:bg-subtle",
            )}
          >
            {GOAL_STATUS[status].label} ({result.counts[status]})
          </Link>
        ))}
      </nav>
      {result.rows.length === 0 ? (
        <EmptyState
          title={`No ${GOAL_STATUS[query.status].label.toLowerCase()} goals`}
          description={EMPTY[query.status]}
          action={
            mayDraft ? (
              <Button asChild>
                <Link href="/goals/new">Draft a goal</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <ul className="space-y-3" aria-label={`${GOAL_STATUS[query.status].label} goals`}>
          {result.rows.map((goal) => (
            <li key={goal.id} className="rounded-lg border border-border bg-surface p-4 shadow-xs" data-testid="goal-row">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <div>
                  <Link href={`/goals/${goal.id}`} className="font-medium text-brand hover:underline">
                    {goal.title}
                  </Link>
                  <p className="text-xs text-muted">
                    {GOAL_METRICS[goal.metric].label} · {formatDate(goal.periodStart)} – {formatDate(goal.periodEnd)}
                    {goal.signatures.length > 0 && ` · signed by ${goal.signatures.map((signature) => SIDE_LABELS[signature.side]).join(" and ")}`}
                  </p>
                </div>
                <GoalStatusBadge status={goal.status} />
              </div>
              <GoalProgressBar metric={goal.metric} target={goal.target} progress={goal.progress} label={`${goal.title}: progress`} compact />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(page) => href(query.status, page)} />
    </div>
  );
}
