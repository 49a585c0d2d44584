// Speed to lead and the acceptance SLA: how fast reps act on what marketing hands them. Pure; the durations are one
// number per handover of the period (small: a period's handovers, not its leads), the SLA input is four counts.
import { assertCount, ratio } from "./shared";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

function assertDurations(durations: readonly number[]): void {
  for (const duration of durations) {
    if (!Number.isFinite(duration) || duration < 0) throw new RangeError(`A duration must be a finite number of at least 0 ms, got ${duration}.`);
  }
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value such that at least p % of the values are less
 * than or equal to it. With the n values sorted ascending as v₁ ≤ … ≤ vₙ:
 *
 *   rank          = ⌈p ÷ 100 × n⌉        (1-based; 0 < p ≤ 100)
 *   percentile(p) = v_rank               (null when n = 0)
 *
 * It is always one of the values, never an interpolation: "95 % of leads were touched within 3 h 10 min" is then
 * literally true of the data. Examples: p95 of 20 values is the 19th; of 2 values the 2nd; of 1 value that value.
 */
export function percentile(values: readonly number[], p: number): number | null {
  for (const value of values) if (!Number.isFinite(value)) throw new RangeError(`A percentile needs finite values, got ${value}.`);
  const rank = nearestRank(p, values.length);
  if (rank === null) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[rank - 1]!;
}

/** The 1-based position of the p-th percentile among n sorted values (⌈p ÷ 100 × n⌉, at least 1); null when n = 0. */
export function nearestRank(p: number, n: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile must be above 0 and at most 100, got ${p}.`);
  assertCount(n, "n");
  if (n === 0) return null;
  // The small tolerance keeps float error from pushing an exact rank up to the next one (64.4 × 250 ÷ 100 is 161,
  // computed as 161.00000000000003).
  return Math.max(1, Math.ceil((p * n) / 100 - 1e-9));
}

/**
 * Where the value at `rank` sits when the values are only counted per band (bands in ascending order, counts[i] values
 * in band i): the band, and the value's 1-based position within it. The database then reads just that band in order.
 */
export function locateRank(counts: readonly number[], rank: number): { band: number; position: number } {
  let below = 0;
  for (const [band, count] of counts.entries()) {
    assertCount(count, `band ${band}`);
    if (rank <= below + count) return { band, position: rank - below };
    below += count;
  }
  throw new RangeError(`Rank ${rank} is beyond the ${below} values counted.`);
}

/**
 * The median as the nearest-rank 50th percentile: v_⌈n ÷ 2⌉. For an even count that is the lower of the two middle
 * values (not their average), so it is a duration that actually happened. null when there are no values.
 */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

export type SpeedBucketKey = "under5m" | "5to15m" | "15to60m" | "1to24h" | "over24h";

/** The speed-to-lead buckets: lower bound inclusive, upper bound exclusive, so 5 min exactly is in "5–15 min". */
export const SPEED_BUCKETS: readonly { key: SpeedBucketKey; label: string; fromMs: number; toMs: number | null }[] = [
  { key: "under5m", label: "0–5 min", fromMs: 0, toMs: 5 * MINUTE_MS },
  { key: "5to15m", label: "5–15 min", fromMs: 5 * MINUTE_MS, toMs: 15 * MINUTE_MS },
  { key: "15to60m", label: "15–60 min", fromMs: 15 * MINUTE_MS, toMs: HOUR_MS },
  { key: "1to24h", label: "1–24 h", fromMs: HOUR_MS, toMs: 24 * HOUR_MS },
  { key: "over24h", label: "Over 24 h", fromMs: 24 * HOUR_MS, toMs: null },
];

export interface SpeedBucket {
  key: SpeedBucketKey;
  label: string;
  fromMs: number;
  toMs: number | null;
  count: number;
  /** count ÷ all durations; null when there are none. */
  share: number | null;
}

/**
 * How the durations spread over SPEED_BUCKETS:
 *
 *   count(bucket) = #{ d : fromMs ≤ d < toMs }     (no upper bound for "Over 24 h")
 *   share(bucket) = count(bucket) ÷ n              (null when n = 0)
 */
export function speedBuckets(durations: readonly number[]): SpeedBucket[] {
  assertDurations(durations);
  return SPEED_BUCKETS.map((bucket) => {
    const count = durations.filter((duration) => duration >= bucket.fromMs && (bucket.toMs === null || duration < bucket.toMs)).length;
    return { ...bucket, count, share: ratio(count, durations.length) };
  });
}

export interface SpeedToLead {
  /** Handovers with a first touch: the only ones measured. */
  count: number;
  medianMs: number | null;
  p95Ms: number | null;
  buckets: SpeedBucket[];
}

/**
 * Speed to lead over the period's handovers that have a first touch. Each duration is
 *
 *   first touch by the assigned rep at or after the handover − handover.createdAt   (milliseconds, ≥ 0)
 *
 * Handovers without a touch yet are not in the list (they have no duration); the SLA below is what counts them.
 * median and p95 are nearest-rank (see percentile).
 */
export function speedToLead(durations: readonly number[]): SpeedToLead {
  assertDurations(durations);
  return { count: durations.length, medianMs: median(durations), p95Ms: percentile(durations, 95), buckets: speedBuckets(durations) };
}

/**
 * Handovers created in the period (REASSIGNED ones left out, as in mqlAcceptance), by where they stand against the
 * acceptance SLA. The same rules as slaClock in lib/handovers/rules.ts:
 * - answeredInTime: respondedAt ≤ dueAt;
 * - answeredLate: respondedAt > dueAt;
 * - pendingOverdue: not answered and dueAt < now;
 * - pendingInTime: not answered and dueAt ≥ now.
 */
export interface SlaCounts {
  answeredInTime: number;
  answeredLate: number;
  pendingOverdue: number;
  pendingInTime: number;
}

export interface SlaCompliance {
  handedOver: number;
  answeredInTime: number;
  /** answered late + still waiting past the due time. */
  breaches: number;
  /** Still waiting within the due time: neither compliant nor breached yet. */
  open: number;
  /** answeredInTime ÷ handedOver. */
  compliance: number | null;
  /** breaches ÷ handedOver. */
  breachRate: number | null;
  /** open ÷ handedOver; compliance + breachRate + openShare = 1. */
  openShare: number | null;
}

/**
 * SLA compliance on the acceptance window:
 *
 *   handedOver = answeredInTime + answeredLate + pendingOverdue + pendingInTime
 *   compliance = answeredInTime ÷ handedOver                          (null when handedOver = 0)
 *   breaches   = handedOver − answeredInTime − pendingInTime = answeredLate + pendingOverdue
 *
 * A handover still waiting past its due time is a breach already (answering now cannot make it on time). One still
 * waiting within its due time is neither: not in the numerator and not a breach, but it stays in the denominator
 * (it was handed over), so a recent period's compliance can still rise; `open` shows how many are undecided.
 */
export function slaCompliance(counts: SlaCounts): SlaCompliance {
  for (const [name, value] of Object.entries(counts)) assertCount(value, name);
  const handedOver = counts.answeredInTime + counts.answeredLate + counts.pendingOverdue + counts.pendingInTime;
  const breaches = handedOver - counts.answeredInTime - counts.pendingInTime;
  return {
    handedOver,
    answeredInTime: counts.answeredInTime,
    breaches,
    open: counts.pendingInTime,
    compliance: ratio(counts.answeredInTime, handedOver),
    breachRate: ratio(breaches, handedOver),
    openShare: ratio(counts.pendingInTime, handedOver),
  };
}

/**
 * The same figures when the database has done the counting (large periods: a year's handovers are not sent over the
 * wire one by one). The database must compute exactly what speedToLead does:
 *
 *   medianMs, p95Ms      = percentile_disc(0.5), percentile_disc(0.95) over the durations: PostgreSQL's
 *                          percentile_disc takes the value at position ⌈p × n⌉ of the sorted values, which is the
 *                          nearest rank above (an integration test compares the two on the same durations);
 *   bucketCounts[i]      = #{ d : SPEED_BUCKETS[i].fromMs ≤ d < SPEED_BUCKETS[i].toMs }, in SPEED_BUCKETS order.
 */
export function speedFromSummary(summary: { count: number; medianMs: number | null; p95Ms: number | null; bucketCounts: readonly number[] }): SpeedToLead {
  assertCount(summary.count, "count");
  if (summary.bucketCounts.length !== SPEED_BUCKETS.length) throw new RangeError(`Expected ${SPEED_BUCKETS.length} bucket counts, got ${summary.bucketCounts.length}.`);
  const inBuckets = summary.bucketCounts.reduce((sum, count) => sum + count, 0);
  if (inBuckets !== summary.count) throw new RangeError(`The buckets hold ${inBuckets} durations, not ${summary.count}.`);
  if (summary.count === 0 && (summary.medianMs !== null || summary.p95Ms !== null)) throw new RangeError("No durations have no percentiles.");
  return {
    count: summary.count,
    medianMs: summary.count === 0 ? null : summary.medianMs,
    p95Ms: summary.count === 0 ? null : summary.p95Ms,
    buckets: SPEED_BUCKETS.map((bucket, index) => {
      const count = summary.bucketCounts[index]!;
      assertCount(count, bucket.key);
      return { ...bucket, count, share: ratio(count, summary.count) };
    }),
  };
}
