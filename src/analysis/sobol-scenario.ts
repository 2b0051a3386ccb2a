import { options } from '../args.js';
import { PROGRESS_OPTIONS, steps, tracker, type ProgressOptions } from '../engine/progress.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { runVolumePlan, volumePlan } from '../volume/engine.js';
import { MAX_PATHS, volumeRun, type VolumePlan } from '../volume/plan.js';
import type { VolumeResult } from '../volume/result.js';
import type { Seed } from '../random/stream.js';
import { checkOutput, outputOf, scenarioFactors, type VolumeOutput } from './factors.js';
import { estimateIndices } from './sobol-estimators.js';
import { SobolIndices, sobolSettings } from './sobol.js';

/** Options of {@link sobolIndices}. */
export interface SobolOptions extends ProgressOptions {
  /** The per-path output: `{ year }` (the volume that year), `{ year, log: true }` (its log) or `{ year, volumeMt }` (1 when the volume is at least volumeMt, else 0). */
  output: VolumeOutput;
  /** N, the paths of each of the A and B runs: the scenario is simulated N·(k + 2) times for k factors. */
  samples: number;
  seed: Seed;
  /** Bootstrap resamples for the standard errors and intervals (1,000 by default). */
  bootstrap?: number;
  /** Level of the percentile intervals (0.95 by default). */
  confidence?: number;
}

/** The seed of the B runs, derived from the run's seed (the A runs use the seed itself). */
export const seedB = (seed: string) => `${seed}|sobol-B`;

/**
 * First-order and total Sobol indices of a per-path output of a volume scenario. The factors are
 * each distribution-valued parameter (named by its path: `growth.rate`,
 * `capacity.expansions[0].addMt`), the demand shocks as one group (`shocks`, when the volatility
 * is not 0) and each disruption's strikes as one group (`disruptions[j].strikes`). The A run is
 * the scenario on `seed` (the very paths of `simulateVolumes` with that seed), the B run on a seed
 * derived from it, and AB_i takes every stream from the A seed except factor i's purposes, which
 * come from the B seed (docs/design.md, "Variance-based indices"): so AB_i differs from A in
 * factor i alone, path by path. Saltelli (2010) first-order and Jansen total estimators with
 * bootstrap standard errors and percentile intervals (see {@link sobolIndicesOf}). A factor that
 * does not enter the output (an expansion after its year) has indices of exactly 0.
 *
 * The indices assume independent factors: a scenario with `correlations` is refused (a
 * RangeError that names the correlated pairs); {@link shapleyEffects} attributes the variance of
 * correlated inputs.
 *
 * @example
 * const r = sobolIndices(PRESETS['official-capacity'], { output: { year: 2027 }, samples: 2048, seed: 1, bootstrap: 100 });
 * r.indices.map((x) => x.factor) // => [ 'growth.rate', 'shocks' ]
 */
export function sobolIndices(s: ScenarioInput | Scenario, o: SobolOptions): SobolIndices {
  const fn = 'sobolIndices';
  const opts = options<SobolOptions>(fn, o, ['output', 'samples', 'seed', 'bootstrap', 'confidence', ...PROGRESS_OPTIONS], ['output', 'samples', 'seed']);
  const track = tracker(fn, opts);
  const d = sobolDesign(fn, s, opts);
  const runs = steps(track, d.plans.length, 'runs');
  const outputs = d.plans.map((p) => {
    const y = outputOf(d.output, (runVolumePlan(p, runs.inner) as VolumeResult).volume[d.year]!);
    runs.step();
    return y;
  });
  return sobolOf(d, outputs, fn);
}

/**
 * The runs of a scenario's Sobol design, in the order they run: A (the scenario on the seed), B
 * (on the derived seed), then AB_i for each factor. A sweep's shards run the same runs
 * (./sweep.ts).
 */
export interface SobolDesign {
  output: VolumeOutput;
  samples: number;
  seed: string;
  bootstrap: number;
  confidence: number;
  factors: string[];
  /** The index of the output's year in the runs' years. */
  year: number;
  plans: VolumePlan[];
}

/** Checks the scenario and options of a Sobol design (`o` checked for its keys already) and lays out its runs. */
export function sobolDesign(fn: string, s: ScenarioInput | Scenario, o: Omit<SobolOptions, 'onProgress' | 'signal'>): SobolDesign {
  const scenario = parseScenario(s);
  if (scenario.correlations) {
    const pairs = scenario.correlations.map((c) => `${c.between[0]} with ${c.between[1]}`).join(', ');
    throw new RangeError(`${fn}: Sobol indices assume independent factors, and the scenario's correlations make them dependent (${pairs}); use shapleyEffects(scenario, { output, … }) for the shares of variance of correlated inputs, or remove the correlations to get the indices of the independent model`);
  }
  const output = checkOutput(fn, o.output, scenario);
  const { samples: n, seed, bootstrap, confidence } = sobolSettings(fn, o, MAX_PATHS);
  const factors = scenarioFactors(scenario);
  if (factors.length === 0) throw new RangeError(`${fn}: the scenario has no uncertain input (no distribution-valued parameter, no volatility, no disruption), so there is no variance to attribute`);
  const base = volumePlan(volumeRun(scenario, { paths: n, seed }, fn));
  const plans = [base, { ...base, seed: seedB(seed) }, ...factors.map((f) => ({ ...base, seeds: f.purposes.map((purpose) => ({ purpose: [...purpose], seed: seedB(seed) })) }))];
  return { output, samples: n, seed, bootstrap, confidence, factors: factors.map((f) => f.name), year: output.year - scenario.start.year, plans };
}

/** The indices of a design from its runs' outputs (A, B, then AB_i: each run's per-path output). */
export function sobolOf(d: SobolDesign, outputs: readonly Float64Array[], fn: string): SobolIndices {
  const [fA, fB, ...fAB] = outputs;
  const { variance, indices } = estimateIndices(d.factors, fA!, fB!, fAB, { bootstrap: d.bootstrap, confidence: d.confidence, seed: d.seed }, fn);
  return new SobolIndices({ seed: d.seed, samples: d.samples, evaluations: d.samples * (d.factors.length + 2), variance, indices });
}
