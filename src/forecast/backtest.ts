import { func, options, show } from '../args.js';
import { PROGRESS_OPTIONS, tracker, type ProgressOptions } from '../engine/progress.js';
import type { Observation } from '../data/volumes.js';
import { shrunkDriftModel, type ForecastModel } from './models.js';
import { selectObservations } from '../growth/observations.js';
import type { Seed } from '../random/stream.js';
import { MAX_HORIZON_YEARS, type ScenarioInput } from '../scenario/types.js';
import type { Estimate } from '../stats/estimate.js';
import { proportion } from '../stats/proportion.js';
import type { VolumeResult } from '../volume/result.js';
import { runVolumes, volumeRun } from '../volume/simulate.js';
import type { TidyRow } from '../report/display.js';
import { block, firstLines, num, pct, runOf } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import { backtestDisplay, backtestRecords } from '../report/result-displays.js';

/** One held-out year of a backtest. */
export interface BacktestRow {
  year: number;
  outturn: number;
  p10: number;
  p50: number;
  p90: number;
  /** Whether the outturn fell inside the central 80 % band [P10, P90]. */
  inside: boolean;
  /** The forecast's probability of a volume at or below the outturn (a PIT value), with its standard error. */
  probabilityAtMost: Estimate;
}

/** Options of {@link backtest}. */
export interface BacktestOptions extends ProgressOptions {
  /** Last year of the record the forecast may use. */
  fitThrough: number;
  /** Last year forecast. */
  horizon: number;
  paths: number;
  seed: Seed;
  /**
   * The forecast model: a function from the outturns up to `fitThrough` to a scenario
   * (docs/forecasting.md). By default the drift shrunk toward zero, {@link shrunkDriftModel}.
   */
  model?: ForecastModel;
}

/** What `JSON.stringify` writes for a {@link BacktestResult}. */
export interface BacktestJSON {
  kind: 'backtest';
  seed: string;
  paths: number;
  fitThrough: number;
  horizon: number;
  rows: BacktestRow[];
}

/** The result of {@link backtest}: one row per held-out year with an outturn, in year order. */
export class BacktestResult extends RowResult<BacktestRow, 'year', BacktestJSON> {
  declare readonly kind: 'backtest';
  /** The seed of the forecast's simulation. */
  declare readonly seed: string;
  declare readonly paths: number;
  declare readonly fitThrough: number;
  declare readonly horizon: number;
  declare readonly rows: readonly BacktestRow[];

  constructor(p: { seed: string; paths: number; fitThrough: number; horizon: number; rows: BacktestRow[] }) {
    super({ kind: 'backtest', seed: p.seed, paths: p.paths, fitThrough: p.fitThrough, horizon: p.horizon, rows: p.rows });
  }

  /** The paths of the forecast's simulation. */
  get size(): number {
    return this.paths;
  }

  /** Tidy rows `{ year, statistic, value, standardError, threshold }`: outturn, p10, p50, p90 and probabilityAtMost (threshold: the outturn). */
  toRecords(): TidyRow<'year'>[] {
    return backtestRecords(this.rows);
  }

  /** The table and the band against the outturns. */
  protected display(): RowDisplay {
    return backtestDisplay(this.fitThrough, this.rows);
  }

  /** The run and each held-out year against its outturn. */
  protected text(): string {
    return block(
      `BacktestResult: fit through ${this.fitThrough}, forecast to ${this.horizon}, ${runOf(this.paths, 'paths', this.seed)}`,
      firstLines(this.rows.map((r) => `${r.year}: outturn ${num(r.outturn, 'Mt')}, P50 ${num(r.p50, 'Mt')} (P10 ${num(r.p10)}, P90 ${num(r.p90)}), ${r.inside ? 'inside' : 'outside'} the band, P(≤ outturn) ${pct(r.probabilityAtMost)}`)),
    );
  }
}

