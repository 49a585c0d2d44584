import type { ReevaluationProgress } from "@/lib/agreement/queries";
import { formatCount, formatDateTime } from "@/lib/ui/format";
import { Alert } from "@/components/ui/alert";
import { RefreshWhileRunning } from "./refresh-while-running";

/** The background re-evaluation of waiting leads that follows an activation. */
export function ReevaluationStatus({ progress }: { progress: ReevaluationProgress }) {
  const { status, processed, total, version } = progress;

  if (status === "FAILED") {
    return (
      <Alert tone="danger" title={`Re-evaluating leads against v${version} did not finish`}>
        {formatCount(processed)} of {formatCount(total)} leads were re-evaluated before it stopped. The others keep the result of the
        earlier definition until it runs again.
      </Alert>
    );
  }

  if (status === "DONE") {
    return (
      <p className="text-sm text-muted" role="status">
        Leads were re-evaluated against v{version}
        {progress.finishedAt ? ` on ${formatDateTime(progress.finishedAt)}` : ""} ({formatCount(total)} {total === 1 ? "lead" : "leads"}).
      </p>
    );
  }

  const label = `Re-evaluating leads against v${version}: ${formatCount(processed)} of ${formatCount(total)}`;
  return (
    <div className="space-y-2 rounded-lg border border-border bg-surface p-4">
      <p id="reevaluation-label" className="text-sm font-medium">
        {label}
      </p>
      <progress
        aria-labelledby="reevaluation-label"
        value={Math.min(processed, total)}
        max={Math.max(total, 1)}
        className="h-2 w-full overflow-hidden rounded-full accent-brand"
      />
      <RefreshWhileRunning />
    </div>
  );
}
