import { bool, finiteNumber, options, show, wholeNumber } from '../args.js';
import { parseRoute, parseScenario } from '../scenario/parse.js';
import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { simulateVolumes } from '../volume/simulate.js';
import type { VolumeResult } from '../volume/result.js';
import { seedKey, type Seed } from '../random/stream.js';
import type { Estimate } from '../stats/estimate.js';
import { quantile } from '../stats/quantile.js';
import { runTrips, type KernelOutput, type Load } from './kernel.js';
import { TransitSample, type TransitStatistics } from './result.js';
import { checkTrips, MAX_TRIPS } from './simulate.js';

/** Options of {@link simulateCorridor}. */
export interface CorridorOptions {
  paths: number;
  seed: Seed;
  /** Trips drawn for each path-year (1 by default). */
  tripsPerPath?: number;
  /**
   * Let every queue use the scenario's capacity of that path-year, even a queue with a capacity
   * of its own (false by default: a queue's own capacityMt wins, docs/design.md "Coupling"). Use it to
   * let the scenario's expansions and capacity disruptions reach the route's bottleneck.
   */
  useScenarioCapacity?: boolean;
}

/**
 * The most memory a corridor run may ask for: every path-year's trips (8 bytes a trip) and the
 * volume run's demand, capacity and volume (24 bytes a path-year). 4 GB.
 */
export const MAX_CORRIDOR_BYTES = 4e9;

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

/** A checked corridor run (shared with `simulateCorridorParallel`). */
export interface CorridorPlan {
  fn: string;
  scenario: Scenario;
  /** The route as given, parsed. */
  route: Route;
  paths: number;
  seed: string;
  tripsPerPath: number;
  useScenarioCapacity: boolean;
}

const gb = (bytes: number) => `${(bytes / 1e9).toPrecision(3)} GB`;

/**
 * Checks a corridor run's arguments for `fn` before anything is simulated: the options as a
 * closed record (`extra` names the keys a variant adds, e.g. workers), the scenario and route,
 * paths × tripsPerPath (at most {@link MAX_TRIPS} trips a year) and the memory the run needs (at
 * most {@link MAX_CORRIDOR_BYTES}), so that an impossible run is refused at once.
 */
export function corridorPlan(fn: string, s: unknown, r: unknown, o: unknown, extra: readonly string[] = []): CorridorPlan {
  const opts = options<CorridorOptions>(fn, o, ['paths', 'seed', 'tripsPerPath', 'useScenarioCapacity', ...extra], ['paths', 'seed']);
  const paths = wholeNumber(fn, 'paths', opts.paths, 1, MAX_TRIPS);
  const T = opts.tripsPerPath === undefined ? 1 : wholeNumber(fn, 'tripsPerPath', opts.tripsPerPath, 1, MAX_TRIPS);
  const useScenarioCapacity = opts.useScenarioCapacity === undefined ? false : bool(fn, 'useScenarioCapacity', opts.useScenarioCapacity);
  const seed = seedKey(opts.seed, fn);
  if (paths * T > MAX_TRIPS) {
    throw new RangeError(`${fn}: paths × tripsPerPath must be at most ${MAX_TRIPS.toLocaleString('en')} trips a year (got ${paths.toLocaleString('en')} × ${T} = ${(paths * T).toLocaleString('en')}): use fewer paths or tripsPerPath`);
  }
  const scenario = parseScenario(s);
  const route = parseRoute(r);
  checkTrips(fn, paths * T, 'paths × tripsPerPath');
  const years = scenario.horizon - scenario.start.year + 1;
  const tripBytes = paths * T * years * 8;
  const volumeBytes = paths * years * 24;
  if (tripBytes + volumeBytes > MAX_CORRIDOR_BYTES) {
    throw new RangeError(
      `${fn}: ${paths.toLocaleString('en')} paths × ${T} trips × ${years} years needs ${gb(tripBytes)} for the trips and ${gb(volumeBytes)} for the volumes ` +
        `(at most ${gb(MAX_CORRIDOR_BYTES)}): use fewer paths or tripsPerPath, or a shorter horizon`,
    );
  }
  return { fn, scenario, route, paths, seed, tripsPerPath: T, useScenarioCapacity };
}

/**
 * The route as the corridor run uses it (queues on the scenario's capacity when asked), checked
 * against the volumes: a queue needs a capacity, and every demand and capacity a queue reads must
 * be a finite number (> 0 for a capacity), else a RangeError says which year and path.
 */
