import { show } from '../args.js';
import { normalPdf } from '../stats/normal.js';
import { paramArg } from './check.js';
import { shapes } from './gamma-samplers.js';
import type { Param } from './dist.js';
import { exp, expm1, log } from '../math/index.js';
import { logNormalMassParts, normalMass } from './normal-mass.js';

/** Mean, variance and support of a parameter's distribution (closed forms). */
export interface Moments {
  mean: number;
  variance: number;
  /** The smallest possible value, or null when the support is unbounded below (a normal without min). */
  min: number | null;
  /** The largest possible value, or null when the support is unbounded above (a lognormal, a normal without max). */
  max: number | null;
}

/** The support of a parameter: its smallest and largest values, null for an unbounded side. */
export interface Support {
  min: number | null;
  max: number | null;
}

/**
 * The support of a parameter that is already valid (a number or a checked distribution), without
 * its moments: what the scenario schema and the solvers need, and never an overflow.
 */
export function support(param: Param): Support {
  if (typeof param === 'number') return { min: param, max: param };
  switch (param.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return { min: param.min, max: param.max };
    case 'normal':
      if (param.sd === 0) return { min: param.mean, max: param.mean };
      return { min: param.min ?? null, max: param.max ?? null };
    case 'lognormal':
      return param.sigma === 0 ? { min: param.median, max: param.median } : { min: param.min ?? 0, max: param.max ?? null };
    case 'empirical': {
      let min = Infinity;
      let max = -Infinity;
      param.values.forEach((v, i) => {
        const w = param.weights?.[i] ?? 1;
        if (w > 0 && v < min) min = v;
        if (w > 0 && v > max) max = v;
      });
      return { min, max };
    }
  }
}

/**
 * Closed-form moments and support of a parameter: exact for every distribution of docs/design.md
 * (the truncated normal by the standard formulas with φ and Φ, the truncated lognormal by
 * E[Xᵏ] = medianᵏ·e^(k²σ²/2)·[Φ(b − kσ) − Φ(a − kσ)]/[Φ(b) − Φ(a)], a and b its standardised log bounds). An unbounded side of the support
 * is `null` (never ±Infinity). The parameter is checked as its sampler checks it (TypeError for
 * a wrong kind, RangeError for a bad value); a mean or variance too large for a double (a
 * lognormal with sigma 40, a uniform over [0, 1e200]) is a RangeError, never Infinity.
 *
 * @example
 * moments({ dist: 'triangular', min: 1, mode: 2, max: 6 })
 * // => { mean: 3, variance: 1.1666…, min: 1, max: 6 }
 * @example
 * // A lognormal truncated to [5, 60] (scipy, integrating truncnorm on the log scale: 22.419511710098597, 172.36565887280778)
 * moments({ dist: 'lognormal', median: 20, sigma: 0.8, min: 5, max: 60 })
 * // => { mean: 22.41951171009…, variance: 172.3656588728…, min: 5, max: 60 }
 */
export function moments(param: Param): Moments {
  const p = paramArg('moments', 'param', param);
  const { mean, variance } = meanVariance(p);
  const { min, max } = support(p);
  if (!Number.isFinite(mean) || !Number.isFinite(variance)) {
    throw new RangeError(`moments: the ${Number.isFinite(mean) ? 'variance' : 'mean'} of ${show(param)} is too large for a double (more than ${Number.MAX_VALUE})`);
  }
  return { mean, variance, min, max };
}

