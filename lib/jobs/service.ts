// Background work in small transactions, resumable after a crash: each batch records how far it got in the same
// transaction as its work, so a restarted job continues exactly where the last committed batch ended.
import { db, type Prisma, type Tx } from "../db/client";
import { reevaluateBatch } from "./reevaluate";
import { importBatch } from "../imports/job";
import { jobsStopping, trackJobsRunning } from "./lifecycle";

export type JobKind = "reevaluate-leads" | "import-leads";

export async function enqueueJob(tx: Tx, kind: JobKind, payload: Prisma.InputJsonValue, total: number) {
  return tx.job.create({ data: { kind, payload, total }, select: { id: true } });
}

const handlers: Record<JobKind, (tx: Tx, job: { payload: Prisma.JsonValue; cursor: string | null }) => Promise<{ processed: number; cursor: string | null; done: boolean }>> = {
  "reevaluate-leads": reevaluateBatch,
  "import-leads": importBatch,
};

/** Runs one batch of the job. Returns false when the job has nothing left to do. */
export async function runJobBatch(jobId: string): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      // The row lock makes a second runner (another app instance) wait, then see the advanced cursor.
      const [job] = await tx.$queryRaw<{ id: string; kind: JobKind; status: string; payload: Prisma.JsonValue; cursor: string | null }[]>`
        SELECT id, kind, status, payload, cursor FROM "Job" WHERE id = ${jobId} FOR UPDATE`;
      if (!job || job.status === "DONE" || job.status === "FAILED") return false;
      const result = await handlers[job.kind](tx, job);
      await tx.job.update({
        where: { id: job.id },
        data: {
          status: result.done ? "DONE" : "RUNNING",
          cursor: result.cursor,
          processed: { increment: result.processed },
          ...(job.status === "QUEUED" && { startedAt: new Date() }),
          ...(result.done && { finishedAt: new Date() }),
        },
      });
      return !result.done;
    },
    { timeout: 60_000 },
  );
}

/** One batch of the job; false when it has nothing left or stopped on an error (then marked FAILED). */
async function stepJob(jobId: string): Promise<boolean> {
  try {
    return await runJobBatch(jobId);
  } catch (error) {
    // Stopping mid-batch rolls the batch back; the job stays RUNNING and resumes at the next start.
    if (jobsStopping()) return false;
    console.error(`[jobs] ${jobId} failed`, error);
    await db().job.update({ where: { id: jobId }, data: { status: "FAILED", error: "The job stopped on an error; the details are in the server log.", finishedAt: new Date() } });
    return false;
  }
}

let running: Promise<void> | null = null;

/**
 * Runs every unfinished job, one batch of each in turn (oldest first within a round), so a short import started
 * while a long re-evaluation runs does not wait for it to end. One runner per process; safe to call as often as
 * wanted: a job enqueued while it runs is picked up in the next round.
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
