/**
 * Forecast models for {@link evaluateForecasts}: each a function from the record up to an origin
 * to the scenario a forecaster would then run. They see only outturns of the origin year or
 * before (leave-future-out), and none of them has a parameter tuned to the outturns it is scored
 * on: the damping factor and the shrinkage prior are stated judgement (docs/forecasting.md).
 */
import { bool, numberIn, options } from '../args.js';
import { CAPACITIES } from '../data/facts.js';
import type { Observation } from '../data/volumes.js';
import { fitRandomWalk } from '../growth/randomWalk.js';
import type { ScenarioInput } from '../scenario/types.js';
import { exp, expm1, log } from '../math/index.js';
import type { Param } from '../random/dist.js';
import { volatilityPosterior } from './volatility.js';

/** The scenario a forecaster with the outturns `history` (all ≤ origin, sorted) would run to `horizon`. */
export type ForecastModel = (history: readonly Observation[], origin: number, horizon: number) => ScenarioInput;

/** The drift's estimation error as a distribution of the rate: normal on e^g − 1, kept above −0.9. */
function rateParam(logGrowth: number, logGrowthSE: number) {
  const rate = expm1(logGrowth);
  const sd = (1 + rate) * logGrowthSE;
  return sd > 0 ? { dist: 'normal' as const, mean: rate, sd, min: Math.max(-0.9, rate - 6 * sd) } : rate;
}

/** Options of the built-in models. */
export interface ModelOptions {
  /** Carry the parameters' estimation error into the forecast (true by default): σ's posterior, and for `driftModel` the drift's. */
  parameterUncertainty?: boolean;
}

/** The `parameterUncertainty` option, true by default. */
function uncertain(fn: string, flag: unknown): boolean {
  return flag === undefined ? true : bool(fn, 'parameterUncertainty', flag);
}

/** σ for a fitted drift: its posterior ({@link volatilityPosterior}, one degree of freedom spent on the drift), or the point estimate. */
function fittedVolatility(fit: ReturnType<typeof fitRandomWalk>, withUncertainty: boolean): Param {
  return withUncertainty ? volatilityPosterior(fit.volatility * fit.volatility * (fit.n - 2), fit.n - 2) : fit.volatility;
}

function lastOf(history: readonly Observation[], origin: number): { year: number; volumeMt: number } {
  const last = history[history.length - 1];
  if (!last || last.year !== origin) throw new RangeError(`forecast model: the record has no outturn for the origin ${origin} to start from`);
  return { year: last.year, volumeMt: last.volumeMt };
}

/**
 * No change: a random walk without drift from the last outturn, with the volatility of the
 * record's yearly log steps about zero (σ² = Σ d²/h over the steps; with `parameterUncertainty`,
 * the default, σ's posterior given those steps, {@link volatilityPosterior}). The persistence
 * forecast every other model has to beat.
 */
export function noChangeModel(o: ModelOptions = {}): ForecastModel {
  const withUncertainty = uncertain('noChangeModel', options<ModelOptions>('noChangeModel', o, ['parameterUncertainty']).parameterUncertainty);
  return (history, origin, horizon) => {
    const start = lastOf(history, origin);
    let ss = 0;
    for (let i = 1; i < history.length; i++) {
      const h = history[i]!.year - history[i - 1]!.year;
      const d = log(history[i]!.volumeMt / history[i - 1]!.volumeMt);
      ss += (d * d) / h;
    }
    const steps = history.length - 1;
    const volatility = withUncertainty ? volatilityPosterior(ss, steps) : Math.sqrt(ss / steps);
    return { name: `no change from ${origin}`, start, horizon, growth: { model: 'exponential', rate: 0 }, volatility };
  };
}

/**
 * A random walk with its drift fitted by {@link fitRandomWalk} (the maximum-likelihood drift,
 * the total log growth over the years spanned), with the drift's estimation error and σ's
 * posterior carried into the forecast unless `parameterUncertainty` is false.
 */
export function driftModel(o: ModelOptions = {}): ForecastModel {
  const parameterUncertainty = uncertain('driftModel', options<ModelOptions>('driftModel', o, ['parameterUncertainty']).parameterUncertainty);
  return (history, origin, horizon) => {
    const fit = fitRandomWalk(history);
    const start = lastOf(history, origin);
    return {
      name: `random walk with drift from ${origin}`,
      start,
      horizon,
      growth: { model: 'exponential', rate: parameterUncertainty ? rateParam(fit.logGrowth, fit.logGrowthSE) : fit.rate },
      volatility: fittedVolatility(fit, parameterUncertainty),
    };
  };
}

/**
 * A damped trend (Gardner & McKenzie 1985, in log volume): the fitted drift g decays by φ each
 * year ahead, so log growth j years ahead is φʲ·g and the path levels off at g·φ/(1 − φ) above
 * the origin. φ = 0.8 by default, the lower end of what damped-trend methods allow (Hyndman &
 * Athanasopoulos, FPP3 §8.2) — a statement that booms fade, not a value fitted to the outturns;
 * `phi: 'estimate'` takes it from the record up to the origin instead (the lag-1 autocorrelation of
 * the yearly log growth, in [0, 0.98]).
 */
