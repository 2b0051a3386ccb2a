/**
 * The run side of the transit and corridor engines (see ./engine.ts, ./corridor-engine.ts): the
 * trip blocks of a plan this library made, unchecked — what a scheduler's workers call. It
 * imports the trip kernel only, never the parsers or the result classes, so a worker starts light.
 */
import type { CorridorTripsPlan, CorridorVolumes, TransitPlan } from './plans.js';

export type { CorridorVolumes } from './plans.js';
import { runTripBlocks, TRIP_BLOCK, tripBlocks, type Load, type TripBlocks } from './kernel.js';

/** The loads of a corridor run: year k's trips read their path's demand and capacity that year. */
export function corridorLoads(volumes: CorridorVolumes, T: number): Load[] {
  return volumes.years.map((_, k) => {
    const d = volumes.demand[k]!;
    const c = volumes.hasCapacity ? volumes.capacity[k]! : null;
    return {
      volumeMt: (trip) => d[Math.floor(trip / T)]!,
      capacityMt: (trip) => (c ? c[Math.floor(trip / T)]! : null),
    };
  });
}

/** {@link runTransitBlocks} of a plan this library made (unchecked: for schedulers). */
export function transitBlocks(p: TransitPlan, a: number, b: number, into?: TripBlocks, fn?: string): TripBlocks {
  const out = into ?? tripBlocks(p.route.legs.length, p.trips, 1, a, b, undefined, fn);
  const v = p.volumeMt;
  runTripBlocks(p.route, p.seed, p.trips, [{ volumeMt: () => v, capacityMt: () => null }], a, b, out);
  return { ...out, kind: 'trip-blocks', b0: a, b1: b };
}

/** {@link runCorridorBlocks} of a plan this library made (unchecked: for schedulers). */
export function corridorBlocks(p: CorridorTripsPlan, a: number, b: number, into?: TripBlocks, fn?: string): TripBlocks {
  const out = into ?? tripBlocks(p.route.legs.length, p.trips, p.demand.length, a, b, undefined, fn);
  const loads = corridorLoads({ years: p.volumes.years, hasCapacity: p.capacity.length > 0, demand: p.demand, capacity: p.capacity }, p.corridor.tripsPerPath);
  runTripBlocks(p.route, p.volumes.seed, p.trips, loads, a, b, out);
  return { ...out, kind: 'trip-blocks', b0: a, b1: b };
}

/** The trips of blocks [b0, b1) of a run of `trips` trips. */
export const tripsIn = (p: { trips: number }, b0: number, b1: number) => Math.min(b1 * TRIP_BLOCK, p.trips) - b0 * TRIP_BLOCK;

/** The views of a whole run's trips over blocks [b0, b1): what that range is run into. */
export function tripViews(p: { trips: number; nBlocks: number }, whole: TripBlocks, b0: number, b1: number): TripBlocks {
  const w = whole.blocks[0]!.length / p.nBlocks;
  const days = whole.days.map((x) => x.subarray(b0 * TRIP_BLOCK, b0 * TRIP_BLOCK + tripsIn(p, b0, b1)));
  return { kind: 'trip-blocks', b0, b1, days, blocks: whole.blocks.map((x) => x.subarray(b0 * w, b1 * w)) };
}
