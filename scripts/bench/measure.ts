// Timing: warm-ups, then repeated runs one after another, summarised by the median and the 95th percentile.
import { performance } from "node:perf_hooks";

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export async function time(work: () => Promise<unknown>, options: { warmups: number; runs: number }): Promise<Timing> {
  for (let index = 0; index < options.warmups; index++) await work();
  const samples: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) throw new RangeError("No samples to summarise.");
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  // Nearest rank: the smallest sample with at least 95% of the samples at or below it.
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * count) - 1)]!;
  return { runs: count, medianMs: median, p95Ms: p95, minMs: sorted[0]!, maxMs: sorted[count - 1]! };
}
