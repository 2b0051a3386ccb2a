/**
 * sin(π·x) in plain double arithmetic: the same bits on every JavaScript engine (`Math.sin` is
 * implementation-approximated), and exact argument reduction for every x, which
 * `Math.sin(Math.PI * x)` lacks (π·x is rounded before the sine sees it: sin(π·1e6) is not 0).
 * This covers the library's two sines: 2·sin(π·ρ/6) (Pearson from Spearman, ρ/6 in [−1/6, 1/6])
 * and sin(π·x) in the reflection formula of log Γ.
 *
 * Method: x mod 2 is exact (ECMAScript `%` is fmod, exact); n = round(2x) and t = x − n/2 (exact,
 * |t| ≤ 1/4) give sin(πx) = ±sin(πt) or ±cos(πt) by n mod 4. u = π·t is formed as a double-double
 * (π and its tail, the product's error by Dekker's splitting); sin u is u + ul + u³·S(u²) and
 * cos u is 1 − u²/2 + u⁴·C(u²) with u² exact (Dekker) and 1 − u²/2 as an exact sum, the Taylor
 * series to u^19 / u^18 (|u| ≤ π/4: truncation below 2^-60 relative); coefficients are the
 * doubles nearest to ±1/n! (mpmath at 60 digits). Within 1 ulp; the correctly rounded double on
 * 98 % of 7,112 reference points and 96 % of 80,000 further random ones in [−2, 2]
 * (test/math/sinpi.test.ts, against a 60-digit reference); 22 ns a call on V8 against 7 ns for
 * `Math.sin(Math.PI * x)`, which is correctly rounded on 57 % of the same points.
 *
 * Special values: sinpi(±0) = ±0, sinpi(±Infinity) = sinpi(NaN) = NaN, sinpi(n) = +0 for a
 * nonzero integer n (exactly, where Math.sin(Math.PI * n) is not 0), sinpi(n + 1/2) = ±1.
 *
 * e.g. sinpi(1 / 6) = 0.5 (Math.sin(Math.PI / 6) is 0.49999999999999994)
 * e.g. sinpi(1e6) = 0
 */

const PI = 3.141592653589793;
const PI_LO = 1.2246467991473532e-16; // π − PI
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const PI_1 = SPLIT * PI - (SPLIT * PI - PI); // PI split in two halves of 26 bits: PI = PI_1 + PI_2
const PI_2 = PI - PI_1;
/** 1.5 · 2^52: adding and subtracting it rounds |v| < 2^51 to an integer (ties to even). */
const ROUND = 6755399441055744;

/** sin(π·x), the same bits on every engine. */
export function sinpi(x: number): number {
  if (x === 0) return x; // keeps −0
  const y = x % 2; // exact; NaN for ±Infinity and NaN
  if (y !== y) return NaN;
  const nd = 2 * y + ROUND - ROUND;
  const n = nd | 0;
  const t = y - nd * 0.5; // exact, |t| ≤ 1/4
  // u = π·t as uh + ul
  const uh = PI * t;
  const c = SPLIT * t;
  const t1 = c - (c - t);
  const t2 = t - t1;
  const ul = PI_1 * t1 - uh + PI_1 * t2 + PI_2 * t1 + PI_2 * t2 + PI_LO * t;
  const z = uh * uh;
  let r: number;
  if ((n & 1) === 0) {
    // sin u
    if (t === 0) return 0;
    const s =
      -0.16666666666666666 +
      z *
        (0.008333333333333333 +
          z *
            (-0.0001984126984126984 +
              z *
                (2.7557319223985893e-6 +
                  z * (-2.505210838544172e-8 + z * (1.6059043836821613e-10 + z * (-7.647163731819816e-13 + z * (2.8114572543455206e-15 + z * -8.22063524662433e-18)))))));
    r = uh + (ul + uh * z * s);
  } else {
    // cos u = 1 − u²/2 + u⁴·C(u²), with u² = zh + zl exactly (uh² by Dekker, plus 2·uh·ul)
    const d = SPLIT * uh;
    const a1 = d - (d - uh);
    const a2 = uh - a1;
    const zl = a1 * a1 - z + 2 * a1 * a2 + a2 * a2 + 2 * uh * ul;
    const w = 0.5 * z;
    const hi = 1 - w;
    const lo = 1 - hi - w; // exact: 1 ≥ w
    const q =
      0.041666666666666664 +
      z *
        (-0.001388888888888889 +
          z * (2.48015873015873e-5 + z * (-2.755731922398589e-7 + z * (2.08767569878681e-9 + z * (-1.1470745597729725e-11 + z * (4.779477332387385e-14 + z * -1.5619206968586225e-16))))));
    r = hi + (lo - 0.5 * zl + z * z * q);
  }
  return (n & 2) === 0 ? r : -r;
}
