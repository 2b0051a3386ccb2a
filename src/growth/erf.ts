import { normalSurvival } from '../stats/normal.js';

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * The error function, for the formula function `erf`, to a few ulp (checked against a 30-digit
 * table in test/growth/erf.test.ts). Near 0 its Taylor series (|x| ≤ 0.5: at most 14 terms, no
 * cancellation); beyond, 1 − erfc(|x|) with erfc from the normal distribution's upper tail
 * (Cody's approximation, src/stats/normal.ts): erfc(x) = 2·Q(x√2).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return x; // ±0, the sign kept as mathjs keeps it
  const a = Math.abs(x);
  if (a <= 0.5) {
    // Σ (−1)^n x^(2n+1) / (n! (2n+1)), summed from the smallest term up
    const x2 = x * x;
    const terms: number[] = [];
    let p = x;
    for (let n = 0; n < 20; n++) {
      const term = p / (2 * n + 1);
      terms.push(term);
      if (Math.abs(term) < 1e-18 * a) break;
      p *= -x2 / (n + 1);
    }
    let s = 0;
    for (let i = terms.length - 1; i >= 0; i--) s += terms[i]!;
    return TWO_OVER_SQRT_PI * s;
  }
  const v = 1 - 2 * normalSurvival(a * Math.SQRT2);
  return x < 0 ? -v : v;
}
