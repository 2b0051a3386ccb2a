import { replicateMean } from './replicates.js';
import { finiteNumber, level, levels } from '../args.js';
import { frozenPrecision, precisionJSON, type Precision } from '../engine/precision.js';
import type { Scenario } from '../scenario/types.js';
import { proportion } from '../stats/proportion.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { quantilesUnchecked } from '../stats/quantile.js';
import { meanVariance } from '../stats/summary.js';
import { meanEstimate, medianFirstYear, yearIndexIn, yearsJSON } from './result-rows.js';
import type { FirstYearRow, Unmet, Utilisation, VolumeYearJSON } from './result-types.js';
import { VolumeViews } from './result-views.js';

export type { FirstYearRow, Unmet, Utilisation, VolumeSummaryRow, VolumeYearJSON } from './result-types.js';

/**
 * What `JSON.stringify` writes for a {@link VolumeResult}: the inputs as parsed and the statistics
 * of every year — never the paths (a few KB whatever their number).
 */
export interface VolumeResultJSON {
  kind: 'volumes';
  seed: string;
  paths: number;
  scenario: Scenario;
  years: VolumeYearJSON[];
  /** The first year reaching the target's volume (null without a target). */
  firstYearReachingTarget: FirstYearRow[] | null;
  /** How a run to a tolerance was sized and what it found: present only on such a run. */
  precision?: Precision;
}

interface Parts {
  scenario: Scenario;
  seed: string;
  paths: number;
  years: number[];
  demand: Float64Array[];
  capacity: Float64Array[];
  volume: Float64Array[];
  /** Quantiles already computed elsewhere (by workers, from these same arrays): [year index, p, value]. */
  quantiles?: [number, number, number][];
  /** 'lhs': Latin hypercube replicates (standard errors from the replicates). */
  sampling?: 'lhs';
  /** A run to a tolerance: how it was sized. */
  precision?: Precision | null;
}

/**
 * The result of {@link simulateVolumes}: the raw arrays (`[yearIndex][path]`) and statistics
 * computed on demand and cached. Quantiles are numpy's default (type 7), probabilities come with
 * their Monte Carlo standard errors √(p(1−p)/n).
 */
export class VolumeResult extends VolumeViews {
  readonly kind = 'volumes' as const;
  readonly scenario: Scenario;
  /** The seed that produced these numbers. */
  readonly seed: string;
  readonly paths: number;
  readonly years: number[];
  /** Demand (Mt) per year and path: the cargo that wants through. */
  readonly demand: Float64Array[];
  /** Capacity (Mt) per year and path; empty when the scenario has no capacity (unlimited). */
  readonly capacity: Float64Array[];
  /** Volume carried (Mt) per year and path: min(demand, capacity). */
  readonly volume: Float64Array[];
  readonly hasCapacity: boolean;
  /** How the per-path parameters were drawn: 'random', or 'lhs' (standard errors of means and probabilities from the Latin hypercube replicates). */
  readonly sampling: 'random' | 'lhs';
  /** How a run to a tolerance (`untilStandardError`) was sized and what it found, frozen; null for a run of a size fixed in advance. */
  readonly precision: Precision | null;
  readonly #parts: Parts;
  readonly #cache = new Map<string, unknown>();
  #scratch: Float64Array | undefined;

  /** @internal The engine's merge makes a result. */
  constructor(p: Parts) {
    super();
    this.scenario = p.scenario;
    this.seed = p.seed;
    this.paths = p.paths;
    this.years = p.years;
    this.demand = p.demand;
    this.capacity = p.capacity;
    this.volume = p.volume;
    this.hasCapacity = p.capacity.length > 0;
    this.sampling = p.sampling ?? 'random';
    this.precision = frozenPrecision(p.precision);
    this.#parts = p;
    for (const [k, q, value] of p.quantiles ?? []) this.#cache.set(`q:${k}:${q}`, value);
  }

