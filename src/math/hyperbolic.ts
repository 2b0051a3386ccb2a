import { divide, productError } from './dd.js';
import { expParts, scale2 } from './exp.js';

/**
 * sinh, cosh and tanh in plain double arithmetic: the same bits on every JavaScript engine
 * (`Math.sinh` and friends are implementation-approximated).
 *
 * Method. e^|x| is taken as 2^k·(h + l), a pair with relative error below about 2^-66
 * ({@link expParts}), and e^-|x| as its reciprocal, also a pair (Dekker's division), so
 * (e^x ± e^-x)/2 and the quotient for tanh are formed with one final rounding:
 * - |x| < 1/8: Taylor series, sinh x = x + x³·S(x²) (to x^13) and tanh = sinh/cosh with
 *   cosh = 1 + x²/2 + x⁴·C(x²) carried as a pair; the series terms are below 2^-8 of the result,
 *   so their rounding costs less than 2^-60 relative.
 * - 1/8 ≤ |x| ≤ 22: the exponential pair as above (cancellation in e^x − e^-x at most a factor 9).
 * - |x| > 22: e^-|x| is below 2^-63 of e^|x|: sinh and cosh are e^|x|/2 (scaled by a power of two, so
 *   they overflow to Infinity exactly where the true value passes the largest double, at
 *   |x| ≈ 710.4758), tanh is ±1.
 * Within 1 ulp, and correctly rounded on 99.99 % of 22,000 random points (V8: 77–88 %, up to 2 ulp
 * off), test/math/hyperbolic.test.ts against a 60-digit reference; 2–3× the time of `Math.sinh` on V8.
 *
 * Special values as `Math.sinh/cosh/tanh`: NaN gives NaN; sinh(±0) = ±0, tanh(±0) = ±0, cosh(±0) = 1;
 * sinh(±Infinity) = ±Infinity, cosh(±Infinity) = Infinity, tanh(±Infinity) = ±1. sinh and tanh are
 * odd and cosh even to the bit; |tanh x| ≤ 1.
 */

const E = new Float64Array(2);
/** The pairs e^a = P[0] + P[1] and e^-a = P[2] + P[3] (for a ≤ 22, unscaled). */
const P = new Float64Array(4);

/** Writes e^a and e^-a as pairs into P, for 0 ≤ a ≤ 22. */
function expPair(a: number): void {
  const k = expParts(a, 0, E);
  const s = scale2(1, k); // 2^k, exact
  const h = E[0]! * s;
  const l = E[1]! * s;
  // 1/(h + l) by Dekker's division: q + (1 − q·h − q·l)/h, the product q·h exact
  const q = 1 / h;
  const p = q * h;
  const ql = (1 - p - productError(q, h, p) - q * l) / h;
  P[0] = h;
  P[1] = l;
  P[2] = q;
  P[3] = ql;
}

/** x³·S(x²) with sinh x = x + x³·S(x²), for |x| < 1/8 (Taylor to x^13: truncation below 2^-68). */
function sinhTail(x: number, z: number): number {
  return x * z * (1 / 6 + z * (1 / 120 + z * (1 / 5040 + z * (1 / 362880 + z * (2.505210838544172e-8 + z * 1.6059043836821613e-10)))));
}

/**
 * The hyperbolic sine, the same bits on every engine.
 * e.g. sinh(1) = 1.1752011936438014
 */
export function sinh(x: number): number {
  const a = Math.abs(x);
  if (!(a < Infinity)) return x; // NaN, ±Infinity
  let r: number;
  if (a < 0.125) {
    if (a < 1.4901161193847656e-8) return x; // |x| < 2^-26, keeps −0
    return x + sinhTail(x, x * x);
  }
  if (a <= 22) {
    expPair(a);
    const h = P[0]!;
    const q = -P[2]!;
    const s = h + q; // TwoSum(h, −q')
    const bb = s - h;
    const err = h - (s - bb) + (q - bb);
    r = 0.5 * (s + (err + P[1]! - P[3]!));
  } else {
    if (a > 711) return x < 0 ? -Infinity : Infinity; // beyond ln(2·MAX_VALUE) ≈ 710.4758
    const k = expParts(a, 0, E);
    r = scale2(E[0]! + E[1]!, k - 1);
  }
  return x < 0 ? -r : r;
}

/**
 * The hyperbolic cosine, the same bits on every engine.
 * e.g. cosh(1) = 1.5430806348152437
 */
export function cosh(x: number): number {
  const a = Math.abs(x);
  if (!(a < Infinity)) return a; // NaN, Infinity
  if (a < 1.4901161193847656e-8) return 1; // |x| < 2^-26: x²/2 is below half an ulp of 1
  if (a <= 22) {
    expPair(a);
    const h = P[0]!;
    const q = P[2]!;
    const s = h + q; // h ≥ 1 ≥ q: Fast2Sum
    return 0.5 * (s + (q - (s - h) + P[1]! + P[3]!));
  }
  if (a > 711) return Infinity; // beyond ln(2·MAX_VALUE) ≈ 710.4758
  const k = expParts(a, 0, E);
  return scale2(E[0]! + E[1]!, k - 1);
}

/**
 * The hyperbolic tangent, the same bits on every engine.
 * e.g. tanh(1) = 0.7615941559557649, tanh(20) = 1
 */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (a !== a) return NaN;
  if (a < 7.450580596923828e-9) return x; // |x| < 2^-27: x³/3 is below half an ulp, keeps −0
  if (a > 22) return x < 0 ? -1 : 1; // 1 − tanh < 2^-62
  let nh: number;
  let nl: number;
  let dh: number;
  let dl: number;
  if (a < 0.125) {
    // sinh a / cosh a, each as a pair
    const z = a * a;
    nh = a;
    nl = sinhTail(a, z);
    const w = 0.5 * z + z * z * (1 / 24 + z * (1 / 720 + z * (1 / 40320 + z * (2.755731922398589e-7 + z * 2.08767569878681e-9))));
    dh = 1 + w;
    dl = 1 - dh + w;
  } else {
    // (e^a − e^-a)/(e^a + e^-a)
    expPair(a);
    const h = P[0]!;
    const q = P[2]!;
    nh = h - q;
    let bb = nh - h;
    nl = h - (nh - bb) + (-q - bb) + P[1]! - P[3]!;
    dh = h + q;
    bb = dh - h;
    dl = h - (dh - bb) + (q - bb) + P[1]! + P[3]!;
  }
  const r = divide(nh, nl, dh, dl);
  return x < 0 ? -r : r;
}
