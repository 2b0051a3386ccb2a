/**
 * Inverse distribution functions (quantile functions) of every parameter distribution, for
 * stratified sampling (Latin hypercube) and for the tornado's P10/P90: `paramQuantile(d, p)` is
 * the value below which a share p of the distribution lies. Checked against scipy's `ppf`.
 */
import { numberIn, show } from '../args.js';
import { normalCdf, normalQuantile, normalSurvival } from '../stats/normal.js';
import { paramArg } from './check.js';
import type { Dist, Param } from './dist.js';
import { shapes } from './gamma-samplers.js';
import { betaFraction } from '../stats/beta-fraction.js';
import { exp, expm1, log, log1p, sinpi } from '../math/index.js';

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: ~15 digits). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return log(Math.PI / Math.abs(sinpi(x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * log(2 * Math.PI) + (x + 0.5) * log(t) - t + log(a);
}

/** The regularised incomplete beta function I_x(a, b), the Beta(a, b) distribution function. */
export function betaCdf(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

/** The p-quantile of Beta(a, b): Newton steps on I_x(a, b) = p inside a shrinking bracket. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
  let lo = 0;
  let hi = 1;
  // Start from the mean, or from the tail's power law when p is small or large.
  let x = a / (a + b);
  const left = exp((log(p * a) + logB) / a);
  const right = 1 - exp((log((1 - p) * b) + logB) / b);
  if (left < x && betaCdf(left, a, b) <= p * 1.5) x = left;
  else if (right > x && 1 - betaCdf(right, a, b) <= (1 - p) * 1.5) x = right;
  for (let i = 0; i < 100; i++) {
    const f = betaCdf(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const dens = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logB);
    let next = x - f / dens;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-16 * hi) return next;
    x = next;
  }
  return x;
}

/** The p-quantile of a standard normal truncated to [a, b] far in its upper tail (a > 37). */
function tailQuantile(a: number, b: number, p: number): number {
  const mass = b === Infinity ? 1 : -expm1(-a * (b - a));
  return a - log1p(-p * mass) / a;
}

/** The standard normal quantile, ±Infinity at 0 and 1 (where bounds then clamp it). */
const nq = (q: number): number => (q <= 0 ? -Infinity : q >= 1 ? Infinity : normalQuantile(q));

function normalAt(p: number, d: Extract<Dist, { dist: 'normal' }>): number {
  const { mean, sd } = d;
  if (sd === 0) return mean;
  const lo = d.min ?? -Infinity;
  const hi = d.max ?? Infinity;
  if (lo === hi) return lo;
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  let z: number;
  if (a >= 0 && !(normalSurvival(a) > 0)) {
    // So far in the upper tail that its mass underflows: there X − a is exponential with rate a
    // to O(1/a²) (Mills' ratio), truncated at b − a.
    z = tailQuantile(a, b, p);
  } else if (b <= 0 && !(normalCdf(b) > 0)) {
    z = -tailQuantile(-b, -a, 1 - p);
  } else if (a >= 0) {
    // Upper tail: work with survival probabilities, which keep their digits there.
    const sa = normalSurvival(a);
    z = -nq(sa - p * (sa - normalSurvival(b)));
  } else {
    const fa = normalCdf(a);
    z = nq(fa + p * (normalCdf(b) - fa));
  }
  const x = mean + sd * z;
  return x < lo ? lo : x > hi ? hi : x;
}

/** A lognormal's p-quantile: exp of its log's (a truncated normal's when bounded), clamped to [min, max]. */
function lognormalAt(p: number, d: Extract<Dist, { dist: 'lognormal' }>): number {
  const { median, sigma } = d;
  if (sigma === 0) return median;
  if (!(d.min! > 0) && d.max === undefined) return median * exp(sigma * nq(p));
  const lo = d.min! > 0 ? d.min! : 0;
  const hi = d.max ?? Infinity;
  if (lo === hi || p === 0) return lo;
  if (p === 1) return hi;
  // A bound more than 1e150 sigma beyond the median on the log scale: every value is that bound
  // (the sampler's rule, normalOf).
  const mu = log(median);
  if ((log(lo) - mu) / sigma > 1e150) return lo;
  if ((log(hi) - mu) / sigma < -1e150) return hi;
  const y = normalAt(p, { dist: 'normal', mean: mu, sd: sigma, min: lo > 0 ? log(lo) : undefined, max: d.max === undefined ? undefined : log(d.max) });
  const x = exp(y);
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * The p-quantile of a parameter (a number is its own quantile), p in [0, 1]. Empirical
 * distributions give the smallest value whose cumulative weight reaches p. The parameter is
 * checked as its sampler checks it; a truncated lognormal's is exp of its truncated log's. On an
 * unbounded side (a normal without min or max, a lognormal without max) the 0- or 1-quantile is infinite: there p must lie in (0, 1), a RangeError
 * otherwise; a quantile too large for a double (a lognormal with a large sigma) is a RangeError too.
 * @example paramQuantile({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 0.75) // => 0.5
 */
export function paramQuantile(param: Param, p: number): number {
  const d = paramArg('paramQuantile', 'param', param);
  numberIn('paramQuantile', 'p', p, 0, 1);
  if (typeof d !== 'number' && (p === 0 || p === 1)) {
    const open = d.dist === 'normal' && d.sd > 0 ? (p === 0 ? d.min === undefined : d.max === undefined) : d.dist === 'lognormal' && d.sigma > 0 && p === 1 && d.max === undefined;
    if (open) {
      throw new RangeError(`paramQuantile: p must be in (0, 1) for ${show(param)}, which is unbounded ${p === 0 ? 'below' : 'above'} (got ${p}: its ${p}-quantile is ${p === 0 ? '-' : ''}Infinity)`);
    }
  }
  const q = paramQuantileUnchecked(d, p);
  if (!Number.isFinite(q)) throw new RangeError(`paramQuantile: the ${p}-quantile of ${show(param)} is too large for a double (more than ${Number.MAX_VALUE}); narrow the distribution`);
  return q;
}

/** {@link paramQuantile} without the checks, for a valid parameter (Latin hypercube draws). */
export function paramQuantileUnchecked(param: Param, p: number): number {
  if (typeof param === 'number') return param;
  switch (param.dist) {
    case 'uniform':
      return param.min + p * (param.max - param.min);
    case 'triangular': {
      const { min, mode, max } = param;
      const span = max - min;
      if (span === 0) return min;
      const cut = (mode - min) / span;
      const x = p <= cut ? min + Math.sqrt(p * span * (mode - min)) : max - Math.sqrt((1 - p) * span * (max - mode));
      if (Number.isFinite(x)) return x;
      // span·(mode − min) overflowed (bounds near 1e308): the span outside the square root.
      const y = p <= cut ? min + span * Math.sqrt(p * cut) : max - span * Math.sqrt((1 - p) * (1 - cut));
      return y < min ? min : y > max ? max : y;
    }
    case 'pert': {
      const { min, max } = param;
      if (min === max) return min;
      const [a, b] = shapes(min, param.mode, max, param.lambda ?? 4, max - min);
      const u = betaQuantile(p, a, b);
      return u >= 0 && u <= 1 ? min + (max - min) * u : NaN;
    }
    case 'normal':
      return normalAt(p, param);
    case 'lognormal':
      return lognormalAt(p, param);
    case 'empirical': {
      const order = param.values.map((v, i) => [v, param.weights?.[i] ?? 1] as const).sort((x, y) => x[0] - y[0]);
      const total = order.reduce((s, [, w]) => s + w, 0);
      let cum = 0;
      for (const [v, w] of order) {
        cum += w;
        if (cum >= p * total && w > 0) return v;
      }
      return order[order.length - 1]![0];
    }
  }
}
