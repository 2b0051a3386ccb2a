import { asks, finiteNumber, numberIn, options, sampleSize, show, wholeNumber } from '../args.js';
import type { Precision } from '../engine/precision.js';
import { runUntil } from '../engine/until.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { STREAM_BLOCK } from './draws.js';
import { runVolumePlan, volumeEngine, volumePlan } from './engine.js';
import { MAX_PATHS, volumeRun, VOLUME_OPTIONS, type RunPlan, type VolumeBlocks, type VolumeOptions } from './plan.js';
import type { VolumeResult } from './result.js';
import type { VolumeSummary } from './summary.js';

export { STREAM_BLOCK } from './draws.js';
export { runVolumePlan } from './engine.js';
export { volumeRun, MAX_PATHS, MAX_RUN_BYTES, ALWAYS_KEPT, VOLUME_OPTIONS, type RunPlan, type VolumeOptions } from './plan.js';

/**
 * Monte Carlo of annual corridor volumes under a scenario (docs/design.md: Years, Median path,
 * Capacity, Disruptions, Reproducibility).
 *
 * For each path: the scenario's distributions are drawn once (growth parameters, volatility,
 * capacity, expansion sizes and delays, disruption probabilities and factors); then each year
 * k = 1…horizon the log demand moves by the growth model's step plus a shock ε_k with sd σ
 * (AR(1) with coefficient φ = persistence, stationary sd σ), each disruption strikes with its
 * probability and multiplies that year's demand or capacity, and volume = min(demand, capacity).
 *
 * Streams: (seed, purpose, block of 16,384 paths) with purposes `growth/<param>`, `volatility`,
 * `capacity/base`, `capacity/expansion/<i>/add|delay`, `demand/shocks`,
 * `disruption/<name>/probability|demandFactor|capacityFactor|occurs`: adding a disruption never
 * changes the demand shocks, and the numbers do not depend on `blockSize`.
 *
 * Progress: `onProgress({ done, total, unit: 'paths' })` with done 0 first, then after each chunk of
 * `blockSize` paths; `signal`: an AbortSignal checked before the run and after each chunk — an
 * abort throws a DOMException named 'AbortError' (docs/design.md, "Progress and cancellation").
 *
 * Options are a closed record (an unknown key is a TypeError listing the allowed ones); a value
 * of the wrong kind (`paths: '1000'`, `blockSize: null`) is a TypeError, a bad value a
 * RangeError, each message starting `simulateVolumes:`. The memory a full run keeps is checked
 * before anything is allocated (see {@link MAX_RUN_BYTES}), and demand is bounded by
 * MAX_VOLUME_MT (10^100 Mt): an input that would carry a path-year to NaN or ±Infinity is refused
 * where it arises, naming the input, the path and the year.
 *
 * Precision on demand: with `untilStandardError: { tolerance, maxPaths, statistic? }` instead of
 * `paths`, a pilot on the seed `<seed>|until-pilot` sizes the run so that the standard error of
 * P(volume ≥ volumeMt in year) (the scenario's target by default) is at most the tolerance and
 * 50 paths with and without the event are expected (at most maxPaths); the result is the run of
 * that many paths on the seed, unbiased because its size does not depend on its own numbers, and
 * its `precision` gives the pilot, the run's estimate, standard error and 95 % Wilson interval,
 * and whether the tolerance was reached (never on 0 ± 0). Deterministic for a seed.
 *
 * @example
 * const r = simulateVolumes({ start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.3 } }, { paths: 1000, seed: 1 });
 * r.quantile(2027, 0.5) // => 6.96111…
 * @example
 * simulateVolumes(PRESETS['official-capacity'], { paths: 16384, seed: 1, sampling: 'lhs' }).sampling // => 'lhs'
 * @example
 * simulateVolumes(PRESETS['official-capacity'], { seed: 1, untilStandardError: { tolerance: 0.002, maxPaths: 1000000 } }).paths // => 65536
 */
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeUntilOptions & { keep: 'summary' }): VolumeSummary & { readonly precision: Precision };
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeUntilOptions & { keep?: 'all' }): VolumeResult & { readonly precision: Precision };
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions & { keep: 'summary' }): VolumeSummary;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions & { keep?: 'all' }): VolumeResult;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions): VolumeResult | VolumeSummary;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions | VolumeUntilOptions): VolumeResult | VolumeSummary {
  if (asks('simulateVolumes', o, 'untilStandardError')) return simulateUntil(s, o as VolumeUntilOptions);
  return runVolumes(volumeRun(s, o));
}

/**
 * Runs a checked volume run on this thread (what {@link simulateVolumes} does after {@link plan}):
 * its engine plan by {@link runVolumePlan}, progress reported (and the signal checked) after each chunk.
 */
