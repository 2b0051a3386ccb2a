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

function checkValues(values: ArrayLike<number>, fn: string): void {
  if (values.length === 0) throw new RangeError(`${fn}: needs at least one value`);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`${fn}: values[${i}] is NaN`);
  }
}

/** Rearranges a[lo..hi] so that a[k] holds the value it would have if a[lo..hi] were sorted. */
export function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
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
 * Large inputs (over 20,000 values) are done by bracketing: a sorted, evenly spaced sample of
 * 4,096 values gives, for each order statistic needed, a range that holds it with a wide margin
 * (±6 binomial standard deviations); one pass over the data counts the values below each range
 * and copies those inside it, and a selection in that small copy finds the statistic exactly. A
 * range that misses (it cannot, short of adversarial data) falls back to plain selection, so the
 * result is always exact.
 * @param scratch optional buffer of at least `values.length`, used by the fallback.
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.1, 0.5, 0.9]) // => [ 1.3, 2.5, 3.7 ]
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[], scratch?: Float64Array): number[] {
  checkValues(values, 'quantiles');
  ps.forEach((p) => checkP(p, 'quantiles'));
  const n = values.length;
  // The order statistics each p needs: ⌊h⌋, and ⌊h⌋ + 1 when it interpolates.
  const ranks = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    ranks.add(k);
    if (h - k > 0 && k + 1 < n) ranks.add(k + 1);
  }
  const stat = n > 20_000 ? bracketed(values, [...ranks], scratch) : selected(values, [...ranks], scratch);
  return ps.map((p) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const frac = h - k;
    const xk = stat.get(k)!;
    return frac === 0 || k + 1 >= n ? xk : lerp(xk, stat.get(k + 1)!, frac);
  });
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
  const a = copyOf(values, scratch);
  const n = a.length;
  const out = new Map<number, number>();
  let lo = 0;
  for (const r of [...ranks].sort((x, y) => x - y)) {
    if (r > lo || r === 0) select(a, r, lo, n - 1);
    out.set(r, a[r]!);
    lo = r;
  }
  return out;
}

const SAMPLE = 4096;

interface Range {
  lo: number;
  hi: number;
  /** Values < lo, == lo, == hi (when hi > lo), and the copies of those strictly inside. */
  below: number;
  atLo: number;
  atHi: number;
  size: number;
  buf: Float64Array;
}

/** Order statistics by sample brackets and one counting pass (see {@link quantiles}). */
function bracketed(values: ArrayLike<number>, ranks: number[], scratch?: Float64Array): Map<number, number> {
  const n = values.length;
  const sample = new Float64Array(SAMPLE);
  const step = n / SAMPLE;
  for (let j = 0; j < SAMPLE; j++) sample[j] = values[Math.floor(j * step + step / 2)]!;
  sample.sort();
  // One bracket per rank: [lo, hi] in value, from sample positions ±6 binomial sds (+2) around it.
  const brackets = ranks.map((r) => {
    const q = r / (n - 1);
    const centre = q * (SAMPLE - 1);
    const half = 6 * Math.sqrt(SAMPLE * q * (1 - q)) + 2;
    const jl = Math.floor(centre - half);
    const jh = Math.ceil(centre + half);
    return { rank: r, lo: jl < 0 ? -Infinity : sample[jl]!, hi: jh >= SAMPLE ? Infinity : sample[jh]! };
  });
  // Merge overlapping brackets: each value then falls in at most one range.
  const ranges: Range[] = [];
  for (const b of [...brackets].sort((x, y) => x.lo - y.lo)) {
    const last = ranges[ranges.length - 1];
    if (last && b.lo <= last.hi) last.hi = Math.max(last.hi, b.hi);
    else ranges.push({ lo: b.lo, hi: b.hi, below: 0, atLo: 0, atHi: 0, size: 0, buf: new Float64Array(4096) });
  }
  countRanges(values, ranges);
  const out = new Map<number, number>();
  const fallback: number[] = [];
  for (const b of brackets) {
    const r = ranges.find((x) => b.lo >= x.lo && b.hi <= x.hi)!;
    let pos = b.rank - r.below;
    if (pos < 0) {
      fallback.push(b.rank);
      continue;
    }
    if (pos < r.atLo) {
      out.set(b.rank, r.lo);
      continue;
    }
    pos -= r.atLo;
    if (pos < r.size) {
      const work = r.buf.subarray(0, r.size);
      select(work, pos);
      out.set(b.rank, work[pos]!);
      continue;
    }
    pos -= r.size;
    if (pos < r.atHi) out.set(b.rank, r.hi);
    else fallback.push(b.rank);
  }
  if (fallback.length > 0) for (const [k, v] of selected(values, fallback, scratch)) out.set(k, v);
  return out;
}

/**
 * Counts the values below and at the ends of each range, and copies those strictly inside: one
 * tight pass per range. (Measured: one pass per range beat a single pass testing every range,
 * whether written with branches or with selects, on 10^6 values.)
 */
function countRanges(values: ArrayLike<number>, ranges: Range[]): void {
  for (const r of ranges) countRange(values, r);
}

function countRange(values: ArrayLike<number>, r: Range): void {
  const { lo, hi } = r;
  const n = values.length;
  let below = 0;
  let atLo = 0;
  let atHi = 0;
  let size = 0;
  let buf = r.buf;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x < lo) below++;
    else if (x <= hi) {
      if (x === lo) atLo++;
      else if (x === hi) atHi++;
      else {
        if (size === buf.length) {
          const grown = new Float64Array(buf.length * 2);
          grown.set(buf);
          buf = grown;
        }
        buf[size++] = x;
      }
    }
  }
  r.below = below;
  r.atLo = atLo;
  r.atHi = lo === hi ? 0 : atHi;
  r.size = size;
  r.buf = buf;
}

/**
 * One type-7 quantile (numpy's default).
 * @example quantile(Float64Array.of(3, 1, 2, 10), 0.5) // => 2.5
 */
export function quantile(values: ArrayLike<number>, p: number, scratch?: Float64Array): number {
  return quantiles(values, [p], scratch)[0]!;
}

/**
 * Type-7 quantile of values already sorted ascending (no check that they are).
 * @example quantileSorted([1, 2, 3, 4], 0.25) // => 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkP(p, 'quantileSorted');
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: needs at least one value');
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const frac = h - k;
  const xk = sorted[k]!;
  return frac === 0 || k + 1 >= n ? xk : lerp(xk, sorted[k + 1]!, frac);
}

/** numpy's `_lerp`, to the last bit: from the nearer end of [a, b]. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}