function meanVariance(param: Param): { mean: number; variance: number } {
  if (typeof param === 'number') return { mean: param, variance: 0 };
  switch (param.dist) {
    case 'uniform': {
      const { min, max } = param;
      let mean = (min + max) / 2;
      if (!Number.isFinite(mean)) mean = min / 2 + max / 2;
      let variance = ((max - min) * (max - min)) / 12;
      if (!Number.isFinite(variance)) {
        const sd = (max - min) / Math.sqrt(12);
        variance = sd * sd;
      }
      return { mean, variance };
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = param;
      let mean = (a + b + c) / 3;
      if (!Number.isFinite(mean)) mean = a / 3 + b / 3 + c / 3;
      let variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
      if (!Number.isFinite(variance)) {
        // The same, shifted by a (the squares of large bounds overflow, their differences need not).
        const B = b - a;
        const C = c - a;
        variance = (B * B + C * C - B * C) / 18;
      }
      return { mean, variance };
    }
    case 'pert': {
      const { min, mode, max, lambda = 4 } = param;
      if (min === max) return { mean: min, variance: 0 };
      const span = max - min;
      const [a, b] = shapes(min, mode, max, lambda, span);
      let mean = min + (span * a) / (a + b);
      let variance = (span * span * a * b) / (((a + b) * (a + b)) * (a + b + 1));
      if (!Number.isFinite(mean) || !Number.isFinite(variance)) {
        // Shapes near the largest double (λ near 1e308): the same with the share a / (a + b) first.
        const share = a / 2 / (a / 2 + b / 2);
        mean = min + span * share;
        variance = span * (span * ((share * (1 - share)) / (a / 2 + b / 2 + 0.5) / 2));
      }
      return { mean, variance };
    }
    case 'normal': {
      const { mean, sd } = param;
      const lo = param.min ?? -Infinity;
      const hi = param.max ?? Infinity;
      if (sd === 0 || (lo === -Infinity && hi === Infinity)) return { mean, variance: sd * sd };
      if (lo === hi) return { mean: lo, variance: 0 };
      const a = (lo - mean) / sd;
      const b = (hi - mean) / sd;
      if (b - a < 1e-5) {
        // An interval narrower than 1e-5 sd: Φ(b) − Φ(a) cancels (to 0 when b − a is below an ulp
        // of Φ), so take the limit: on t = x − c in [−h, h] (c the centre, h the half-width, in sd
        // units) the density is ∝ e^(−ct − t²/2), whose mean is c − c·h²/3 and variance h²/3, up to
        // O(h⁴) — relative errors below 1e-10 here.
        const c = a / 2 + b / 2;
        const h = b / 2 - a / 2;
        const mn = mean + sd * (c - (c * h * h) / 3);
        return { mean: mn < lo ? lo : mn > hi ? hi : mn, variance: ((hi - lo) * (hi - lo)) / 12 };
      }
      const z = normalMass(a, b);
      if (!(z > 0)) {
        throw new RangeError(`moments: the interval [${lo}, ${hi}] of ${show(param)} lies so far in a tail (${Math.min(Math.abs(a), Math.abs(b)).toPrecision(3)} sd from the mean) that its probability underflows; move the mean or the bounds closer`);
      }
      const pa = Number.isFinite(a) ? normalPdf(a) : 0;
      const pb = Number.isFinite(b) ? normalPdf(b) : 0;
      const aPa = Number.isFinite(a) ? a * pa : 0;
      const bPb = Number.isFinite(b) ? b * pb : 0;
      const m = (pa - pb) / z;
      const mn = mean + sd * m;
      return { mean: mn < lo ? lo : mn > hi ? hi : mn, variance: Math.max(0, sd * sd * (1 + (aPa - bPb) / z - m * m)) };
    }
    case 'lognormal': {
      const { median, sigma } = param;
      const s2 = sigma * sigma;
      if (sigma === 0) return { mean: median, variance: 0 };
      if (param.min! > 0 || param.max !== undefined) return truncatedLognormal(median, sigma, param.min ?? 0, param.max ?? Infinity);
      const mean = median * exp(s2 / 2);
      let variance = median * median * expm1(s2) * exp(s2);
      // median² overflows (or underflows) before the product does: the same as (mean·√(e^σ² − 1))².
      if (!Number.isFinite(variance) || variance === 0) {
        const sd = mean * Math.sqrt(expm1(s2));
        variance = sd * sd;
      }
      return { mean, variance };
    }
    case 'empirical': {
      const { values } = param;
      const w = param.weights ?? values.map(() => 1);
      const total = w.reduce((s, x) => s + x, 0);
      let mean = 0;
      values.forEach((v, i) => (mean += (v * w[i]!) / total));
      if (!Number.isFinite(mean)) {
        // v·w overflowed: weigh by the share w / total (at most 1) instead.
        mean = 0;
        values.forEach((v, i) => (mean += v * (w[i]! / total)));
      }
      let variance = 0;
      values.forEach((v, i) => (variance += (((v - mean) * (v - mean)) * w[i]!) / total));
      return { mean, variance };
    }
  }
}

