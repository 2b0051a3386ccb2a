import { level, levels, numericValues, show } from '../args.js';
import { orderStatistics } from './brackets.js';

/**
 * Quantiles of numpy's default method ("linear", Hyndman & Fan type 7): for n values sorted
 * x[0] <= … <= x[n−1] and h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]),
 * evaluated as numpy's `_lerp` does (from the nearer end), so results match numpy to the bit.
 *
 * Computed by selection, not by sorting (quickselect with median-of-three pivots; on large inputs
 * one counting pass over sample-based brackets, see {@link quantiles}), in O(n) expected time:
 * the selection is ./select.ts, the brackets ./brackets.ts.
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
  return quantilesUnchecked(v, ls, checkScratch(scratch, 'quantiles'));
}

/**
 * {@link quantiles} without the scan for NaN: for arrays the library made itself (simulation
 * output never holds NaN), where the scan would be a tenth of the cost.
 */
export function quantilesUnchecked(values: ArrayLike<number>, ps: readonly number[], scratch?: Float64Array): number[] {
  if (values.length === 0) throw new RangeError('quantiles: needs at least one value');
  ps.forEach((p) => checkP(p, 'quantiles'));
  const n = values.length;
  const ranks = orderStatisticsFor(n, ps);
  const stat = orderStatistics(values, ranks, scratch);
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

/**
 * One type-7 quantile (numpy's default).
 * @example quantile(Float64Array.of(3, 1, 2, 10), 0.5) // => 2.5
 */
export function quantile(values: ArrayLike<number>, p: number, scratch?: Float64Array): number {
  const v = checkValues(values, 'quantile');
  return quantilesUnchecked(v, [level('quantile', 'p', p)], checkScratch(scratch, 'quantile'))[0]!;
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
