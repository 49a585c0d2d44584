// Group commit for requests that each write a little: calls that arrive while a flush is running wait for it and are
// then handled together by the next flush, in one statement or transaction. An idle server flushes a lone call at
// once (no timer, no added wait); a busy one makes bigger flushes, so that the per-flush costs (a round trip, the
// commit, the planning, statement triggers, the hot counter rows every write updates) are paid once per group instead
// of once per request. Within one process only: several app instances each gather their own.

export interface GatherOptions {
  /** The most calls one flush takes; the rest wait for the next. */
  maxBatch: number;
  /** Flushes running at once (more overlap the database's work with the server's, at the risk of lock waits). */
  maxConcurrent: number;
}

interface Waiting<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (reason: unknown) => void;
}

/**
 * `flush` gets the waiting inputs in arrival order and answers each with a settled result (so one call can fail
 * without failing the others); if it throws, every call in it fails with that error.
 */
export function createGatherer<In, Out>(flush: (inputs: In[]) => Promise<PromiseSettledResult<Out>[]>, options: GatherOptions) {
  const waiting: Waiting<In, Out>[] = [];
  let running = 0;
  let scheduled = false;

  function start() {
    scheduled = false;
    while (running < options.maxConcurrent && waiting.length > 0) {
      const batch = waiting.splice(0, options.maxBatch);
      running += 1;
      flush(batch.map((call) => call.input))
        .then(
          (results) =>
            batch.forEach((call, index) => {
              const result = results[index];
              if (!result) call.reject(new Error("The flush gave no result for this call."));
              else if (result.status === "fulfilled") call.resolve(result.value);
              else call.reject(result.reason);
            }),
          (error: unknown) => batch.forEach((call) => call.reject(error)),
        )
        .finally(() => {
          running -= 1;
          start();
        });
    }
  }

  return {
    submit(input: In): Promise<Out> {
      return new Promise<Out>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        // Calls that arrive in the same turn of the event loop go together even when no flush is running.
        if (!scheduled) {
          scheduled = true;
          setImmediate(start);
        }
      });
    },
  };
}
