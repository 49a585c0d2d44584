"use client";
import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ImportProgress as Progress } from "@/lib/imports/queries";
import { percentDone } from "@/lib/imports/rules";
import { resumeImportAction } from "@/lib/imports/actions";
import { formatCount } from "@/lib/ui/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The running import's progress bar, polled from /api/imports/<id> every second while it runs (the job writes in
 * batches in the background, and resumes after a restart), then the result: created, merged, skipped.
 */
export function ImportProgress({ initial }: { initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const running = progress.state === "RUNNING";

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = window.setInterval(async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(`/api/imports/${progress.id}`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as Progress;
        setProgress(next);
        if (next.state !== "RUNNING") router.refresh();
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, 1000);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [running, progress.id, router]);

  function resume() {
    startTransition(async () => {
      setError(null);
      const result = await resumeImportAction({ importId: progress.id });
      if (!result.ok) setError(result.formError ?? "The import could not be resumed.");
      else setProgress({ ...progress, state: "RUNNING" });
    });
  }

  const percent = percentDone(progress.processed, progress.total);
  const summary = `${formatCount(progress.created)} created · ${formatCount(progress.merged)} merged · ${formatCount(progress.skipped)} skipped`;

  if (progress.state === "CANCELLED") {
    return <Alert tone="info" title="Nothing was imported">You chose to import nothing from this file; no lead was written.</Alert>;
  }
  const done = progress.state === "DONE";
  return (
    <div className="space-y-2">
      {done && (
        <Alert tone="success" title="Import finished">
          <p data-testid="import-result">{summary}</p>
          <p className="mt-1">
            <Link href="/leads?owner=me" className="underline">
              See your leads
            </Link>
          </p>
        </Alert>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
      {progress.state === "FAILED" && (
        <Alert tone="danger" title="The import stopped on an error">
          Every batch written so far is complete; resuming continues with the next one.
        </Alert>
      )}
      <p id="import-progress-label" className="text-sm font-medium">
        {done ? "Imported" : progress.state === "FAILED" ? "Stopped at" : "Importing:"} {formatCount(progress.processed)} of {formatCount(progress.total)} rows ({percent}%)
      </p>
      <div
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={Math.min(progress.processed, progress.total)}
        aria-valuetext={`${percent}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-subtle"
      >
        <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      {!done && (
        <p className="text-sm text-muted" aria-live="polite">
          {summary}
        </p>
      )}
      {progress.state === "FAILED" && (
        <Button type="button" onClick={resume} pending={pending}>
          Resume import
        </Button>
      )}
    </div>
  );
}
