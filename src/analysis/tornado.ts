import { options, sampleSize } from '../args.js';
import { PROGRESS_OPTIONS, steps, tracker, type ProgressOptions } from '../engine/progress.js';
import { paramQuantile } from '../random/inverse.js';
import { seedKey, type Seed } from '../random/stream.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import type { Estimate } from '../stats/estimate.js';
import { MAX_PATHS, simulateVolumes } from '../volume/simulate.js';
import { tornadoChart } from '../report/charts.js';
import { tidy, type TidyRow } from '../report/display.js';
import { block, est, firstLines, runOf } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import type { PairedDifference } from '../stats/paired.js';
import { perPathParameter } from '../scenario/parameter-paths.js';
import { distributionsIn, withValueAt } from './parameters.js';
import { checkStatistic, evaluate, evaluatePaired, statisticLabel, type VolumeStatistic, type YearVolumes } from './statistic.js';

/** One parameter's row of a tornado. */
export interface TornadoRow {
  /** The parameter's path, e.g. `growth.rate`. */
  parameter: string;
  /** The parameter's P10 and P90. */
  p10: number;
  p90: number;
  /** The statistic with the parameter held at its P10, and at its P90 (the rest as in the scenario, same seed). */
  low: Estimate;
  high: Estimate;
  /** high − low, with the standard error of the paired difference. */
  swing: PairedDifference;
}

/** Options of {@link tornado}. */
export interface TornadoOptions extends ProgressOptions {
  statistic: VolumeStatistic;
  paths: number;
  seed: Seed;
}

/** What `JSON.stringify` writes for a {@link Tornado}. */
export interface TornadoJSON {
  kind: 'tornado';
  seed: string;
  paths: number;
  statistic: VolumeStatistic;
  label: string;
  baseline: Estimate;
  rows: TornadoRow[];
}

/** The result of {@link tornado}: rows sorted by the size of their swing, largest first. */
export class Tornado extends RowResult<TornadoRow, 'parameter', TornadoJSON> {
  declare readonly kind: 'tornado';
  declare readonly paths: number;
  declare readonly statistic: VolumeStatistic;
  declare readonly label: string;
  /** The statistic under the scenario as given. */
  declare readonly baseline: Estimate;
  declare readonly rows: readonly TornadoRow[];

  constructor(p: { seed: string; paths: number; statistic: VolumeStatistic; baseline: Estimate; rows: TornadoRow[] }) {
    super({ kind: 'tornado', seed: p.seed, paths: p.paths, statistic: p.statistic, label: statisticLabel(p.statistic), baseline: p.baseline, rows: p.rows });
  }

  /** The paths of each run. */
  get size(): number {
    return this.paths;
  }

  /** Tidy rows: per parameter, its P10 and P90, the statistic at each, and the paired swing. */
  toRecords(): TidyRow<'parameter'>[] {
    return this.rows.flatMap((r) => tidy({ parameter: r.parameter }, { p10: r.p10, p90: r.p90, atP10: r.low, atP90: r.high, swing: r.swing.difference }));
  }

  /** The table and the tornado chart. */
  protected display(): RowDisplay {
    const top = this.rows[0];
    return {
      title: `Tornado: ${this.label}`,
      text: `Tornado of ${this.label}: ${this.rows.length} parameters; largest swing ${top ? `${top.parameter} ${top.swing.difference.estimate.toFixed(3)}` : '—'}`,
      chart: tornadoChart(this.rows.map((r) => ({ parameter: r.parameter, low: r.low, high: r.high })), { statistic: this.label, baseline: this.baseline.estimate }),
    };
  }

  /** The baseline and the largest swings. */
  protected text(): string {
    return block(
      `Tornado of ${this.label}: ${this.rows.length} parameters, ${runOf(this.paths, 'paths', this.seed)}, baseline ${est(this.baseline)}`,
      firstLines(this.rows.map((r) => `${r.parameter}: ${est(r.low)} at its P10, ${est(r.high)} at its P90, swing ${est(r.swing.difference)}`), 5),
    );
  }
}

/**
 * The document with the parameter at `path` held at `value`, and the correlation entries that
 * involve it dropped (a constant has no rank to correlate: the entries naming it are exactly the
 * ones whose name no longer finds a distribution).
 */
