/**
 * The standard normal distribution's density, distribution and quantile functions, to about
 * 15 significant digits (checked against scipy.stats.norm in test/stats/normal.test.ts).
 *
 * - `normalCdf`, `normalSurvival`: through erfc by W. J. Cody's rational Chebyshev
 *   approximations (1969, CALERF), as scipy's `ndtr` is; the smaller tail is always computed
 *   directly, so `normalCdf(-30)` keeps its relative precision (≈ 4.9e-198).
 * - `normalQuantile`: P. J. Acklam's rational approximation (relative error < 1.2e-9), refined
 *   by one Halley step on `normalCdf`.
 */

import { numberIn, show } from '../args.js';
import { exp, log } from '../math/index.js';

const SQRT_2PI = 2.5066282746310002;

/** x: a number, not NaN (±Infinity is allowed: Φ(±∞) is 1 or 0). TypeError for a non-number. */
function checkX(fn: string, x: unknown): number {
  if (typeof x !== 'number') throw new TypeError(`${fn}: x must be a number (got ${show(x)})`);
  if (Number.isNaN(x)) throw new RangeError(`${fn}: x must be a number (got NaN)`);
  return x;
}

/**
 * Standard normal density φ(x).
 * @example normalPdf(0) // => 0.3989422804014327
 */
export function normalPdf(x: number): number {
  checkX('normalPdf', x);
  return exp(-0.5 * x * x) / SQRT_2PI;
}

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
// (1969) 631–638: the coefficient sets of his CALERF (netlib specfun), as in SciPy and R.
const CA = [3.1611237438705656, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const CB = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
const CC = [
  5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2, 8.8195222124176909e2, 1.71204761263407058e3,
  2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8,
];
const CD = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3, 4.36261909014324716e3,
  3.43936767414372164e3, 1.23033935480374942e3,
];
const CP = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
const CQ = [2.56852019228982242, 1.87295284992346047, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];
const ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

/** exp(−y²) with y² split as Cody does, so that the rounding of y² does not cost digits. */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return exp(-ysq * ysq) * exp(-del);
}

/** erfc(y) for y >= 0, to about 1e-15 relative. */
function erfcPositive(y: number): number {
  if (y <= 0.46875) {
    const z = y * y;
    let num = CA[4]! * z;
    let den = z;
    for (let i = 0; i < 3; i++) {
      num = (num + CA[i]!) * z;
      den = (den + CB[i]!) * z;
    }
    return 1 - (y * (num + CA[3]!)) / (den + CB[3]!);
  }
  if (y <= 4) {
    let num = CC[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CC[i]!) * y;
      den = (den + CD[i]!) * y;
    }
    return ((num + CC[7]!) / (den + CD[7]!)) * expMinusSquare(y);
  }
  if (y >= 27) return 0; // below the smallest double
  const z = 1 / (y * y);
  let num = CP[5]! * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + CP[i]!) * z;
    den = (den + CQ[i]!) * z;
  }
  const r = (z * (num + CP[4]!)) / (den + CQ[4]!);
  return ((ONE_OVER_SQRT_PI - r) / y) * expMinusSquare(y);
}

/** Lower tail Φ(−z) for z >= 0, accurate in relative terms. */
function lowerTail(z: number): number {
  return 0.5 * erfcPositive(z * Math.SQRT1_2);
}

/**
 * Standard normal distribution function Φ(x).
 * @example normalCdf(1.959963984540054) // => 0.975
 */
export function normalCdf(x: number): number {
  checkX('normalCdf', x);
  return x > 0 ? 1 - lowerTail(x) : lowerTail(-x);
}

/**
 * Upper tail 1 − Φ(x), accurate in relative terms for large x.
 * @example normalSurvival(5) // => 2.86651571879193…e-7
 */
export function normalSurvival(x: number): number {
  checkX('normalSurvival', x);
  return x > 0 ? lowerTail(x) : 1 - lowerTail(-x);
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Acklam's approximation for p in (0, 0.5]: a negative or zero quantile. */
function acklamLower(p: number): number {
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/**
 * Standard normal quantile Φ⁻¹(p) for p in (0, 1): −Infinity at 0 and Infinity at 1 are refused
 * (RangeError), a non-number is a TypeError. Finite for every p in the open interval, the
 * smallest subnormal included.
 * @example normalQuantile(0.975) // => 1.95996398454005…
 */
export function normalQuantile(p: number): number {
  numberIn('normalQuantile', 'p', p, 0, 1, { lo: true, hi: true });
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklamLower(p);
  // One Halley step on the lower tail, which normalCdf computes without cancellation.
  // Below p ≈ 1e-300 (|x| > 37.5) e^(x²/2) overflows: Acklam's value is kept there (relative
  // error < 1.2e-9), rather than a step through ∞ · 0 = NaN.
  const w = exp(0.5 * x * x);
  if (!(w <= Number.MAX_VALUE)) return x;
  const e = lowerTail(-x) - p;
  const u = e * SQRT_2PI * w;
  x -= u / (1 + 0.5 * x * u);
  return x;
}
