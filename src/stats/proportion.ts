import { normalQuantile } from './normal.js';
import type { Estimate } from './estimate.js';

function checkCounts(successes: number, n: number, fn: string): void {
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`${fn}: n must be a positive integer (got ${n})`);
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new RangeError(`${fn}: successes must be an integer in [0, n] (got ${successes} of ${n})`);
  }
}

/**
 * The share of successes and its standard error √(p̂(1 − p̂)/n). At p̂ = 0 or 1 the plug-in SE
 * is 0; use {@link wilsonInterval} for an honest interval there.
 * @example proportion(30, 100) // => { estimate: 0.3, standardError: 0.04582… }
 */
export function proportion(successes: number, n: number): Estimate {
  checkCounts(successes, n, 'proportion');
  const p = successes / n;
  return { estimate: p, standardError: Math.sqrt((p * (1 - p)) / n) };
}

/**
 * Wilson score interval for a binomial proportion at the given confidence (0.95 by default):
 * never outside [0, 1], and useful at 0 or n successes.
 * @example wilsonInterval(0, 100) // => { lower: 0, upper: 0.03699… }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): { lower: number; upper: number } {
  checkCounts(successes, n, 'wilsonInterval');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`wilsonInterval: confidence must be in (0, 1) (got ${confidence})`);
  const z = normalQuantile(0.5 + confidence / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
