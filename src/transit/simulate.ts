import { seedKey, type Seed } from '../random/stream.js';
import { parseRoute } from '../scenario/parse.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { runTrips } from './kernel.js';
import { TransitSample } from './result.js';

/** Options of {@link simulateTransit}. */
export interface TransitOptions {
  trips: number;
  seed: Seed;
  /** Annual volume through the route (Mt): sets each queue's utilisation. Without it queues add nothing. */
  volumeMt?: number;
}

/** The most trips one run may ask for. */
export const MAX_TRIPS = 50_000_000;

export function checkTrips(trips: number, name = 'trips'): number {
  if (!(Number.isInteger(trips) && trips > 0 && trips <= MAX_TRIPS)) throw new RangeError(`${name}: must be a whole number in [1, ${MAX_TRIPS}] (got ${String(trips)})`);
  return trips;
}

/**
 * Monte Carlo of door-to-door trip times along a route (DESIGN.md, "Transit"): a trip's days are
 * the sum over legs of the leg's days (drawn per trip), its delay when it strikes, and its
 * queue's wait. A queue's utilisation is ρ = volumeMt / capacityMt, capped at maxUtilisation
 * (the share of trips at the cap is reported as `saturated`); a trip waits with probability
 * ErlangC(c, cρ), then an exponential time of mean Wq / ErlangC, Wq the Allen–Cunneen G/G/c
 * wait — exact for M/M/c.
 *
 * @example simulateTransit({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: 3 }, { name: 'b', mode: 'sea', days: 5 }] }, { trips: 10, seed: 1 }).mean // => 8
 */
export function simulateTransit(r: RouteInput | Route, o: TransitOptions): TransitSample {
  const route = parseRoute(r);
  if (o === null || typeof o !== 'object') throw new TypeError('simulateTransit: options must be an object { trips, seed }');
  const trips = checkTrips(o.trips);
  const seed = seedKey(o.seed);
  const volume = o.volumeMt;
  if (volume !== undefined && !(Number.isFinite(volume) && volume >= 0)) throw new RangeError(`volumeMt: must be a finite number >= 0 (got ${volume})`);
  if (volume !== undefined) {
    route.legs.forEach((leg, l) => {
      if (leg.queue && leg.queue.capacityMt === null) {
        throw new RangeError(`legs[${l}] (${leg.name}).queue: a volume is given but the queue has no capacityMt (give queue.capacityMt, or run it in simulateCorridor, where the scenario's capacity is used)`);
      }
    });
  }
  const [out] = runTrips(route, seed, trips, [{ volumeMt: () => volume ?? null, capacityMt: () => null }]);
  return new TransitSample(out!, route.legs);
}
