import { exp, expm1, log, log1p } from '../math/index.js';
// Anchored logistic and Gompertz (docs/design.md, "Median path"), in log space throughout.

/** log(1 + e^x) without overflow or loss of digits (+∞ at +∞, 0 at −∞, never NaN for a non-NaN x). */
export function softplus(x: number): number {
  return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

/**
 * L = ln(K/v0), accurate for K close to v0 (log1p of (K − v0)/v0, where K − v0 is exact) and
 * without overflow when K/v0 is beyond a double (K = 1e300, v0 = 1e-300: the difference of logs).
 */
export function logRatio(capacityMt: number, v0: number): number {
  const c = (capacityMt - v0) / v0;
  return c < Number.MAX_VALUE ? log1p(c) : log(capacityMt) - log(v0);
}

/**
 * The log of the anchored curve's "distance" term: ln(K/v0 − 1) for the logistic, ln(ln(K/v0))
 * for the Gompertz. Its sign is the sign of tm − t0: positive when the start lies below the
 * midpoint (K > 2·v0, resp. K > e·v0); for the logistic it is exactly 0 at K = 2·v0 (computed as
 * ln((K − v0)/v0), or L + ln(1 − e^−L) when K/v0 is beyond a double). Needs K > v0.
 */
export function midpointLog(logistic: boolean, capacityMt: number, v0: number): number {
  const L = logRatio(capacityMt, v0);
  if (!logistic) return log(L);
  const c = (capacityMt - v0) / v0;
  return c < Number.MAX_VALUE ? log(c) : L + log(-expm1(-L));
}

/**
 * log(v(t0 + dt)/v0) of the anchored curve with L = ln(K/v0) > 0 and rate r > 0:
 * logistic L − softplus(ln(K/v0 − 1) − r·dt), Gompertz −L·expm1(−r·dt). It is 0 at dt = 0 and
 * tends to L (v → K) as dt → ∞; for dt → −∞ it tends to −∞ (v → 0), never NaN.
 */
export function anchoredLogRatio(logistic: boolean, L: number, logC: number, r: number, dt: number): number {
  if (dt === 0) return 0;
  const x = r * dt;
  return logistic ? L - softplus(logC - x) : -L * expm1(-x);
}

/**
 * The rate of an anchored logistic or Gompertz curve given its midpoint year instead:
 * r = ln(K/v0 − 1)/(tm − t0), resp. ln(ln(K/v0))/(tm − t0). NaN-free: returns a non-positive or
 * non-finite value when the pair is inconsistent (the caller refuses it).
 */
export function rateFromMidpoint(logC: number, midpointYear: number, t0: number): number {
  return logC / (midpointYear - t0);
}

/** The midpoint (logistic) or inflection (Gompertz) year of an anchored curve. */
export function midpointFromRate(logC: number, rate: number, t0: number): number {
  return t0 + logC / rate;
}

/** Why a midpoint year does not fit the start point and the capacity, and what would. */
export function midpointAdvice(logistic: boolean, t0: number, v0: number, logC: number): string {
  const what = logistic ? '2 × start' : 'e × start';
  const point = logistic ? 'half its capacity' : 'K/e (its inflection)';
  if (logC > 0) return `must be after the start year ${t0} when capacityMt > ${what} volume (${fmt(logistic ? 2 * v0 : Math.E * v0)}): the curve starts below ${point}, so that point lies ahead`;
  if (logC < 0) return `must be before the start year ${t0} when capacityMt < ${what} volume (${fmt(logistic ? 2 * v0 : Math.E * v0)}): the curve starts above ${point}, so that point lies behind`;
  return `cannot set the rate when capacityMt = ${what} volume: the curve is at ${point} at the start whatever the rate; give rate instead`;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
