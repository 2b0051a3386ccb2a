/**
 * Sums, means and variances with stated numerics: the sum is Neumaier's compensated sum (exact
 * to the last bit for most inputs where a naive loop loses digits), mean and variance use
 * Welford's one-pass update (sample variance, denominator n − 1, as numpy's `var(ddof=1)`).
 */

/**
 * Compensated (Neumaier) sum: here a naive loop gives 0.
 * @example sum([1e16, 1, -1e16]) // => 1
 */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Count, mean, sample variance (n − 1), standard deviation and the standard error of the mean. */
export interface MeanVariance {
  n: number;
  mean: number;
  variance: number;
  sd: number;
  standardError: number;
}

/**
 * Welford's one-pass mean and sample variance.
 * @example meanVariance([2, 4, 4, 4, 5, 5, 7, 9]) // => { n: 8, mean: 5, variance: 4.571…, sd: 2.138…, standardError: 0.7559… }
 */
export function meanVariance(values: ArrayLike<number>): MeanVariance {
  const n = values.length;
  if (n === 0) throw new RangeError('meanVariance: needs at least one value');
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) throw new RangeError(`meanVariance: values[${i}] is NaN`);
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  const variance = n > 1 ? m2 / (n - 1) : 0;
  const sd = Math.sqrt(variance);
  return { n, mean, variance, sd, standardError: sd / Math.sqrt(n) };
}

/**
 * Arithmetic mean (Welford).
 * @example mean([1, 2, 3, 4]) // => 2.5
 */
export function mean(values: ArrayLike<number>): number {
  return meanVariance(values).mean;
}

/**
 * Sample variance, denominator n − 1 (Welford).
 * @example variance([1, 2, 3, 4]) // => 1.6666666666666667
 */
export function variance(values: ArrayLike<number>): number {
  return meanVariance(values).variance;
}
