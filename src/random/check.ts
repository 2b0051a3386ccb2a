/**
 * Argument checks of the random module's public functions, in the vocabulary of src/args.ts
 * (wrong kind → TypeError, right kind but not allowed → RangeError, the function named first).
 * Local to src/random: only the growth helper edits args.ts.
 */
import { finiteNumber, options, show } from '../args.js';
import type { Dist, Param } from './dist.js';
import type { Rng, Stream } from './stream.js';

/** True for a seeded stream of this library (from either build: checked by shape, not class). */
export function isStream(s: unknown): s is Stream {
  if (typeof s !== 'function') return false;
  const g = (s as { generator?: unknown }).generator as { fillWords?: unknown; fillUniform?: unknown; fillTriangular?: unknown; s?: unknown } | undefined;
  return (
    typeof (s as { double?: unknown }).double === 'function' &&
    typeof (s as { int32?: unknown }).int32 === 'function' &&
    g !== null &&
    typeof g === 'object' &&
    typeof g.fillWords === 'function' &&
    typeof g.fillUniform === 'function' &&
    typeof g.fillTriangular === 'function' &&
    g.s instanceof Int32Array &&
    g.s.length === 4
  );
}

/** A seeded stream, as `stream(seed, purpose)` returns (samplers that need its generator). */
export function streamArg(fn: string, name: string, s: unknown): Stream {
  if (!isStream(s)) throw new TypeError(`${fn}: ${name} must be a seeded stream from stream(seed, purpose) (got ${show(s)})`);
  return s;
}

/**
 * A source of uniforms: a seeded stream (used as it is), or any function, whose every result is
 * then checked to be a number in [0, 1) (a RangeError at the draw otherwise, never a NaN).
 */
export function rngArg(fn: string, name: string, r: unknown): Rng {
  if (isStream(r)) return r;
  if (typeof r !== 'function') throw new TypeError(`${fn}: ${name} must be a seeded stream or a function returning numbers in [0, 1) (got ${show(r)})`);
  const f = r as () => unknown;
  return () => {
    const u = f();
    if (typeof u !== 'number' || !(u >= 0 && u < 1)) throw new RangeError(`${fn}: ${name} must return numbers in [0, 1) (got ${show(u)})`);
    return u;
  };
}

/** The parameters of a sampler: a plain object with the given keys (`dist`, when present, must name it). */
export function params<T extends object>(fn: string, o: unknown, allowed: readonly string[], required: readonly string[], dist = fn): T {
  const p = options<T & { dist?: unknown }>(fn, o, ['dist', ...allowed], required);
  if (p.dist !== undefined && p.dist !== dist) throw new RangeError(`${fn}: dist must be '${dist}' when given (got ${show(p.dist)})`);
  return p;
}

/** Checks min <= mode <= max (all finite) and that max − min is finite; returns the span. */
export function minModeMax(fn: string, min: unknown, mode: unknown, max: unknown): number {
  finiteNumber(fn, 'min', min);
  finiteNumber(fn, 'mode', mode);
  finiteNumber(fn, 'max', max);
  if (!((min as number) <= (mode as number) && (mode as number) <= (max as number))) {
    throw new RangeError(`${fn}: needs min <= mode <= max (got min ${show(min)}, mode ${show(mode)}, max ${show(max)})`);
  }
  return span(fn, min as number, max as number);
}

/** max − min, refused when it overflows (min −1e308, max 1e308). */
export function span(fn: string, min: number, max: number): number {
  const s = max - min;
  if (!Number.isFinite(s)) throw new RangeError(`${fn}: max − min must be a finite number, at most ${Number.MAX_VALUE} (got min ${show(min)}, max ${show(max)})`);
  return s;
}

/** A Float64Array to fill. */
export function float64Out(fn: string, name: string, out: unknown): Float64Array {
  if (!(out instanceof Float64Array)) throw new TypeError(`${fn}: ${name} must be a Float64Array (got ${show(out)})`);
  return out;
}

const DISTS = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical'];

/**
 * A parameter as `moments` and `paramQuantile` take it: a finite number, or a distribution
 * with valid parameters (the same rules as its sampler).
 */
