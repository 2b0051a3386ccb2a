import { finiteNumber, func, show } from '../args.js';
import { normalCdf } from '../stats/normal.js';
import { empiricalArgs, float64Out, minModeMax, paramArg, params, rngArg, span as spanOf, streamArg } from './check.js';
import type { Dist, EmpiricalDist, LognormalDist, NormalDist, Param, PertDist, TriangularDist, UniformDist } from './dist.js';
import { standardNormal } from './normal.js';
import type { Rng, Stream } from './stream.js';

/**
 * Bound samplers: each factory validates its arguments once (TypeError for a wrong kind,
 * RangeError naming the distribution and what is allowed), precomputes what it can, and returns
 * a zero-argument function whose per-draw work is arithmetic. Degenerate parameters (min = max,
 * sd = 0) get a constant closure. A sampler never returns NaN or ±Infinity: where a draw could
 * overflow (a lognormal with a large sigma, a normal or exponential with a huge sd or mean) the
 * draw is checked and an overflow is a RangeError that says what to narrow.
 */

/** A zero-argument sampler. */
export type Sampler = () => number;

const finite = (name: string, what: string, x: unknown): number => finiteNumber(name, what, x);

/** The largest |z| the ziggurat can return (its tail draw from two 32-bit words), rounded up. */
const Z_MAX = 11;
/** The largest −ln(u) of a stream's `double()` (53-bit, never 0), rounded up. */
const LOG_U_MAX = 37;

/** A draw that overflowed: refused where it arises, saying what to narrow. */
function overflow(fn: string, x: number, what: string): never {
  throw new RangeError(`${fn}: a draw overflowed to ${show(x)} (${what}); narrow the distribution`);
}

/**
 * Uniform on [min, max).
 * @example uniform(stream(1, 'doc'), { min: 0, max: 10 })() // => 5.694874485488981
 */
export function uniform(rng: Rng, p: Omit<UniformDist, 'dist'>): Sampler {
  rng = rngArg('uniform', 'rng', rng);
  const { min, max } = params<UniformDist>('uniform', p, ['min', 'max'], ['min', 'max']);
  finite('uniform', 'min', min);
  finite('uniform', 'max', max);
  if (!(min <= max)) throw new RangeError(`uniform: needs min <= max (got min ${min}, max ${max})`);
  if (min === max) return () => min;
  const span = spanOf('uniform', min, max);
  return () => min + span * rng();
}

/**
 * Triangular on [min, max] with the given mode, by its inverse distribution function.
 * @example triangular(stream(1, 'doc'), { min: 5, mode: 6, max: 12 })() // => 7.747762099676656
 */
export function triangular(rng: Rng, p: Omit<TriangularDist, 'dist'>): Sampler {
  rng = rngArg('triangular', 'rng', rng);
  const { min, mode, max } = params<TriangularDist>('triangular', p, ['min', 'mode', 'max'], ['min', 'mode', 'max']);
  const span = minModeMax('triangular', min, mode, max);
  if (min === max) return () => min;
  const cut = (mode - min) / span;
  return () => triangularAt(rng(), min, max, span, cut);
}

/**
 * The triangular inverse distribution function at u, written with the span outside the square
 * roots (span·√(u·cut), not √(u·span·(mode − min)), which underflows for tiny spans) and clamped
 * to [min, max] against rounding (0.1 + 0.2 > 0.3).
 */
function triangularAt(u: number, min: number, max: number, span: number, cut: number): number {
  const x = u < cut ? min + span * Math.sqrt(u * cut) : max - span * Math.sqrt((1 - u) * (1 - cut));
  return x < min ? min : x > max ? max : x;
}

/**
 * Gamma(shape, 1) by G. Marsaglia and W. W. Tsang (2000), with the u^(1/shape) boost below 1.
 * @example gamma(stream(1, 'doc'), 2)() // => 2.4696573183490247
 */
export function gamma(s: Stream, shape: number): Sampler {
  s = streamArg('gamma', 's', s);
  checkShape('gamma', 'shape', shape);
  const { core, boost, invShape } = marsagliaTsang(s, shape);
  return () => {
    const g = core();
    return boost ? g * Math.pow(s.double(), invShape) : g;
  };
}

function checkShape(fn: string, name: string, shape: unknown): void {
  finite(fn, name, shape);
  if (!((shape as number) > 0)) throw new RangeError(`${fn}: ${name} must be > 0 (got ${show(shape)})`);
}

/**
 * The Marsaglia–Tsang draw of Gamma(shape) before the boost: `core()` is Gamma(shape + 1) when
 * `boost` (shape < 1), to be multiplied by u^(1/shape) with u = s.double() drawn next.
 */