/** A whole year (TypeError for a non-number, RangeError for a non-integer). */
function wholeYear(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be a whole year (got ${show(x)})`);
  if (!Number.isSafeInteger(x)) throw new RangeError(`${fn}: ${name} must be a whole year (got ${show(x)})`);
  return x;
}

const FORECAST_OPTIONS = ['fitThrough', 'horizon', 'model'] as const;

/** Checks forecast options: whole years, horizon after fitThrough. */
function forecastOptions(fn: string, o: unknown, allowed: readonly string[], required: readonly string[]) {
  const opts = options<Partial<BacktestOptions>>(fn, o, allowed, required);
  const fitThrough = wholeYear(fn, 'fitThrough', opts.fitThrough);
  const horizon = wholeYear(fn, 'horizon', opts.horizon);
  if (!(horizon > fitThrough)) throw new RangeError(`${fn}: horizon must be a whole year after fitThrough (got fitThrough ${fitThrough}, horizon ${horizon})`);
  if (horizon - fitThrough > MAX_HORIZON_YEARS) {
    throw new RangeError(`${fn}: horizon must be at most ${MAX_HORIZON_YEARS} years after fitThrough, the longest run a scenario may ask for (got fitThrough ${fitThrough}, horizon ${horizon})`);
  }
  const model = opts.model === undefined ? shrunkDriftModel() : func<ForecastModel>(fn, 'model', opts.model);
  return { opts, fitThrough, horizon, model };
}

function forecast(fn: string, record: readonly Observation[], fitThrough: number, horizon: number, model: ForecastModel): ScenarioInput {
  // Leave the future out: the model sees the outturns of fitThrough and before, nothing else.
  const history = selectObservations(fn, record, { through: fitThrough });
  const last = history[history.length - 1];
  if (!last || last.year !== fitThrough) throw new RangeError(`${fn}: fitThrough: the record has no outturn for ${fitThrough} to start from (last is ${last?.year ?? 'none'})`);
  let s: ScenarioInput;
  try {
    s = model(history, fitThrough, horizon);
  } catch (e) {
    // The model's own message names the model's fit (e.g. fitRandomWalk); the user wrote fitThrough.
    if (!(e instanceof Error)) throw e;
    const Kind = e instanceof TypeError ? TypeError : RangeError;
    throw new Kind(`${fn}: fitThrough ${fitThrough}: the model cannot forecast from the ${history.length} outturn${history.length === 1 ? '' : 's'} through ${fitThrough} (${e.message})`, { cause: e });
  }
  return { ...s, name: `forecast from the record through ${fitThrough}` };
}

/**
 * The scenario a forecaster with the record through `fitThrough` would run: by default a random
 * walk whose drift, fitted by `fitRandomWalk`, is shrunk toward zero (docs/forecasting.md says
 * why), from the last outturn, no capacity limit; or the scenario of the given `model`.
 * @example forecastScenario(TITR_VOLUMES, { fitThrough: 2024, horizon: 2027 }).start // => { year: 2024, volumeMt: 4.484 }
 */
export function forecastScenario(record: readonly Observation[], o: Pick<BacktestOptions, 'fitThrough' | 'horizon' | 'model'>): ScenarioInput {
  const fn = 'forecastScenario';
  const { fitThrough, horizon, model } = forecastOptions(fn, o, FORECAST_OPTIONS, ['fitThrough', 'horizon']);
  return forecast(fn, record, fitThrough, horizon, model);
}

/**
 * Fits the record through `fitThrough`, simulates to `horizon`, and compares each held-out year
 * that has an outturn with the forecast's P10/P50/P90: what a forecast made then said about what
 * happened. E.g. with the record through 2024, the 2025 outturn (4.119 Mt) against the forecast
 * (and against the announced 5.2).
 *
 * @example backtest(TITR_VOLUMES, { fitThrough: 2024, horizon: 2025, paths: 10000, seed: 1 }).rows[0].inside // => true
 */
export function backtest(record: readonly Observation[], o: BacktestOptions): BacktestResult {
  const fn = 'backtest';
  const { opts, fitThrough, horizon, model } = forecastOptions(fn, o, [...FORECAST_OPTIONS, 'paths', 'seed', ...PROGRESS_OPTIONS], ['fitThrough', 'horizon', 'paths', 'seed']);
  const scenario = forecast(fn, record, fitThrough, horizon, model);
  const result = runVolumes({ ...volumeRun(scenario, { paths: opts.paths, seed: opts.seed }, fn), track: tracker(fn, opts) }) as VolumeResult;
  const rows: BacktestRow[] = [];
  for (const obs of [...record].filter((x) => x.kind === 'reported' && x.year > fitThrough && x.year <= horizon).sort((a, b) => a.year - b.year)) {
    const [p10, p50, p90] = result.quantiles(obs.year, [0.1, 0.5, 0.9]) as [number, number, number];
    const v = result.volume[result.yearIndex(obs.year)]!;
    let below = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! <= obs.volumeMt) below++;
    rows.push({ year: obs.year, outturn: obs.volumeMt, p10, p50, p90, inside: obs.volumeMt >= p10 && obs.volumeMt <= p90, probabilityAtMost: proportion(below, v.length) });
  }
  return new BacktestResult({ seed: result.seed, paths: result.paths, fitThrough, horizon, rows });
}
