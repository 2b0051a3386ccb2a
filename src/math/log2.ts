import { productError } from './dd.js';
import { logParts } from './log.js';

/**
 * Logarithms to base 2 and 10 in plain double arithmetic: the same bits on every JavaScript engine
 * (`Math.log2` and `Math.log10` are implementation-approximated). ln x is taken as a pair hi + lo
 * with a relative error below about 2^-68 ({@link logParts}) and multiplied by 1/ln 2 or 1/ln 10,
 * themselves pairs of doubles (60-digit literals, test/fixtures/math-tables.py), with the leading
 * product exact (Dekker), so the result is rounded once: within 1 ulp and almost always correctly
 * rounded: on all of 18,000 random points each (V8's `Math.log10`: 90 %), test/math/log2.test.ts. Exact powers give exact answers: log2(2^k) = k for every k
 * from −1074 to 1023 and log10(10^n) = n for 10^n exactly representable (n = 0…22).
 *
 * Special values as `Math.log2`/`Math.log10`: ±0 gives −Infinity, x < 0 NaN, Infinity Infinity,
 * NaN NaN, 1 gives +0.
 */

const INV_LN2_HI = 1.4426950408889634;
const INV_LN2_LO = 2.0355273740931033e-17;
const INV_LN10_HI = 0.4342944819032518;
const INV_LN10_LO = 1.098319650216765e-17;
const LN = new Float64Array(2);

/** (hi + lo of ln x) · (ch + cl), rounded once. */
function times(x: number, ch: number, cl: number): number {
  if (!(x > 0 && x < Infinity)) return x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
  logParts(x, LN);
  const h = LN[0]!;
  const l = LN[1]!;
  const p = h * ch;
  return p + (productError(h, ch, p) + h * cl + l * ch);
}

/**
 * The base-2 logarithm, the same bits on every engine.
 * e.g. log2(8) = 3, log2(10) = 3.321928094887362
 */
export function log2(x: number): number {
  return times(x, INV_LN2_HI, INV_LN2_LO);
}

/**
 * The base-10 logarithm, the same bits on every engine.
 * e.g. log10(1000) = 3, log10(2) = 0.3010299956639812
 */
export function log10(x: number): number {
  return times(x, INV_LN10_HI, INV_LN10_LO);
}
