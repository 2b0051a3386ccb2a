/**
 * Proper scores of probabilistic forecasts against an outturn (Gneiting & Raftery 2007, "Strictly
 * proper scoring rules, prediction, and estimation", JASA 102): the continuous ranked probability
 * score of a sample, the interval (Winkler) score, the probability integral transform, coverage.
 * Lower scores are better; a point forecast is a sample of one, whose CRPS is its absolute error.
 */
import { finiteNumber, numberIn, numericValues } from '../args.js';

/**
 * The CRPS of the forecast given by a sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎ (its empirical distribution),
 * exactly: E|X − y| − ½·E|X − X′| = (1/n)·Σ|x₍ᵢ₎ − y| − (1/n²)·Σ (2i − n − 1)·x₍ᵢ₎.
 */
export function crpsSorted(sorted: ArrayLike<number>, y: number): number {
  const n = sorted.length;
  let abs = 0;
  let spread = 0;
  // Each term divided by n as it is added, so that the sums overflow only where the score does.
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    abs += Math.abs(x - y) / n;
    spread += ((2 * i + 1 - n) / n) * (x / n);
  }
  const v = abs - spread;
  if (!Number.isFinite(v)) throw new RangeError(`crps: the score overflows (outturn ${y}, sample from ${sorted[0]} to ${sorted[n - 1]})`);
  return v > 0 ? v : 0; // the two terms can differ by rounding only
}

/**
 * The continuous ranked probability score of a sample forecast against the outturn y (in the
 * forecast's units, e.g. Mt). The sample is not modified.
 * @example crps([4], 5) // => 1
 * @example crps([1, 2, 3], 2) // => 0.2222222222222222
 */
export function crps(sample: ArrayLike<number>, y: number): number {
  const v = numericValues('crps', 'sample', sample, { minLength: 1 });
  finiteNumber('crps', 'y', y);
  return crpsSorted(Float64Array.from(v).sort(), y);
}

/**
 * The interval score of a central (1 − α) prediction interval [lower, upper] (Winkler 1972):
 * its width, plus 2/α times the distance by which the outturn falls outside it.
 * @example intervalScore(3, 7, 8, 0.2) // => 14
 */
export function intervalScore(lower: number, upper: number, y: number, alpha: number): number {
  finiteNumber('intervalScore', 'lower', lower);
  finiteNumber('intervalScore', 'upper', upper);
  finiteNumber('intervalScore', 'y', y);
  numberIn('intervalScore', 'alpha', alpha, 0, 1, { lo: true, hi: true });
  if (!(lower <= upper)) throw new RangeError(`intervalScore: lower must be <= upper (got ${lower} > ${upper})`);
  const miss = y < lower ? lower - y : y > upper ? y - upper : 0;
  const score = upper - lower + (2 / alpha) * miss;
  if (!Number.isFinite(score)) throw new RangeError(`intervalScore: the score overflows (interval [${lower}, ${upper}], outturn ${y}, alpha ${alpha})`);
  return score;
}

/**
 * The probability integral transform of the outturn under a sorted sample: the share of the
 * sample below y, ties counted half (so a calibrated forecast's PIT values are uniform).
 */
export function pitSorted(sorted: ArrayLike<number>, y: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!;
    below += +(x < y);
    equal += +(x === y);
  }
  return (below + 0.5 * equal) / sorted.length;
}
