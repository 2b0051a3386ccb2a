import { func, show } from '../args.js';
import { empiricalArgs, float64Out, minModeMax, paramArg, params, rngArg, span, streamArg } from './check.js';
import type { Dist, EmpiricalDist, Param, TriangularDist, UniformDist } from './dist.js';
import { pert } from './gamma-samplers.js';
import { lognormalOf, normalOf } from './normal-samplers.js';
import { finite, overflow, type Sampler } from './sampler-limits.js';
import type { Rng, Stream } from './stream.js';
import type { Xoshiro128 } from './xoshiro128.js';
import { EXP_MAX, ExponentialZiggurat } from './exponential.js';
import { triangularDraws } from './triangular-at.js';

export type { Sampler } from './sampler-limits.js';

/**
 * Bound samplers: each factory validates its arguments once (TypeError for a wrong kind,
 * RangeError naming the distribution and what is allowed), precomputes what it can, and returns
 * a zero-argument function whose per-draw work is arithmetic. Degenerate parameters (min = max,
 * sd = 0) get a constant closure. A sampler never returns NaN or ±Infinity: where a draw could
 * overflow (a lognormal with a large sigma, a normal or exponential with a huge sd or mean) the
 * draw is checked and an overflow is a RangeError that says what to narrow.
 */

//
// Here: uniform, triangular, empirical, Bernoulli and exponential samplers, a sampler for any
// parameter, and the fill helpers; the gamma family (gamma, beta, PERT) is gamma-samplers.ts, the
// normal family (normal, truncated normal, lognormal) normal-samplers.ts.

/**
 * Uniform on [min, max).
 * @example uniform(stream(1, 'doc'), { min: 0, max: 10 })() // => 8.813454513438046
 */
export function uniform(rng: Rng, p: Omit<UniformDist, 'dist'>): Sampler {
  rng = rngArg('uniform', 'rng', rng);
  const { min, max } = params<UniformDist>('uniform', p, ['min', 'max'], ['min', 'max']);
  finite('uniform', 'min', min);
  finite('uniform', 'max', max);
  if (!(min <= max)) throw new RangeError(`uniform: needs min <= max (got min ${min}, max ${max})`);
  if (min === max) return () => min;
  const width = span('uniform', min, max);
  return () => min + width * rng();
}

/**
 * Triangular on [min, max] with the given mode, by its inverse distribution function.
 * @example triangular(stream(1, 'doc'), { min: 5, mode: 6, max: 12 })() // => 9.767626589577763
 */
export function triangular(rng: Rng, p: Omit<TriangularDist, 'dist'>): Sampler {
  rng = rngArg('triangular', 'rng', rng);
  const { min, mode, max } = params<TriangularDist>('triangular', p, ['min', 'mode', 'max'], ['min', 'mode', 'max']);
  const span = minModeMax('triangular', min, mode, max);
  if (min === max) return () => min;
  return triangularDraws(rng, min, max, span, (mode - min) / span);
}

/**
 * One of `values`, with probabilities proportional to `weights`, by Walker's alias method in
 * M. D. Vose's stable form (1991): O(1) per draw whatever the number of values.
 * @example empirical(stream(1, 'doc'), { values: [0.75, 0.9], weights: [1, 3] })() // => 0.9
 */
