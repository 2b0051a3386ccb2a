import { finiteNumber, level, levels } from '../args.js';
import { frozenPrecision, precisionJSON, type Precision } from '../engine/precision.js';
import type { Scenario } from '../scenario/types.js';
import { proportion } from '../stats/proportion.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { type FirstYearRow, type Unmet, type Utilisation, type VolumeYearJSON } from './result.js';
import { meanEstimate, medianFirstYear, yearIndexIn, yearsJSON } from './result-rows.js';
import { VolumeViews } from './result-views.js';

/** A year's merged statistics in a summary run (see `mergeStats` in ./summary-run.ts). */
export interface YearStats {
  sum: number;
  sumSq: number;
  ge: number[]; // per threshold
  first: number[]; // per threshold: paths first reaching it this year
  unmetSum: number;
  /** Σ (unmet − its mean)², merged block by block. */
  unmetM2: number;
  unmetCount: number;
  utilSum: number;
  /** Σ (utilisation − its mean)², merged block by block. */
  utilM2: number;
  atCapacity: number;
}

/** One kept quantile of a year in {@link VolumeSummaryJSON}. */
export interface KeptQuantile {
  p: number;
  value: number;
}

/** One kept threshold of a year in {@link VolumeSummaryJSON}: P(volume ≥ volumeMt). */
export interface KeptProbability {
  volumeMt: number;
  probability: Estimate;
}

/**
 * What `JSON.stringify` writes for a {@link VolumeSummary}: the inputs as parsed, the levels and
 * thresholds kept, every year's statistics (the summary row, unmet demand, utilisation, every
 * kept quantile and every kept threshold's probability), and the first years reaching each kept
 * threshold.
 */
export interface VolumeSummaryJSON {
  kind: 'volume-summary';
  seed: string;
  paths: number;
  scenario: Scenario;
  keptQuantiles: number[];
  thresholds: number[];
  years: (VolumeYearJSON & { quantiles: KeptQuantile[]; probabilityAtLeast: KeptProbability[] })[];
  firstYearReachingTarget: FirstYearRow[] | null;
  firstYearReaching: { volumeMt: number; rows: FirstYearRow[] }[];
  /** How a run to a tolerance was sized and what it found: present only on such a run. */
  precision?: Precision;
}

/**
 * The statistics of a volume run kept without its paths (`keep: 'summary'`): memory grows with
 * years × kept levels, not with paths. Quantiles are exact — the same numbers as a full run with
 * the same seed — by two passes: a pilot of 4 stream blocks (65,536 paths) places, for each
 * order statistic, a bracket of ±6 binomial standard deviations; the full pass counts the paths
 * below each bracket and keeps those inside, where a selection finds the statistic. A bracket
 * that missed (it cannot, short of a one-in-10⁹ pilot) is widened and that year recounted.
 * Probabilities, first years and means are accumulated in the full pass (means agree with a full
 * run to rounding: they are summed in another order).
 */
export class VolumeSummary extends VolumeViews {
  readonly kind = 'volume-summary' as const;
  readonly keep = 'summary' as const;
  readonly scenario: Scenario;
  readonly seed: string;
  readonly paths: number;
  readonly years: number[];
  readonly hasCapacity: boolean;
  /** Not kept in a summary run: empty. */
  readonly demand: Float64Array[] = [];
  readonly capacity: Float64Array[] = [];
  readonly volume: Float64Array[] = [];
  /** The quantile levels and the volumes this summary can answer for. */
  readonly keptQuantiles: readonly number[];
  readonly thresholds: readonly number[];
  /** How a run to a tolerance (`untilStandardError`) was sized and what it found, frozen; null for a run of a size fixed in advance. */
  readonly precision: Precision | null;
  readonly #q: Map<string, number>;
  readonly #stats: YearStats[];

  /** @internal The engine's merge makes a summary (and {@link VolumeSummary.withPrecision} one with its precision). */
  constructor(run: { scenario: Scenario; seed: string; paths: number; years: number[] }, levels: readonly number[], thresholds: readonly number[], q: Map<string, number>, stats: YearStats[], precision: Precision | null = null) {
    super();
    this.scenario = run.scenario;
    this.seed = run.seed;
    this.paths = run.paths;
    this.years = run.years;
    this.hasCapacity = run.scenario.capacity !== null;
    this.keptQuantiles = levels;
    this.thresholds = thresholds;
    this.precision = frozenPrecision(precision);
    this.#q = q;
    this.#stats = stats;
  }

