/**
 * The forecasts of {@link evaluateForecasts} from each origin, scored against the outturns: the
 * loop shared by the evaluation and its parametric bootstrap (./bootstrap.ts).
 */
import type { PointForecast } from '../data/forecasts.js';
import type { Observation } from '../data/volumes.js';
import { log } from '../math/index.js';
import { quantileSorted } from '../stats/quantile.js';
import { simulateVolumes } from '../volume/simulate.js';
import { crpsSorted, intervalScore, pitSorted } from '../analysis/scores.js';
import type { ForecastModel } from './models.js';
import type { ForecastScore } from './summarise.js';

/** What {@link scoreForecasts} scores, checked by its caller. */
export interface ScoringPlan {
  origins: readonly number[];
  horizons: readonly number[];
  models: Readonly<Record<string, ForecastModel>>;
  points: readonly PointForecast[];
  paths: number;
  seed: string;
  /** Each simulation's options beside paths and seed (the signal), and what to call after each. */
  runs?: { inner: object; step(): void };
}

/** The simulations {@link scoreForecasts} runs: one per model and origin with an outturn to score. */
export function forecastRuns(years: readonly number[], { origins, horizons, models }: Pick<ScoringPlan, 'origins' | 'horizons' | 'models'>): number {
  return origins.filter((t) => horizons.some((h) => years.includes(t + h))).length * Object.keys(models).length;
}

/** Every model's forecast from every origin, and every point forecast, scored where the record has the outturn. */
export function scoreForecasts(outturns: readonly Observation[], { origins, horizons, models, points, paths, seed, runs }: ScoringPlan): ForecastScore[] {
  const scores: ForecastScore[] = [];
  const byYear = new Map(outturns.map((x) => [x.year, x.volumeMt]));
  for (const origin of origins) {
    const history = outturns.filter((x) => x.year <= origin);
    const targets = horizons.map((h) => origin + h).filter((y) => byYear.has(y));
    if (targets.length === 0) continue;
    const horizon = Math.max(...targets);
    for (const [name, model] of Object.entries(models)) {
      const scenario = model(history, origin, horizon);
      // The same seed for every model and origin: paired forecasts.
      const r = simulateVolumes(scenario, { paths, seed, ...runs?.inner });
      runs?.step();
      const last = r.years[r.years.length - 1]!;
      if (r.years[0]! > origin + 1 || last < horizon) {
        throw new RangeError(`evaluateForecasts: model ${JSON.stringify(name)} from origin ${origin} gave a scenario of ${r.years[0]}–${last}; it must run from at most ${origin + 1} to at least the forecast year ${horizon} (a model is (record, origin, horizon) → scenario)`);
      }
      for (const year of targets) {
        const y = byYear.get(year)!;
        const sorted = Float64Array.from(r.volume[year - r.years[0]!]!).sort();
        const [p10, p25, p50, p75, p90] = [0.1, 0.25, 0.5, 0.75, 0.9].map((p) => quantileSorted(sorted, p)) as [number, number, number, number, number];
        scores.push({
          model: name, origin, year, horizon: year - origin, outturn: y, p10, p25, p50, p75, p90,
          crps: crpsSorted(sorted, y),
          crpsLog: sorted[0]! > 0 && y > 0 ? crpsSorted(sorted.map(log), log(y)) : null,
          intervalScore50: intervalScore(p25, p75, y, 0.5),
          intervalScore80: intervalScore(p10, p90, y, 0.2),
          covered50: y >= p25 && y <= p75,
          covered80: y >= p10 && y <= p90,
          pit: pitSorted(sorted, y),
        });
      }
    }
    for (const pf of points) {
      if (pf.origin !== origin || !byYear.has(pf.year) || !horizons.includes(pf.year - origin)) continue;
      const y = byYear.get(pf.year)!;
      const v = pf.volumeMt;
      scores.push({
        model: `official (${pf.by})`, origin, year: pf.year, horizon: pf.year - origin, outturn: y, p10: v, p25: v, p50: v, p75: v, p90: v,
        crps: Math.abs(v - y), crpsLog: v > 0 && y > 0 ? Math.abs(log(v) - log(y)) : null, intervalScore50: intervalScore(v, v, y, 0.5), intervalScore80: intervalScore(v, v, y, 0.2),
        covered50: v === y, covered80: v === y, pit: y > v ? 1 : y < v ? 0 : 0.5,
      });
    }
  }

  return scores;
}
