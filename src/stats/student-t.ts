/**
 * Student's t distribution with a whole number of degrees of freedom ν. The tail P(T > t), t ≥ 0,
 * is ½·I_x(ν/2, ½) with x = ν/(ν + t²): the regularised incomplete beta by its continued fraction
 * (Lentz; Numerical Recipes §6.4), whose prefactor x^(ν/2)·(1 − x)^½ / B(ν/2, ½) is taken in log
 * space (log1p of t²/ν, so no t² overflows and no 1 − x cancels) with the library's `exp`,
 * `log` and `log1p`, and 1/B(ν/2, ½) by the exact recursion Γ(a + 1 + ½)/Γ(a + 1) =
 * (a + ½)/a · Γ(a + ½)/Γ(a). The small tail is always computed as itself — the lower tail at t is
 * the upper tail at −t, never 1 − (something near 1) — so both tails hold about 1e-12 relative
 * accuracy down to the smallest doubles (p = 1e-300, t = ±1e300); where x is past the fraction's
 * convergence point (|t| below about √3, so the tail is above 0.04) it is ½(1 − I_{1−x}(½, ν/2)).
 * The quantile is bisection on the tail that is small (to the last bit of t). Built from +, −,
 * ×, /, sqrt and the library's portable elementary functions, so the same bits on every engine.
 * Checked against scipy.stats.t (test/fixtures/student-t.py) in test/stats/student-t.test.ts.
 */

import { numberIn, show, wholeNumber } from '../args.js';
import { exp, log, log1p } from '../math/index.js';
import { betaFraction } from './beta-fraction.js';

/** The most degrees of freedom accepted (1/B(ν/2, ½) takes ν/2 steps). */
const MAX_DF = 10_000;

/** Γ(ν/2 + ½) / (Γ(ν/2)·√π) = 1/B(ν/2, ½), by the recursion from ν = 1 (1/π) or ν = 2 (½). */
function inverseBeta(df: number): number {
  let g = df % 2 === 0 ? 0.5 : 1 / Math.PI;
  for (let a = df % 2 === 0 ? 1 : 0.5; a + 1 <= df / 2; a++) g *= (a + 0.5) / a;
  return g;
}

/** P(T > t) for t ≥ 0 with ν = df; `g` is inverseBeta(df). */
function upperTail(t: number, df: number, g: number): number {
  if (t === 0) return 0.5;
  if (t === Infinity) return 0;
  const a = df / 2;
  const u = (t * t) / df; // t²/ν: log x = −log(1 + u), log(1 − x) = −log(1 + 1/u)
  const logX = u === Infinity ? log(df) - 2 * log(t) : -log1p(u);
  const log1mX = u === Infinity ? 0 : -log1p(1 / u);
  const front = g * exp(a * logX + 0.5 * log1mX);
  const x = 1 / (1 + u);
  if (x < (a + 1) / (a + 2.5)) return (0.5 * front * betaFraction(x, a, 0.5)) / a;
  return 0.5 - front * betaFraction(u / (1 + u), 0.5, a);
}

/**
 * The distribution function of Student's t with `df` degrees of freedom (a whole number in
 * [1, 10000]) at `t`; the lower tail (t < 0) is computed directly, to about 1e-12 relative.
 * @example studentTCdf(2, 9) // => 0.9617235881146495
 */
export function studentTCdf(t: number, df: number): number {
  const fn = 'studentTCdf';
  if (typeof t !== 'number') throw new TypeError(`${fn}: t must be a number (got ${show(t)})`);
  if (Number.isNaN(t)) throw new RangeError(`${fn}: t must be a number (got NaN)`);
  wholeNumber(fn, 'df', df, 1, MAX_DF);
  const tail = upperTail(Math.abs(t), df, inverseBeta(df));
  return t < 0 ? tail : 1 - tail;
}

/**
 * The quantile of Student's t with `df` degrees of freedom (a whole number in [1, 10000]) at `p`
 * in (0, 1): the t for which P(T ≤ t) = p, as scipy's `t.ppf(p, df)`, for t intervals from a few
 * replicates; about 1e-12 relative for every p, 1e-300 included.
 * @example studentTQuantile(0.975, 9) // => 2.262157162798206
 */
export function studentTQuantile(p: number, df: number): number {
  const fn = 'studentTQuantile';
  numberIn(fn, 'p', p, 0, 1, { lo: true, hi: true });
  wholeNumber(fn, 'df', df, 1, MAX_DF);
  if (p === 0.5) return 0;
  // Solve P(T > s) = the smaller tail (1 − p is exact for p ≥ ½) for s > 0.
  const tail = p < 0.5 ? p : 1 - p;
  const g = inverseBeta(df);
  let lo = 0;
  let hi = 1;
  while (hi < 2 ** 1022 && upperTail(hi, df, g) > tail) hi *= 2;
  if (upperTail(hi, df, g) > tail) {
    // Only ν = 1 (the Cauchy, quantile ≈ 1/(π·p)) reaches here, for p below about 1e-308.
    if (upperTail(Number.MAX_VALUE, df, g) > tail) throw new RangeError(`${fn}: the quantile at p = ${p} with ${df} degree${df === 1 ? '' : 's'} of freedom is beyond the largest double`);
    hi = Number.MAX_VALUE;
  }
  for (let i = 0; i < 2100; i++) {
    const mid = lo + 0.5 * (hi - lo);
    if (mid <= lo || mid >= hi) break;
    if (upperTail(mid, df, g) > tail) lo = mid;
    else hi = mid;
  }
  const s = upperTail(lo, df, g) === tail ? lo : hi;
  return p < 0.5 ? -s : s;
}
