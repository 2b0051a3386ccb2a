import { numberIn, wholeNumber } from '../args.js';
import { normalQuantile } from './normal.js';
import { estimate, type Estimate } from './estimate.js';

function checkCounts(successes: unknown, n: unknown, fn: string): void {
  const m = wholeNumber(fn, 'n', n, 1, Number.MAX_SAFE_INTEGER);
  wholeNumber(fn, 'successes', successes, 0, m);
}

/**
 * The share of successes and its standard error √(p̂(1 − p̂)/n). At p̂ = 0 or 1 the plug-in SE
 * is 0; use {@link wilsonInterval} for an honest interval there.
 * @example proportion(30, 100) // => { estimate: 0.3, standardError: 0.04582… }
 */
export function proportion(successes: number, n: number): Estimate {
  checkCounts(successes, n, 'proportion');
  const p = successes / n;
  return estimate(p, Math.sqrt((p * (1 - p)) / n));
}

/**
 * Wilson score interval for a binomial proportion at the given confidence (0.95 by default):
 * never outside [0, 1], always containing successes / n, and useful at 0 or n successes (where
 * the bound on that side is exactly 0 or 1, the score equation's root there).
 * @example wilsonInterval(0, 100) // => { lower: 0, upper: 0.03699… }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): { lower: number; upper: number } {
  checkCounts(successes, n, 'wilsonInterval');
  numberIn('wilsonInterval', 'confidence', confidence, 0, 1, { lo: true, hi: true });
  const z = normalQuantile(0.5 + confidence / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lower: successes === 0 ? 0 : Math.max(0, centre - half), upper: successes === n ? 1 : Math.min(1, centre + half) };
}
