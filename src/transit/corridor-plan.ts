/** A corridor run's options, checked, and the route as the run uses it (checked against the volumes). */
import { bool, options, sampleSize, show, wholeNumber } from '../args.js';
import { parseRoute, parseScenario } from '../scenario/parse.js';
import type { Route } from '../scenario/types.js';
import { seedKey, type Seed } from '../random/stream.js';
import type { ProgressOptions } from '../engine/progress.js';
import type { CorridorPlan, CorridorVolumes } from './plans.js';

export type { CorridorPlan } from './plans.js';
import { checkTrips, MAX_TRIPS } from './plan.js';

/** Options of {@link simulateCorridor}. */
export interface CorridorOptions extends ProgressOptions {
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

const gb = (bytes: number) => `${(bytes / 1e9).toPrecision(3)} GB`;

/**
 * Checks a corridor run's arguments for `fn` before anything is simulated: the options as a
 * closed record (`extra` names the keys a variant adds, e.g. workers), the scenario and route,
 * paths × tripsPerPath (at most {@link MAX_TRIPS} trips a year) and the memory the run needs (at
 * most {@link MAX_CORRIDOR_BYTES}), so that an impossible run is refused at once.
 */
export function corridorPlan(fn: string, s: unknown, r: unknown, o: unknown, extra: readonly string[] = []): CorridorPlan {
  const opts = options<CorridorOptions>(fn, o, ['paths', 'seed', 'tripsPerPath', 'useScenarioCapacity', ...extra], ['paths', 'seed']);
  const paths = sampleSize(fn, 'paths', opts.paths, MAX_TRIPS);
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
export function corridorRoute(p: CorridorPlan, volumes: CorridorVolumes): Route {
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


