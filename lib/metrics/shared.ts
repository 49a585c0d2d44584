// Small helpers every metric shares: safe division and checks on the aggregates the query layer hands in. Pure.

/**
 * numerator ÷ denominator, or null when the denominator is 0.
 *
 *   ratio(n, d) = n / d   (d ≠ 0)
 *   ratio(n, 0) = null    a rate of nothing is unknown: never NaN, never Infinity
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * A count from a SQL aggregate must be a whole number ≥ 0. Anything else is a bug in the query that produced it, so
 * it stops here rather than turning into a plausible-looking wrong number on the dashboard.
 */
export function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of at least 0, got ${value}.`);
}

/** A sum of money or time from a SQL aggregate must be finite and ≥ 0 (deal amounts are positive, durations too). */
export function assertNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number of at least 0, got ${value}.`);
}

/** The sum of a list of numbers (0 for none). */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
