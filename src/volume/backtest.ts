import type { Observation } from '../data/volumes.js';
import { fitRandomWalk } from '../growth/randomWalk.js';
import type { Seed } from '../random/stream.js';
import type { ScenarioInput } from '../scenario/types.js';
import { simulateVolumes } from './simulate.js';

/** One held-out year of a backtest. */
export interface BacktestRow {
  year: number;
  outturn: number;
  p10: number;
  p50: number;
  p90: number;
  /** Whether the outturn fell inside the central 80 % band [P10, P90]. */
  inside: boolean;
  /** The forecast's probability of a volume at or below the outturn (a PIT value). */
  pAtMost: number;
}

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Last year of the record the forecast may use. */
  fitThrough: number;
  /** Last year forecast. */
  horizon: number;
  paths: number;
  seed: Seed;
  /** Carry the drift's estimation error into the forecast (true by default). */
  parameterUncertainty?: boolean;
}

/**
 * The scenario a forecaster with the record through `fitThrough` would run: a random walk with
 * drift fitted by {@link fitRandomWalk}, from the last outturn, no capacity limit.
 */
export function forecastScenario(record: readonly Observation[], o: Pick<BacktestOptions, 'fitThrough' | 'horizon' | 'parameterUncertainty'>): ScenarioInput {
  const fit = fitRandomWalk(record, { through: o.fitThrough });
  if (fit.last.year !== o.fitThrough) throw new RangeError(`fitThrough: the record has no outturn for ${o.fitThrough} to start from (last is ${fit.last.year})`);
  const rate = o.parameterUncertainty === false ? fit.rate : { dist: 'normal' as const, mean: fit.rate, sd: fit.rateSE, min: Math.max(-0.9, fit.rate - 6 * fit.rateSE) };
  return {
    name: `forecast from the record through ${o.fitThrough}`,
    start: fit.last,
    horizon: o.horizon,
    growth: { model: 'exponential', rate },
    volatility: fit.volatility,
  };
}

/**
 * Fits the record through `fitThrough`, simulates to `horizon`, and compares each held-out year
 * that has an outturn with the forecast's P10/P50/P90: what a forecast made then said about what
 * happened. E.g. with the record through 2024, the 2025 outturn (4.119 Mt) against the forecast
 * (and against the announced 5.2).
 *
 * @example backtest(TITR_VOLUMES, { fitThrough: 2024, horizon: 2025, paths: 10000, seed: 1 })[0].inside // => true
 */
export function backtest(record: readonly Observation[], o: BacktestOptions): BacktestRow[] {
  if (!(Number.isInteger(o.fitThrough) && Number.isInteger(o.horizon) && o.horizon > o.fitThrough)) {
    throw new RangeError(`horizon: must be a whole year after fitThrough (got fitThrough ${o.fitThrough}, horizon ${o.horizon})`);
  }
  const result = simulateVolumes(forecastScenario(record, o), { paths: o.paths, seed: o.seed });
  const rows: BacktestRow[] = [];
  for (const obs of [...record].filter((x) => x.kind === 'reported' && x.year > o.fitThrough && x.year <= o.horizon).sort((a, b) => a.year - b.year)) {
    const [p10, p50, p90] = result.quantiles(obs.year, [0.1, 0.5, 0.9]) as [number, number, number];
    const v = result.volume[result.yearIndex(obs.year)]!;
    let below = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! <= obs.volumeMt) below++;
    rows.push({ year: obs.year, outturn: obs.volumeMt, p10, p50, p90, inside: obs.volumeMt >= p10 && obs.volumeMt <= p90, pAtMost: below / v.length });
  }
  return rows;
}