export function empirical(rng: Rng, p: Omit<EmpiricalDist, 'dist'>): Sampler {
  rng = rngArg('empirical', 'rng', rng);
  const { values, weights } = params<EmpiricalDist>('empirical', p, ['values', 'weights'], ['values']);
  const total = empiricalArgs('empirical', values, weights);
  const n = values.length;
  const w = weights ?? values.map(() => 1);
  if (n === 1) {
    const only = values[0]!;
    return () => only;
  }
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = w.map((x) => (x * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((x, i) => (x < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const l = small.pop()!;
    const g = large.pop()!;
    prob[l] = scaled[l]!;
    alias[l] = g;
    scaled[g] = scaled[g]! + scaled[l]! - 1;
    (scaled[g]! < 1 ? small : large).push(g);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  const vals = Float64Array.from(values);
  return () => {
    const i = Math.floor(rng() * n);
    return rng() < prob[i]! ? vals[i]! : vals[alias[i]!]!;
  };
}

/**
 * 1 with probability p, else 0.
 * @example bernoulli(stream(1, 'doc'), 0.3)() // => 0
 */
export function bernoulli(rng: Rng, p: number): Sampler {
  rng = rngArg('bernoulli', 'rng', rng);
  finite('bernoulli', 'p', p);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli: p must be in [0, 1] (got ${p})`);
  if (p === 0) return () => 0;
  if (p === 1) return () => 1;
  return () => (rng() < p ? 1 : 0);
}

/**
 * Exponential with the given mean (not rate): mean × an Exp(1) draw of the exponential ziggurat
 * (./exponential.ts).
 * @example exponential(stream(1, 'doc'), 4)() // => 12.904086196047903
 */
export function exponential(s: Stream, mean: number): Sampler {
  s = streamArg('exponential', 's', s);
  finite('exponential', 'mean', mean);
  if (!(mean >= 0)) throw new RangeError(`exponential: mean must be >= 0 (got ${mean})`);
  if (mean === 0) return () => 0;
  const z = new ExponentialZiggurat(s.generator);
  // Every Exp(1) draw of the ziggurat is at most EXP_MAX (≈ 500.3): below that bound's share of
  // the largest double the product is always finite; above, every draw is checked.
  if (mean <= Number.MAX_VALUE / EXP_MAX) return () => mean * z.next();
  return () => {
    const x = mean * z.next();
    return x < Infinity ? x : overflow('exponential', x, `mean ${mean} × −ln(u)`);
  };
}

/**
 * The sampler of a parameter: a constant closure for a number, else the distribution's sampler.
 * @example
 * const rate = sampler(stream(1, 'growth/rate'), { dist: 'triangular', min: 0.05, mode: 0.15, max: 0.3 });
 * rate() // => 0.2528231284520105
 */
export function sampler(s: Stream, param: Param): Sampler {
  s = streamArg('sampler', 's', s);
  if (param !== null && typeof param === 'object' && !Array.isArray(param) && typeof (param as { dist?: unknown }).dist === 'string' && !DIST_SET.has((param as { dist: string }).dist)) {
    throw new TypeError(`sampler: unknown distribution ${show((param as { dist: string }).dist)} (allowed: uniform, triangular, pert, normal, lognormal, empirical)`);
  }
  return bind(s, paramArg('sampler', 'param', param), true);
}

const DIST_SET = new Set(['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical']);

/**
 * The sampler of a parameter whose kind is known (a number or a distribution). `checked`: draws
 * that can overflow are checked (public samplers); the kernels pass false and check the drawn
 * values themselves, naming the scenario's field.
 */
function bind(s: Stream, param: Param, checked: boolean): Sampler {
  if (typeof param === 'number') {
    finite('sampler', 'a fixed parameter', param);
    return () => param;
  }
  const d: Dist = param;
  switch (d.dist) {
    case 'uniform':
      return uniform(s, d);
    case 'triangular':
      return triangular(s, d);
    case 'pert':
      return pert(s, d);
    case 'normal':
      return normalOf(s, d, checked);
    case 'lognormal':
      return lognormalOf(s, d, checked);
    case 'empirical':
      return empirical(s, d);
    default:
      throw new TypeError(`sampler: unknown distribution ${show((d as { dist?: unknown }).dist)} (allowed: uniform, triangular, pert, normal, lognormal, empirical)`);
  }
}

/**
 * Fills `out` with draws of a sampler and returns it.
 * @example fill(sampler(stream(1, 'doc'), { dist: 'uniform', min: 0, max: 1 }), new Float64Array(2)) // => Float64Array(2) [ 0.8813454513438046, 0.46477538091130555 ]
 */
export function fill(draw: Sampler, out: Float64Array): Float64Array {
  func('fill', 'draw', draw);
  float64Out('fill', 'out', out);
  for (let k = 0; k < out.length; k++) {
    const x: unknown = draw();
    if (typeof x !== 'number') throw new TypeError(`fill: draw must return numbers (got ${show(x)} at index ${k})`);
    if (!Number.isFinite(x)) throw new RangeError(`fill: draw must return finite numbers (got ${show(x)} at index ${k})`);
    out[k] = x;
  }
  return out;
}

/** A one-pass fill of a parameter's draws from a generator: out[from..to). */
export type OnePassFill = (g: Xoshiro128, out: Float64Array, from: number, to: number) => void;

/**
 * The one-pass fill of a number, a uniform or a triangular parameter (the common leg and
 * parameter shapes), or null for the others: what {@link fillParam} does with them. Its draws
 * come straight from the generator and keep no state of their own, so filling a range in pieces,
 * one call per piece in order, gives the same numbers as one call — what lets the transit
 * kernel fill a tile of trips at a time (the other distributions keep state, e.g. the ziggurat's
 * buffer, and are filled a block at a time).
 */
export function onePassFill(param: Param): OnePassFill | null {
  if (typeof param === 'number') return (_g, out, from, to) => void out.fill(param, from, to);
  if (param.dist === 'uniform' && param.min < param.max && param.max - param.min < Infinity) {
    const { min, max } = param;
    const span = max - min;
    return (g, out, from, to) => {
      g.fillUniform(out, from, to);
      for (let k = from; k < to; k++) out[k] = min + span * out[k]!;
    };
  }
  if (param.dist === 'triangular' && param.min < param.max && param.max - param.min < Infinity) {
    const { min, mode, max } = param;
    const span = max - min;
    const cut = (mode - min) / span;
    return (g, out, from, to) => g.fillTriangular(out, from, to, min, max, span, cut);
  }
  return null;
}

/**
 * Fills out[from..to) with draws of a parameter from a generator: the same numbers as its bound
 * sampler on the same stream would give, one by one. Numbers, uniforms and triangulars are filled
 * in one pass ({@link onePassFill}); other distributions go through their bound sampler.
 */
export function fillParam(param: Param, s: Stream, out: Float64Array, from: number, to: number): void {
  const fill = onePassFill(param);
  if (fill) {
    fill(s.generator, out, from, to);
    return;
  }
  const draw = bind(s, param, false);
  for (let k = from; k < to; k++) out[k] = draw();
}
