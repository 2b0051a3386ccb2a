/** The result of a corridor run: each year's trips, with the volume run they read. */
import { finiteNumber, show } from '../args.js';
import type { Route } from '../scenario/types.js';
import type { VolumeResult } from '../volume/result.js';
import type { Estimate } from '../stats/estimate.js';
import { quantile } from '../stats/quantile.js';
import type { CorridorPlan } from './plans.js';
import type { KernelOutput } from './kernel.js';
import { TransitSample } from './result.js';
import { displayBundle, toCSV, type CSVOptions, type TidyRow } from '../report/display.js';
import { block, est, firstLines, num, pct, printAs, runOf } from '../report/print.js';
import { labelled } from '../report/result-displays.js';

/** One row of {@link CorridorResult.summary}. */
export interface CorridorSummaryRow {
  year: number;
  /** Median demand that year (Mt). */
  demandP50: number;
  /** Mean trip days. */
  mean: Estimate;
  p50: number;
  p90: number;
  /** P(trip ≤ within days). */
  probabilityWithin: Estimate;
  /** Share of trips whose queue hit its utilisation cap. */
  saturated: Estimate;
}

/**
 * One year of {@link CorridorJSON}: the year's row of {@link CorridorResult.summary} (within 15
 * days) and P10 — a few numbers a year; a year's full statistics and per-leg breakdown are
 * `transit(year).toJSON()`.
 */
export interface CorridorYearJSON {
  year: number;
  demandP50: number;
  mean: Estimate;
  p10: number;
  p50: number;
  p90: number;
  /** P(trip ≤ 15 days). */
  probabilityWithin: Estimate;
  saturated: Estimate;
}

/** What {@link CorridorResult.toJSON} returns. */
export interface CorridorJSON {
  kind: 'corridor';
  seed: string;
  paths: number;
  tripsPerPath: number;
  useScenarioCapacity: boolean;
  route: Route;
  /** The scenario of the volume run, as parsed (the run's statistics are `volumes.toJSON()`). */
  scenario: unknown;
  /** The day line of each year's probabilityWithin: 15. */
  within: number;
  years: CorridorYearJSON[];
}

/** A scenario and a route run together ({@link simulateCorridor}). */
export class CorridorResult {
  readonly kind = 'corridor' as const;
  readonly seed: string;
  readonly volumes: VolumeResult;
  /** The route as given, parsed. */
  readonly route: Route;
  readonly years: number[];
  readonly paths: number;
  readonly tripsPerPath: number;
  readonly useScenarioCapacity: boolean;
  readonly #samples: TransitSample[];
  readonly #demandP50 = new Map<number, number>();

  /** From a plan, its volumes, the route as run and each year's kernel output (the engine's merge makes it). @internal */
  constructor(p: CorridorPlan, volumes: VolumeResult, runRoute: Route, outs: readonly KernelOutput[]) {
    this.seed = volumes.seed;
    this.volumes = volumes;
    this.route = p.route;
    this.years = volumes.years;
    this.paths = p.paths;
    this.tripsPerPath = p.tripsPerPath;
    this.useScenarioCapacity = p.useScenarioCapacity;
    this.#samples = outs.map((out, k) => new TransitSample(out, runRoute, this.seed, { volumeMt: null, year: this.years[k]! }));
  }

  #index(fn: string, year: unknown): number {
    const first = this.years[0]!;
    const last = this.years[this.years.length - 1]!;
    const what = `a whole year in ${first}–${last}`;
    if (typeof year !== 'number') throw new TypeError(`${fn}: year must be ${what} (got ${show(year)})`);
    if (!(Number.isInteger(year) && year >= first && year <= last)) throw new RangeError(`${fn}: year must be ${what} (got ${show(year)})`);
    return year - first;
  }

  /** The trips of one year: every path's demand and capacity that year set the queues. */
  transit(year: number): TransitSample {
    return this.#samples[this.#index('CorridorResult.transit', year)]!;
  }

  /** Median demand in a year (Mt), computed once. */
  #demandMedian(k: number): number {
    if (!this.#demandP50.has(k)) this.#demandP50.set(k, quantile(this.volumes.demand[k]!, 0.5));
    return this.#demandP50.get(k)!;
  }

  /** Per year: median demand, mean, P50, P90 trip days, P(≤ within days) and the share saturated. */
  summary(within = 15): CorridorSummaryRow[] {
    finiteNumber('CorridorResult.summary', 'within', within);
    return this.years.map((year, k) => {
      const t = this.#samples[k]!;
      const [p50, p90] = t.quantiles([0.5, 0.9]) as [number, number];
      return { year, demandP50: this.#demandMedian(k), mean: t.mean, p50, p90, probabilityWithin: t.probabilityWithin(within), saturated: t.saturated };
    });
  }

  /** Tidy rows by year: demand P50, mean days, P50, P90, P(≤ 15 days) and the share saturated. */
  toRecords(): TidyRow<'year'>[] {
    return labelled(this.summary(15), (r) => ({ year: r.year }), (r) => ({ demandP50: r.demandP50, mean: r.mean, p50: r.p50, p90: r.p90, probabilityWithin: r.probabilityWithin, saturated: r.saturated }), () => ({ probabilityWithin: 15 }));
  }

  /** The tidy rows as CSV (year, statistic, value, standardError, threshold); the options of {@link toCSV}. */
  toCSV(o?: string | CSVOptions): string {
    return toCSV(this.toRecords(), o);
  }

  /** Jupyter (Deno kernel): the table by year. */
  [Symbol.for('Jupyter.display')](): Record<string, unknown> {
    return displayBundle({ title: `Corridor run: trips by year (seed ${this.seed})`, text: `CorridorResult: ${this.summary(15).length} years`, rows: this.toRecords() });
  }

  /**
   * Plain, small data (never the paths or trips; a few numbers a year, ~300 bytes): `{ kind:
   * 'corridor', seed, paths, tripsPerPath, useScenarioCapacity, route, scenario, within: 15,
   * years: [{ year, demandP50, mean, p10, p50, p90, probabilityWithin, saturated }] }`. A year's
   * full statistics are `transit(year).toJSON()`, the volume run's `volumes.toJSON()`.
   */
  toJSON(): CorridorJSON {
    const within = 15;
    return {
      kind: this.kind,
      seed: this.seed,
      paths: this.paths,
      tripsPerPath: this.tripsPerPath,
      useScenarioCapacity: this.useScenarioCapacity,
      route: this.route,
      scenario: this.volumes.scenario,
      within,
      years: this.summary(within).map((r, k) => ({ year: r.year, demandP50: r.demandP50, mean: r.mean, p10: this.#samples[k]!.quantile(0.1), p50: r.p50, p90: r.p90, probabilityWithin: r.probabilityWithin, saturated: r.saturated })),
    };
  }
}

printAs(CorridorResult.prototype, (c) =>
  block(
    `CorridorResult ${c.volumes.scenario.name ?? '(unnamed scenario)'} on ${c.route.name}: ${runOf(c.paths, 'paths', c.seed)}, ${c.tripsPerPath.toLocaleString('en')} trip${c.tripsPerPath === 1 ? '' : 's'} per path`,
    firstLines(c.summary(15).map((r) => `${r.year}: demand P50 ${num(r.demandP50, 'Mt')}, median ${num(r.p50, 'days')}, mean ${est(r.mean, 'days')}, P(≤ 15 days) ${pct(r.probabilityWithin)}`)),
  ),
);