  /** @internal The same run with its precision (a run to a tolerance makes it): a new result over the same arrays. */
  withPrecision(precision: Precision): VolumeResult & { readonly precision: Precision } {
    return new VolumeResult({ ...this.#parts, precision }) as VolumeResult & { readonly precision: Precision };
  }

  #cached<T>(key: string, make: () => T): T {
    return (this.#cache.has(key) ? this.#cache : this.#cache.set(key, make())).get(key) as T;
  }

  /** Index of a year in the run; TypeError for a non-number, RangeError outside the run. */
  yearIndex(year: number): number {
    return yearIndexIn(this.years, year, 'VolumeResult.yearIndex');
  }

  /**
   * Volume quantiles of one year, several p at once (type 7).
   * @example simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2026, growth: { model: 'exponential', rate: 0.5 } }, { paths: 10, seed: 1 }).quantiles(2026, [0.1, 0.9]) // => [ 6, 6 ]
   */
  quantiles(year: number, ps: readonly number[]): number[] {
    const fn = 'VolumeResult.quantiles';
    const k = yearIndexIn(this.years, year, fn);
    const ls = levels(fn, 'ps', ps);
    const missing = ls.filter((p) => !this.#cache.has(`q:${k}:${p}`));
    if (missing.length > 0) {
      this.#scratch ??= new Float64Array(this.paths);
      const q = quantilesUnchecked(this.volume[k]!, missing, this.#scratch);
      missing.forEach((p, i) => this.#cache.set(`q:${k}:${p}`, q[i]));
    }
    return ls.map((p) => this.#cache.get(`q:${k}:${p}`) as number);
  }

  /**
   * The p-quantile of volume in a year (numpy's default). `p` is a number in [0, 1]: `'0.5'` or
   * `null` is a TypeError.
   * @example simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2026, growth: { model: 'exponential', rate: 0.5 } }, { paths: 10, seed: 1 }).quantile(2026, 0.5) // => 6
   */
  quantile(year: number, p: number): number {
    const fn = 'VolumeResult.quantile';
    yearIndexIn(this.years, year, fn);
    return this.quantiles(year, [level(fn, 'p', p)])[0]!;
  }

  /** P(volume ≥ volumeMt) in a year, with its standard error. */
  probabilityAtLeast(year: number, volumeMt: number): Estimate {
    const fn = 'VolumeResult.probabilityAtLeast';
    const k = yearIndexIn(this.years, year, fn);
    finiteNumber(fn, 'volumeMt', volumeMt);
    return this.#cached(`ge:${k}:${volumeMt}`, () => {
      const v = this.volume[k]!;
      if (this.sampling === 'lhs') return replicateMean(v, (x) => +(x >= volumeMt));
      let hits = 0;
      for (let i = 0; i < v.length; i++) if (v[i]! >= volumeMt) hits++;
      return proportion(hits, v.length);
    });
  }

  /**
   * The distribution of the first year in which volume reaches `volumeMt`: one row per year of
   * the run after the start (a path already at the level in the start year counts for the start
   * year), then `{ year: null }` for paths that never reach it. The probabilities sum to 1.
   */
  firstYearReaching(volumeMt: number): FirstYearRow[] {
    finiteNumber('VolumeResult.firstYearReaching', 'volumeMt', volumeMt);
    return this.#cached(`first:${volumeMt}`, () => {
      const n = this.paths;
      const counts = new Float64Array(this.years.length + 1);
      const reached = new Uint8Array(n);
      this.volume.forEach((v, k) => {
        for (let i = 0; i < n; i++) {
          if (reached[i] === 0 && v[i]! >= volumeMt) {
            reached[i] = 1;
            counts[k]!++;
          }
        }
      });
      let never = n;
      for (let k = 0; k < this.years.length; k++) never -= counts[k]!;
      counts[this.years.length] = never;
      return Array.from(counts, (c, k) => ({ year: k < this.years.length ? this.years[k]! : null, probability: proportion(c, n) }));
    });
  }

  /**
   * The median first year of reaching `volumeMt`: the first year by which at least half the
   * paths have reached it, or null when fewer than half do within the horizon.
   */
  medianFirstYear(volumeMt: number): number | null {
    finiteNumber('VolumeResult.medianFirstYear', 'volumeMt', volumeMt);
    return medianFirstYear(this.firstYearReaching(volumeMt));
  }

  /**
   * Mean volume in a year, with its standard error.
   * @example simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2026, growth: { model: 'exponential', rate: 0.5 } }, { paths: 10, seed: 1 }).mean(2026) // => { estimate: 6, standardError: 0 }
   */
  mean(year: number): Estimate {
    const k = yearIndexIn(this.years, year, 'VolumeResult.mean');
    return this.#cached(`mean:${k}`, () => {
      if (this.sampling === 'lhs') return replicateMean(this.volume[k]!, (x) => x);
      const m = meanVariance(this.volume[k]!);
      return estimate(m.mean, m.standardError);
    });
  }

