/**
 * Student's t distribution with a whole number of degrees of freedom ν: its distribution and
 * quantile functions, from the finite series in θ = atan(t/√ν) (Abramowitz & Stegun 26.7.3–4):
 * with c = cos θ, P(|T| ≤ t) = (2/π)(θ + sin θ·c·(1 + ⅔c² + …)) for odd ν and
 * sin θ·(1 + ½c² + ⅜c⁴ + …) for even ν. The quantile solves that series for θ by bisection and
 * returns √ν·tan θ. Portable arithmetic only (src/math); checked against scipy.stats.t in
 * test/stats/studentT.test.ts (fixture script test/fixtures/student-t.py).
 */
import { numberIn, wholeNumber } from '../args.js';
import { atan, cos, sin, tan } from '../math/index.js';

/** The largest ν accepted: the series has about ν/2 terms. */
const MAX_DF = 100_000;

/** P(|T| ≤ √ν·tan θ) for θ in [0, π/2]. */
function central(theta: number, df: number): number {
  const s = sin(theta);
  const c = cos(theta);
  const c2 = c * c;
  if (df % 2 === 1) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= (k / (k + 1)) * c2;
      sum += term;
    }
    const a = df === 1 ? theta : theta + s * c * sum;
    return (2 / Math.PI) * a;
  }
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= df - 3; k += 2) {
    term *= (k / (k + 1)) * c2;
    sum += term;
  }
  return s * sum;
}

/**
 * The distribution function P(T ≤ t) of Student's t with `df` degrees of freedom (a whole
 * number from 1 to 100,000).
 * @example studentTCdf(0, 3) // => 0.5
 * @example studentTCdf(1, 1) // => 0.75
 */
export function studentTCdf(t: number, df: number): number {
  const fn = 'studentTCdf';
  numberIn(fn, 't', t, -Infinity, Infinity);
  wholeNumber(fn, 'df', df, 1, MAX_DF);
  if (t === 0) return 0.5;
  const a = central(atan(Math.abs(t) / Math.sqrt(df)), df);
  return t > 0 ? 0.5 + 0.5 * a : 0.5 - 0.5 * a;
}

/**
 * The quantile t with P(T ≤ t) = p of Student's t with `df` degrees of freedom (p in (0, 1),
 * df a whole number from 1 to 100,000): the half-width of a 95 % interval of a mean of n values
 * is `studentTQuantile(0.975, n - 1)` standard errors.
 * @example studentTQuantile(0.975, 3) // => 3.1824463052837…
 * @example studentTQuantile(0.75, 1) // => 0.9999999999999999
 */
export function studentTQuantile(p: number, df: number): number {
  const fn = 'studentTQuantile';
  numberIn(fn, 'p', p, 0, 1, { lo: true, hi: true });
  wholeNumber(fn, 'df', df, 1, MAX_DF);
  if (p === 0.5) return 0;
  const target = Math.abs(2 * p - 1);
  // Bisection on θ in [0, π/2]: the series is increasing in θ; stop when the bracket is a
  // pair of neighbouring doubles.
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (central(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(df) * tan(0.5 * (lo + hi));
  return p > 0.5 ? t : -t;
}