export function paramArg(fn: string, name: string, p: unknown): Param {
  if (typeof p === 'number') return finiteNumber(fn, name, p);
  if (p === null || typeof p !== 'object' || Array.isArray(p)) throw new TypeError(`${fn}: ${name} must be a finite number or a distribution { dist, … } (got ${show(p)})`);
  const dist = (p as { dist?: unknown }).dist;
  if (typeof dist !== 'string') throw new TypeError(`${fn}: ${name}.dist must be one of ${DISTS.map((d) => `'${d}'`).join(', ')} (got ${show(dist)})`);
  if (!DISTS.includes(dist)) throw new RangeError(`${fn}: ${name}.dist must be one of ${DISTS.map((d) => `'${d}'`).join(', ')} (got ${show(dist)})`);
  const at = `${fn}: ${name}`;
  const d = p as Record<string, unknown>;
  const keys = (allowed: string[]) => options(fn, p, ['dist', ...allowed], allowed);
  const num = (k: string) => finiteNumber(fn, `${name}.${k}`, d[k]);
  switch (dist) {
    case 'uniform': {
      keys(['min', 'max']);
      const [min, max] = [num('min'), num('max')];
      if (!(min <= max)) throw new RangeError(`${at} needs min <= max (got min ${min}, max ${max})`);
      span(fn, min, max);
      break;
    }
    case 'triangular':
      keys(['min', 'mode', 'max']);
      minModeMax(fn, d.min, d.mode, d.max);
      break;
    case 'pert':
      options(fn, p, ['dist', 'min', 'mode', 'max', 'lambda'], ['min', 'mode', 'max']);
      minModeMax(fn, d.min, d.mode, d.max);
      if (d.lambda !== undefined && !(num('lambda') >= 0)) throw new RangeError(`${at}.lambda must be >= 0 (got ${show(d.lambda)})`);
      break;
    case 'normal': {
      options(fn, p, ['dist', 'mean', 'sd', 'min', 'max'], ['mean', 'sd']);
      num('mean');
      if (!(num('sd') >= 0)) throw new RangeError(`${at}.sd must be >= 0 (got ${show(d.sd)})`);
      const lo = d.min === undefined ? -Infinity : num('min');
      const hi = d.max === undefined ? Infinity : num('max');
      if (!(lo <= hi)) throw new RangeError(`${at} needs min <= max (got min ${lo}, max ${hi})`);
      if (d.sd === 0 && !((d.mean as number) >= lo && (d.mean as number) <= hi)) throw new RangeError(`${at}: with sd 0 the mean must lie in [min, max] (got mean ${show(d.mean)}, min ${lo}, max ${hi})`);
      break;
    }
    case 'lognormal':
      options(fn, p, ['dist', 'median', 'sigma', 'min', 'max'], ['median', 'sigma']);
      if (!(num('median') > 0)) throw new RangeError(`${at}.median must be > 0 (got ${show(d.median)})`);
      if (!(num('sigma') >= 0)) throw new RangeError(`${at}.sigma must be >= 0 (got ${show(d.sigma)})`);
      lognormalBounds(`${at}.`, d.median as number, d.sigma as number, d.min === undefined ? undefined : num('min'), d.max === undefined ? undefined : num('max'));
      break;
    case 'empirical':
      options(fn, p, ['dist', 'values', 'weights'], ['values']);
      empiricalArgs(fn, d.values, d.weights, `${name}.`);
      break;
  }
  return p as Dist;
}

/**
 * Checks a lognormal's truncation (finite bounds, already checked to be numbers): min >= 0 (0
 * truncates nothing), max > 0, min <= max, and with sigma 0 the median inside [min, max].
 * `at` starts each message ("lognormal: " or "moments: param.").
 */
export function lognormalBounds(at: string, median: number, sigma: number, min: number | undefined, max: number | undefined): void {
  if (min !== undefined && !(min >= 0)) throw new RangeError(`${at}min must be >= 0 (got ${show(min)}; 0 truncates nothing)`);
  if (max !== undefined && !(max > 0)) throw new RangeError(`${at}max must be > 0 (got ${show(max)}): a lognormal's values are positive`);
  if (!((min ?? 0) <= (max ?? Infinity))) throw new RangeError(`${at}max must be >= min (got min ${min}, max ${max})`);
  if (sigma === 0 && !(median >= (min ?? 0) && median <= (max ?? Infinity))) {
    throw new RangeError(`${at}median with sigma 0 must lie in [min, max] (got median ${median}, min ${min ?? 0}, max ${max ?? Infinity})`);
  }
}

/** Checks an empirical distribution's values and weights; returns the weights' sum. */
export function empiricalArgs(fn: string, values: unknown, weights: unknown, prefix = ''): number {
  if (!Array.isArray(values)) throw new TypeError(`${fn}: ${prefix}values must be a non-empty array of finite numbers (got ${show(values)})`);
  if (values.length === 0) throw new RangeError(`${fn}: ${prefix}values must not be empty`);
  // Index loops, not forEach: a hole in a sparse array is checked too.
  for (let i = 0; i < values.length; i++) finiteNumber(fn, `${prefix}values[${i}]`, values[i]);
  if (weights === undefined) return values.length;
  if (!Array.isArray(weights)) throw new TypeError(`${fn}: ${prefix}weights must be an array of finite numbers >= 0 (got ${show(weights)})`);
  if (weights.length !== values.length) {
    throw new RangeError(`${fn}: ${prefix}weights must have one entry per value (got ${weights.length} weights for ${values.length} values)`);
  }
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const x = finiteNumber(fn, `${prefix}weights[${i}]`, weights[i]);
    if (!(x >= 0)) throw new RangeError(`${fn}: ${prefix}weights[${i}] must be >= 0 (got ${show(x)})`);
    total += x;
  }
  if (!(total > 0) || !Number.isFinite(total)) throw new RangeError(`${fn}: ${prefix}weights must have a positive, finite sum`);
  return total;
}
