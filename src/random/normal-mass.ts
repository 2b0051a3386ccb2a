/**
 * The probability a standard normal gives an interval [a, b], Φ(b) − Φ(a), and its logarithm:
 * by the tail on the side where the mass is small, so that it keeps its digits (the truncated
 * normal's and truncated lognormal's moments).
 */
import { normalCdf } from '../stats/normal.js';
import { exp, log, log1p } from '../math/index.js';

/**
 * Φ(b) − Φ(a) for a <= b (either may be infinite), by the small tail's side.
 */
export function normalMass(a: number, b: number): number {
  return b <= 0 ? normalCdf(b) - normalCdf(a) : a >= 0 ? normalCdf(-a) - normalCdf(-b) : 1 - normalCdf(a) - normalCdf(-b);
}

/** ln Φ(x), finite for every finite x: past −37, where Φ underflows, by the asymptotic series of Mills' ratio. */
function logCdf(x: number): number {
  if (x === -Infinity) return -Infinity;
  if (x > -37) return log(normalCdf(x));
  return logCdfRest(x) - 0.5 * x * x;
}

/**
 * ln Φ(x) + x²/2 for x <= −37: Φ(x) = φ(x)/|x| · (1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸ − …), the
 * terms left out below 1e-13 there.
 */
function logCdfRest(x: number): number {
  const r = 1 / (x * x);
  return -log(-x) - 0.5 * log(2 * Math.PI) + log1p(r * (-1 + r * (3 + r * (-15 + r * 105))));
}

/**
 * ln(Φ(b) − Φ(a)) for a <= b, −Infinity for an empty interval: finite however far in a tail the
 * interval lies (Φ(−40) underflows, its logarithm −804.6 does not).
 */
export function logNormalMass(a: number, b: number): number {
  const { c, r } = logNormalMassParts(a, b);
  return r - (c * c) / 2;
}

/**
 * ln(Φ(b) − Φ(a)) as −c²/2 + r, c the bound nearer the bulk when the interval lies on one side
 * of 0 (b when b <= 0, a when a >= 0; `side` says which), c = 0 otherwise: r stays of the order
 * of ln|c| where the logarithm itself is −c²/2, so that differences of two such logarithms
 * (the truncated lognormal's moments) keep their digits.
 */
export function logNormalMassParts(a: number, b: number): { c: number; r: number; side: -1 | 0 | 1 } {
  if (!(a < b)) return { c: 0, r: -Infinity, side: 0 };
  if (a >= 0) {
    const m = logNormalMassParts(-b, -a);
    return { c: a, r: m.r, side: 1 };
  }
  if (b > 0) return { c: 0, r: log(normalMass(a, b)), side: 0 };
  // a < b <= 0: ln Φ(b) + ln(1 − Φ(a)/Φ(b)), with ln Φ(b) = −b²/2 + (ln Φ(b) + b²/2).
  const lb = logCdf(b);
  const rb = b > -37 ? lb + (b * b) / 2 : logCdfRest(b);
  return { c: b, r: rb + log1p(-exp(logCdf(a) - lb)), side: -1 };
}