export function corridorRoute(p: CorridorPlan, volumes: VolumeResult): Route {
  const route: Route = p.useScenarioCapacity
    ? { ...p.route, legs: p.route.legs.map((l) => (l.queue ? { ...l, queue: { ...l.queue, capacityMt: null } } : l)) }
    : p.route;
  let readsCapacity = false;
  route.legs.forEach((leg, l) => {
    if (leg.queue && leg.queue.capacityMt === null) {
      if (!volumes.hasCapacity) throw new RangeError(`${p.fn}: legs[${l}] (${leg.name}).queue: has no capacityMt and the scenario has no capacity to divide its demand by`);
      readsCapacity = true;
    }
  });
  if (!route.legs.some((l) => l.queue)) return route;
  volumes.years.forEach((year, k) => {
    const d = volumes.demand[k]!;
    for (let i = 0; i < d.length; i++) {
      if (!(d[i]! >= 0 && d[i]! < Infinity)) {
        throw new RangeError(`${p.fn}: the scenario's demand in ${year} on path ${i} is ${show(d[i])}, not a finite number of Mt: no queue can use it (check the scenario's factors)`);
      }
    }
    if (!readsCapacity) return;
    const c = volumes.capacity[k]!;
    for (let i = 0; i < c.length; i++) {
      if (!(c[i]! > 0 && c[i]! < Infinity)) {
        throw new RangeError(`${p.fn}: the scenario's capacity in ${year} on path ${i} is ${show(c[i])}: a queue needs a finite capacity > 0 (check capacity.baseMt, the expansions and the capacity factors)`);
      }
    }
  });
  return route;
}

/** The loads of a corridor run: year k's trips read their path's demand and capacity that year. */
export function corridorLoads(volumes: VolumeResult, T: number): Load[] {
  return volumes.years.map((_, k) => {
    const d = volumes.demand[k]!;
    const c = volumes.hasCapacity ? volumes.capacity[k]! : null;
    return {
      volumeMt: (trip) => d[Math.floor(trip / T)]!,
      capacityMt: (trip) => (c ? c[Math.floor(trip / T)]! : null),
    };
  });
}

/**
 * A scenario and a route together (docs/design.md, "Coupling"): for each path and year, the path's
 * demand that year is the volume that wants through each queue, over the queue's own capacityMt
 * when it has one, else over the scenario's capacity that year on that path; `tripsPerPath`
 * trips are drawn for each path-year. Trip draws are common to all years (a trip's time changes
 * from year to year only through congestion), and a year with constant demand gives exactly the
 * trips of {@link simulateTransit} at that volume with the same seed. The options are a closed
 * record `{ paths, seed, tripsPerPath?, useScenarioCapacity? }`; a run needing more than 50
 * million trips a year or 4 GB is refused at once.
 *
 * @example
 * const c = simulateCorridor(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 2000, seed: 1, useScenarioCapacity: true });
 * c.transit(2027).probabilityWithin(15).estimate // => 0
 */
export function simulateCorridor(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions): CorridorResult {
  const p = corridorPlan('simulateCorridor', s, r, o);
  const volumes = simulateVolumes(p.scenario, { paths: p.paths, seed: p.seed });
  const route = corridorRoute(p, volumes);
  return new CorridorResult(p, volumes, route, runTrips(route, volumes.seed, p.paths * p.tripsPerPath, corridorLoads(volumes, p.tripsPerPath)));
}

/** One year of {@link CorridorJSON}. */
export interface CorridorYearJSON {
  year: number;
  demandP50: number;
  transit: TransitStatistics;
}

/** What {@link CorridorResult.toJSON} returns. */
export interface CorridorJSON {
  kind: 'corridor';
  seed: string;
  paths: number;
  tripsPerPath: number;
  useScenarioCapacity: boolean;
  route: Route;
  /** The volume run's own toJSON() (its scenario and per-year statistics), or null where it has none. */
  volumes: unknown;
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

  /** From a plan, its volumes, the route as run and each year's kernel output. */
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

  /**
   * Plain, small data (never the paths or trips): `{ kind: 'corridor', seed, paths, tripsPerPath,
   * useScenarioCapacity, route, volumes, years: [{ year, demandP50, transit }] }`, `transit`
   * being each year's statistics as in {@link TransitSample.toJSON} (without the route).
   */
  toJSON(): CorridorJSON {
    const v = this.volumes as unknown as { toJSON?: () => unknown };
    return {
      kind: this.kind,
      seed: this.seed,
      paths: this.paths,
      tripsPerPath: this.tripsPerPath,
      useScenarioCapacity: this.useScenarioCapacity,
      route: this.route,
      volumes: typeof v.toJSON === 'function' ? v.toJSON() : null,
      years: this.years.map((year, k) => ({ year, demandP50: this.#demandMedian(k), transit: this.#samples[k]!.statistics() })),
    };
  }
}
