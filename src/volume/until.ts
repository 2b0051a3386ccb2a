/** `simulateVolumes(s, { seed, untilStandardError })`: a volume run of as many blocks as a tolerance needs. */
import { finiteNumber, numberIn, options, sampleSize, show, wholeNumber } from '../args.js';
import { PILOT_SUFFIX, precisionOf, runPilot, runSize, withPrecision, type WithPrecision } from '../engine/until.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { STREAM_BLOCK } from './draws.js';
import { runVolumePlan, volumeBlocks, volumePlan } from './engine.js';
import { MAX_PATHS, plan, VOLUME_OPTIONS, type VolumeBlocks, type VolumeOptions } from './plan.js';
import type { VolumeResult } from './result.js';
import type { VolumeSummary } from './summary.js';

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
export function simulateUntil(s: ScenarioInput | Scenario, o: VolumeUntilOptions, fn = 'simulateVolumes'): WithPrecision<VolumeResult | VolumeSummary> {
  const opts = options<VolumeUntilOptions & { paths?: unknown }>(fn, o, [...VOLUME_OPTIONS, 'untilStandardError'], ['seed', 'untilStandardError']);
  if (opts.paths !== undefined) throw new TypeError(`${fn}: give paths or untilStandardError (whose maxPaths caps the paths), not both (got paths ${show(opts.paths)})`);
  const u = options<UntilStandardError>(fn, opts.untilStandardError, ['tolerance', 'maxPaths', 'statistic'], ['tolerance', 'maxPaths']);
  const tolerance = numberIn(fn, 'untilStandardError.tolerance', u.tolerance, 0, 0.5, { lo: true });
  const maxPaths = sampleSize(fn, 'untilStandardError.maxPaths', u.maxPaths, MAX_PATHS);
  const { untilStandardError: _, ...rest } = opts;
  const run = plan(s, { ...rest, paths: maxPaths }, fn, VOLUME_OPTIONS);
  if (run.sampling) throw new RangeError(`${fn}: untilStandardError does not take sampling 'lhs' yet (its pilot sizes the run from the iid standard error)`);
  const stat = statisticOf(fn, u.statistic, run.scenario);
  const k = stat.year - run.years[0]!;
  const hitsIn = (v: Float64Array) => {
    let hits = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! >= stat.volumeMt) hits++;
    return hits;
  };
  const pilotSeed = run.seed + PILOT_SUFFIX;
  const pilotPlan = volumePlan({ ...run, seed: pilotSeed, keep: 'all' });
  const pilot = runPilot(maxPaths, STREAM_BLOCK, (b) => {
    const v = (volumeBlocks(pilotPlan, b, b + 1) as VolumeBlocks).volume[k]!;
    return { hits: hitsIn(v), n: v.length };
  });
  const { paths, needed } = runSize(tolerance, maxPaths, STREAM_BLOCK, pilot);
  const final = volumePlan({ ...run, paths, thresholds: [...run.thresholds, stat.volumeMt] });
  const result = runVolumePlan(final, run.onProgress);
  const hits = run.keep === 'summary' ? Math.round((result as VolumeSummary).probabilityAtLeast(stat.year, stat.volumeMt).estimate * paths) : hitsIn((result as VolumeResult).volume[k]!);
  const precision = precisionOf(`P(volume ≥ ${stat.volumeMt} Mt in ${stat.year})`, tolerance, maxPaths, { ...pilot, seed: pilotSeed }, needed, hits, paths);
  return withPrecision<VolumeResult | VolumeSummary>(result, precision);
}

function statisticOf(fn: string, x: unknown, s: Scenario): { year: number; volumeMt: number } {
  if (x === undefined) {
    if (s.target === null || s.target.year > s.horizon || s.target.year < s.start.year) throw new RangeError(`${fn}: the scenario has no target in the run, so untilStandardError needs a statistic { year, volumeMt }`);
    return { year: s.target.year, volumeMt: s.target.volumeMt };
  }
  const o = options<{ year: number; volumeMt: number }>(fn, x, ['year', 'volumeMt'], ['year', 'volumeMt']);
  return { year: wholeNumber(fn, 'untilStandardError.statistic.year', o.year, s.start.year, s.horizon), volumeMt: finiteNumber(fn, 'untilStandardError.statistic.volumeMt', o.volumeMt) };
}
