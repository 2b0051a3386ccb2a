import type { Scenario } from '../scenario/types.js';
import { proportion } from '../stats/proportion.js';
import type { Estimate } from '../stats/estimate.js';
import { trustedQuantiles as selectQuantiles } from '../stats/quantile.js';
import { meanVariance } from '../stats/summary.js';

/** One row of {@link VolumeResult.summary}. */
export interface VolumeSummaryRow {
  year: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  /** Monte Carlo standard error of the mean. */
  meanSE: number;
  /** P(volume ≥ the scenario's target volume) in that year, with its standard error; null without a target. */
  pAtLeastTarget: number | null;
  pAtLeastTargetSE: number | null;
}

/** The year a path first carries at least a volume (null: never within the horizon). */
export interface FirstYearRow {
  year: number | null;
  probability: number;
  standardError: number;
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
}

/**
 * The result of {@link simulateVolumes}: the raw arrays (`[yearIndex][path]`) and statistics
 * computed on demand and cached. Quantiles are numpy's default (type 7), probabilities come with
 * their Monte Carlo standard errors √(p(1−p)/n).
 */
export class VolumeResult {
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
  readonly #cache = new Map<string, unknown>();
  #scratch: Float64Array | undefined;

  constructor(p: Parts) {
    this.scenario = p.scenario;
    this.seed = p.seed;
    this.paths = p.paths;
    this.years = p.years;
    this.demand = p.demand;
    this.capacity = p.capacity;
    this.volume = p.volume;
    this.hasCapacity = p.capacity.length > 0;
    for (const [k, q, value] of p.quantiles ?? []) this.#cache.set(`q:${k}:${q}`, value);
  }

  #cached<T>(key: string, make: () => T): T {
    if (!this.#cache.has(key)) this.#cache.set(key, make());
    return this.#cache.get(key) as T;
  }

  /** Index of a year in the run; RangeError outside it. */
  yearIndex(year: number): number {
    return yearIndexIn(this.years, year);
  }

  /** Volume quantiles of one year, several p at once (type 7). */
  quantiles(year: number, ps: readonly number[]): number[] {
    const k = this.yearIndex(year);
    for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`p: must be in [0, 1] (got ${p})`);
    const missing = ps.filter((p) => !this.#cache.has(`q:${k}:${p}`));
    if (missing.length > 0) {
      this.#scratch ??= new Float64Array(this.paths);
      const q = selectQuantiles(this.volume[k]!, missing, this.#scratch);
      missing.forEach((p, i) => this.#cache.set(`q:${k}:${p}`, q[i]));
    }
    return ps.map((p) => this.#cache.get(`q:${k}:${p}`) as number);
  }

  /**
   * The p-quantile of volume in a year (numpy's default).
   * @example simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2026, growth: { model: 'exponential', rate: 0.5 } }, { paths: 10, seed: 1 }).quantile(2026, 0.5) // => 6
   */
  quantile(year: number, p: number): number {
    return this.quantiles(year, [p])[0]!;
  }

  /** P(volume ≥ volumeMt) in a year, with its standard error. */
  probabilityAtLeast(year: number, volumeMt: number): Estimate {
    const k = this.yearIndex(year);
    if (!Number.isFinite(volumeMt)) throw new RangeError(`volumeMt: must be a finite number (got ${volumeMt})`);
    return this.#cached(`ge:${k}:${volumeMt}`, () => {
      const v = this.volume[k]!;
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
    if (!Number.isFinite(volumeMt)) throw new RangeError(`volumeMt: must be a finite number (got ${volumeMt})`);
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
      return Array.from(counts, (c, k) => {
        const { estimate, standardError } = proportion(c, n);
        return { year: k < this.years.length ? this.years[k]! : null, probability: estimate, standardError };
      });
    });
  }

  /**
   * The median first year of reaching `volumeMt`: the first year by which at least half the
   * paths have reached it, or null when fewer than half do within the horizon.
   */
  medianFirstYear(volumeMt: number): number | null {
    return medianFirstYear(this.firstYearReaching(volumeMt));
  }

  /** Mean volume in a year, with its standard error. */
  mean(year: number): { estimate: number; standardError: number } {
    const k = this.yearIndex(year);
    return this.#cached(`mean:${k}`, () => {
      const m = meanVariance(this.volume[k]!);
      return { estimate: m.mean, standardError: m.standardError };
    });
  }

  /**
   * Demand the corridor cannot carry in a year (it goes to other routes): the mean unmet volume
   * in Mt and the probability that some demand is unmet. Zero everywhere without a capacity.
   */
  unmet(year: number): { meanMt: number; probability: Estimate } {
    const k = this.yearIndex(year);
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
      return { meanMt: total / d.length, probability: proportion(hits, d.length) };
    });
  }

  /** Mean utilisation volume/capacity in a year and the share of paths at capacity; null without a capacity. */
  utilisation(year: number): { mean: number; atCapacity: Estimate } | null {
    const k = this.yearIndex(year);
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
      return { mean: total / c.length, atCapacity: proportion(hits, c.length) };
    });
  }

  /** Year, P10, P50, P90, mean and P(≥ target) for every year of the run. */
  summary(): VolumeSummaryRow[] {
    return summaryRows(this);
  }
}

/** Index of a year among a run's years; RangeError outside them. */
export function yearIndexIn(years: readonly number[], year: number): number {
  const k = year - years[0]!;
  if (!(Number.isInteger(year) && k >= 0 && k < years.length)) {
    throw new RangeError(`year: must be a whole year in the run, ${years[0]}–${years[years.length - 1]} (got ${year})`);
  }
  return k;
}

/** The first year by which at least half the paths have reached a level, from its first-year rows. */
export function medianFirstYear(rows: readonly FirstYearRow[]): number | null {
  let cum = 0;
  for (const r of rows) {
    if (r.year === null) return null;
    cum += r.probability;
    if (cum >= 0.5) return r.year;
  }
  return null;
}

/** What {@link summaryRows} reads of a result (full or summary). */
interface Summarisable {
  scenario: Scenario;
  years: number[];
  quantiles(year: number, ps: readonly number[]): number[];
  mean(year: number): { estimate: number; standardError: number };
  probabilityAtLeast(year: number, volumeMt: number): Estimate;
}

/** Year, P10, P50, P90, mean and P(≥ target) for every year of a run. */
export function summaryRows(r: Summarisable): VolumeSummaryRow[] {
  const target = r.scenario.target;
  return r.years.map((year) => {
    const [p10, p50, p90] = r.quantiles(year, [0.1, 0.5, 0.9]) as [number, number, number];
    const m = r.mean(year);
    const t = target ? r.probabilityAtLeast(year, target.volumeMt) : null;
    return { year, p10, p50, p90, mean: m.estimate, meanSE: m.standardError, pAtLeastTarget: t?.estimate ?? null, pAtLeastTargetSE: t?.standardError ?? null };
  });
}
