/**
 * The volatility of a forecast as a distribution rather than a number: the posterior of σ given
 * the record's log steps (docs/forecasting.md, "σ's uncertainty"). With a handful of steps the
 * point estimate of σ is itself very uncertain (from two steps its 95 % interval spans a factor of
 * 30), and a forecast that takes it as known is too narrow exactly when the record is short.
 */
import { numberIn, wholeNumber } from '../args.js';
import { exp, log } from '../math/index.js';
import type { Param } from '../random/dist.js';

/**
 * The largest yearly log-shock sd a forecast allows: 1, volumes typically e ≈ 2.7 times up or
 * down in a year. A bound is needed, not only prudent: under any posterior with a power-law tail
 * in σ² (every conjugate one) the predictive mean of e^(log volume) is infinite, and so is the
 * CRPS in Mt. The corridor's record (σ = 0.47 over 2019–2025, its largest step 0.93) is well
 * inside it.
 * @example MAX_VOLATILITY // => 1
 */
export const MAX_VOLATILITY = 1;

/** Points of the grid that carries the posterior. */
const GRID = 200;

/**
 * The posterior of σ given `ss`, the sum of the squared standardised log steps about the drift
 * (Σ (d − h·g)²/h), with `dof` degrees of freedom (steps, less one where the drift was fitted),
 * under the reference prior p(σ) ∝ 1/σ truncated to σ ≤ {@link MAX_VOLATILITY}: σ² is ss/χ²_dof
 * conditioned on σ ≤ 1. Returned as an empirical distribution on 200 points equally spaced in
 * log σ (midpoints, weights the posterior density in log σ: σ^(−dof)·e^(−ss/2σ²)) from an eighth
 * of min(√(ss/dof), 1), below which the density is under e^(−29·dof) of its peak, to 1; the
 * simulation draws one σ per path. With no variation (ss 0), σ = 0. `ss` must be finite and
 * ≥ 0, `dof` a whole number from 1.
 * @example volatilityPosterior(0.5, 2).values.length // => 200
 * @example volatilityPosterior(0, 3) // => 0
 */
export function volatilityPosterior(ss: number, dof: number): Param {
  numberIn('volatilityPosterior', 'ss', ss, 0, Number.MAX_VALUE);
  wholeNumber('volatilityPosterior', 'dof', dof, 1, 1_000_000);
  if (ss === 0) return 0;
  // For a subnormal ss, √(ss/dof) and 2σ² underflow (a NaN grid, a density of ±∞): those steps in
  // log space; every other input keeps the plain formulas (and its bits).
  const s = Math.sqrt(ss / dof);
  const hi = log(MAX_VOLATILITY);
  const lo = s > 0 ? log(Math.min(s, MAX_VOLATILITY) / 8) : (log(ss) - log(dof)) / 2 - log(8);
  const step = (hi - lo) / GRID;
  const values: number[] = [];
  const logDensity: number[] = [];
  for (let i = 0; i < GRID; i++) {
    const u = lo + (i + 0.5) * step;
    const sigma = exp(u);
    values.push(sigma);
    const twice = 2 * sigma * sigma;
    logDensity.push(-dof * u - (twice > 0 ? ss / twice : exp(log(ss) - Math.LN2 - 2 * u)));
  }
  const top = Math.max(...logDensity);
  return { dist: 'empirical', values, weights: logDensity.map((l) => exp(l - top)) };
}
