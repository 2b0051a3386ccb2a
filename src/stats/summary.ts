/**
 * Sums, means and variances with stated numerics: the sum is Neumaier's compensated sum (exact
 * to the last bit for most inputs where a naive loop loses digits), mean and variance use
 * Welford's one-pass update (sample variance, denominator n − 1, as numpy's `var(ddof=1)`).
 *
 * Inputs are arrays or typed arrays of finite numbers (TypeError for anything else, RangeError
 * for NaN or ±Infinity). Results are finite: where a value near the largest double would make an
 * intermediate overflow, the work is redone on the values scaled by a power of two (exact), and a
 * result that itself exceeds the largest double is a RangeError, never ±Infinity or NaN.
 */
import { numericValues } from '../args.js';

/** 2^-600 and 2^600: scaling by them is exact (short of underflow for values far below the largest). */
const DOWN = 2 ** -600;
const UP = 2 ** 600;
/** Above this magnitude Welford's squares could overflow: mean and variance are computed on scaled values. */
const BIG = 2 ** 480;

function neumaier(values: ArrayLike<number>, scale: number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]! * scale;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Compensated (Neumaier) sum: here a naive loop gives 0. A sum beyond the largest double is a
 * RangeError (`sum([1e308, 1e308])`); an intermediate overflow whose total fits is handled.
 * @example sum([1e16, 1, -1e16]) // => 1
 */
export function sum(values: ArrayLike<number>): number {
  const v = numericValues('sum', 'values', values);
  const s = neumaier(v, 1);
  if (Number.isFinite(s)) return s;
  // An intermediate (or the final) sum overflowed: redo on scaled values, which cannot.
  const scaled = neumaier(v, DOWN);
  if (!(Math.abs(scaled) <= Number.MAX_VALUE * DOWN)) {
    throw new RangeError(`sum: the sum of these ${v.length} values exceeds the largest double (about 1.8e308); rescale the values`);
  }
  return scaled * UP;
}

/** Count, mean, sample variance (n − 1), standard deviation and the standard error of the mean. */
export interface MeanVariance {
  n: number;
  mean: number;
  variance: number;
  sd: number;
  standardError: number;
}

/** Welford's pass: mean and sum of squared deviations of values × scale. */
function welford(v: ArrayLike<number>, scale: number): { mean: number; m2: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]! * scale;
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  return { mean, m2 };
}

/** Welford on the values, scaled by 2^-600 when some value is above 2^480 (so that nothing overflows); `scale` says which. */
function moments(fn: string, values: unknown, minLength = 1): { n: number; mean: number; m2: number; scaled: boolean } {
  const v = numericValues(fn, 'values', values, { minLength });
  let big = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a > big) big = a;
  }
  const scaled = big > BIG;
  const { mean, m2 } = welford(v, scaled ? DOWN : 1);
  return { n: v.length, mean, m2, scaled };
}

/**
 * Welford's one-pass mean and sample variance. A variance beyond the largest double (values
 * near ±1e308 of both signs) is a RangeError; the mean alone is always available from {@link mean}.
 * At least 2 values (a RangeError otherwise): with one, the variance and standard error cannot be
 * estimated, and 0 would claim an exact answer.
 * @example meanVariance([2, 4, 4, 4, 5, 5, 7, 9]) // => { n: 8, mean: 5, variance: 4.571…, sd: 2.138…, standardError: 0.7559… }
 */
export function meanVariance(values: ArrayLike<number>): MeanVariance {
  const { n, mean, m2, scaled } = moments('meanVariance', values, 2);
  const vs = m2 / (n - 1);
  if (!scaled) {
    const sd = Math.sqrt(vs);
    return { n, mean, variance: vs, sd, standardError: sd / Math.sqrt(n) };
  }
  const variance = vs * UP * UP;
  if (!(variance <= Number.MAX_VALUE)) {
    throw new RangeError(`meanVariance: the variance of these values exceeds the largest double (their spread is near 1e154 or more); rescale the values, or use mean() for the mean alone`);
  }
  const sd = Math.sqrt(vs) * UP;
  return { n, mean: mean * UP, variance, sd, standardError: sd / Math.sqrt(n) };
}

/**
 * Arithmetic mean (Welford).
 * @example mean([1, 2, 3, 4]) // => 2.5
 */
export function mean(values: ArrayLike<number>): number {
  const m = moments('mean', values);
  return m.scaled ? m.mean * UP : m.mean;
}

/**
 * Sample variance, denominator n − 1 (Welford), of at least 2 values (a RangeError otherwise: one
 * value has no sample variance, and 0 would claim an exact answer).
 * @example variance([1, 2, 3, 4]) // => 1.6666666666666667
 */
export function variance(values: ArrayLike<number>): number {
  const { n, m2, scaled } = moments('variance', values, 2);
  const vs = m2 / (n - 1);
  const v = scaled ? vs * UP * UP : vs;
  if (!(v <= Number.MAX_VALUE)) throw new RangeError('variance: the variance of these values exceeds the largest double (their spread is near 1e154 or more); rescale the values');
  return v;
}
