import { normalCdf } from '../stats/normal.js';
import type { Dist, EmpiricalDist, LognormalDist, NormalDist, Param, PertDist, TriangularDist, UniformDist } from './dist.js';
import { standardNormal } from './normal.js';
import type { Rng, Stream } from './stream.js';

/**
 * Bound samplers: each factory validates its parameters once (RangeError naming the
 * distribution and what is allowed), precomputes what it can, and returns a zero-argument
 * function whose per-draw work is arithmetic. Degenerate parameters (min = max, sd = 0) get a
 * constant closure.
 */

/** A zero-argument sampler. */
export type Sampler = () => number;

const finite = (name: string, what: string, x: unknown): number => {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${name}: ${what} must be a finite number (got ${String(x)})`);
  return x;
};

/**
 * Uniform on [min, max).
 * @example uniform(stream(1, 'doc'), { min: 0, max: 10 })() // => 5.694874485488981
 */
export function uniform(rng: Rng, { min, max }: Omit<UniformDist, 'dist'>): Sampler {
  finite('uniform', 'min', min);
  finite('uniform', 'max', max);
  if (!(min <= max)) throw new RangeError(`uniform: needs min <= max (got min ${min}, max ${max})`);
  if (min === max) return () => min;
  const span = max - min;
  return () => min + span * rng();
}

function checkMinModeMax(name: string, min: number, mode: number, max: number): void {
  finite(name, 'min', min);
  finite(name, 'mode', mode);
  finite(name, 'max', max);
  if (!(min <= mode && mode <= max)) throw new RangeError(`${name}: needs min <= mode <= max (got min ${min}, mode ${mode}, max ${max})`);
}

/**
 * Triangular on [min, max] with the given mode, by its inverse distribution function.
 * @example triangular(stream(1, 'doc'), { min: 5, mode: 6, max: 12 })() // => 7.747762099676656
 */
export function triangular(rng: Rng, { min, mode, max }: Omit<TriangularDist, 'dist'>): Sampler {
  checkMinModeMax('triangular', min, mode, max);
  if (min === max) return () => min;
  const span = max - min;
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
  finite('gamma', 'shape', shape);
  if (!(shape > 0)) throw new RangeError(`gamma: shape must be > 0 (got ${shape})`);
  const z = standardNormal(s);
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  return () => {
    let g: number;
    for (;;) {
      const x = z();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = s.double();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        g = d * v;
        break;
      }
    }
    return boost ? g * Math.pow(s.double(), invShape) : g;
  };
}

/**
 * Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 * @example beta(stream(1, 'doc'), 2, 3)() // => 0.5409890173710109
 */
export function beta(s: Stream, a: number, b: number): Sampler {
  const ga = gamma(s, a);
  const gb = gamma(s, b);
  return () => {
    const x = ga();
    return x / (x + gb());
  };
}

/**
 * Shape parameters (α, β) of a PERT distribution.
 * @example pertShapes({ min: 5, mode: 6, max: 12 }) // => [ 1.5714285714285714, 4.428571428571429 ]
 */
export function pertShapes({ min, mode, max, lambda = 4 }: Omit<PertDist, 'dist'>): [number, number] {
  const span = max - min;
  return [1 + (lambda * (mode - min)) / span, 1 + (lambda * (max - mode)) / span];
}

/**
 * Beta-PERT on [min, max]: min + (max − min) · Beta(1 + λ(mode − min)/(max − min), 1 + λ(max − mode)/(max − min)).
 * @example pert(stream(1, 'doc'), { min: 5, mode: 6, max: 12 })() // => 7.558597199922856
 */
export function pert(s: Stream, p: Omit<PertDist, 'dist'>): Sampler {
  const { min, mode, max, lambda = 4 } = p;
  checkMinModeMax('pert', min, mode, max);
  finite('pert', 'lambda', lambda);
  if (!(lambda >= 0)) throw new RangeError(`pert: lambda must be >= 0 (got ${lambda})`);
  if (min === max) return () => min;
  const [a, b] = pertShapes({ min, mode, max, lambda });
  const draw = beta(s, a, b);
  const span = max - min;
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
export function normal(s: Stream, { mean, sd, min, max }: Omit<NormalDist, 'dist'>): Sampler {
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
  if (lo === -Infinity && hi === Infinity) return () => mean + sd * z();
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  const unit = standardTruncated(s, z, a, b);
  return () => {
    const x = mean + sd * unit();
    // Rounding in mean + sd·x can step over a bound by one ulp; clamp it back.
    return x < lo ? lo : x > hi ? hi : x;
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
  // 0 <= a < b: a tail, or a short interval in it.
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
export function lognormal(s: Stream, { median, sigma }: Omit<LognormalDist, 'dist'>): Sampler {
  finite('lognormal', 'median', median);
  finite('lognormal', 'sigma', sigma);
  if (!(median > 0)) throw new RangeError(`lognormal: median must be > 0 (got ${median})`);
  if (!(sigma >= 0)) throw new RangeError(`lognormal: sigma must be >= 0 (got ${sigma})`);
  if (sigma === 0) return () => median;
  const z = standardNormal(s);
  return () => median * Math.exp(sigma * z());
}

/**
 * One of `values`, with probabilities proportional to `weights`, by Walker's alias method in
 * M. D. Vose's stable form (1991): O(1) per draw whatever the number of values.
 * @example empirical(stream(1, 'doc'), { values: [0.75, 0.9], weights: [1, 3] })() // => 0.9
 */
export function empirical(rng: Rng, { values, weights }: Omit<EmpiricalDist, 'dist'>): Sampler {
  const n = values.length;
  if (n === 0) throw new RangeError('empirical: values must not be empty');
  values.forEach((v, i) => finite('empirical', `values[${i}]`, v));
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`empirical: weights must have one entry per value (got ${weights.length} weights for ${n} values)`);
  }
  const w = weights ?? values.map(() => 1);
  let total = 0;
  w.forEach((x, i) => {
    finite('empirical', `weights[${i}]`, x);
    if (!(x >= 0)) throw new RangeError(`empirical: weights[${i}] must be >= 0 (got ${x})`);
    total += x;
  });
  if (!(total > 0) || !Number.isFinite(total)) throw new RangeError('empirical: weights must have a positive, finite sum');
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
  finite('exponential', 'mean', mean);
  if (!(mean >= 0)) throw new RangeError(`exponential: mean must be >= 0 (got ${mean})`);
  if (mean === 0) return () => 0;
  return () => -mean * Math.log(s.double());
}

/**
 * The sampler of a parameter: a constant closure for a number, else the distribution's sampler.
 * @example
 * const rate = sampler(stream(1, 'growth/rate'), { dist: 'triangular', min: 0.05, mode: 0.15, max: 0.3 });
 * rate() // => 0.07172157935003709
 */
export function sampler(s: Stream, param: Param): Sampler {
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
      return normal(s, d);
    case 'lognormal':
      return lognormal(s, d);
    case 'empirical':
      return empirical(s, d);
    default:
      throw new TypeError(`sampler: unknown distribution ${JSON.stringify((d as { dist?: unknown }).dist)} (allowed: uniform, triangular, pert, normal, lognormal, empirical)`);
  }
}

/**
 * Fills `out` with draws of a sampler and returns it.
 * @example fill(sampler(stream(1, 'doc'), { dist: 'uniform', min: 0, max: 1 }), new Float64Array(2)) // => Float64Array(2) [ 0.5694874485488981, 0.4194139337632805 ]
 */
export function fill(draw: Sampler, out: Float64Array): Float64Array {
  for (let k = 0; k < out.length; k++) out[k] = draw();
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
  if (param.dist === 'uniform' && param.min < param.max) {
    const { min, max } = param;
    const span = max - min;
    s.generator.fillUniform(out, from, to);
    for (let k = from; k < to; k++) out[k] = min + span * out[k]!;
    return;
  }
  if (param.dist === 'triangular' && param.min < param.max) {
    const { min, mode, max } = param;
    const span = max - min;
    const cut = (mode - min) / span;
    s.generator.fillUniform(out, from, to);
    for (let k = from; k < to; k++) out[k] = triangularAt(out[k]!, min, max, span, cut);
    return;
  }
  const draw = sampler(s, param);
  for (let k = from; k < to; k++) out[k] = draw();
}