export function dampedTrendModel(o: { phi?: number | 'estimate' } & ModelOptions = {}): ForecastModel {
  const opts = options<{ phi?: number | 'estimate' } & ModelOptions>('dampedTrendModel', o, ['phi', 'parameterUncertainty']);
  const withUncertainty = uncertain('dampedTrendModel', opts.parameterUncertainty);
  const given = opts.phi === undefined ? 0.8 : opts.phi === 'estimate' ? null : numberIn('dampedTrendModel', 'phi', opts.phi, 0, 1, { hi: true });
  return (history, origin, horizon) => {
    const fit = fitRandomWalk(history);
    // Estimated: the lag-1 autocorrelation of the yearly log growth, kept in [0, 0.98] (a
    // negative or missing one means no momentum to damp: φ = 0, the no-change path after a year).
    const phi = given ?? Math.min(0.98, Math.max(0, fit.persistence ?? 0));
    const start = lastOf(history, origin);
    const points = [{ year: origin, volumeMt: start.volumeMt }];
    let logVolume = log(start.volumeMt);
    let damping = 1; // φ^j, by repeated multiplication (exact steps on every engine, unlike **)
    for (let j = 1; j <= horizon - origin; j++) {
      damping *= phi;
      logVolume += damping * fit.logGrowth;
      points.push({ year: origin + j, volumeMt: exp(logVolume) });
    }
    if (points.length === 1) points.push({ year: origin + 1, volumeMt: exp(logVolume + phi * fit.logGrowth) });
    return { name: `damped trend (φ ${phi}) from ${origin}`, start, horizon, growth: { model: 'piecewise', points }, volatility: fittedVolatility(fit, withUncertainty) };
  };
}

/**
 * The fitted drift shrunk toward zero: the posterior of the log growth under a normal prior
 * centred at 0 with sd `priorSd` (0.1: long-run freight growth of ±10 %/yr is already fast), so
 * g·τ²/(τ² + SE²) with the posterior's uncertainty carried into the forecast. With a short, noisy
 * record (SE ≈ 0.2) most of the boom's drift is discounted.
 */
export function shrunkDriftModel(o: { priorSd?: number } & ModelOptions = {}): ForecastModel {
  const opts = options<{ priorSd?: number } & ModelOptions>('shrunkDriftModel', o, ['priorSd', 'parameterUncertainty']);
  const withUncertainty = uncertain('shrunkDriftModel', opts.parameterUncertainty);
  const priorSd = opts.priorSd === undefined ? 0.1 : numberIn('shrunkDriftModel', 'priorSd', opts.priorSd, 0, 10, { lo: true });
  return (history, origin, horizon) => {
    const fit = fitRandomWalk(history);
    const start = lastOf(history, origin);
    const t2 = priorSd * priorSd;
    const s2 = fit.logGrowthSE * fit.logGrowthSE;
    const mean = (fit.logGrowth * t2) / (t2 + s2);
    const sd = Math.sqrt((t2 * s2) / (t2 + s2));
    return { name: `drift shrunk toward 0 from ${origin}`, start, horizon, growth: { model: 'exponential', rate: rateParam(mean, sd) }, volatility: fittedVolatility(fit, withUncertainty) };
  };
}

/**
 * The same model with the corridor's capacity as known at the origin (the latest reported
 * whole-route capacity of {@link CAPACITIES} published for the origin year or before) as a cap
 * on volume; without a published capacity by then, the model unchanged.
 */
export function withKnownCapacity(model: ForecastModel): ForecastModel {
  if (typeof model !== 'function') throw new TypeError(`withKnownCapacity: model must be a forecast model function (got ${typeof model})`);
  return (history, origin, horizon) => {
    const s = model(history, origin, horizon);
    const known = CAPACITIES.filter((c) => c.element === 'whole route' && c.kind === 'reported' && c.year <= origin && c.capacityMt !== undefined).sort((a, b) => a.year - b.year);
    const cap = known[known.length - 1];
    if (!cap) return s;
    // A cap below the start volume would clip the start year itself: never lower than the outturn.
    return { ...s, name: `${s.name}, capped at ${cap.capacityMt} Mt (${cap.year})`, capacity: { baseMt: Math.max(cap.capacityMt!, s.start.volumeMt) } };
  };
}

/** The built-in models, keyed as {@link evaluateForecasts} reports them. */
export function forecastModels(): Record<string, ForecastModel> {
  return {
    'no-change': noChangeModel(),
    drift: driftModel(),
    'damped-trend': dampedTrendModel(),
    'shrunk-drift': shrunkDriftModel(),
    'no-change-capped': withKnownCapacity(noChangeModel()),
    'drift-capped': withKnownCapacity(driftModel()),
    'damped-trend-capped': withKnownCapacity(dampedTrendModel()),
    'shrunk-drift-capped': withKnownCapacity(shrunkDriftModel()),
  };
}