function heldAt(doc: ScenarioInput, path: readonly (string | number)[], value: number): ScenarioInput {
  const { correlations, ...rest } = withValueAt(doc, path, value);
  const kept = (correlations ?? []).filter((c) => c.between.every((name) => perPathParameter(rest, name) !== null));
  return kept.length === 0 ? rest : { ...rest, correlations: kept };
}

/**
 * One assumption at a time: each distribution-valued parameter of the scenario is held at its own
 * P10 and then at its P90, everything else as in the scenario and on the same seed (so the swing
 * is paired: the other draws are the very same numbers), and the statistic's swing is reported,
 * largest first. A parameter that does not enter the statistic has a swing of exactly 0.
 *
 * With scenario `correlations`, the held parameter's correlation entries are dropped and the
 * others keep theirs: the other parameters are at their own draws from their own marginals (and
 * their correlations among themselves), not conditioned on the held value — the classical
 * one-at-a-time meaning. So a parameter correlated with only the held one is drawn exactly as
 * without the correlation, and the swing of a factor is that of the scenario without its
 * entries. For the share of variance of correlated inputs see {@link shapleyEffects}.
 *
 * @example
 * const t = tornado(PRESETS.baseline, { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: 2000, seed: 1 });
 * t.rows[0].parameter // => 'growth.rate'
 */
export function tornado(s: ScenarioInput | Scenario, o: TornadoOptions): Tornado {
  const fn = 'tornado';
  const opts = options<TornadoOptions>(fn, o, ['statistic', 'paths', 'seed', ...PROGRESS_OPTIONS], ['statistic', 'paths', 'seed']);
  const track = tracker(fn, opts);
  const d = tornadoDesign(fn, s, opts);
  const runs = steps(track, d.runs.length, 'runs');
  return tornadoOf(d, (j) => {
    const r = simulateVolumes(d.runs[j]!, { paths: d.paths, seed: d.seed, ...runs.inner });
    runs.step();
    return r;
  }, fn);
}

/**
 * The runs of a tornado, in the order it runs them: the scenario, then each distribution-valued
 * parameter (document order) held at its P10, then at its P90. A sweep's shards run the same
 * runs (./sweep.ts).
 */
export interface TornadoDesign {
  statistic: VolumeStatistic;
  paths: number;
  seed: string;
  runs: (ScenarioInput | Scenario)[];
  held: { name: string; p10: number; p90: number }[];
}

/** Checks a tornado's scenario and options (`o` checked for its keys already) and lays out its runs. */
export function tornadoDesign(fn: string, s: ScenarioInput | Scenario, o: { statistic: unknown; paths: unknown; seed: unknown }): TornadoDesign {
  const statistic = checkStatistic(fn, o.statistic);
  const paths = sampleSize(fn, 'paths', o.paths, MAX_PATHS);
  const seed = seedKey(o.seed as Seed, fn);
  const scenario = parseScenario(s);
  // The document as given (parsing is idempotent, so a parsed scenario works too): edits keep its form.
  const doc = JSON.parse(JSON.stringify(s)) as ScenarioInput;
  const held = distributionsIn(doc).map(({ name, path, dist }) => ({ name, path, p10: paramQuantile(dist, 0.1), p90: paramQuantile(dist, 0.9) }));
  const runs = [scenario, ...held.flatMap((h) => [heldAt(doc, h.path, h.p10), heldAt(doc, h.path, h.p90)])];
  return { statistic, paths, seed, runs, held: held.map(({ name, p10, p90 }) => ({ name, p10, p90 })) };
}

/**
 * The tornado of a design from its runs' volumes (`run(j)`: run j's, asked for in order, each
 * once): the baseline, then each parameter's swing, largest first.
 */
export function tornadoOf(d: TornadoDesign, run: (j: number) => YearVolumes, fn: string): Tornado {
  const { statistic, paths, seed } = d;
  const baseline = evaluate(run(0), statistic, fn);
  const rows = d.held.map(({ name, p10, p90 }, i) => {
    const lo = run(1 + 2 * i);
    const hi = run(2 + 2 * i);
    return { parameter: name, p10, p90, low: evaluate(lo, statistic, fn), high: evaluate(hi, statistic, fn), swing: evaluatePaired(hi, lo, statistic, fn) };
  });
  rows.sort((a, b) => Math.abs(b.swing.difference.estimate) - Math.abs(a.swing.difference.estimate) || a.parameter.localeCompare(b.parameter));
  return new Tornado({ seed, paths, statistic, baseline, rows });
}