  /**
   * Demand the corridor cannot carry in a year (it goes to other routes): the mean unmet volume
   * in Mt over all paths and the probability that some demand is unmet, each with its standard
   * error. Zero everywhere without a capacity.
   */
  unmet(year: number): Unmet {
    const k = yearIndexIn(this.years, year, 'VolumeResult.unmet');
    return this.#cached(`unmet:${k}`, () => {
      const d = this.demand[k]!;
      const v = this.volume[k]!;
      let total = 0;
      let hits = 0;
      for (let i = 0; i < d.length; i++) {
        const u = d[i]! - v[i]!;
        if (u > 0) {
          total += u;
          hits++;
        }
      }
      const m = total / d.length;
      let m2 = 0;
      for (let i = 0; i < d.length; i++) {
        const e = d[i]! - v[i]! - m;
        m2 += e * e;
      }
      return { mean: meanEstimate(total, m2, d.length), probability: proportion(hits, d.length) };
    });
  }

  /**
   * Mean utilisation volume/capacity in a year and the share of paths at capacity, each with its
   * standard error; null without a capacity. Capacity is always > 0 (the kernel refuses one that
   * underflows to 0), so utilisation is in [0, 1].
   */
  utilisation(year: number): Utilisation | null {
    const k = yearIndexIn(this.years, year, 'VolumeResult.utilisation');
    if (!this.hasCapacity) return null;
    return this.#cached(`util:${k}`, () => {
      const c = this.capacity[k]!;
      const v = this.volume[k]!;
      const d = this.demand[k]!;
      let total = 0;
      let hits = 0;
      for (let i = 0; i < c.length; i++) {
        total += v[i]! / c[i]!;
        if (d[i]! >= c[i]!) hits++;
      }
      const m = total / c.length;
      let m2 = 0;
      for (let i = 0; i < c.length; i++) {
        const e = v[i]! / c[i]! - m;
        m2 += e * e;
      }
      return { mean: meanEstimate(total, m2, c.length), atCapacity: proportion(hits, c.length) };
    });
  }

  /**
   * Plain statistics, never the paths (see {@link VolumeResultJSON}): a few KB whatever the number of paths; `precision` last on a run to a tolerance only.
   * @example simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2026, growth: { model: 'exponential', rate: 0.5 } }, { paths: 10, seed: 1 }).toJSON().years[1] // => { year: 2026, p10: 6, p50: 6, p90: 6, mean: { estimate: 6, standardError: 0 }, probabilityAtLeastTarget: …, unmet: …, utilisation: null }
   */
  toJSON(): VolumeResultJSON {
    return { kind: this.kind, seed: this.seed, paths: this.paths, scenario: this.scenario, ...yearsJSON(this), ...precisionJSON(this.precision) };
  }
}
