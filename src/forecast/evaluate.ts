/**
 * Rolling-origin evaluation of volume forecasts against the outturns, with proper scores
 * (docs/forecasting.md): for each model, origin and horizon, the CRPS, the interval scores of the
 * central 50 % and 80 % intervals, coverage and the PIT, and the CRPS of log volume; summaries by
 * horizon with standard errors clustered by origin and Student-t intervals (./summarise.ts); and
 * the skill against a named baseline.
 */
import { finiteNumbers, options, show, wholeNumber } from '../args.js';
import { PROGRESS_OPTIONS, steps, tracker, type ProgressOptions } from '../engine/progress.js';
import { OFFICIAL_FORECASTS, type PointForecast } from '../data/forecasts.js';
import type { Observation } from '../data/volumes.js';
import { selectObservations } from '../growth/observations.js';
import { seedKey, type Seed } from '../random/stream.js';
import { studentTQuantile } from '../stats/student-t.js';
import { pitChart } from '../report/charts.js';
import { tidy, type TidyRow } from '../report/display.js';
import { block, est, firstLines, num, runOf } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import { forecastModels, type ForecastModel } from './models.js';
import { checkBaseline, checkModels, checkOrigins, checkPoints } from './evaluate-checks.js';
import { bootstrapAcrossHorizons } from './bootstrap.js';
import { forecastRuns, scoreForecasts } from './score.js';
import { summarise, type ForecastScore, type ForecastSummary } from './summarise.js';

export type { ForecastScore, ForecastSummary, IntervalEstimate } from './summarise.js';

/** Options of {@link evaluateForecasts}. */
export interface EvaluateOptions extends ProgressOptions {
  /** Years whose outturn is the last one a forecast may use (by default every reported year from the third to the second-to-last). */
  origins?: readonly number[];
  /** Years ahead to score (1 to 4 by default); a forecast is scored where the record has the outturn. */
  horizons?: readonly number[];
  /** Paths per forecast (20,000 by default). */
  paths?: number;
  seed: Seed;
  /** The models, keyed by name (the built-in {@link forecastModels} by default). */
  models?: Readonly<Record<string, ForecastModel>>;
  /** The model skill is measured against ('no-change' by default). */
  baseline?: string;
  /** Point forecasts scored beside the models (the official ones by default); a point's CRPS is its absolute error. */
  points?: readonly PointForecast[];
  /**
   * Intervals across horizons from a parametric bootstrap: `records` records (2 to 100,000; 200
   * is plenty) drawn from the random walk with drift fitted to the record, each evaluated the
   * same way with `paths` paths per forecast (200 by default). Off by default: it runs the
   * evaluation `records` more times.
   */
  bootstrap?: { records: number; paths?: number };
}

/** What `JSON.stringify` writes for a {@link ForecastEvaluation}. */
export interface ForecastEvaluationJSON {
  kind: 'forecast-evaluation';
  seed: string;
  paths: number;
  baseline: string;
  origins: number[];
  scores: ForecastScore[];
  summaries: ForecastSummary[];
  warnings: string[];
}

/** The result of {@link evaluateForecasts}. */
export class ForecastEvaluation extends RowResult<ForecastSummary, 'model' | 'horizon', ForecastEvaluationJSON> {
  declare readonly kind: 'forecast-evaluation';
  declare readonly paths: number;
  declare readonly baseline: string;
  declare readonly origins: readonly number[];
  declare readonly scores: readonly ForecastScore[];
  declare readonly summaries: readonly ForecastSummary[];
  /** Plain warnings, e.g. that a few origins cannot tell models apart. */
  declare readonly warnings: readonly string[];

  constructor(p: { seed: string; paths: number; baseline: string; origins: readonly number[]; scores: readonly ForecastScore[]; summaries: readonly ForecastSummary[]; warnings: readonly string[] }) {
    super({ kind: 'forecast-evaluation', seed: p.seed, paths: p.paths, baseline: p.baseline, origins: p.origins as number[], scores: p.scores as ForecastScore[], summaries: p.summaries as ForecastSummary[], warnings: p.warnings as string[] });
  }

  /** The paths of each forecast. */
  get size(): number {
    return this.paths;
  }

  /** The rows: {@link ForecastEvaluation.summaries}. */
  get rows(): readonly ForecastSummary[] {
    return this.summaries;
  }

  /** The summary of one model at one horizon (or 'all'). */
  summary(model: string, horizon: number | 'all' = 'all'): ForecastSummary {
    const s = this.summaries.find((x) => x.model === model && x.horizon === horizon);
    if (!s) throw new RangeError(`ForecastEvaluation.summary: no forecasts of ${show(model)} at horizon ${show(horizon)} (models: ${[...new Set(this.summaries.map((x) => x.model))].join(', ')})`);
    return s;
  }

  /** Tidy rows `{ model, horizon, statistic, value, standardError }` (horizon: years ahead, or 'all'): the mean scores, coverage and skill. */
  toRecords(): TidyRow<'model' | 'horizon'>[] {
    return this.summaries.flatMap((s) =>
      tidy({ model: s.model, horizon: s.horizon }, {
        crps: s.crps, crpsLog: s.crpsLog, intervalScore50: s.intervalScore50, intervalScore80: s.intervalScore80, coverage50: s.coverage50, coverage80: s.coverage80, skill: s.skill, skillLog: s.skillLog,
      }),
    );
  }

