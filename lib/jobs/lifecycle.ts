// Lets the process stop background work between batches on shutdown. Kept on globalThis because the web server's
// bundle and the start script load their own copies of the job modules within one process.
const state = globalThis as unknown as { tandemJobsStopping?: boolean; tandemJobsRunning?: Promise<void> | null };

export function requestJobsStop(): void {
  state.tandemJobsStopping = true;
}

export function jobsStopping(): boolean {
  return state.tandemJobsStopping === true;
}

export function trackJobsRunning(running: Promise<void> | null): void {
  state.tandemJobsRunning = running;
}

/** Resolves when the batch in progress (if any) has committed, or after `ms`, whichever comes first. */
export async function jobsIdle(ms: number): Promise<void> {
  const running = state.tandemJobsRunning;
  if (!running) return;
  await Promise.race([running.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
}
