// Background work in small transactions, resumable after a crash: each batch records how far it got in the same
// transaction as its work, so a restarted job continues exactly where the last committed batch ended.
import { db, type Prisma, type Tx } from "../db/client";
import { reevaluateBatch } from "./reevaluate";
import { importBatch } from "../imports/job";
import { jobsStopping, trackJobsRunning } from "./lifecycle";
import { isLockConflict } from "../db/conflicts";
import type { BatchContext, BatchResult } from "./batch";

export type JobKind = "reevaluate-leads" | "import-leads";

export async function enqueueJob(tx: Tx, kind: JobKind, payload: Prisma.InputJsonValue, total: number) {
  return tx.job.create({ data: { kind, payload, total }, select: { id: true } });
}

const handlers: Record<JobKind, (tx: Tx, job: { payload: Prisma.JsonValue; cursor: string | null }, context: BatchContext) => Promise<BatchResult>> = {
  "reevaluate-leads": reevaluateBatch,
  "import-leads": importBatch,
};

/**
 * Runs one batch of the job, and the next one beside it where the handler offers (BatchContext.writeNext). Returns
 * false when the job has nothing left to do.
 */
export async function runJobBatch(jobId: string): Promise<boolean> {
  let next: Promise<boolean | null> | undefined;
  const context: BatchContext = {
    writeNext: (cursor, write) => {
      next ??= writeNextBatch(jobId, cursor, write);
    },
  };
  const first = db().$transaction(
    async (tx) => {
      // The row lock makes a second runner (another app instance) wait, then see the advanced cursor.
      const [job] = await tx.$queryRaw<{ id: string; kind: JobKind; status: string; payload: Prisma.JsonValue; cursor: string | null }[]>`
        SELECT id, kind, status, payload, cursor FROM "Job" WHERE id = ${jobId} FOR UPDATE`;
      if (!job || job.status === "DONE" || job.status === "FAILED") return false;
      const result = await handlers[job.kind](tx, job, context);
      await recordBatch(tx, job.id, job.status, result);
      return !result.done;
    },
    { timeout: 60_000 },
  );
  try {
    const more = await first;
    return (next && (await next)) ?? more;
  } finally {
    // Settled before answering, whatever happened to the first (the next one then rolls back at its claim).
    await next;
  }
}

/** The job's progress after a batch, in the batch's own transaction. */
async function recordBatch(tx: Tx, jobId: string, status: string, result: BatchResult) {
  await tx.job.update({
    where: { id: jobId },
    data: {
      status: result.done ? "DONE" : "RUNNING",
      cursor: result.cursor,
      processed: { increment: result.processed },
      ...(status === "QUEUED" && { startedAt: new Date() }),
      ...(result.done && { finishedAt: new Date() }),
    },
  });
}

class NotNextAnymore extends Error {}

/**
 * The batch after `cursor`, in its own transaction beside the one still writing the batch that ends there. Its claim
 * waits on the job's row, so PostgreSQL sees the wait (a deadlock through a third transaction is detected and broken,
 * not hung). Returns whether more is left, or null when nothing was committed: that batch is then written in turn, by
 * the runner's next step, and whatever stopped it here (its predecessor's failure too) is met there again.
 */
async function writeNextBatch(jobId: string, cursor: string, write: (tx: Tx, claim: () => Promise<void>) => Promise<BatchResult | null>): Promise<boolean | null> {
  try {
    return await db().$transaction(
      async (tx) => {
        let claimed: Promise<void> | undefined;
        const claim = () =>
          (claimed ??= (async () => {
            const [job] = await tx.$queryRaw<{ status: string; cursor: string | null }[]>`SELECT status, cursor FROM "Job" WHERE id = ${jobId} FOR UPDATE`;
            if (job?.status !== "RUNNING" || job.cursor !== cursor) throw new NotNextAnymore();
          })());
        const result = await write(tx, claim);
        if (!result) throw new NotNextAnymore(); // rolls back whatever it read or locked
        await claim();
        await recordBatch(tx, jobId, "RUNNING", result);
        return !result.done;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof NotNextAnymore) && !jobsStopping()) console.warn(`[jobs] ${jobId}: the batch after line ${cursor} is written again in turn:`, firstLine(error));
    return null;
  }
}

/** One batch of the job; false when it has nothing left or stopped on an error (then marked FAILED). */
async function stepJob(jobId: string): Promise<boolean> {
  try {
    return await runJobBatch(jobId);
  } catch (error) {
    // Stopping mid-batch rolls the batch back; the job stays RUNNING and resumes at the next start.
    if (jobsStopping()) return false;
    // A deadlock or serialization failure rolled the batch back and left no trace: the next round writes it again.
    if (isLockConflict(error)) {
      console.warn(`[jobs] ${jobId}: a batch met a lock conflict and is written again:`, firstLine(error));
      return true;
    }
    console.error(`[jobs] ${jobId} failed`, error);
    await db().job.update({ where: { id: jobId }, data: { status: "FAILED", error: "The job stopped on an error; the details are in the server log.", finishedAt: new Date() } });
    return false;
  }
}

/** An error's first line of text, for a one-line log. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? text;
}

let running: Promise<void> | null = null;

/**
 * Runs every unfinished job, one batch of each in turn (oldest first within a round; an import's turn may write two,
 * side by side), so a short import started while a long re-evaluation runs does not wait for it to end. One runner
 * per process; safe to call as often as wanted: a job enqueued while it runs is picked up in the next round.
 */
export function runPendingJobs(): Promise<void> {
  running ??= (async () => {
    try {
      while (!jobsStopping()) {
        const pending = await db().job.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, orderBy: { createdAt: "asc" }, select: { id: true } });
        if (pending.length === 0) return;
        for (const job of pending) {
          if (jobsStopping()) return;
          await stepJob(job.id);
        }
      }
    } finally {
      running = null;
      trackJobsRunning(null);
    }
  })();
  trackJobsRunning(running);
  return running;
}
