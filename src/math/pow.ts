import { productError } from './dd.js';
import { expParts, scale2 } from './exp.js';
import { logParts } from './log.js';

/**
 * x^y in plain double arithmetic: the same bits on every JavaScript engine (`Math.pow` and `**`
 * are implementation-approximated in ECMAScript, and engines do differ: V8 has changed its pow
 * more than once).
 *
 * Method: x^y = e^(y·ln|x|), carried in double-double all the way. ln|x| comes as hi + lo with a
 * relative error below about 2^-68 ({@link logParts}); y·(hi + lo) is formed as a double-double
 * (y·hi exactly by Dekker's product), so even where |y·ln x| is near 745 its absolute error stays
 * below 2^-58; e^(that pair) is Tang's table method with the reduced argument and 2^(j/64)·(1 + r)
 * also carried in two parts ({@link expParts}); the result is rounded once, then scaled by a power
 * of two (exact, except where the result is subnormal: a second rounding there, still within 1 ulp).
 * Measured against a 60-digit reference (test/math/pow.test.ts): within 1 ulp everywhere,
 * including results near overflow and subnormal results, and the correctly rounded double on
 * 99.95 % of 41,620 random points (V8's `Math.pow`: 91 %, up to 442 ulp off); about 1.4× the time of
 * `Math.pow` on V8. x·x for y = 2, 1/x for y = −1 and x for y = 1 are returned directly
 * (correctly rounded).
 *
 * Special values exactly as ECMAScript's Number::exponentiate: pow(x, NaN) = NaN (also for x = 1),
 * pow(x, ±0) = 1 (also for x = NaN), pow(NaN, y ≠ 0) = NaN; ±Infinity and ±0 bases by the sign of y
 * and whether y is an odd integer; pow(±1, ±Infinity) = NaN, |x| > 1 or < 1 with y = ±Infinity
 * gives Infinity or +0; a negative finite x with a non-integer y gives NaN, with an odd integer y
 * the negated |x|^y.
 *
 * e.g. pow(2, 0.5) = 1.4142135623730951 (Math.sqrt(2))
 * e.g. pow(-8, 1 / 3) = NaN, pow(-2, 3) = -8, pow(1, Infinity) = NaN
 */
export function pow(x: number, y: number): number {
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if (x !== x) return NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  const ay = y < 0 ? -y : y;
  if (ay === Infinity) {
    const ax = x < 0 ? -x : x;
    if (ax === 1) return NaN;
    return (ax > 1) === y > 0 ? Infinity : 0;
  }
  // y is finite and nonzero from here
  const isInt = Math.trunc(y) === y;
  const odd = isInt && ay < 9007199254740992 && y % 2 !== 0;
  if (x === 0 || x === Infinity || x === -Infinity) {
    // ±0: +0 for y > 0 and +Infinity for y < 0, with x's sign when y is an odd integer; ±Infinity the other way
    const big = (x === 0) === y < 0;
    const neg = odd && (x === 0 ? 1 / x < 0 : x < 0);
    return big ? (neg ? -Infinity : Infinity) : neg ? -0 : 0;
  }
  let sign = 1;
  let ax = x;
  if (x < 0) {
    if (!isInt) return NaN;
    ax = -x;
    if (odd) sign = -1;
  }
  if (ax === 1) return sign;
  if (ay >= 18446744073709551616) {
    // |y| ≥ 2^64 (an even integer): |y·ln x| ≥ 2^64·2^-53 for every x ≠ 1, far beyond 745
    return (ax > 1) === y > 0 ? Infinity : 0;
  }
  logParts(ax, LN);
  const lh = LN[0]!;
  const ll = LN[1]!;
  // y·(lh + ll) = ph + pl, the product y·lh exactly by Dekker's splitting (|y| < 2^64: no overflow)
  const ph = y * lh;
  if (ph > 709.8) return sign * Infinity;
  if (ph < -745.2) return sign * 0;
  const pl = productError(y, lh, ph) + y * ll;
  const k = expParts(ph, pl, EP);
  return sign * scale2(EP[0]! + EP[1]!, k);
}

/** Scratch pairs for the logarithm and the exponential (module-level: no allocation per call). */
const LN = new Float64Array(2);
const EP = new Float64Array(2);
