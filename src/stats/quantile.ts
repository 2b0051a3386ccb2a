/**
 * Quantiles of numpy's default method ("linear", Hyndman & Fan type 7): for n values sorted
 * x[0] <= … <= x[n−1] and h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]),
 * evaluated as numpy's `_lerp` does (from the nearer end), so results match numpy to the bit.
 *
 * Computed by selection, not by sorting: Floyd–Rivest-style quickselect with median-of-three
 * pivots, several p at once by bracketing (each selection works only right of the previous one),
 * in O(n) expected time per distinct order statistic. The input is never modified: the work is
 * done on a copy (or in a scratch buffer the caller passes).
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

/** Smallest value of a[lo..hi]. */
function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = a[lo]!;
  for (let i = lo + 1; i <= hi; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Several type-7 quantiles of the same values at once, in the order of `ps`.
 * @param scratch optional buffer of at least `values.length` to work in (saves an allocation).
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.1, 0.5, 0.9]) // => [1.3, 2.5, 3.7]
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[], scratch?: Float64Array): number[] {
  checkValues(values, 'quantiles');
  ps.forEach((p) => checkP(p, 'quantiles'));
  const n = values.length;
  const a = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  if (values instanceof Float64Array) a.set(values);
  else for (let i = 0; i < n; i++) a[i] = values[i]!;
  const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const out = new Array<number>(ps.length);
  let lo = 0; // everything left of lo is <= a[lo..]
  for (const { p, i } of order) {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const frac = h - k;
    if (k >= lo) {
      select(a, k, lo, n - 1);
      lo = k;
    }
    const xk = a[k]!;
    if (frac === 0 || k + 1 >= n) {
      out[i] = xk;
    } else {
      out[i] = lerp(xk, minOf(a, k + 1, n - 1), frac);
    }
  }
  return out;
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