  /** @internal The same run with its precision (a run to a tolerance makes it): a new summary of the same statistics. */
  withPrecision(precision: Precision): VolumeSummary & { readonly precision: Precision } {
    return new VolumeSummary(this, this.keptQuantiles, this.thresholds, this.#q, this.#stats, precision) as VolumeSummary & { readonly precision: Precision };
  }

  /** Index of a year in the run; TypeError for a non-number, RangeError outside the run. */
  yearIndex(year: number): number {
    return yearIndexIn(this.years, year, 'VolumeSummary.yearIndex');
  }

  /** Kept volume quantiles of one year (RangeError for a level that was not kept). */
  quantiles(year: number, ps: readonly number[]): number[] {
    return this.#quantiles('VolumeSummary.quantiles', year, levels('VolumeSummary.quantiles', 'ps', ps));
  }

  #quantiles(fn: string, year: number, ps: readonly number[]): number[] {
    const k = yearIndexIn(this.years, year, fn);
    return ps.map((p) => {
      const q = this.#q.get(`${k}:${p}`);
      if (q === undefined) throw new RangeError(`${fn}: p = ${p} was not kept; run with keep: 'summary' and quantiles: [${p}] (kept: ${this.keptQuantiles.join(', ')})`);
      return q;
    });
  }

  /** A kept p-quantile of volume in a year (`'0.5'` or `null` is a TypeError, as in a full run). */
  quantile(year: number, p: number): number {
    const fn = 'VolumeSummary.quantile';
    yearIndexIn(this.years, year, fn);
    return this.#quantiles(fn, year, [level(fn, 'p', p)])[0]!;
  }

  #threshold(fn: string, volumeMt: unknown): number {
    const x = finiteNumber(fn, 'volumeMt', volumeMt);
    const j = this.thresholds.indexOf(x);
    if (j < 0) throw new RangeError(`${fn}: volumeMt = ${x} was not kept; run with keep: 'summary' and thresholds: [${x}] (kept: ${this.thresholds.join(', ') || 'none'})`);
    return j;
  }

  probabilityAtLeast(year: number, volumeMt: number): Estimate {
    const fn = 'VolumeSummary.probabilityAtLeast';
    const k = yearIndexIn(this.years, year, fn);
    return proportion(this.#stats[k]!.ge[this.#threshold(fn, volumeMt)]!, this.paths);
  }

  firstYearReaching(volumeMt: number): FirstYearRow[] {
    const j = this.#threshold('VolumeSummary.firstYearReaching', volumeMt);
    let never = this.paths;
    const rows: FirstYearRow[] = this.#stats.map((s, k) => {
      never -= s.first[j]!;
      return { year: this.years[k]!, probability: proportion(s.first[j]!, this.paths) };
    });
    rows.push({ year: null, probability: proportion(never, this.paths) });
    return rows;
  }

  medianFirstYear(volumeMt: number): number | null {
    this.#threshold('VolumeSummary.medianFirstYear', volumeMt);
    return medianFirstYear(this.firstYearReaching(volumeMt));
  }

  mean(year: number): Estimate {
    const s = this.#stats[yearIndexIn(this.years, year, 'VolumeSummary.mean')]!;
    const n = this.paths;
    const shifted = s.sum / n; // sums are of volume − start volume
    const variance = n > 1 ? Math.max(s.sumSq - n * shifted * shifted, 0) / (n - 1) : 0;
    return estimate(this.scenario.start.volumeMt + shifted, Math.sqrt(variance / n));
  }

  unmet(year: number): Unmet {
    const s = this.#stats[yearIndexIn(this.years, year, 'VolumeSummary.unmet')]!;
    return { mean: meanEstimate(s.unmetSum, s.unmetM2, this.paths), probability: proportion(s.unmetCount, this.paths) };
  }

  utilisation(year: number): Utilisation | null {
    const s = this.#stats[yearIndexIn(this.years, year, 'VolumeSummary.utilisation')]!;
    return this.hasCapacity ? { mean: meanEstimate(s.utilSum, s.utilM2, this.paths), atCapacity: proportion(s.atCapacity, this.paths) } : null;
  }

  /** Plain statistics (see {@link VolumeSummaryJSON}): every kept statistic of every year, a few KB; `precision` last on a run to a tolerance only. */
  toJSON(): VolumeSummaryJSON {
    const { years, firstYearReachingTarget } = yearsJSON(this);
    return {
      kind: this.kind,
      seed: this.seed,
      paths: this.paths,
      scenario: this.scenario,
      keptQuantiles: [...this.keptQuantiles],
      thresholds: [...this.thresholds],
      years: years.map((y) => ({
        ...y,
        quantiles: this.keptQuantiles.map((p) => ({ p, value: this.quantile(y.year, p) })),
        probabilityAtLeast: this.thresholds.map((volumeMt) => ({ volumeMt, probability: this.probabilityAtLeast(y.year, volumeMt) })),
      })),
      firstYearReachingTarget,
      firstYearReaching: this.thresholds.map((volumeMt) => ({ volumeMt, rows: this.firstYearReaching(volumeMt) })),
      ...precisionJSON(this.precision),
    };
  }
}