/**
 * Mean and variance of a lognormal truncated to [lo, hi] (lo >= 0, not both trivial), from
 * E[Xᵏ] = medianᵏ·e^(k²σ²/2)·D_k / D_0 with D_k = Φ(b − kσ) − Φ(a − kσ), all in logs (log Φ
 * keeps its digits where Φ underflows: a sigma of 40 capped at 3650 days): the mean is
 * exp(ln median + σ²/2 + ln D_1 − ln D_0) and the variance mean²·(e^Δ − 1) with
 * Δ = σ² + ln D_2 + ln D_0 − 2 ln D_1 (ln E[X²] − 2 ln E[X]), which is expm1(σ²) untruncated.
 * Δ is a difference of logarithms of order ln|c| (c the standardised bound, see
 * logNormalMassParts): its absolute error is about 1e-15·ln|c|, so the variance's is below
 * 1e-13·mean² — every digit but where the relative spread sd/mean is below about 1e-6 (an
 * interval far in a tail with a tiny sigma); the mean keeps its digits everywhere.
 */
function truncatedLognormal(median: number, sigma: number, lo: number, hi: number): { mean: number; variance: number } {
  if (lo === hi) return { mean: lo, variance: 0 };
  const mu = log(median);
  const a = lo > 0 ? (log(lo) - mu) / sigma : -Infinity;
  const b = hi < Infinity ? (log(hi) - mu) / sigma : Infinity;
  // A bound more than 1e150 sigma beyond the median on the log scale: every draw is that bound.
  if (a > 1e150) return { mean: lo, variance: 0 };
  if (b < -1e150) return { mean: hi, variance: 0 };
  if (b - a < 1e-5 && (b - a) * sigma < 1e-5) {
    // Narrower than 1e-5 sigma on the log scale, and hi / lo below e^(1e-5): the density
    // φ((ln x − ln median)/σ)/x is flat across [lo, hi] to that relative order (and
    // Φ(b) − Φ(a) would cancel), so the uniform's moments.
    return { mean: lo / 2 + hi / 2, variance: ((hi - lo) * (hi - lo)) / 12 };
  }
  const p0 = logNormalMassParts(a, b);
  if (!(p0.r > -Infinity)) {
    throw new RangeError(`moments: the interval [${lo}, ${hi}] of a lognormal with median ${median} and sigma ${sigma} lies so far in a tail that its probability underflows; move the median or the bounds closer`);
  }
  const p1 = logNormalMassParts(a - sigma, b - sigma);
  const p2 = logNormalMassParts(a - 2 * sigma, b - 2 * sigma);
  // ln D_k − ln D_0, and Δ. With the three intervals on the same side of 0, c_k = c_0 − kσ: the
  // quadratic parts, which can be 1e8 in a far tail, cancel on paper (Δ = r_2 − 2r_1 + r_0).
  const same = p0.side !== 0 && p1.side === p0.side && p2.side === p0.side;
  const ln = (p: { c: number; r: number }) => p.r - (p.c * p.c) / 2;
  const logMean = same ? mu + sigma * p0.c + p1.r - p0.r : mu + (sigma * sigma) / 2 + ln(p1) - ln(p0);
  const delta = same ? p2.r - 2 * p1.r + p0.r : sigma * sigma + ln(p2) + ln(p0) - 2 * ln(p1);
  const m = exp(logMean);
  const mean = m < lo ? lo : m > hi ? hi : m;
  const rel = expm1(delta);
  let variance = mean * mean * rel;
  if (!Number.isFinite(variance)) {
    const sd = mean * Math.sqrt(rel);
    variance = sd * sd;
  }
  // A variance above the interval's largest possible one ((hi − lo)²/4) is rounding: cap it.
  const cap = ((hi - lo) / 2) * ((hi - lo) / 2);
  return { mean, variance: Math.min(Math.max(0, variance), cap) };
}
