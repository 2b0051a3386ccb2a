import { level, levels, numericValues, show, wholeNumber } from '../args.js';

/**
 * Quantiles of numpy's default method ("linear", Hyndman & Fan type 7): for n values sorted
 * x[0] <= … <= x[n−1] and h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]),
 * evaluated as numpy's `_lerp` does (from the nearer end), so results match numpy to the bit.
 *
 * Computed by selection, not by sorting (quickselect with median-of-three pivots; on large inputs
 * one counting pass over sample-based brackets, see {@link quantiles}), in O(n) expected time.
 * The input is never modified.
 */

function checkP(p: number, fn: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1] (got ${p})`);
}

/** Values of a quantile: an array or typed array of finite numbers, at least one (nothing coerced: `'123'` and `[1, 'x']` are TypeErrors). */
function checkValues(values: unknown, fn: string): ArrayLike<number> {
  return numericValues(fn, 'values', values, { minLength: 1 });
}

/** An optional scratch buffer: a Float64Array. */
function checkScratch(scratch: unknown, fn: string): Float64Array | undefined {
  if (scratch !== undefined && !(scratch instanceof Float64Array)) throw new TypeError(`${fn}: scratch must be a Float64Array (got ${show(scratch)})`);
  return scratch;
}

/** Rearranges a[lo..hi] so that a[k] holds the value it would have if a[lo..hi] were sorted. */
export function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  if (!(a instanceof Float64Array)) throw new TypeError(`select: a must be a Float64Array (got ${show(a)})`);
  if (a.length === 0) throw new RangeError('select: a needs at least one value');
  wholeNumber('select', 'lo', lo, 0, a.length - 1);
  wholeNumber('select', 'hi', hi, lo, a.length - 1);
  wholeNumber('select', 'k', k, lo, hi);
  selectIn(a, k, lo, hi);
}

/** {@link select} without the argument checks (for the library's own arrays). */
function selectIn(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    // Median of three as the pivot, moved to a[lo].
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    // now a[lo] <= a[mid] <= a[hi]; use a[mid] as pivot
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    // Hoare partition around the pivot value.
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // a[lo..j] <= pivot, a[i..hi] >= pivot, and a[j+1..i-1] == pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Several type-7 quantiles of the same values at once, in the order of `ps`.
 *
 * Large inputs (over 20,000 values) are done by bracketing: an evenly spaced sample (n/16 values,
 * 4,096 to 32,768) gives, for each order statistic needed, a range that holds it with a wide
 * margin (±6 binomial standard deviations); one pass over the data counts the values below every
 * range and copies those inside, and a selection in that small copy finds the statistic exactly. A
 * range that misses (it cannot, short of adversarial data) falls back to plain selection, so the
 * result is always exact.
 * @param scratch optional buffer of at least `values.length`, used by the fallback.
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.1, 0.5, 0.9]) // => [ 1.3, 2.5, 3.7 ]
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[], scratch?: Float64Array): number[] {
  const v = checkValues(values, 'quantiles');
  const ls = levels('quantiles', 'ps', ps);
  return trustedQuantiles(v, ls, checkScratch(scratch, 'quantiles'));
}

/**
 * {@link quantiles} without the scan for NaN: for arrays the library made itself (simulation
 * output never holds NaN), where the scan would be a tenth of the cost.
 */
export function trustedQuantiles(values: ArrayLike<number>, ps: readonly number[], scratch?: Float64Array): number[] {
  if (values.length === 0) throw new RangeError('quantiles: needs at least one value');
  ps.forEach((p) => checkP(p, 'quantiles'));
  const n = values.length;
  const ranks = orderStatisticsFor(n, ps);
  const stat = n > 20_000 ? bracketed(values, ranks, scratch) : selected(values, ranks, scratch);
  return ps.map((p) => fromOrderStatistics(n, p, stat));
}

/** The order statistics (0-based ranks) that the type-7 quantiles at `ps` of n values need: ⌊h⌋, and ⌊h⌋ + 1 when it interpolates. */
export function orderStatisticsFor(n: number, ps: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    ranks.add(k);
    if (h - k > 0 && k + 1 < n) ranks.add(k + 1);
  }
  return [...ranks];
}

/** The type-7 quantile at p of n values, from their order statistics (as numpy computes it). */
export function fromOrderStatistics(n: number, p: number, stat: ReadonlyMap<number, number>): number {
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const frac = h - k;
  const xk = stat.get(k)!;
  return frac === 0 || k + 1 >= n ? xk : lerp(xk, stat.get(k + 1)!, frac);
}

function copyOf(values: ArrayLike<number>, scratch?: Float64Array): Float64Array {
  const n = values.length;
  const a = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  if (values instanceof Float64Array) a.set(values);
  else for (let i = 0; i < n; i++) a[i] = values[i]!;
  return a;
}

/** Order statistics by successive selection, each right of the previous. */
function selected(values: ArrayLike<number>, ranks: number[], scratch?: Float64Array): Map<number, number> {
  return orderStatisticsIn(copyOf(values, scratch), ranks);
}

/** Sample size for the brackets: at most n/16, between 4,096 and 32,768. */
const sampleSize = (n: number) => Math.max(4096, Math.min(32_768, 2 ** Math.floor(Math.log2(n / 16))));

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
      selectIn(work, pos, 0, work.length - 1);
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

/** The order statistics of `a` at the given ranks, selected in place in ascending order (a is reordered). */
function orderStatisticsIn(a: Float64Array, ranks: readonly number[]): Map<number, number> {
  const n = a.length;
  const out = new Map<number, number>();
  let lo = 0;
  for (const r of [...new Set(ranks)].sort((x, y) => x - y)) {
    // a[0..lo) holds values <= a[lo-1]'s rank, so each selection starts right of the previous one.
    selectIn(a, r, lo, n - 1);
    out.set(r, a[r]!);
    lo = r;
  }
  return out;
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

/** Order statistics by sample brackets and one counting pass per range (see {@link quantiles}). */
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

/**
 * One type-7 quantile (numpy's default).
 * @example quantile(Float64Array.of(3, 1, 2, 10), 0.5) // => 2.5
 */
export function quantile(values: ArrayLike<number>, p: number, scratch?: Float64Array): number {
  const v = checkValues(values, 'quantile');
  return trustedQuantiles(v, [level('quantile', 'p', p)], checkScratch(scratch, 'quantile'))[0]!;
}

/**
 * Type-7 quantile of values already sorted ascending (no check that they are).
 * @example quantileSorted([1, 2, 3, 4], 0.25) // => 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const fn = 'quantileSorted';
  level(fn, 'p', p);
  if (!(Array.isArray(sorted) || (ArrayBuffer.isView(sorted) && !(sorted instanceof DataView)))) throw new TypeError(`${fn}: sorted must be an array of numbers (got ${show(sorted)})`);
  const n = sorted.length;
  if (n === 0) throw new RangeError(`${fn}: needs at least one value`);
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const frac = h - k;
  // Only the one or two values used are read (the array is trusted to be sorted), so only they are checked.
  const at = (i: number) => {
    const x: unknown = sorted[i];
    if (typeof x !== 'number') throw new TypeError(`${fn}: sorted[${i}] must be a number (got ${show(x)})`);
    if (!Number.isFinite(x)) throw new RangeError(`${fn}: sorted[${i}] must be a finite number (got ${show(x)})`);
    return x;
  };
  const xk = at(k);
  return frac === 0 || k + 1 >= n ? xk : lerp(xk, at(k + 1), frac);
}

/**
 * numpy's `_lerp`, to the last bit: from the nearer end of [a, b]. When b − a overflows (a and b
 * of opposite signs near the largest double, in either order since quantileSorted trusts its
 * input), numpy gives ±Infinity or NaN; then the convex combination a·(1 − t) + b·t is used,
 * whose terms cannot overflow, so the result is finite and between a and b.
 */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  if (!(Math.abs(d) <= Number.MAX_VALUE)) return a * (1 - t) + b * t;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}
