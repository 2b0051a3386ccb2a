/**
 * The transit engines' plain-data shapes — plans, loads, the corridor's volumes — apart from the
 * modules that make and run them, so that those import one another's types without a cycle.
 */
import type { Route, Scenario } from '../scenario/types.js';
import type { VolumePlan } from '../volume/plan.js';

/**
 * The load a trip meets: the volume that wants through (Mt/yr) and, for queues without a
 * capacity of their own, the capacity to divide it by. Null volume: queues add nothing.
 */
export interface Load {
  volumeMt(trip: number): number | null;
  capacityMt(trip: number): number | null;
}

/** A transit run as plain data: the parsed route, trips, seed, the volume through the queues (null: none), and its blocks [0, nBlocks). */
export interface TransitPlan {
  kind: 'transit-plan';
  route: Route;
  trips: number;
  seed: string;
  volumeMt: number | null;
  nBlocks: number;
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

/** A corridor run as plain data: the checked run, and the plan of its volume run (stage one). */
export interface CorridorEnginePlan {
  kind: 'corridor-plan';
  corridor: CorridorPlan;
  volumes: VolumePlan;
}

/** Stage two of a corridor run: the route as run, the trips (paths × tripsPerPath a year) in blocks [0, nBlocks), and the volumes they read. */
export interface CorridorTripsPlan {
  kind: 'corridor-trips-plan';
  corridor: CorridorPlan;
  volumes: VolumePlan;
  /** The route as the run uses it (queues on the scenario's capacity when asked). */
  route: Route;
  trips: number;
  nBlocks: number;
  /** The volume run's arrays, per year: demand, capacity (empty without one) and volume. */
  demand: Float64Array[];
  capacity: Float64Array[];
  volume: Float64Array[];
}

/** The volumes a corridor run's trips read: per year, every path's demand and capacity (empty without a capacity). */
export interface CorridorVolumes {
  years: number[];
  hasCapacity: boolean;
  demand: Float64Array[];
  capacity: Float64Array[];
}
