import { normalCdf, normalPdf } from '../stats/normal.js';
import { pertShapes } from './samplers.js';
import type { Param } from './dist.js';

/** Mean, variance and support of a parameter's distribution (closed forms). */
export interface Moments {
  mean: number;
  variance: number;
  /** Smallest and largest possible values (±Infinity for unbounded supports). */
  min: number;
  max: number;
}

/**
 * Closed-form moments and support of a parameter: exact for every distribution of docs/design.md
 * (the truncated normal by the standard formulas with φ and Φ).
 *
 * @example
 * moments({ dist: 'triangular', min: 1, mode: 2, max: 6 })
 * // => { mean: 3, variance: 1.1666…, min: 1, max: 6 }
 */
export function moments(param: Param): Moments {
  if (typeof param === 'number') return { mean: param, variance: 0, min: param, max: param };
  switch (param.dist) {
    case 'uniform': {
      const { min, max } = param;
      return { mean: (min + max) / 2, variance: ((max - min) ** 2) / 12, min, max };
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = param;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18, min: a, max: b };
    }
    case 'pert': {
      const { min, max } = param;
      if (min === max) return { mean: min, variance: 0, min, max };
      const [a, b] = pertShapes(param);
      const span = max - min;
      return { mean: min + (span * a) / (a + b), variance: (span * span * a * b) / ((a + b) ** 2 * (a + b + 1)), min, max };
    }
    case 'normal': {
      const { mean, sd } = param;
      const lo = param.min ?? -Infinity;
      const hi = param.max ?? Infinity;
      if (sd === 0 || (lo === -Infinity && hi === Infinity)) return { mean, variance: sd * sd, min: sd === 0 ? mean : lo, max: sd === 0 ? mean : hi };
      if (lo === hi) return { mean: lo, variance: 0, min: lo, max: hi };
      const a = (lo - mean) / sd;
      const b = (hi - mean) / sd;
      // Mass by the tail on the side where it is small, to keep its digits.
      const z = b <= 0 ? normalCdf(b) - normalCdf(a) : a >= 0 ? normalCdf(-a) - normalCdf(-b) : 1 - normalCdf(a) - normalCdf(-b);
      const pa = Number.isFinite(a) ? normalPdf(a) : 0;
      const pb = Number.isFinite(b) ? normalPdf(b) : 0;
      const aPa = Number.isFinite(a) ? a * pa : 0;
      const bPb = Number.isFinite(b) ? b * pb : 0;
      const m = (pa - pb) / z;
      return { mean: mean + sd * m, variance: sd * sd * (1 + (aPa - bPb) / z - m * m), min: lo, max: hi };
    }
    case 'lognormal': {
      const { median, sigma } = param;
      const s2 = sigma * sigma;
      return { mean: median * Math.exp(s2 / 2), variance: median * median * Math.expm1(s2) * Math.exp(s2), min: sigma === 0 ? median : 0, max: sigma === 0 ? median : Infinity };
    }
    case 'empirical': {
      const { values } = param;
      const w = param.weights ?? values.map(() => 1);
      const total = w.reduce((s, x) => s + x, 0);
      let mean = 0;
      values.forEach((v, i) => (mean += (v * w[i]!) / total));
      let variance = 0;
      values.forEach((v, i) => (variance += ((v - mean) ** 2 * w[i]!) / total));
      let min = Infinity;
      let max = -Infinity;
      values.forEach((v, i) => {
        if (w[i]! > 0 && v < min) min = v;
        if (w[i]! > 0 && v > max) max = v;
      });
      return { mean, variance, min, max };
    }
  }
}