function marsagliaTsang(s: Stream, shape: number): { core: () => number; boost: boolean; invShape: number } {
  const z = standardNormal(s);
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const core = () => {
    for (;;) {
      const x = z();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = s.double();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return { core, boost, invShape: 1 / shape };
}

/**
 * Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 * @example beta(stream(1, 'doc'), 2, 3)() // => 0.5409890173710109
 */
export function beta(s: Stream, a: number, b: number): Sampler {
  s = streamArg('beta', 's', s);
  checkShape('beta', 'a', a);
  checkShape('beta', 'b', b);
  return betaOf(s, a, b);
}

/**
 * Beta(a, b) from the same draws as two gamma samplers, X first. X / (X + Y) as it is when
 * X + Y is a positive finite number; when it underflows to 0 (shapes near 0: both boosts
 * underflow) or overflows (shapes near the largest double), the same ratio from the logarithms
 * of the draws, so the result is in [0, 1] and never NaN.
 */
function betaOf(s: Stream, a: number, b: number): Sampler {
  const A = marsagliaTsang(s, a);
  const B = marsagliaTsang(s, b);
  const m = Math.min(a, b);
  return () => {
    const gx = A.core();
    const ux = A.boost ? s.double() : 1;
    const gy = B.core();
    const uy = B.boost ? s.double() : 1;
    const x = A.boost ? gx * Math.pow(ux, A.invShape) : gx;
    const y = B.boost ? gy * Math.pow(uy, B.invShape) : gy;
    const t = x + y;
    if (t > 0 && t < Infinity) return x / t;
    if (t === Infinity) return x / 2 / (x / 2 + y / 2);
    // Underflow: ln X = ln gx + ln(ux)/a, scaled by m = min(a, b) <= 1 so that no term overflows.
    const lx = m * Math.log(gx) + Math.log(ux) * (m / a);
    const ly = m * Math.log(gy) + Math.log(uy) * (m / b);
    return 1 / (1 + Math.exp((ly - lx) / m));
  };
}

/**
 * Shape parameters (α, β) of a PERT distribution.
 * @example pertShapes({ min: 5, mode: 6, max: 12 }) // => [ 1.5714285714285714, 4.428571428571429 ]
 */
export function pertShapes(p: Omit<PertDist, 'dist'>): [number, number] {
  const { min, mode, max, lambda = 4 } = params<PertDist>('pertShapes', p, ['min', 'mode', 'max', 'lambda'], ['min', 'mode', 'max'], 'pert');
  const span = minModeMax('pertShapes', min, mode, max);
  finite('pertShapes', 'lambda', lambda);
  if (!(lambda >= 0)) throw new RangeError(`pertShapes: lambda must be >= 0 (got ${lambda})`);
  if (span === 0) throw new RangeError(`pertShapes: needs min < max: a PERT with min = max is the constant ${min} and has no shapes`);
  return shapes(min, mode, max, lambda, span);
}

/** The PERT shapes; λ·(mode − min) is scaled first only when it would overflow (λ near 1e308). */
export function shapes(min: number, mode: number, max: number, lambda: number, span: number): [number, number] {
  let a = 1 + (lambda * (mode - min)) / span;
  let b = 1 + (lambda * (max - mode)) / span;
  if (!(a < Infinity)) a = 1 + lambda * ((mode - min) / span);
  if (!(b < Infinity)) b = 1 + lambda * ((max - mode) / span);
  return [a, b];
}

/**
 * Beta-PERT on [min, max]: min + (max − min) · Beta(1 + λ(mode − min)/(max − min), 1 + λ(max − mode)/(max − min)).
 * @example pert(stream(1, 'doc'), { min: 5, mode: 6, max: 12 })() // => 7.558597199922856
 */
export function pert(s: Stream, p: Omit<PertDist, 'dist'>): Sampler {
  s = streamArg('pert', 's', s);
  const { min, mode, max, lambda = 4 } = params<PertDist>('pert', p, ['min', 'mode', 'max', 'lambda'], ['min', 'mode', 'max']);
  const span = minModeMax('pert', min, mode, max);
  finite('pert', 'lambda', lambda);
  if (!(lambda >= 0)) throw new RangeError(`pert: lambda must be >= 0 (got ${lambda})`);
  if (min === max) return () => min;
  const [a, b] = shapes(min, mode, max, lambda, span);
  const draw = betaOf(s, a, b);
  return () => min + span * draw();
}

/**
 * Normal(mean, sd), truncated to [min, max] when a bound is given. Truncation uses C. P. Robert
 * (1995, "Simulation of truncated normal variables"): plain rejection when the interval holds
 * the bulk, a uniform proposal on short intervals, an exponential proposal in a tail (with
 * Robert's optimal rate and his rule for choosing between the last two) — exact whatever the
 * bounds, and the acceptance rate stays bounded away from 0 however far out the interval lies.
 * @example normal(stream(1, 'doc'), { mean: 0.2, sd: 0.1, min: 0 })() // => 0.2542466387455037
 */
export function normal(s: Stream, p: Omit<NormalDist, 'dist'>): Sampler {
  return normalOf(streamArg('normal', 's', s), params<NormalDist>('normal', p, ['mean', 'sd', 'min', 'max'], ['mean', 'sd']), true);
}

function normalOf(s: Stream, { mean, sd, min, max }: Omit<NormalDist, 'dist'>, checked: boolean): Sampler {
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
        if (s.double() <= Math.exp(-0.5 * x * x)) return x;
      }
    };
  }
  // 0 <= a < b: a tail, or a short interval in it (a <= 1e150: the caller handles beyond).
  const lambda = (a + Math.sqrt(a * a + 4)) / 2;
  const expWins = b - a > (2 / (a + Math.sqrt(a * a + 4))) * Math.exp((a * a - a * Math.sqrt(a * a + 4)) / 4 + 0.5);
  if (expWins) {
    return () => {
      for (;;) {
        const x = a - Math.log(s.double()) / lambda;
        if (x > b) continue;
        const d = x - lambda;
        if (s.double() <= Math.exp(-0.5 * d * d)) return x;
      }
    };
  }
  return () => {
    for (;;) {
      const x = a + (b - a) * s.double();
      if (s.double() <= Math.exp(0.5 * (a * a - x * x))) return x;
    }
  };
}

