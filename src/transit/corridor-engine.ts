/**
 * The corridor engine (docs/design.md, "Engine shape"), in two stages. `planCorridor` checks the
 * run; its `volumes` plan runs like any volume plan (`runVolumeBlocks`, `mergeVolumes`); then
 * `planCorridorTrips(plan, volumes)` checks the route against those volumes and gives the trips'
 * plan (plain data: the volumes' arrays included), whose blocks `runCorridorBlocks` runs and
 * `mergeCorridor` merges into the {@link CorridorResult} of one thread, bit for bit.
 */
import { blockRange, checkCover, checkPlan, finiteArrays, joined } from '../engine/blocks.js';
import { checkFingerprints, fingerprint } from '../engine/fingerprint.js';
import { checkTrips } from './engine-checks.js';
import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { mergePartials, volumeEngine, volumePlan } from '../volume/engine.js';
import type { Engine } from '../engine/engine.js';
import { volumeRun, type VolumePlan } from '../volume/plan.js';
import type { VolumeResult } from '../volume/result.js';
import { corridorPlan, corridorRoute, type CorridorPlan } from './corridor-plan.js';
import { corridorBlocks, tripsIn, tripViews } from './engine-run.js';
import { CorridorResult } from './corridor-result.js';
import { mergeTrips, TRIP_BLOCK, tripBlocks, type TripBlocks } from './kernel.js';
import type { CorridorEnginePlan, CorridorTripsPlan } from './plans.js';

export type { CorridorEnginePlan, CorridorTripsPlan } from './plans.js';

export { corridorBlocks };

/** The engine plan of a checked corridor run (`fn` names the function in messages). */
export function corridorEnginePlan(fn: string, s: unknown, r: unknown, o: unknown, extra: readonly string[] = []): CorridorEnginePlan {
  const corridor = corridorPlan(fn, s, r, o, extra);
  return { kind: 'corridor-plan', corridor, volumes: volumePlan(volumeRun(corridor.scenario, { paths: corridor.paths, seed: corridor.seed }, fn)) };
}

/**
 * Plans a corridor run: checks the scenario, the route and the options of
 * {@link simulateCorridor}; stage one is `plan.volumes`, a volume plan.
 */
export function planCorridor(s: ScenarioInput | Scenario, r: RouteInput | Route, o: unknown): CorridorEnginePlan {
  return corridorEnginePlan('planCorridor', s, r, o);
}

/** A corridor plan from elsewhere, rebuilt from its scenario, route and options. */
function checkCorridorPlan(fn: string, plan: unknown): CorridorEnginePlan {
  const p = checkPlan<CorridorEnginePlan>(fn, plan, 'corridor-plan', 'planCorridor', ['kind', 'corridor', 'volumes']);
  const c = (p.corridor ?? {}) as Partial<CorridorPlan>;
  return corridorEnginePlan(fn, c.scenario, c.route, { paths: c.paths, seed: c.seed, tripsPerPath: c.tripsPerPath, useScenarioCapacity: c.useScenarioCapacity });
}

/** Stage two's plan, from the merged volumes of stage one: the route checked against them (a RangeError names a year and path a queue cannot use). */
export function planCorridorTrips(plan: CorridorEnginePlan, volumes: VolumeResult): CorridorTripsPlan {
  const fn = 'planCorridorTrips';
  const p = checkCorridorPlan(fn, plan);
  return tripsPlanOf(fn, p, checkVolumeArrays(fn, p.volumes, volumes, 'volumes'));
}

/** Per year, every path's demand, capacity (none without one) and volume, checked: finite, of the plan's size. */
function checkVolumeArrays(fn: string, p: VolumePlan, x: unknown, at: string): Pick<CorridorTripsPlan, 'demand' | 'capacity' | 'volume'> {
  const { demand, capacity, volume } = (x ?? {}) as Partial<CorridorTripsPlan>;
  const K = p.years.length;
  return {
    demand: finiteArrays(fn, `${at}.demand`, demand, K, p.paths),
    capacity: finiteArrays(fn, `${at}.capacity`, capacity, p.scenario.capacity ? K : 0, p.paths),
    volume: finiteArrays(fn, `${at}.volume`, volume, K, p.paths),
  };
}

/** Stage two's plan from a corridor plan and its volumes' arrays (`fn` names the function in messages). */
export function tripsPlanOf(fn: string, p: CorridorEnginePlan, v: Pick<CorridorTripsPlan, 'demand' | 'capacity' | 'volume'>): CorridorTripsPlan {
  const { demand, capacity, volume } = v;
  const route = corridorRoute({ ...p.corridor, fn }, { years: p.volumes.years, hasCapacity: capacity.length > 0, demand, capacity });
  const trips = p.corridor.paths * p.corridor.tripsPerPath;
  return { kind: 'corridor-trips-plan', corridor: p.corridor, volumes: p.volumes, route, trips, nBlocks: Math.ceil(trips / TRIP_BLOCK), demand, capacity, volume };
}

