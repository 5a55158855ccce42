/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the demo seed needs. The same seed
 * always yields the same sequence, so the demo data — UUIDs included — is identical on every run.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A float in [lo, hi). */
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks an index with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A version-4 UUID whose bits come from this generator. */
  uuid(): string {
    const a = hex32(this.uint32());
    const b = hex32(((this.uint32() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = hex32(((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex32(this.uint32());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(x: number): string {
  return HEX[x >>> 24] + HEX[(x >>> 16) & 0xff] + HEX[(x >>> 8) & 0xff] + HEX[x & 0xff];
}

/** Picks items with probability proportional to fixed weights (cumulative table + binary search). */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let acc = 0;
    for (const w of weights) this.cumulative.push((acc += w));
    this.total = acc;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** The seed of the shipped demo data set. */
export const DEMO_SEED = 20_260_723;

export function createRng(seed: number = DEMO_SEED): Rng {
  return new Rng(seed);
}

/** Splits `total` into integer shares proportional to `weights` (largest-remainder method). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('apportion needs a positive weight');
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length].i] += 1;
  return out;
}

/** Like apportion, but every share is at least `min` (the shortfall is taken from the others proportionally). */
export function apportionWithMin(total: number, weights: readonly number[], min: number): number[] {
  if (min * weights.length > total) throw new Error('total too small for the minimum');
  const fixed = new Set<number>();
  for (;;) {
    const free = weights.map((w, i) => (fixed.has(i) ? 0 : w));
    const shares = apportion(total - min * fixed.size, free);
    const out = shares.map((s, i) => (fixed.has(i) ? min : s));
    const short = out.map((s, i) => (s < min ? i : -1)).filter((i) => i >= 0);
    if (short.length === 0) return out;
    for (const i of short) fixed.add(i);
  }
}
