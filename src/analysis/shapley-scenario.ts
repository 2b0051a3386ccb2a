import { options } from '../args.js';
import { PROGRESS_OPTIONS, steps, tracker, type ProgressOptions } from '../engine/progress.js';
import { paramQuantileUnchecked } from '../random/inverse.js';
import { cholesky, pearsonForSpearman } from '../random/rank-correlation.js';
import { stream, type Rng, type Seed } from '../random/stream.js';
import { perPathParameter } from '../scenario/parameter-paths.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { normalCdf } from '../stats/normal.js';
import { purposeKey, STREAM_BLOCK, type SeedOverride } from '../volume/draws.js';
import { runVolumeBlock, toArrays, workspace } from '../volume/kernel.js';
import { resolveVolume } from '../volume/resolve.js';
import { checkOutput, outputOf, scenarioFactors, type Factor, type VolumeOutput } from './factors.js';
import { shapleyFromCosts, varianceOf } from './shapley-estimator.js';
import { conditionalLaws, drawConditional } from './shapley-gaussian.js';
import { permutationsOf, shapleySettings, ShapleyEffects } from './shapley.js';

/** Options of {@link shapleyEffects}. */
export interface ShapleyScenarioOptions extends ProgressOptions {
  /** The per-path output whose variance is shared, as for {@link sobolIndices}: `{ year }`, `{ year, log: true }` or `{ year, volumeMt }`. */
  output: VolumeOutput;
  /** M, the random permutations of the factors (the standard errors shrink as 1/√M). */
  permutations: number;
  seed: Seed;
  /** N_o, the paths (outer draws of the other factors) per set and permutation: 32 by default, at most 16,384. */
  outer?: number;
  /** N_i, the conditional draws per outer draw (3 by default; at least 2). */
  inner?: number;
  /** N_v, the paths that estimate the output's variance (20,000 by default). */
  varianceSamples?: number;
}

/** The normal-score correlation matrix of the parameters: 2·sin(π·ρs/6) for each correlation entry, independent otherwise. */
function scoreCorrelation(fn: string, scenario: Scenario, params: readonly Factor[]): number[][] {
  const r: number[][] = params.map((_, i) => params.map((__, j) => (i === j ? 1 : 0)));
  const at = (name: string) => {
    const key = purposeKey(perPathParameter(scenario, name)!.purpose);
    return params.findIndex((f) => purposeKey(f.purposes[0]!) === key);
  };
  for (const c of scenario.correlations ?? []) {
    const [i, j] = [at(c.between[0]), at(c.between[1])];
    r[i]![j] = r[j]![i] = pearsonForSpearman(c.spearman);
  }
  const l = cholesky(r, 0);
  if (l === null || l.some((row, i) => !(row[i]! > 0))) {
    throw new RangeError(`${fn}: the scenario's correlations make a parameter a linear function of the others on the normal scores (a singular matrix), so its conditional law is degenerate; loosen them`);
  }
  return r;
}

/**
 * Shapley effects of a per-path output of a volume scenario: each factor's share of the output's
 * variance, correlations included — the analysis for a scenario with `correlations`, which
 * {@link sobolIndices} refuses. The factors are those of {@link sobolIndices}: each
 * distribution-valued parameter, the demand shocks as one group (`shocks`) and each disruption's
 * strikes as one group (`disruptions[j].strikes`). The estimator is that of
 * {@link shapleyEffectsOf} (Song, Nelson and Staum 2016), the model run a batch of `outer` paths
 * at a time: for each permutation and set J, `inner` runs that share the other factors' values
 * and redraw J's.
 *
 * The dependence it assumes: the parameters are drawn from a Gaussian copula whose normal scores
 * have the Pearson correlation 2·sin(π·ρs/6) for each entry's Spearman ρs (the population rank
 * correlation is then ρs exactly, and the conditional draws are exact Gaussian conditionals on
 * the scores), each through its own marginal's quantile function. `simulateVolumes` imposes the
 * same Spearman matrix by Iman–Conover within each stream block, which approximates this copula;
 * the variance shared here (`variance`) is the copula model's, estimated from `varianceSamples`
 * paths of its own.
 *
 * @example
 * const r = shapleyEffects(PRESETS['official-capacity'], { output: { year: 2027 }, permutations: 40, seed: 1 });
 * r.effects.map((x) => x.factor) // => [ 'growth.rate', 'shocks' ]
 */
