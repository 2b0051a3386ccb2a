import { normalCdf } from '../stats/normal.js';
import { lognormalBounds, params, streamArg } from './check.js';
import type { LognormalDist, NormalDist } from './dist.js';
import { standardNormal } from './normal.js';
import { finite, overflow, Z_MAX, type Sampler } from './sampler-limits.js';
import type { Stream } from './stream.js';
import { exp, log } from '../math/index.js';

// The normal family: the normal (truncated when bounded) and the lognormal, on the ziggurat.

/**
 * Normal(mean, sd), truncated to [min, max] when a bound is given. Truncation uses C. P. Robert
 * (1995, "Simulation of truncated normal variables"): plain rejection when the interval holds
 * the bulk, a uniform proposal on short intervals, an exponential proposal in a tail (with
 * Robert's optimal rate and his rule for choosing between the last two) — exact whatever the
 * bounds, and the acceptance rate stays bounded away from 0 however far out the interval lies.
 * @example normal(stream(1, 'doc'), { mean: 0.2, sd: 0.1, min: 0 })() // => 0.5206279270165545
 */
export function normal(s: Stream, p: Omit<NormalDist, 'dist'>): Sampler {
  return normalOf(streamArg('normal', 's', s), params<NormalDist>('normal', p, ['mean', 'sd', 'min', 'max'], ['mean', 'sd']), true);
}

export function normalOf(s: Stream, { mean, sd, min, max }: Omit<NormalDist, 'dist'>, checked: boolean): Sampler {
  finite('normal', 'mean', mean);
  finite('normal', 'sd', sd);
  if (!(sd >= 0)) throw new RangeError(`normal: sd must be >= 0 (got ${sd})`);
  const lo = min === undefined ? -Infinity : finite('normal', 'min', min);
  const hi = max === undefined ? Infinity : finite('normal', 'max', max);
  if (!(lo <= hi)) throw new RangeError(`normal: needs min <= max (got min ${lo}, max ${hi})`);
  if (sd === 0) {
    if (!(mean >= lo && mean <= hi)) throw new RangeError(`normal: with sd 0 the mean must lie in [min, max] (got mean ${mean}, min ${lo}, max ${hi})`);
    return () => mean;
  }
  if (lo === hi) return () => lo;
  const z = standardNormal(s);
  if (lo === -Infinity && hi === Infinity) {
    // Unbounded: a draw can overflow only when |mean| + Z_MAX·sd does; then each draw is checked.
    if (!checked || Math.abs(mean) + Z_MAX * sd <= Number.MAX_VALUE) return () => mean + sd * z();
    return () => {
      const x = mean + sd * z();
      return Number.isFinite(x) ? x : overflow('normal', x, `mean ${mean} + sd ${sd} × z`);
    };
  }
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  // A bound more than 1e150 sd beyond the mean (a² overflows): every draw is that bound in
  // double precision (the excess over it is below 37/a² of it).
  if (a > 1e150) return () => lo;
  if (b < -1e150) return () => hi;
  const unit = standardTruncated(s, z, a, b);
  // Bounded on both sides the clamp keeps every draw finite; with an open side, draws are checked.
  if (!checked || (lo > -Infinity && hi < Infinity)) {
    return () => {
      const x = mean + sd * unit();
      // Rounding in mean + sd·x can step over a bound by one ulp; clamp it back.
      return x < lo ? lo : x > hi ? hi : x;
    };
  }
  return () => {
    const x = mean + sd * unit();
    const y = x < lo ? lo : x > hi ? hi : x;
    return Number.isFinite(y) ? y : overflow('normal', y, `mean ${mean} + sd ${sd} × z`);
  };
}