export function runVolumes(run: RunPlan): VolumeResult | VolumeSummary {
  return runVolumePlan(volumePlan(run), run.track);
}

/** The `untilStandardError` option of {@link simulateVolumes}. */
export interface UntilStandardError {
  /** The largest standard error accepted, in (0, 0.5]: the run is sized from a pilot to reach it. */
  tolerance: number;
  /** The cap on paths, of the run and of its pilot each: a run sized beyond it is cut there and not `reached`. */
  maxPaths: number;
  /** The probability P(volume ≥ volumeMt in year); by default the scenario's target. */
  statistic?: { year: number; volumeMt: number };
}

/** Options of a volume run to a tolerance: those of {@link simulateVolumes} with `untilStandardError` instead of `paths`. */
export type VolumeUntilOptions = Omit<VolumeOptions, 'paths'> & { untilStandardError: UntilStandardError };

/**
 * Runs a pilot on the seed `<seed>|until-pilot` (stream blocks of 16,384 until it has seen 10
 * paths reaching volumeMt in year and 10 not, or `maxPaths`), sizes the run from the pilot's
 * Wilson interval (src/engine/until.ts), and returns the ordinary run of that many paths on the
 * seed (the same numbers as `simulateVolumes` with that many paths), with `precision` saying how
 * it was sized and what it found. A summary run also keeps the statistic's threshold.
 */
export function simulateUntil(s: ScenarioInput | Scenario, o: VolumeUntilOptions, fn = 'simulateVolumes'): (VolumeResult | VolumeSummary) & { readonly precision: Precision } {
  const opts = options<VolumeUntilOptions & { paths?: unknown }>(fn, o, [...VOLUME_OPTIONS, 'untilStandardError'], ['seed', 'untilStandardError']);
  if (opts.paths !== undefined) throw new TypeError(`${fn}: give paths or untilStandardError (whose maxPaths caps the paths), not both (got paths ${show(opts.paths)})`);
  const u = options<UntilStandardError>(fn, opts.untilStandardError, ['tolerance', 'maxPaths', 'statistic'], ['tolerance', 'maxPaths']);
  const tolerance = numberIn(fn, 'untilStandardError.tolerance', u.tolerance, 0, 0.5, { lo: true });
  const maxPaths = sampleSize(fn, 'untilStandardError.maxPaths', u.maxPaths, MAX_PATHS);
  const { untilStandardError: _, ...rest } = opts;
  const run = volumeRun(s, { ...rest, paths: maxPaths }, fn, VOLUME_OPTIONS);
  if (run.sampling) throw new RangeError(`${fn}: untilStandardError does not take sampling 'lhs' yet (its pilot sizes the run from the iid standard error)`);
  const stat = statisticOf(fn, u.statistic, run.scenario);
  const k = stat.year - run.years[0]!;
  const hitsIn = (v: Float64Array) => {
    let hits = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! >= stat.volumeMt) hits++;
    return hits;
  };
  return runUntil(volumeEngine, {
    statistic: `P(volume ≥ ${stat.volumeMt} Mt in ${stat.year})`,
    tolerance,
    max: maxPaths,
    size: STREAM_BLOCK,
    seed: run.seed,
    pilot: (seed) => volumePlan({ ...run, seed, keep: 'all' }),
    sized: (paths) => volumePlan({ ...run, paths, thresholds: [...run.thresholds, stat.volumeMt] }),
    count: (part) => {
      const v = (part as VolumeBlocks).volume[k]!;
      return { hits: hitsIn(v), n: v.length };
    },
    hits: (r) => (run.keep === 'summary' ? Math.round((r as VolumeSummary).probabilityAtLeast(stat.year, stat.volumeMt).estimate * r.paths) : hitsIn((r as VolumeResult).volume[k]!)),
    track: run.track,
    fn,
  });
}

function statisticOf(fn: string, x: unknown, s: Scenario): { year: number; volumeMt: number } {
  if (x === undefined) {
    if (s.target === null || s.target.year > s.horizon || s.target.year < s.start.year) throw new RangeError(`${fn}: the scenario has no target in the run, so untilStandardError needs a statistic { year, volumeMt }`);
    return { year: s.target.year, volumeMt: s.target.volumeMt };
  }
  const o = options<{ year: number; volumeMt: number }>(fn, x, ['year', 'volumeMt'], ['year', 'volumeMt']);
  return { year: wholeNumber(fn, 'untilStandardError.statistic.year', o.year, s.start.year, s.horizon), volumeMt: finiteNumber(fn, 'untilStandardError.statistic.volumeMt', o.volumeMt) };
}
