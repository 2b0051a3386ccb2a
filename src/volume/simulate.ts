import { seedKey, type Seed } from '../random/stream.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { runVolumeBlock, STREAM_BLOCK, toArrays, workspace } from './kernel.js';
import { VolumeResult } from './result.js';
import { summarise, VolumeSummary } from './summary.js';

export { STREAM_BLOCK } from './kernel.js';

/** The most paths one run may ask for (full runs: 3 arrays × years × paths × 8 bytes). */
export const MAX_PATHS = 50_000_000;

/** Options of {@link simulateVolumes}. */
export interface VolumeOptions {
  /** Number of simulated paths (a positive integer). */
  paths: number;
  /** The run's seed: a finite number or a non-empty string. */
  seed: Seed;
  /** Called after each chunk with the share of paths done, in (0, 1]. */
  onProgress?: (done: number) => void;
  /**
   * Paths per execution chunk (progress is reported after each), a multiple of 16,384
   * (65,536 by default). The numbers are identical for every chunk size.
   */
  blockSize?: number;
  /**
   * 'all' (default): keep every path's demand, capacity and volume. 'summary': keep only the
   * statistics — exact quantiles at `quantiles`, probabilities at `thresholds` — in memory that
   * does not grow with the number of paths (see {@link VolumeSummary}).
   */
  keep?: 'all' | 'summary';
  /**
   * With keep 'summary': the quantile levels to keep (P10, P50, P90 are always kept). In a full
   * run on workers (`simulateVolumesParallel`), the levels computed there, every year, besides
   * P10, P50 and P90 (the same numbers as `quantiles()` would compute later on this thread).
   */
  quantiles?: readonly number[];
  /** With keep 'summary': the volumes (Mt) whose probabilities and first years to keep (the target's is always kept). */
  thresholds?: readonly number[];
}

/** Validated options. */
export interface RunPlan {
  scenario: Scenario;
  paths: number;
  seed: string;
  chunk: number;
  years: number[];
}

export function plan(s: ScenarioInput | Scenario, o: VolumeOptions): RunPlan {
  const scenario = parseScenario(s);
  if (o === null || typeof o !== 'object') throw new TypeError('simulateVolumes: options must be an object { paths, seed }');
  const { paths } = o;
  if (!(Number.isInteger(paths) && paths > 0 && paths <= MAX_PATHS)) {
    throw new RangeError(`paths: must be a whole number in [1, ${MAX_PATHS}] (got ${String(paths)})`);
  }
  const seed = seedKey(o.seed);
  const chunk = o.blockSize ?? 65_536;
  if (!(Number.isInteger(chunk) && chunk > 0 && chunk % STREAM_BLOCK === 0)) {
    throw new RangeError(`blockSize: must be a positive multiple of ${STREAM_BLOCK} (got ${String(chunk)})`);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new TypeError('onProgress: must be a function');
  if (o.keep !== undefined && o.keep !== 'all' && o.keep !== 'summary') throw new RangeError(`keep: must be 'all' or 'summary' (got ${JSON.stringify(o.keep)})`);
  const y0 = scenario.start.year;
  const years = Array.from({ length: scenario.horizon - y0 + 1 }, (_, k) => y0 + k);
  return { scenario, paths, seed, chunk, years };
}

/**
 * Monte Carlo of annual corridor volumes under a scenario (DESIGN.md: Years, Median path,
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
 * @example
 * const r = simulateVolumes({ start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.3 } }, { paths: 1000, seed: 1 });
 * r.quantile(2027, 0.5) // => 6.96111…
 */
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions & { keep: 'summary' }): VolumeSummary;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions & { keep?: 'all' }): VolumeResult;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions): VolumeResult | VolumeSummary;
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions): VolumeResult | VolumeSummary {
  const run = plan(s, o);
  if (o.keep === 'summary') return summarise(run, o);
  const { scenario, paths, seed, chunk, years } = run;
  const hasCapacity = scenario.capacity !== null;
  const demand = years.map(() => new Float64Array(paths));
  const capacity = hasCapacity ? years.map(() => new Float64Array(paths)) : [];
  const volume = years.map(() => new Float64Array(paths));
  const ws = workspace(scenario);
  const sink = toArrays(demand, capacity, volume);
  for (let chunkStart = 0; chunkStart < paths; chunkStart += chunk) {
    const chunkEnd = Math.min(chunkStart + chunk, paths);
    for (let first = chunkStart; first < chunkEnd; first += STREAM_BLOCK) {
      runVolumeBlock(scenario, years, seed, first, Math.min(STREAM_BLOCK, chunkEnd - first), ws, sink);
    }
    o.onProgress?.(chunkEnd / paths);
  }
  return new VolumeResult({ scenario, seed, paths, years, demand, capacity, volume });
}