/** A trips plan from elsewhere, rebuilt from its corridor plan and its (checked) volume arrays. */
function checkTripsPlan(fn: string, plan: unknown): CorridorTripsPlan {
  const p = checkPlan<CorridorTripsPlan>(fn, plan, 'corridor-trips-plan', 'planCorridorTrips', ['kind', 'corridor', 'volumes', 'route', 'trips', 'nBlocks', 'demand', 'capacity', 'volume']);
  const c = checkCorridorPlan(fn, { kind: 'corridor-plan', corridor: p.corridor });
  return tripsPlanOf(fn, c, checkVolumeArrays(fn, c.volumes, p, 'plan'));
}

/** Runs trip blocks [b0, b1) of every year (written into `into` when given): the partial {@link mergeCorridor} takes. */
export function runCorridorBlocks(plan: CorridorTripsPlan, b0: number, b1: number, into?: TripBlocks): TripBlocks {
  const fn = 'runCorridorBlocks';
  const p = checkTripsPlan(fn, plan);
  const [a, b] = blockRange(fn, b0, b1, p.nBlocks);
  const shape = { legs: p.route.legs.length, trips: p.trips, loads: p.demand.length, b0: a, b1: b, finite: false };
  return { ...corridorBlocks(p, a, b, into === undefined ? undefined : checkTrips(fn, into, 'into', shape)), fingerprint: tripsFingerprint(p) };
}

/** A trips plan's fingerprint: its inputs and its volume stage's plan (its volume arrays follow from those). */
const tripsFingerprint = (p: CorridorTripsPlan) => {
  const { fn: _caller, ...corridor } = p.corridor; // the checking function's name is not the plan's
  return fingerprint({ corridor, volumes: p.volumes, route: p.route, trips: p.trips, nBlocks: p.nBlocks });
};


/** Merges partials of consecutive block ranges covering [0, plan.nBlocks), in block order: the result of {@link simulateCorridor}, bit for bit. */
export function mergeCorridor(plan: CorridorTripsPlan, partials: readonly TripBlocks[]): CorridorResult {
  const fn = 'mergeCorridor';
  const p = checkTripsPlan(fn, plan);
  const shape = (x: TripBlocks) => ({ legs: p.route.legs.length, trips: p.trips, loads: p.demand.length, b0: x.b0, b1: x.b1, finite: true });
  const covered = checkCover<TripBlocks>(fn, partials, 'trip-blocks', p.nBlocks);
  checkFingerprints(fn, covered, tripsFingerprint(p));
  return mergeCorridorPartials(p, covered.map((x, i) => checkTrips(fn, x, `partials[${i}]`, shape(x))));
}

/** {@link mergeCorridor} of partials this library made (unchecked: for schedulers). */
export function mergeCorridorPartials(p: CorridorTripsPlan, parts: readonly TripBlocks[]): CorridorResult {
  const { demand, capacity, volume } = p;
  const volumes = mergePartials(p.volumes, [{ kind: 'volume-blocks', b0: 0, b1: p.volumes.nBlocks, demand, capacity, volume }]) as VolumeResult;
  return new CorridorResult(p.corridor, volumes, p.route, mergeTrips(p.route, parts, (pieces) => joined(pieces, p.trips)));
}

/**
 * The corridor engine, in two stages: a corridor plan's stage before its blocks is its volume
 * run ({@link volumeEngine} on `plan.volumes`), whose result makes the trips plan; the trips'
 * blocks (every year's) then run into views of one memory and merge into a {@link CorridorResult}.
 */
export const corridorEngine: Engine<CorridorEnginePlan | CorridorTripsPlan, TripBlocks, CorridorResult> = {
  kind: 'corridor',
  unit: 'trips',
  blocks: (p) => trips(p).nBlocks,
  items: (p, b0, b1) => tripsIn(trips(p), b0, b1),
  run: corridorBlocks,
  merge: (p, parts) => mergeCorridorPartials(trips(p), parts),
  before: (p) => (p.kind === 'corridor-plan' ? { engine: volumeEngine, plan: p.volumes, then: (v) => tripsPlanOf(p.corridor.fn, p, v as VolumeResult) } : null),
  whole: (p, alloc, fn) => tripBlocks(trips(p).route.legs.length, trips(p).trips, trips(p).demand.length, 0, trips(p).nBlocks, alloc, fn),
  slice: (p, whole, b0, b1) => tripViews(trips(p), whole, b0, b1),
};

/** The trips plan a corridor engine's blocks run on (its stage run before them). */
const trips = (p: CorridorEnginePlan | CorridorTripsPlan) => p as CorridorTripsPlan;
