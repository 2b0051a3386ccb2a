/**
 * The transit engine (docs/design.md, "Engine shape"): `planTransit` → `runTransitBlocks(plan,
 * b0, b1)` → partial → `mergeTransit(plan, partials)` → {@link TransitSample}. Plans and partials
 * are plain data: block ranges of trips can run anywhere and merge to the bits of one thread.
 */
import { blockRange, checkCover, joined } from '../engine/blocks.js';
import { checkFingerprints, fingerprint } from '../engine/fingerprint.js';
import { checkTransitPlan, checkTrips } from './engine-checks.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { mergeTrips, TRIP_BLOCK, tripBlocks, type TripBlocks } from './kernel.js';
import { transitBlocks, tripsIn, tripViews } from './engine-run.js';
import { TransitSample } from './result.js';
import { transitRun, type TransitRun } from './plan.js';
import type { Engine } from '../engine/engine.js';
import type { TransitPlan } from './plans.js';

export type { TransitPlan } from './plans.js';

export { transitBlocks };

export { TRIP_BLOCK, tripBlocks, type TripBlocks } from './kernel.js';

/**
 * Plans a transit run: checks the route and the options of {@link simulateTransit} (`{ trips,
 * seed, volumeMt? }`) and returns the run as plain data.
 *
 * @example planTransit({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: 3 }] }, { trips: 40000, seed: 1 }).nBlocks // => 3
 */
export function planTransit(r: RouteInput | Route, o: unknown): TransitPlan {
  return transitPlan(transitRun('planTransit', r, o));
}

/** The engine plan of a checked run. */
export function transitPlan({ route, trips, seed, volumeMt }: TransitRun): TransitPlan {
  return { kind: 'transit-plan', route, trips, seed, volumeMt, nBlocks: Math.ceil(trips / TRIP_BLOCK) };
}

/** Runs trip blocks [b0, b1) of a planned transit run (written into `into` when given, e.g. views of shared memory): the partial {@link mergeTransit} takes. */
export function runTransitBlocks(plan: TransitPlan, b0: number, b1: number, into?: TripBlocks): TripBlocks {
  const fn = 'runTransitBlocks';
  const p = checkTransitPlan(fn, plan, transitPlan);
  const [a, b] = blockRange(fn, b0, b1, p.nBlocks);
  const shape = { legs: p.route.legs.length, trips: p.trips, loads: 1, b0: a, b1: b, finite: false };
  return { ...transitBlocks(p, a, b, into === undefined ? undefined : checkTrips(fn, into, 'into', shape)), fingerprint: fingerprint(p) };
}


/** Merges partials of consecutive block ranges covering [0, plan.nBlocks), in block order: the sample {@link simulateTransit} gives, bit for bit. */
export function mergeTransit(plan: TransitPlan, partials: readonly TripBlocks[]): TransitSample {
  const fn = 'mergeTransit';
  const p = checkTransitPlan(fn, plan, transitPlan);
  const legs = p.route.legs.length;
  const covered = checkCover<TripBlocks>(fn, partials, 'trip-blocks', p.nBlocks);
  checkFingerprints(fn, covered, fingerprint(p));
  const parts = covered.map((x, i) => checkTrips(fn, x, `partials[${i}]`, { legs, trips: p.trips, loads: 1, b0: x.b0, b1: x.b1, finite: true }));
  return mergeTransitPartials(p, parts);
}

/** {@link mergeTransit} of partials this library made (unchecked: for schedulers). */
export function mergeTransitPartials(p: TransitPlan, parts: readonly TripBlocks[]): TransitSample {
  const [out] = mergeTrips(p.route, parts, (pieces) => joined(pieces, p.trips));
  return new TransitSample(out!, p.route, p.seed, { volumeMt: p.volumeMt, year: null });
}

/** The transit engine: trip blocks run into views of one memory per run, merged into a {@link TransitSample}. */
export const transitEngine: Engine<TransitPlan, TripBlocks, TransitSample> = {
  kind: 'transit',
  unit: 'trips',
  blocks: (p) => p.nBlocks,
  items: tripsIn,
  run: transitBlocks,
  merge: mergeTransitPartials,
  whole: (p, alloc, fn) => tripBlocks(p.route.legs.length, p.trips, 1, 0, p.nBlocks, alloc, fn),
  slice: tripViews,
};

/** Checks a transit run's route and options for `fn` (`extra`: keys a variant adds, e.g. workers): its engine plan. */
export function checkTransit(fn: string, r: unknown, o: unknown, extra: readonly string[] = []): TransitPlan {
  return transitPlan(transitRun(fn, r, o, extra));
}
