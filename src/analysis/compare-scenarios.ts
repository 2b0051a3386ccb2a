import { finiteNumber, options, sampleSize, show } from '../args.js';
import { PROGRESS_OPTIONS, steps, tracker, type ProgressOptions } from '../engine/progress.js';
import type { Seed } from '../random/stream.js';
import { seedKey } from '../random/stream.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { MAX_PATHS, simulateVolumes } from '../volume/simulate.js';
import { tidy, type TidyRow } from '../report/display.js';
import { block, est, firstLines, num, pct, runOf } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import { pairedAtLeast, pairedMean, pairedQuantile, type PairedDifference } from '../stats/paired.js';

/** One year of {@link compareScenarios}: each statistic of a and of b, and a − b paired. */
export interface ScenarioComparisonRow {
  year: number;
  /** P(volume ≥ the threshold); null without a threshold. */
  probabilityAtLeast: PairedDifference | null;
  mean: PairedDifference;
  p10: PairedDifference;
  p50: PairedDifference;
  p90: PairedDifference;
}

/** Options of {@link compareScenarios}. */
export interface CompareScenariosOptions extends ProgressOptions {
  paths: number;
  seed: Seed;
  /** The volume (Mt) of P(≥ …) every year: a's target volume by default (10 Mt). */
  volumeMt?: number;
}

/** What `JSON.stringify` writes for a {@link ScenarioComparison}. */
export interface ScenarioComparisonJSON {
  kind: 'scenario-comparison';
  seed: string;
  paths: number;
  names: [string, string];
  volumeMt: number | null;
  rows: ScenarioComparisonRow[];
}

/** The result of {@link compareScenarios}. */
export class ScenarioComparison extends RowResult<ScenarioComparisonRow, 'year' | 'scenario', ScenarioComparisonJSON> {
  declare readonly kind: 'scenario-comparison';
  declare readonly paths: number;
  declare readonly names: readonly [string, string];
  declare readonly volumeMt: number | null;
  declare readonly rows: readonly ScenarioComparisonRow[];

  constructor(p: { seed: string; paths: number; names: [string, string]; volumeMt: number | null; rows: ScenarioComparisonRow[] }) {
    super({ kind: 'scenario-comparison', seed: p.seed, paths: p.paths, names: p.names, volumeMt: p.volumeMt, rows: p.rows });
  }

  /** The paths of each run. */
  get size(): number {
    return this.paths;
  }

  /** The row of one year; RangeError outside the compared years. */
  year(year: number): ScenarioComparisonRow {
    return this.rowWhere('year', year, 'ScenarioComparison.year', () => `ScenarioComparison.year: ${show(year)} is not a compared year (${this.rows[0]?.year}–${this.rows[this.rows.length - 1]?.year})`);
  }

  /**
   * Tidy rows `{ year, scenario, statistic, value, standardError, threshold }`: per year and
   * statistic (probabilityAtLeast, whose threshold is `volumeMt`; mean, p10, p50, p90) the value
   * of a, of b (`scenario` 'a' and 'b', each with its own standard error) and their paired
   * difference (`scenario` 'difference', with the paired standard error).
   */
  toRecords(): TidyRow<'year' | 'scenario'>[] {
    const sides = [['a', (d: PairedDifference) => ({ estimate: d.a, standardError: d.standardErrorA })], ['b', (d: PairedDifference) => ({ estimate: d.b, standardError: d.standardErrorB })], ['difference', (d: PairedDifference) => d.difference]] as const;
    return this.rows.flatMap((r) =>
      sides.flatMap(([scenario, of]) => {
        const pick = (d: PairedDifference | null) => (d === null ? null : of(d));
        return tidy({ year: r.year, scenario }, { probabilityAtLeast: pick(r.probabilityAtLeast), mean: pick(r.mean), p10: pick(r.p10), p50: pick(r.p50), p90: pick(r.p90) }, { probabilityAtLeast: this.volumeMt });
      }),
    );
  }

  /** The table of differences. */
  protected display(): RowDisplay {
    return {
      title: `${this.names[0]} − ${this.names[1]} (paired, ${this.paths.toLocaleString('en')} paths)`,
      text: `ScenarioComparison ${this.names[0]} − ${this.names[1]}: ${this.rows.length} years`,
    };
  }

  /** The run and each year's paired differences. */
  protected text(): string {
    return block(
      `ScenarioComparison ${this.names[0]} − ${this.names[1]} (paired): ${runOf(this.paths, 'paths', this.seed)}`,
      firstLines(
        this.rows.map((r) => {
          const p = r.probabilityAtLeast;
          return `${r.year}: mean ${num(r.mean.a)} − ${num(r.mean.b)} = ${est(r.mean.difference, 'Mt')}${p ? `; P(≥ ${num(this.volumeMt!)} Mt) ${pct({ estimate: p.a, standardError: p.standardErrorA })} − ${pct({ estimate: p.b, standardError: p.standardErrorB })} = ${pct(p.difference)}` : ''}`;
        }),
      ),
    );
  }
}

/**
 * Two scenarios on the same seed, path by path (common random numbers: their shared
 * assumptions draw the same numbers), compared year by year over the years both simulate: the
 * difference a − b of P(≥ volume), the mean and the P10/P50/P90, each with the standard error of
 * the paired difference, and how much pairing reduced its variance against two independent runs.
 * A scenario compared with itself gives exactly 0 ± 0.
 *
 * @example
 * const c = compareScenarios(PRESETS['official-capacity'], PRESETS.baseline, { paths: 2000, seed: 1 });
 * c.year(2027).probabilityAtLeast.difference.estimate > 0 // => true
 */
export function compareScenarios(a: ScenarioInput | Scenario, b: ScenarioInput | Scenario, o: CompareScenariosOptions): ScenarioComparison {
  const fn = 'compareScenarios';
  const opts = options<CompareScenariosOptions>(fn, o, ['paths', 'seed', 'volumeMt', ...PROGRESS_OPTIONS], ['paths', 'seed']);
  const track = tracker(fn, opts);
  const paths = sampleSize(fn, 'paths', opts.paths, MAX_PATHS);
  const seed = seedKey(opts.seed, fn);
  const sa = parseScenario(a);
  const sb = parseScenario(b);
  const volumeMt = opts.volumeMt === undefined ? (sa.target?.volumeMt ?? null) : finiteNumber(fn, 'volumeMt', opts.volumeMt);
  const runs = steps(track, 2, 'runs');
  const ra = simulateVolumes(sa, { paths, seed, ...runs.inner });
  runs.step();
  const rb = simulateVolumes(sb, { paths, seed, ...runs.inner });
  runs.step();
  const years = ra.years.filter((y) => rb.years.includes(y));
  if (years.length === 0) throw new RangeError(`${fn}: the scenarios share no year (${ra.years[0]}–${ra.years.at(-1)} and ${rb.years[0]}–${rb.years.at(-1)})`);
  const rows = years.map((year) => {
    const va = ra.volume[year - ra.years[0]!]!;
    const vb = rb.volume[year - rb.years[0]!]!;
    return {
      year,
      probabilityAtLeast: volumeMt === null ? null : pairedAtLeast(va, vb, volumeMt),
      mean: pairedMean(va, vb),
      p10: pairedQuantile(va, vb, 0.1),
      p50: pairedQuantile(va, vb, 0.5),
      p90: pairedQuantile(va, vb, 0.9),
    };
  });
  return new ScenarioComparison({ seed, paths, names: [sa.name ?? 'a', sb.name ?? 'b'], volumeMt, rows });
}