/**
 * Lognormal: median · exp(sigma · Z).
 * @example lognormal(stream(1, 'doc'), { median: 3, sigma: 0.4 })() // => 3.726982196733764
 */
export function lognormal(s: Stream, p: Omit<LognormalDist, 'dist'>): Sampler {
  return lognormalOf(streamArg('lognormal', 's', s), params<LognormalDist>('lognormal', p, ['median', 'sigma'], ['median', 'sigma']), true);
}

function lognormalOf(s: Stream, { median, sigma }: Omit<LognormalDist, 'dist'>, checked: boolean): Sampler {
  finite('lognormal', 'median', median);
  finite('lognormal', 'sigma', sigma);
  if (!(median > 0)) throw new RangeError(`lognormal: median must be > 0 (got ${median})`);
  if (!(sigma >= 0)) throw new RangeError(`lognormal: sigma must be >= 0 (got ${sigma})`);
  if (sigma === 0) return () => median;
  const z = standardNormal(s);
  // median·exp(sigma·z) stays finite for |z| <= Z_MAX when ln(median) + Z_MAX·sigma < ln(MAX).
  if (!checked || Math.log(median) + Z_MAX * sigma < Math.log(Number.MAX_VALUE)) return () => median * Math.exp(sigma * z());
  return () => {
    const zz = z();
    const x = median * Math.exp(sigma * zz);
    return x < Infinity ? x : overflow('lognormal', x, `median ${median} × exp(sigma ${sigma} × z ${zz})`);
  };
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
 * Exponential with the given mean (not rate), by inversion on (0, 1).
 * @example exponential(stream(1, 'doc'), 4)() // => 2.2520752224510634
 */
export function exponential(s: Stream, mean: number): Sampler {
  s = streamArg('exponential', 's', s);
  finite('exponential', 'mean', mean);
  if (!(mean >= 0)) throw new RangeError(`exponential: mean must be >= 0 (got ${mean})`);
  if (mean === 0) return () => 0;
  if (mean * LOG_U_MAX <= Number.MAX_VALUE) return () => -mean * Math.log(s.double());
  return () => {
    const x = -mean * Math.log(s.double());
    return x < Infinity ? x : overflow('exponential', x, `mean ${mean} × −ln(u)`);
  };
}

/**
 * The sampler of a parameter: a constant closure for a number, else the distribution's sampler.
 * @example
 * const rate = sampler(stream(1, 'growth/rate'), { dist: 'triangular', min: 0.05, mode: 0.15, max: 0.3 });
 * rate() // => 0.07172157935003709
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
 * @example fill(sampler(stream(1, 'doc'), { dist: 'uniform', min: 0, max: 1 }), new Float64Array(2)) // => Float64Array(2) [ 0.5694874485488981, 0.4194139337632805 ]
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

/**
 * Fills out[from..to) with draws of a parameter from a generator: the same numbers as its bound
 * sampler on the same stream would give, one by one. Numbers, uniforms and triangulars (the
 * common leg and parameter shapes) are filled in bulk from the generator's uniforms and
 * transformed in place; other distributions go through their bound sampler.
 */
export function fillParam(param: Param, s: Stream, out: Float64Array, from: number, to: number): void {
  if (typeof param === 'number') {
    out.fill(param, from, to);
    return;
  }
  if (param.dist === 'uniform' && param.min < param.max && param.max - param.min < Infinity) {
    const { min, max } = param;
    const span = max - min;
    s.generator.fillUniform(out, from, to);
    for (let k = from; k < to; k++) out[k] = min + span * out[k]!;
    return;
  }
  if (param.dist === 'triangular' && param.min < param.max && param.max - param.min < Infinity) {
    const { min, mode, max } = param;
    const span = max - min;
    const cut = (mode - min) / span;
    s.generator.fillUniform(out, from, to);
    for (let k = from; k < to; k++) out[k] = triangularAt(out[k]!, min, max, span, cut);
    return;
  }
  const draw = bind(s, param, false);
  for (let k = from; k < to; k++) out[k] = draw();
}