function standardTruncated(s: Stream, z: Sampler, a: number, b: number): Sampler {
  // An interval that collapses to a point in units of sd (bounds a few subnormals apart, sd of
  // order 1: both ends round to ±0) is that point: the mirror below would recurse forever.
  if (!(a < b)) return () => a;
  if (b <= 0) {
    const mirrored = standardTruncated(s, z, -b, -a);
    return () => -mirrored();
  }
  if (a < 0) {
    // The interval contains 0.
    if (normalCdf(b) - normalCdf(a) >= 0.5) {
      return () => {
        for (;;) {
          const x = z();
          if (x >= a && x <= b) return x;
        }
      };
    }
    // Short interval around 0: uniform proposal, accept with φ(x)/φ(0).
    return () => {
      for (;;) {
        const x = a + (b - a) * s.double();
        if (s.double() <= exp(-0.5 * x * x)) return x;
      }
    };
  }
  // 0 <= a < b: a tail, or a short interval in it (a <= 1e150: the caller handles beyond).
  const lambda = (a + Math.sqrt(a * a + 4)) / 2;
  const expWins = b - a > (2 / (a + Math.sqrt(a * a + 4))) * exp((a * a - a * Math.sqrt(a * a + 4)) / 4 + 0.5);
  if (expWins) {
    return () => {
      for (;;) {
        const x = a - log(s.double()) / lambda;
        if (x > b) continue;
        const d = x - lambda;
        if (s.double() <= exp(-0.5 * d * d)) return x;
      }
    };
  }
  return () => {
    for (;;) {
      const x = a + (b - a) * s.double();
      if (s.double() <= exp(0.5 * (a * a - x * x))) return x;
    }
  };
}

/**
 * Lognormal: median · exp(sigma · Z); truncated to [min, max] when a bound is given, as
 * exp(X) with X a normal(ln median, sigma) truncated to [ln min, ln max] (the truncated normal
 * above: exact, whatever the bounds). min 0 truncates nothing.
 * @example lognormal(stream(1, 'doc'), { median: 3, sigma: 0.4 })() // => 10.817054367310782
 */
export function lognormal(s: Stream, p: Omit<LognormalDist, 'dist'>): Sampler {
  return lognormalOf(streamArg('lognormal', 's', s), params<LognormalDist>('lognormal', p, ['median', 'sigma', 'min', 'max'], ['median', 'sigma']), true);
}

export function lognormalOf(s: Stream, { median, sigma, min, max }: Omit<LognormalDist, 'dist'>, checked: boolean): Sampler {
  finite('lognormal', 'median', median);
  finite('lognormal', 'sigma', sigma);
  if (!(median > 0)) throw new RangeError(`lognormal: median must be > 0 (got ${median})`);
  if (!(sigma >= 0)) throw new RangeError(`lognormal: sigma must be >= 0 (got ${sigma})`);
  if (min !== undefined) finite('lognormal', 'min', min);
  if (max !== undefined) finite('lognormal', 'max', max);
  lognormalBounds('lognormal: ', median, sigma, min, max);
  if (sigma === 0) return () => median;
  if (!(min! > 0) && max === undefined) return untruncated(s, median, sigma, checked);
  const lo = min! > 0 ? min! : 0;
  const hi = max ?? Infinity;
  if (lo === hi) return () => lo;
  const x = normalOf(s, { mean: log(median), sd: sigma, min: lo > 0 ? log(lo) : undefined, max: max === undefined ? undefined : log(max) }, checked);
  // exp of a value in [ln lo, ln hi] can round one ulp past a bound: clamp it back. Unbounded
  // above, a draw far in the upper tail can overflow: checked as the untruncated one.
  return () => {
    const y = x();
    const v = exp(y);
    const c = v < lo ? lo : v > hi ? hi : v;
    return c < Infinity || !checked ? c : overflow('lognormal', c, `exp(${y})`);
  };
}

function untruncated(s: Stream, median: number, sigma: number, checked: boolean): Sampler {
  const z = standardNormal(s);
  // median·exp(sigma·z) stays finite for |z| <= Z_MAX when ln(median) + Z_MAX·sigma < ln(MAX).
  if (!checked || log(median) + Z_MAX * sigma < log(Number.MAX_VALUE)) return () => median * exp(sigma * z());
  return () => {
    const zz = z();
    const x = median * exp(sigma * zz);
    return x < Infinity ? x : overflow('lognormal', x, `median ${median} × exp(sigma ${sigma} × z ${zz})`);
  };
}
