import type { ObservationKind } from '../../data/volumes.js';
import type { FixedGrowthModel, YearVolume } from '../model.js';

// The public shapes of a growth fit: its options, its parameters and the fit itself.

/** The models {@link fitGrowth} fits. */
export type FitModel = 'exponential' | 'logistic' | 'gompertz';

/** Parameter names of each fitted model, in user units. */
export type FitParameterName = 'volumeMt' | 'rate' | 'capacityMt' | 'midpointYear';

/** Options of {@link fitGrowth}. */
export interface FitOptions {
  /** First year used (inclusive). */
  from?: number;
  /** Last year used (inclusive), e.g. 2024 to fit on the record through 2024 only. */
  through?: number;
  /** Kinds of observation used; `['reported']` by default (outturns only: forecasts and targets are not data). */
  kinds?: readonly ObservationKind[];
  /** Parameters held at a value, e.g. `{ capacityMt: 10 }`. */
  fixed?: Partial<Record<FitParameterName, number>>;
  /** Bounds [lower, upper] on parameters, e.g. `{ capacityMt: [5, 30] }` (a prior range). */
  bounds?: Partial<Record<FitParameterName, readonly [number, number]>>;
}

/** One fitted parameter. */
export interface FitParameter {
  name: FitParameterName;
  /** The least-squares estimate; null when the data do not identify it (see `warnings`). */
  estimate: number | null;
  /** Asymptotic standard error from the Jacobian (s²(JᵀJ)⁻¹, delta method to user units); null when fixed or not identified. */
  standardError: number | null;
  fixed: boolean;
  identified: boolean;
  /** Set when the estimate sits on a bound (the user's, or the search range's). */
  atBound?: 'lower' | 'upper';
  /**
   * For a capacity the data do not bound from above: the smallest value consistent with them at
   * 95 % (profile likelihood ratio, χ²₁ = 3.841).
   */
  lowerBound95?: number;
  /** The largest capacity consistent with the data at 95 % (profile likelihood); null when they do not bound it from above. */
  upperBound95?: number | null;
}

/**
 * A fit: plain data plus `predict` and `toJSON`.
 *
 * `toJSON()` gives every field but `predict`: `{ kind: 'growth-fit', family, model, anchor,
 * parameters, identified, warnings, years, observedMt, fittedMt, residuals, rmsle, sse, n, k,
 * aic, aicc, iterations }` (numbers, strings, booleans, nulls and arrays of them; a few KB).
 */
export interface GrowthFit {
  readonly kind: 'growth-fit';
  /** The model family fitted. */
  family: FitModel;
  /**
   * The fitted median path in its anchored scenario form: for the exponential `{ rate }`, for the
   * logistic and Gompertz `{ capacityMt: K, rate: r }` (docs/design.md, "Median path"); with
   * `start: anchor` it is a scenario's `growth` that reproduces the fitted path
   * (`growthCurve(fit.model, fit.anchor)` is `fit.predict`). When `identified` is false it is the
   * degenerate limit (the exponential), not an estimate.
   */
  model: FixedGrowthModel;
  /** The fitted curve's value in the last year used (not the observation): the anchor of `model`. */
  anchor: YearVolume;
  parameters: FitParameter[];
  /**
   * False when a parameter is not identified by the data (e.g. a capacity that runs off to
   * infinity), or when a capacity fixed or bounded at or below the largest observation keeps every
   * curve of the family below the data (a warning says which).
   */
  identified: boolean;
  warnings: string[];
  years: number[];
  observedMt: number[];
  fittedMt: number[];
  /** log(observed) − log(fitted), per year. */
  residuals: number[];
  /** Root mean squared log error: √(Σ residual² / n). */
  rmsle: number;
  /** Residual sum of squares on the log scale. */
  sse: number;
  n: number;
  /** Number of estimated parameters plus one for the residual variance. */
  k: number;
  /**
   * n·ln(max(SSE/n, s²_min)) + 2k (Gaussian log-scale errors). The residual variance is floored at
   * s²_min = (2^-52 · max(1, max |ln v|))², the resolution of the log volumes themselves, so that an
   * exact fit gives a finite AIC (a warning says when the floor is used) instead of −Infinity.
   */
  aic: number;
  /** AIC with the small-sample correction 2k(k+1)/(n−k−1); null when n ≤ k + 1. */
  aicc: number | null;
  /** Levenberg–Marquardt iterations of the best start. */
  iterations: number;
  /** v(year) of the fitted curve, in Mt. */
  predict(year: number): number;
  /** Plain data: every field but `predict` (see the interface's documentation). */
  toJSON(): Omit<GrowthFit, 'predict' | 'toJSON'>;
}