export function shapleyEffects(s: ScenarioInput | Scenario, o: ShapleyScenarioOptions): ShapleyEffects {
  const fn = 'shapleyEffects';
  const opts = options<ShapleyScenarioOptions>(fn, o, ['output', 'permutations', 'seed', 'outer', 'inner', 'varianceSamples', ...PROGRESS_OPTIONS], ['output', 'permutations', 'seed']);
  const track = tracker(fn, opts);
  const scenario = parseScenario(s);
  const output = checkOutput(fn, opts.output, scenario);
  const { permutations: M, seed, outer, inner, varianceSamples } = shapleySettings(fn, opts, { outer: 32, varianceSamples: 20_000 }, 1_000_000);
  if (outer > STREAM_BLOCK) throw new RangeError(`${fn}: outer must be at most ${STREAM_BLOCK} (got ${outer})`);
  const factors = scenarioFactors(scenario);
  if (factors.length === 0) throw new RangeError(`${fn}: the scenario has no uncertain input (no distribution-valued parameter, no volatility, no disruption), so there is no variance to share`);
  const params = factors.filter((f) => f.param !== null);
  const p = params.length;
  const cov = scoreCorrelation(fn, scenario, params);
  // The kernel reads the parameters from the columns given; the copula replaces the Iman–Conover step.
  const { correlations: _, ...independent } = scenario;
  const years = Array.from({ length: scenario.horizon - scenario.start.year + 1 }, (_, k) => scenario.start.year + k);
  const k = output.year - scenario.start.year;
  const model = resolveVolume(independent, years);
  const ws = workspace(model);
  const lawOf = conditionalLaws(cov);
  const all = params.map((_, i) => i);
  // Progress in runs of the kernel (each at most one stream block of paths): the variance's, then every cost's inner runs.
  const runs = steps(track, Math.ceil(varianceSamples / STREAM_BLOCK) + M * (factors.length - 1) * inner, 'runs');
  /** The output of n paths from `first` on, the parameters' normal scores given path by path. */
  const run = (scores: readonly number[][], runSeed: string, overrides: SeedOverride[], first: number): Float64Array => {
    const n = scores.length;
    const columns = new Map(params.map((f, i) => [purposeKey(f.purposes[0]!), Float64Array.from(scores, (z) => paramQuantileUnchecked(f.param!, clampUnit(normalCdf(z[i]!))))]));
    const arrays = () => years.map(() => new Float64Array(n));
    const [demand, capacity, volume] = [arrays(), independent.capacity ? arrays() : [], arrays()];
    runVolumeBlock(model, { seed: runSeed, overrides, columns }, first, n, ws, toArrays(demand, capacity, volume, first));
    runs.step();
    return outputOf(output, volume[k]!);
  };
  const jointScores = (rng: Rng) => {
    const z = new Array<number>(p).fill(0);
    if (p > 0) drawConditional(lawOf(all), [], rng, z);
    return z;
  };
  const vRng = stream(seed, ['shapley', 'variance'], 0);
  const vy = new Float64Array(varianceSamples);
  for (let first = 0; first < varianceSamples; first += STREAM_BLOCK) {
    const n = Math.min(STREAM_BLOCK, varianceSamples - first);
    vy.set(run(Array.from({ length: n }, () => jointScores(vRng)), `${seed}|shapley-variance`, [], first), first);
  }
  const variance = varianceOf(vy);
  if (!(variance.estimate > 0)) throw new RangeError(`${fn}: the output does not vary over ${varianceSamples} paths, so there is no variance to share; choose an output that depends on the factors`);
  const rng = stream(seed, ['shapley', 'draws'], 0);
  const cost = (m: number, set: readonly number[]) => {
    const freeParams = set.filter((i) => i < p);
    const law = freeParams.length > 0 ? lawOf(freeParams) : null;
    const outerScores = Array.from({ length: outer }, () => jointScores(rng));
    const ys = Array.from({ length: inner }, (_, i) => {
      const scores = law === null ? outerScores : outerScores.map((z) => {
        const zi = z.slice();
        drawConditional(law, law.given.map((g) => z[g]!), rng, zi);
        return zi;
      });
      const overrides = set.filter((j) => j >= p).flatMap((j) => factors[j]!.purposes.map((purpose) => ({ purpose: [...purpose], seed: `${seed}|shapley-inner|${m}|${set.length}|${i}` })));
      return run(scores, `${seed}|shapley-outer|${m}|${set.length}`, overrides, 0);
    });
    let c = 0;
    const y = new Float64Array(inner);
    for (let l = 0; l < outer; l++) {
      for (let i = 0; i < inner; i++) y[i] = ys[i]![l]!;
      c += varianceOf(y).estimate;
    }
    return c / outer;
  };
  // Parameters first, then the groups: the factor order of scenarioFactors.
  const effects = shapleyFromCosts(factors.map((f) => f.name), permutationsOf(seed, factors.length, M), cost, variance);
  return new ShapleyEffects({ seed, permutations: M, evaluations: varianceSamples + M * (factors.length - 1) * outer * inner, variance, effects });
}

/** A probability kept inside (0, 1), so that an unbounded marginal's quantile stays finite. */
const clampUnit = (u: number) => (u < 2 ** -53 ? 2 ** -53 : u > 1 - 2 ** -53 ? 1 - 2 ** -53 : u);
