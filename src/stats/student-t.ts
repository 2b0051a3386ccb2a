/**
 * Student's t distribution with a whole number of degrees of freedom: the distribution function
 * by the finite series of Abramowitz & Stegun 26.7.3–26.7.4 (exact for whole ν, with θ =
 * atan(t/√ν)), and the quantile by bisection on it (to the last bit of t, so as exact as the
 * distribution function and the rounding of the target |2p − 1|). Built from +, −, ×, /, sqrt
 * and the library's `atan`, so the same bits on every engine. Checked against scipy.stats.t in
 * test/stats/student-t.test.ts.
 * Relative error: about 1e-12 for quantiles; a far tail of a large ν loses digits to the
 * cancellation in 1 − P(|T| < t) and to the ν/2 terms of the series (still 1e-9 at ν = 10,000).
 */

import { numberIn, show, wholeNumber } from '../args.js';
import { atan } from '../math/index.js';

/** The most degrees of freedom accepted (the series has ν/2 terms). */
const MAX_DF = 10_000;

/** P(|T| < t) for t >= 0 (A&S 26.7.3 for odd ν, 26.7.4 for even ν). */
function central(t: number, df: number): number {
  if (t === Infinity) return 1;
  const r = Math.sqrt(df + t * t);
  const sin = t / r;
  const cos2 = df / (df + t * t);
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let j = 2; j <= df - 2; j += 2) {
      term *= (cos2 * (j - 1)) / j;
      sum += term;
    }
    return sin * sum;
  }
  const theta = atan(t / Math.sqrt(df));
  if (df === 1) return (2 / Math.PI) * theta;
  let term = 1;
  let sum = 1;
  for (let j = 3; j <= df - 2; j += 2) {
    term *= (cos2 * (j - 1)) / j;
    sum += term;
  }
  return Math.min(1, (2 / Math.PI) * (theta + sin * Math.sqrt(cos2) * sum));
}

/**
 * The distribution function of Student's t with `df` degrees of freedom (a whole number in
 * [1, 10000]) at `t`.
 * @example studentTCdf(2, 9) // => 0.9617235881146495
 */
export function studentTCdf(t: number, df: number): number {
  const fn = 'studentTCdf';
  if (typeof t !== 'number') throw new TypeError(`${fn}: t must be a number (got ${show(t)})`);
  if (Number.isNaN(t)) throw new RangeError(`${fn}: t must be a number (got NaN)`);
  wholeNumber(fn, 'df', df, 1, MAX_DF);
  const a = central(Math.abs(t), df);
  return t < 0 ? 0.5 - 0.5 * a : 0.5 + 0.5 * a;
}

/**
 * The quantile of Student's t with `df` degrees of freedom (a whole number in [1, 10000]) at `p`
 * in (0, 1): the t for which P(T ≤ t) = p, as scipy's `t.ppf(p, df)`, for t intervals from a few
 * replicates.
 * @example studentTQuantile(0.975, 9) // => 2.2621571627982036
 */
export function studentTQuantile(p: number, df: number): number {
  const fn = 'studentTQuantile';
  numberIn(fn, 'p', p, 0, 1, { lo: true, hi: true });
  wholeNumber(fn, 'df', df, 1, MAX_DF);
  if (p === 0.5) return 0;
  // Solve P(|T| < t) = |2p − 1| for t > 0, computed from the smaller tail.
  const q = p < 0.5 ? 1 - 2 * p : 2 * p - 1;
  let lo = 0;
  let hi = 1;
  while (central(hi, df) < q && hi < 1e300) hi *= 2;
  for (let i = 0; i < 2100; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (central(mid, df) < q) lo = mid;
    else hi = mid;
  }
  const t = central(lo, df) === q ? lo : hi;
  return p < 0.5 ? -t : t;
}
