import { orderStatisticsIn, selected, selectUnchecked } from './select.js';

/**
 * Order statistics of large inputs by bracketing: an evenly spaced sample gives, for each rank
 * needed, a range that holds it with a wide margin; one counting pass over the data
 * ({@link RangeCounter}) and a selection in the small copy inside the range find it exactly. Used
 * by the quantiles of ./quantile.ts and by the bounded-memory summaries of a simulation.
 */

/** The order statistics of `values` at `ranks`: bracketed above 20,000 values, else by plain selection (a copy; values untouched). */
export function orderStatistics(values: ArrayLike<number>, ranks: number[], scratch?: Float64Array): Map<number, number> {
  return values.length > 20_000 ? bracketed(values, ranks, scratch) : selected(values, ranks, scratch);
}

/** Sample size for the brackets: the largest power of two ≤ n/16, between 4,096 and 32,768 (integer steps: no Math.log2). */
function sampleSize(n: number): number {
  let size = 4096;
  while (size < 32_768 && size * 2 <= n / 16) size *= 2;
  return size;
}

/**
 * Counts values against one range [lo, hi] over any number of batches: how many fall below it,
 * on its ends, and a copy of those strictly inside; then finds an order statistic from the
 * counts when it lies in the range. The building block of bracketed quantiles, here and in the
 * bounded-memory summaries of a simulation.
 */
export class RangeCounter {
  below = 0;
  atLo = 0;
  atHi = 0;
  size = 0;
  private buf = new Float64Array(4096);

  constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}

  /** Counts values[0..n). */
  add(values: ArrayLike<number>, n = values.length): void {
    RangeCounter.addAll([this], values, n);
  }

  /**
   * Counts n values in one pass against several counters (the brackets of one year's quantiles),
   * three at a time. Branch-free where the data decide: which side of lo a value falls is random,
   * so a branch on it would mispredict (V8 compiles `c ? 1 : 0` to a branch, `+c` to a flag move:
   * 4× faster on random data); only the rare value inside a range takes a branch.
   */
  static addAll(counters: readonly RangeCounter[], values: ArrayLike<number>, n: number): void {
    for (let j = 0; j < counters.length; j += 3) {
      const c0 = counters[j]!;
      const c1 = counters[j + 1] ?? NONE;
      const c2 = counters[j + 2] ?? NONE;
      const lo0 = c0.lo;
      const hi0 = c0.hi;
      const lo1 = c1.lo;
      const hi1 = c1.hi;
      const lo2 = c2.lo;
      const hi2 = c2.hi;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      for (let i = 0; i < n; i++) {
        const x = values[i]!;
        b0 += +(x < lo0);
        b1 += +(x < lo1);
        b2 += +(x < lo2);
        if ((+(x >= lo0) & +(x <= hi0)) !== 0) c0.take(x);
        if ((+(x >= lo1) & +(x <= hi1)) !== 0) c1.take(x);
        if ((+(x >= lo2) & +(x <= hi2)) !== 0) c2.take(x);
      }
      c0.below += b0;
      c1.below += b1;
      c2.below += b2;
    }
  }

  /** The counts and kept values, to send to another thread. */
  state(): { below: number; atLo: number; atHi: number; values: Float64Array } {
    return { below: this.below, atLo: this.atLo, atHi: this.atHi, values: this.buf.slice(0, this.size) };
  }

  /** Adds another counter's state over the same range (values counted elsewhere). */
  merge(o: { below: number; atLo: number; atHi: number; values: Float64Array }): void {
    this.below += o.below;
    this.atLo += o.atLo;
    this.atHi += o.atHi;
    for (let i = 0; i < o.values.length; i++) this.take(o.values[i]!);
  }

  /** One value inside [lo, hi]: counted on an end, or kept. */
  private take(x: number): void {
    if (x === this.lo) this.atLo++;
    else if (x === this.hi) this.atHi++;
    else {
      if (this.size === this.buf.length) {
        const grown = new Float64Array(this.buf.length * 2);
        grown.set(this.buf);
        this.buf = grown;
      }
      this.buf[this.size++] = x;
    }
  }

  /** The order statistic of rank r (0-based) among all values counted, or undefined if it is not in the range. */
  rank(r: number): number | undefined {
    let pos = r - this.below;
    if (pos < 0) return undefined;
    if (pos < this.atLo) return this.lo;
    pos -= this.atLo;
    if (pos < this.size) {
      const work = this.buf.subarray(0, this.size);
      selectUnchecked(work, pos, 0, work.length - 1);
      return work[pos]!;
    }
    pos -= this.size;
    return pos < this.atHi ? this.hi : undefined;
  }
}

/** A counter no value falls in or on (pads a group of three). */
const NONE = new RangeCounter(NaN, NaN);

/**
 * For each rank among n values, a range [lo, hi] that holds it with a wide margin, from a sample
 * of those values: the sample's order statistics at ±(width binomial sds + 2) around the rank's
 * position. The sample is reordered (only the order statistics needed are selected, not a sort).
 */
export function bracketsFor(sample: Float64Array, n: number, ranks: readonly number[], width = 6): { rank: number; lo: number; hi: number }[] {
  const m = sample.length;
  const spans = ranks.map((r) => {
    const q = n > 1 ? r / (n - 1) : 0;
    const centre = q * (m - 1);
    const half = width * Math.sqrt(m * q * (1 - q)) + 2;
    return { rank: r, jl: Math.floor(centre - half), jh: Math.ceil(centre + half) };
  });
  const at = orderStatisticsIn(sample, spans.flatMap((s) => [s.jl, s.jh]).filter((j) => j >= 0 && j < m));
  return spans.map(({ rank, jl, jh }) => ({ rank, lo: jl < 0 ? -Infinity : at.get(jl)!, hi: jh >= m ? Infinity : at.get(jh)! }));
}

/** Overlapping brackets merged into counters; `of(b)` is the counter holding bracket b. */
export function counters(brackets: readonly { lo: number; hi: number }[]): { list: RangeCounter[]; of: (b: { lo: number; hi: number }) => RangeCounter } {
  const merged: { lo: number; hi: number }[] = [];
  for (const b of [...brackets].sort((x, y) => x.lo - y.lo)) {
    const last = merged[merged.length - 1];
    if (last && b.lo <= last.hi) last.hi = Math.max(last.hi, b.hi);
    else merged.push({ lo: b.lo, hi: b.hi });
  }
  const list = merged.map((r) => new RangeCounter(r.lo, r.hi));
  return { list, of: (b) => list.find((c) => b.lo >= c.lo && b.hi <= c.hi)! };
}

/** Order statistics by sample brackets and one counting pass per range (see quantiles in ./quantile.ts). */
function bracketed(values: ArrayLike<number>, ranks: number[], scratch?: Float64Array): Map<number, number> {
  const n = values.length;
  const m = sampleSize(n);
  const sample = new Float64Array(m);
  const step = n / m;
  for (let j = 0; j < m; j++) sample[j] = values[Math.floor(j * step + step / 2)]!;
  const brackets = bracketsFor(sample, n, ranks);
  const { list, of } = counters(brackets);
  RangeCounter.addAll(list, values, n);
  const out = new Map<number, number>();
  const fallback: number[] = [];
  for (const b of brackets) {
    const x = of(b).rank(b.rank);
    if (x === undefined) fallback.push(b.rank);
    else out.set(b.rank, x);
  }
  if (fallback.length > 0) for (const [k, v] of selected(values, fallback, scratch)) out.set(k, v);
  return out;
}
