import type { GoalMetric } from "@/lib/db/enums";
import type { GoalProgress } from "@/lib/goals/progress";
import { accumulates } from "@/lib/goals/rules";
import { cn } from "@/lib/ui/cn";
import { StandingBadge } from "./goal-badges";
import { formatMetric } from "./labels";

interface Props {
  metric: GoalMetric;
  target: number;
  progress: GoalProgress;
  /** Compact: the bar and one line (home pages); full: with pace and forecast (goal pages). */
  compact?: boolean;
  label: string;
}

/**
 * A goal's progress bar with its words: the figure against the target, a mark where the figure should be by today
 * (sums only: for rates the target itself is the mark), and where it will end at the current rate.
 */
export function GoalProgressBar({ metric, target, progress, compact = false, label }: Props) {
  const { pace, current } = progress;
  const share = pace.progress ?? 0;
  const paceMark = accumulates(metric) && pace.phase === "RUNNING" && target > 0 && pace.expected !== null ? Math.min(pace.expected / target, 1) : null;
  const summary = `${formatMetric(metric, current)} of ${formatMetric(metric, target)}`;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium tabular-nums" data-testid="goal-figure">
          {summary}
        </span>
        <StandingBadge standing={pace.standing} />
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-valuetext={`${summary}: ${Math.round(share * 100)}% of the target`}
        className="relative h-2.5 w-full overflow-hidden rounded-full bg-subtle"
      >
        <div
          className={cn("h-full rounded-full", pace.standing === "BEHIND" || pace.standing === "MISSED" ? "bg-warning" : "bg-brand")}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
        {paceMark !== null && <div aria-hidden="true" className="absolute top-0 h-full w-0.5 bg-foreground" style={{ left: `${Math.round(paceMark * 100)}%` }} />}
      </div>
      {!compact && (
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted">{accumulates(metric) ? "Should be by today" : "Target to hold"}</dt>
            <dd className="font-medium tabular-nums" data-testid="goal-pace">
              {pace.phase === "NOT_STARTED" ? "Not started" : formatMetric(metric, pace.expected)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">{pace.phase === "ENDED" ? "Final figure" : "Forecast at the current rate"}</dt>
            <dd className="font-medium tabular-nums" data-testid="goal-forecast">
              {formatMetric(metric, pace.forecast)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Days elapsed</dt>
            <dd className="font-medium tabular-nums">
              {pace.elapsedDays} of {pace.lengthDays}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
