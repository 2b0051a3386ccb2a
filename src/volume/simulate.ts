import { asks } from '../args.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { runVolumePlan, volumePlan } from './engine.js';
import { plan, type RunPlan, type VolumeOptions } from './plan.js';
import type { VolumeResult } from './result.js';
import type { VolumeSummary } from './summary.js';
import { simulateUntil, type VolumeUntilOptions } from './until.js';
import type { WithPrecision } from '../engine/until.js';

export { STREAM_BLOCK } from './draws.js';
export { runVolumePlan } from './engine.js';
export { plan, MAX_PATHS, MAX_RUN_BYTES, ALWAYS_KEPT, VOLUME_OPTIONS, type RunPlan, type VolumeOptions } from './plan.js';

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
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeUntilOptions & { keep: 'summary' }): WithPrecision<VolumeSummary>;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeUntilOptions & { keep?: 'all' }): WithPrecision<VolumeResult>;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions & { keep: 'summary' }): VolumeSummary;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions & { keep?: 'all' }): VolumeResult;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions): VolumeResult | VolumeSummary;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions | VolumeUntilOptions): VolumeResult | VolumeSummary {
  if (asks('simulateVolumes', o, 'untilStandardError')) return simulateUntil(s, o as VolumeUntilOptions);
  return runVolumes(plan(s, o));
}

/**
 * Runs a checked volume run on this thread (what {@link simulateVolumes} does after {@link plan}):
 * its engine plan by {@link runVolumePlan}, progress reported after each chunk.
 */
export function runVolumes(run: RunPlan): VolumeResult | VolumeSummary {
  return runVolumePlan(volumePlan(run), run.onProgress);
}
