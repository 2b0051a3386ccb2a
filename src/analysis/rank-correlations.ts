import { options, wholeNumber } from '../args.js';
import { tidy, type TidyRow } from '../report/display.js';
import { block, est, firstLines, runOf } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { seedKey, type Seed } from '../random/stream.js';
import { runDraws } from '../volume/correlate.js';
import { resolveVolume } from '../volume/resolve.js';
import { MAX_PATHS } from '../volume/plan.js';
import type { VolumeResult } from '../volume/result.js';
import { simulateVolumes } from '../volume/simulate.js';
import { checkOutput, outputLabel, outputOf, scenarioFactors, type VolumeOutput } from './factors.js';
import { pearson, ranks } from './rank.js';

/** Options of {@link rankCorrelations}. */
export interface RankCorrelationOptions {
  /** The per-path output, as for {@link sobolIndices}. */
  output: VolumeOutput;
  paths: number;
  seed: Seed;
}

/** One parameter's rank correlation with the output. */
export interface RankCorrelationRow {
  /** The parameter's path, e.g. `growth.rate`. */
  readonly factor: string;
  /** Spearman's ρ of the parameter's per-path draw with the output; the standard error is Bonett and Wright's (2000) large-sample one. */
  readonly spearman: Estimate;
}

/** What `JSON.stringify` writes for {@link RankCorrelations}. */
export interface RankCorrelationsJSON {
  kind: 'rank-correlations';
  seed: string;
  paths: number;
  output: VolumeOutput;
  label: string;
  rows: RankCorrelationRow[];
}

/** The result of {@link rankCorrelations}: rows sorted by |ρ|, largest first. Plain data with `toJSON()`. */
export class RankCorrelations extends RowResult<RankCorrelationRow, 'factor', RankCorrelationsJSON> {
  declare readonly kind: 'rank-correlations';
  declare readonly paths: number;
  declare readonly output: VolumeOutput;
  declare readonly label: string;
  declare readonly rows: readonly RankCorrelationRow[];

  constructor(p: { seed: string; paths: number; output: VolumeOutput; rows: RankCorrelationRow[] }) {
    super({ kind: 'rank-correlations', seed: p.seed, paths: p.paths, output: p.output, label: outputLabel(p.output), rows: p.rows });
  }

  /** The paths of the run. */
  get size(): number {
    return this.paths;
  }

  /** Tidy rows: per factor, Spearman's ρ with its standard error. */
  toRecords(): TidyRow<'factor'>[] {
    return this.rows.flatMap((r) => tidy({ factor: r.factor }, { spearman: r.spearman }));
  }

  /** A table of the correlations. */
  protected display(): RowDisplay {
    return { title: `Rank correlations with ${this.label} (${this.paths.toLocaleString('en')} paths, seed ${this.seed})`, text: `RankCorrelations with ${this.label}: ${this.rows.length} factors` };
  }

  /** The run and each factor's ρ. */
  protected text(): string {
    return block(`RankCorrelations with ${this.label}: ${runOf(this.paths, 'paths', this.seed)}`, firstLines(this.rows.map((x) => `${x.factor}: Spearman ρ ${est(x.spearman)}`)));
  }
}

/**
 * Cheap sensitivity from one run: Spearman's rank correlation of each distribution-valued
 * parameter's per-path draw with a per-path output (the draws are recovered by drawing the same
 * purpose streams the kernel drew them from and, for a scenario with `correlations`, rearranging
 * them by the same Iman–Conover shuffles: they are the very numbers of the run). Unlike
 * Sobol indices it sees only monotone association, and nothing of the shocks or strikes.
 *
 * @example
 * const r = rankCorrelations(PRESETS.baseline, { output: { year: 2027 }, paths: 20000, seed: 1 });
 * r.rows[0].factor // => 'growth.rate'
 */
export function rankCorrelations(s: ScenarioInput | Scenario, o: RankCorrelationOptions): RankCorrelations {
  const fn = 'rankCorrelations';
  const opts = options<RankCorrelationOptions>(fn, o, ['output', 'paths', 'seed'], ['output', 'paths', 'seed']);
  const scenario = parseScenario(s);
  const output = checkOutput(fn, opts.output, scenario);
  const paths = wholeNumber(fn, 'paths', opts.paths, 4, MAX_PATHS);
  const seed = seedKey(opts.seed, fn);
  const run = simulateVolumes(scenario, { paths, seed }) as VolumeResult;
  const y = outputOf(output, run.volume[output.year - scenario.start.year]!);
  if (y.every((v) => v === y[0])) throw new RangeError(`${fn}: the output does not vary over the paths, so no correlation is defined; choose an output that depends on the parameters`);
  const ry = ranks(y);
  const params = scenarioFactors(scenario).flatMap((f) => (f.param === null ? [] : [{ name: f.name, param: f.param, purpose: f.purposes[0]! }]));
  const draws = runDraws(resolveVolume(scenario, run.years).correlation, seed, params, paths);
  const rows = params.map((f, i) => {
    const x = draws[i]!;
    const rho = x.every((v) => v === x[0]) ? 0 : pearson(ranks(x), ry, fn);
    // Bonett & Wright (2000): Var(atanh ρ̂) ≈ (1 + ρ²/2)/(n − 3), carried back by the delta method.
    const se = (1 - rho * rho) * Math.sqrt((1 + (rho * rho) / 2) / (paths - 3));
    return { factor: f.name, spearman: estimate(rho, se) };
  });
  rows.sort((a, b) => Math.abs(b.spearman.estimate) - Math.abs(a.spearman.estimate) || a.factor.localeCompare(b.factor));
  return new RankCorrelations({ seed, paths, output, rows });
}
