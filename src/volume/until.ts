/** `simulateVolumes(s, { seed, untilStandardError })`: a volume run of as many blocks as a tolerance needs. */
import { finiteNumber, numberIn, options, show, wholeNumber } from '../args.js';
import { untilPrecise, withPrecision, type WithPrecision } from '../engine/until.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { STREAM_BLOCK } from './draws.js';
import { mergePartials, runVolumePlan, volumeBlocks, volumePlan } from './engine.js';
import { MAX_PATHS, plan, VOLUME_OPTIONS, type VolumeBlocks, type VolumeOptions } from './plan.js';
import type { VolumeResult } from './result.js';
import type { VolumeSummary } from './summary.js';

/** The `untilStandardError` option of {@link simulateVolumes}. */
export interface UntilStandardError {
  /** The largest standard error accepted, in (0, 0.5]. */
  tolerance: number;
  /** The cap on paths: the run stops there even when the tolerance is not reached. */
  maxPaths: number;
  /** The probability P(volume ≥ volumeMt in year); by default the scenario's target. */
  statistic?: { year: number; volumeMt: number };
}

/** Options of a volume run to a tolerance: those of {@link simulateVolumes} with `untilStandardError` instead of `paths`. */
export type VolumeUntilOptions = Omit<VolumeOptions, 'paths'> & { untilStandardError: UntilStandardError };

/**
 * Runs stream blocks of 16,384 paths until the standard error of P(volume ≥ volumeMt in year) is
 * at most the tolerance, or `maxPaths` paths: the run of exactly the paths it took (the same
 * numbers as `simulateVolumes` with that many paths), with `precision` saying how it stopped.
 */
export function simulateUntil(s: ScenarioInput | Scenario, o: VolumeUntilOptions, fn = 'simulateVolumes'): WithPrecision<VolumeResult | VolumeSummary> {
  const opts = options<VolumeUntilOptions & { paths?: unknown }>(fn, o, [...VOLUME_OPTIONS, 'untilStandardError'], ['seed', 'untilStandardError']);
  if (opts.paths !== undefined) throw new TypeError(`${fn}: give paths or untilStandardError (whose maxPaths caps the paths), not both (got paths ${show(opts.paths)})`);
  const u = options<UntilStandardError>(fn, opts.untilStandardError, ['tolerance', 'maxPaths', 'statistic'], ['tolerance', 'maxPaths']);
  const tolerance = numberIn(fn, 'untilStandardError.tolerance', u.tolerance, 0, 0.5, { lo: true });
  const maxPaths = wholeNumber(fn, 'untilStandardError.maxPaths', u.maxPaths, 1, MAX_PATHS);
  const { untilStandardError: _, ...rest } = opts;
  const run = plan(s, { ...rest, paths: maxPaths }, fn, VOLUME_OPTIONS);
  if (run.sampling) throw new RangeError(`${fn}: untilStandardError does not take sampling 'lhs' yet (its stopping rule uses the iid standard error)`);
  const stat = statisticOf(fn, u.statistic, run.scenario);
  const k = stat.year - run.years[0]!;
  const cap = volumePlan({ ...run, keep: 'all' });
  const parts: VolumeBlocks[] = [];
  const stop = untilPrecise(tolerance, maxPaths, STREAM_BLOCK, (b) => {
    const part = volumeBlocks(cap, b, b + 1) as VolumeBlocks;
    if (run.keep === 'all') parts.push(part);
    const v = part.volume[k]!;
    let hits = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! >= stat.volumeMt) hits++;
    run.onProgress?.(Math.min(((b + 1) * STREAM_BLOCK) / maxPaths, 1));
    return { hits, n: v.length };
  });
  const final = volumePlan({ ...run, paths: stop.paths });
  const result = run.keep === 'all' ? mergePartials(final, parts) : runVolumePlan(final);
  const { paths, estimate, standardError, reached } = stop;
  return withPrecision<VolumeResult | VolumeSummary>(result, { statistic: `P(volume ≥ ${stat.volumeMt} Mt in ${stat.year})`, tolerance, max: maxPaths, paths, estimate, standardError, reached });
}

function statisticOf(fn: string, x: unknown, s: Scenario): { year: number; volumeMt: number } {
  if (x === undefined) {
    if (s.target === null || s.target.year > s.horizon || s.target.year < s.start.year) throw new RangeError(`${fn}: the scenario has no target in the run, so untilStandardError needs a statistic { year, volumeMt }`);
    return { year: s.target.year, volumeMt: s.target.volumeMt };
  }
  const o = options<{ year: number; volumeMt: number }>(fn, x, ['year', 'volumeMt'], ['year', 'volumeMt']);
  return { year: wholeNumber(fn, 'untilStandardError.statistic.year', o.year, s.start.year, s.horizon), volumeMt: finiteNumber(fn, 'untilStandardError.statistic.volumeMt', o.volumeMt) };
}
