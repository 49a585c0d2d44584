// Seeded pseudo-random numbers for the demo workspace: the same seed always yields the same data, so screenshots,
// walkthroughs and bug reports made against the demo stay reproducible.

/** A small, fast generator (mulberry32) with the sampling helpers the demo data needs. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both ends included. */
  integer(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Cannot pick from an empty list.");
    return item;
  }

  /** One value drawn in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    for (const [value, weight] of entries) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("Cannot draw from an empty list.");
    return last[0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // in (0, 1], so the logarithm is finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median: most values near it, a long tail above (company sizes, deal amounts). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Log-normal redrawn until it falls in [min, max], so the bounds do not pile up values the way clamping would. */
  logNormalWithin(median: number, sigma: number, min: number, max: number): number {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const value = this.logNormal(median, sigma);
      if (value >= min && value <= max) return value;
    }
    return clamp(median, min, max);
  }
}

/** Draws indexes in proportion to fixed weights in O(log n), for large lists drawn from thousands of times. */
export class WeightedTable {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(weights: readonly number[]) {
    let running = 0;
    this.cumulative = weights.map((weight) => (running += Math.max(0, weight)));
    this.total = running;
    if (this.total <= 0) throw new Error("A weighted table needs at least one positive weight.");
  }

  draw(random: SeededRandom): number {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