  /** The table of scores and the PIT chart. */
  protected display(): RowDisplay {
    return {
      title: `Forecast skill from the origins ${this.origins.join(', ')} (baseline ${this.baseline})`,
      text: `ForecastEvaluation: ${this.scores.length} forecasts scored; ${this.warnings.join(' ')}`,
      chart: pitChart(this),
    };
  }

  /** The run and each model's mean scores over all horizons. */
  protected text(): string {
    return block(
      `ForecastEvaluation: ${this.scores.length} forecasts from the origins ${this.origins[0]}–${this.origins.at(-1)}, baseline ${this.baseline}, ${runOf(this.paths, 'paths', this.seed)}`,
      firstLines(
        this.summaries.filter((s) => s.horizon === 'all').map((s) => `${s.model}: CRPS ${est(s.crps, 'Mt')}, 80 % band covers ${num(s.coverage80 * 100)} %${s.skill ? `, skill ${est(s.skill)}` : ''}`),
      ),
    );
  }
}

/**
 * Rolling-origin, leave-future-out evaluation: from each origin t, each model sees only the
 * outturns of t and before and forecasts the following years; every forecast is scored against
 * the outturn where the record has one. All models run on the same seed (common random
 * numbers), so their score differences are paired.
 *
 * @example
 * const e = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 2000 });
 * e.origins // => [ 2021, 2022, 2023, 2024 ]
 */
export function evaluateForecasts(record: readonly Observation[], o: EvaluateOptions): ForecastEvaluation {
  const fn = 'evaluateForecasts';
  const opts = options<EvaluateOptions>(fn, o, ['origins', 'horizons', 'paths', 'seed', 'models', 'baseline', 'points', 'bootstrap', ...PROGRESS_OPTIONS], ['seed']);
  const track = tracker(fn, opts);
  const outturns = selectObservations(fn, record, {});
  const years = outturns.map((x) => x.year);
  const origins = opts.origins === undefined ? years.slice(2, -1) : finiteNumbers(fn, 'origins', opts.origins).map((t, i) => wholeNumber(fn, `origins[${i}]`, t, -1_000_000, 1_000_000));
  for (const t of origins) {
    if (!years.includes(t)) throw new RangeError(`${fn}: origin ${t} has no outturn in the record (outturns: ${years.join(', ')})`);
    if (outturns.filter((x) => x.year <= t).length < 3) throw new RangeError(`${fn}: origin ${t} leaves fewer than 3 outturns to fit (needs 3)`);
  }
  if (origins.length === 0) throw new RangeError(`${fn}: no origins to evaluate (the record needs at least 4 outturns)`);
  const horizons = opts.horizons === undefined ? [1, 2, 3, 4] : finiteNumbers(fn, 'horizons', opts.horizons).map((h, i) => wholeNumber(fn, `horizons[${i}]`, h, 1, 100));
  checkOrigins(fn, origins, horizons, years);
  const paths = opts.paths === undefined ? 20_000 : wholeNumber(fn, 'paths', opts.paths, 100, 10_000_000);
  const seed = seedKey(opts.seed, fn);
  const models = opts.models === undefined ? forecastModels() : checkModels(fn, opts.models);
  const baseline = checkBaseline(fn, opts.baseline ?? 'no-change', models);
  const points = opts.points === undefined ? OFFICIAL_FORECASTS : checkPoints(fn, opts.points);

  const boot = opts.bootstrap === undefined ? null : options<{ records: number; paths?: number }>(`${fn}: bootstrap`, opts.bootstrap, ['records', 'paths'], ['records']);
  const records = boot === null ? 0 : wholeNumber(fn, 'bootstrap.records', boot.records, 2, 100_000);
  const bootPaths = boot?.paths === undefined ? 200 : wholeNumber(fn, 'bootstrap.paths', boot.paths, 100, 10_000_000);

  // Progress in runs: every model from every origin, on the record and on each bootstrap record (the same years).
  const runs = steps(track, forecastRuns(years, { origins, horizons, models }) * (1 + records), 'runs');
  const plan = { origins, horizons, models, points, paths, seed, runs };
  const scores = scoreForecasts(outturns, plan);
  const summaries = records > 0 ? bootstrapAcrossHorizons(outturns, plan, baseline, summarise(scores, horizons, baseline), records, bootPaths) : summarise(scores, horizons, baseline);
  const warnings: string[] = [];
  if (origins.length < 10) {
    const c = origins.length;
    const spread = c > 1 ? `each mean score's 95 % interval uses Student t with ${c - 1} degree${c === 2 ? '' : 's'} of freedom (${studentTQuantile(0.975, c - 1).toFixed(2)} standard errors on the log scale, against 1.96 with many origins) and across horizons, where the forecasts overlap, ${records > 0 ? `the intervals come from a parametric bootstrap of ${records} records` : 'there is none (the bootstrap option gives one)'};` : 'no standard error or interval can be estimated;';
    warnings.push(`only ${c} origin${c === 1 ? '' : 's'}: ${spread} a difference in skill whose interval includes 0 cannot be told from luck; read the scores as a description of this record, not as a ranking of methods`);
  }
  return new ForecastEvaluation({ seed, paths, baseline, origins: [...origins], scores, summaries, warnings });
}
