// Period over period: any metric now against the same metric in the previous period. Pure.

export interface Comparison {
  current: number | null;
  previous: number | null;
  /** current − previous; null when either is unknown. */
  change: number | null;
  /** (current − previous) ÷ |previous|; null when either is unknown or previous is 0. */
  changeRatio: number | null;
}

/**
 * A metric against the previous period:
 *
 *   change      = current − previous
 *   changeRatio = change ÷ |previous|     (null when previous = 0: growth from nothing has no ratio)
 *
 * Dividing by |previous| keeps the sign meaning "went up" even for a negative metric (e.g. a gap to a benchmark).
 * A rate that was unknown (null, e.g. nothing was handed over) has no change either. Changes of rates are in rate
 * units: 0.50 → 0.60 is change 0.10 (ten points) and changeRatio 0.2 (twenty per cent).
 */
export function compare(current: number | null, previous: number | null): Comparison {
  for (const value of [current, previous]) {
    if (value !== null && !Number.isFinite(value)) throw new RangeError(`A metric must be a finite number or null, got ${value}.`);
  }
  const change = current === null || previous === null ? null : current - previous;
  const changeRatio = change === null || previous === null || previous === 0 ? null : change / Math.abs(previous);
  return { current, previous, change, changeRatio };
}

/** compare() for every metric of a record, e.g. two SalesPerformance results; keys come from `current`. */
export function compareAll<K extends string>(
  current: Readonly<Record<K, number | null>>,
  previous: Readonly<Record<K, number | null>>,
): Record<K, Comparison> {
  const result = {} as Record<K, Comparison>;
  for (const key of Object.keys(current) as K[]) result[key] = compare(current[key], previous[key] ?? null);
  return result;
}
