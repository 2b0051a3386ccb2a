import { parseRoute } from '../scenario/parse.js';
import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { simulateVolumes } from '../volume/simulate.js';
import type { VolumeResult } from '../volume/result.js';
import type { Seed } from '../random/stream.js';
import { quantile } from '../stats/quantile.js';
import { runTrips, type Load } from './kernel.js';
import { TransitSample } from './result.js';
import { checkTrips, MAX_TRIPS } from './simulate.js';

/** Options of {@link simulateCorridor}. */
export interface CorridorOptions {
  paths: number;
  seed: Seed;
  /** Trips drawn for each path-year (1 by default). */
  tripsPerPath?: number;
  /**
   * Let every queue use the scenario's capacity of that path-year, even a queue with a capacity
   * of its own (false by default: a queue's own capacityMt wins, DESIGN.md "Coupling"). Use it to
   * let the scenario's expansions and capacity disruptions reach the route's bottleneck.
   */
  useScenarioCapacity?: boolean;
}

/** One row of {@link CorridorResult.summary}. */
export interface CorridorSummaryRow {
  year: number;
  /** Median demand that year (Mt). */
  demandP50: number;
  mean: number;
  p50: number;
  p90: number;
  pWithin: number;
  pWithinSE: number;
  saturated: number;
}

/** A scenario and a route run together. */
export interface CorridorResult {
  volumes: VolumeResult;
  years: number[];
  tripsPerPath: number;
  /** The trips of one year: every path's demand and capacity that year set the queues. */
  transit(year: number): TransitSample;
  /** Per year: median demand, mean, P50, P90 trip days, P(≤ within) ± SE, share saturated. */
  summary(within?: number): CorridorSummaryRow[];
}

/**
 * A scenario and a route together (DESIGN.md, "Coupling"): for each path and year, the path's
 * demand that year is the volume that wants through each queue, over the queue's own capacityMt
 * when it has one, else over the scenario's capacity that year on that path; `tripsPerPath`
 * trips are drawn for each path-year. Trip draws are common to all years (a trip's time changes
 * from year to year only through congestion), and a year with constant demand gives exactly the
 * trips of {@link simulateTransit} at that volume with the same seed.
 *
 * @example
 * const c = simulateCorridor(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 2000, seed: 1, useScenarioCapacity: true });
 * c.transit(2027).probabilityWithin(15).estimate // => 0
 */
export function simulateCorridor(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions): CorridorResult {
  const parsedRoute = parseRoute(r);
  const T = corridorTrips(o);
  const volumes = simulateVolumes(s, { paths: o.paths, seed: o.seed });
  const route = corridorRoute(parsedRoute, o, volumes, T);
  const loads: Load[] = volumes.years.map((_, k) => {
    const d = volumes.demand[k]!;
    const c = volumes.hasCapacity ? volumes.capacity[k]! : null;
    return {
      volumeMt: (trip) => d[Math.floor(trip / T)]!,
      capacityMt: (trip) => (c ? c[Math.floor(trip / T)]! : null),
    };
  });
  const outs = runTrips(route, volumes.seed, volumes.paths * T, loads);
  return corridorResult(volumes, T, outs.map((out) => new TransitSample(out, route.legs)));
}

/** Checked options: the trips per path-year. */
export function corridorTrips(o: CorridorOptions): number {
  if (o === null || typeof o !== 'object') throw new TypeError('simulateCorridor: options must be an object { paths, seed }');
  const T = o.tripsPerPath ?? 1;
  if (!(Number.isInteger(T) && T >= 1)) throw new RangeError(`tripsPerPath: must be a whole number >= 1 (got ${String(T)})`);
  return T;
}

/** The route as the corridor run uses it (queues on the scenario's capacity when asked), checked against the volumes. */
export function corridorRoute(parsedRoute: Route, o: CorridorOptions, volumes: VolumeResult, T: number): Route {
  checkTrips(volumes.paths * T, `paths × tripsPerPath (at most ${MAX_TRIPS})`);
  const route: Route = o.useScenarioCapacity
    ? { ...parsedRoute, legs: parsedRoute.legs.map((l) => (l.queue ? { ...l, queue: { ...l.queue, capacityMt: null } } : l)) }
    : parsedRoute;
  route.legs.forEach((leg, l) => {
    if (leg.queue && leg.queue.capacityMt === null && !volumes.hasCapacity) {
      throw new RangeError(`legs[${l}] (${leg.name}).queue: has no capacityMt and the scenario has no capacity to divide its demand by`);
    }
  });
  return route;
}

/** A corridor result from its volumes and each year's trips. */
export function corridorResult(volumes: VolumeResult, T: number, samples: TransitSample[]): CorridorResult {
  const demandMedians = new Map<number, number>(); // computed once per year, on demand
  const demandP50 = (k: number) => {
    if (!demandMedians.has(k)) demandMedians.set(k, quantile(volumes.demand[k]!, 0.5));
    return demandMedians.get(k)!;
  };
  return {
    volumes,
    years: volumes.years,
    tripsPerPath: T,
    transit: (year) => samples[volumes.yearIndex(year)]!,
    summary: (within = 15) =>
      volumes.years.map((year, k) => {
        const t = samples[k]!;
        const [p50, p90] = t.quantiles([0.5, 0.9]) as [number, number];
        const w = t.probabilityWithin(within);
        return { year, demandP50: demandP50(k), mean: t.mean, p50, p90, pWithin: w.estimate, pWithinSE: w.standardError, saturated: t.saturated };
      }),
  };
}
