import { show, wholeNumber } from '../args.js';

/**
 * Selection: the k-th smallest of an array in O(n) expected time (quickselect with
 * median-of-three pivots, Hoare partition), and several order statistics by successive
 * selection. The machinery under the type-7 quantiles of ./quantile.ts.
 */

/** Rearranges a[lo..hi] so that a[k] holds the value it would have if a[lo..hi] were sorted. */
export function select(a: Float64Array, k: number, lo = 0, hi?: number): void {
  if (!(a instanceof Float64Array)) throw new TypeError(`select: a must be a Float64Array (got ${show(a)})`);
  if (a.length === 0) throw new RangeError('select: a needs at least one value');
  if (hi === undefined) hi = a.length - 1;
  wholeNumber('select', 'lo', lo, 0, a.length - 1);
  wholeNumber('select', 'hi', hi, lo, a.length - 1);
  wholeNumber('select', 'k', k, lo, hi);
  selectUnchecked(a, k, lo, hi);
}

/** {@link select} without the argument checks (for the library's own arrays). */
export function selectUnchecked(a: Float64Array, k: number, lo: number, hi: number): void {
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

function copyOf(values: ArrayLike<number>, scratch?: Float64Array): Float64Array {
  const n = values.length;
  const a = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  if (values instanceof Float64Array) a.set(values);
  else for (let i = 0; i < n; i++) a[i] = values[i]!;
  return a;
}

/** Order statistics by successive selection, each right of the previous. */
export function selected(values: ArrayLike<number>, ranks: number[], scratch?: Float64Array): Map<number, number> {
  return orderStatisticsIn(copyOf(values, scratch), ranks);
}

/** The order statistics of `a` at the given ranks, selected in place in ascending order (a is reordered). */
export function orderStatisticsIn(a: Float64Array, ranks: readonly number[]): Map<number, number> {
  const n = a.length;
  const out = new Map<number, number>();
  let lo = 0;
  for (const r of [...new Set(ranks)].sort((x, y) => x - y)) {
    // a[0..lo) holds values <= a[lo-1]'s rank, so each selection starts right of the previous one.
    selectUnchecked(a, r, lo, n - 1);
    out.set(r, a[r]!);
    lo = r;
  }
  return out;
}
