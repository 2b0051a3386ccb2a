/** The options of a transit run, checked (shared by the one-thread, engine and parallel entries). */
import { finiteNumber, options, sampleSize } from '../args.js';
import { seedKey, type Seed } from '../random/stream.js';
import type { ProgressOptions } from '../engine/progress.js';
import { parseRoute } from '../scenario/parse.js';
import type { Route } from '../scenario/types.js';

/** Options of {@link simulateTransit}. */
export interface TransitOptions extends ProgressOptions {
  trips: number;
  seed: Seed;
  /** Annual volume through the route (Mt): sets each queue's utilisation. Without it queues add nothing. */
  volumeMt?: number;
}

/** The most trips one run may ask for. */
export const MAX_TRIPS = 50_000_000;

/** A whole number of trips in [2, MAX_TRIPS] (a standard error needs two), the message naming the function and the argument. */
export function checkTrips(fn: string, trips: unknown, name = 'trips'): number {
  return sampleSize(fn, name, trips, MAX_TRIPS);
}

/** A checked run of {@link simulateTransit} (and its parallel twin in `middle-corridor/node`). */
export interface TransitRun {
  route: Route;
  trips: number;
  seed: string;
  volumeMt: number | null;
}

/**
 * Checks a transit run's arguments for `fn`: the options as a closed record (`extra` names the
 * keys a variant adds, e.g. workers), the route, trips, seed and volume.
 */
export function transitRun(fn: string, r: unknown, o: unknown, extra: readonly string[] = []): TransitRun {
  const opts = options<TransitOptions>(fn, o, ['trips', 'seed', 'volumeMt', ...extra], ['trips', 'seed']);
  const trips = checkTrips(fn, opts.trips);
  const seed = seedKey(opts.seed, fn);
  const volumeMt = opts.volumeMt === undefined ? null : finiteNumber(fn, 'volumeMt', opts.volumeMt);
  if (volumeMt !== null && !(volumeMt >= 0)) throw new RangeError(`${fn}: volumeMt must be a finite number >= 0 (got ${volumeMt})`);
  const route = parseRoute(r);
  if (volumeMt !== null) {
    route.legs.forEach((leg, l) => {
      if (leg.queue && leg.queue.capacityMt === null) {
        throw new RangeError(`${fn}: legs[${l}] (${leg.name}).queue: a volume is given but the queue has no capacityMt (give queue.capacityMt, or run it in simulateCorridor, where the scenario's capacity is used)`);
      }
    });
  }
  return { route, trips, seed, volumeMt };
}

