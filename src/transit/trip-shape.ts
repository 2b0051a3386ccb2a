/**
 * The trip kernels' shared sizes and guard (the generic kernel, ./kernel.ts, and the one
 * specialised to a route's shape, ./kernel-specialised.ts): blocks of trips per stream, tiles per
 * pass, numbers per block in a partial.
 */
import type { Route } from '../scenario/types.js';

/** Trips per random stream (as paths per stream in the volume kernel: seeding costs ~20 µs). */
export const TRIP_BLOCK = 16_384;
/** Trips per tile: a tile of every leg's draws and values stays in the core's cache. */
export const TILE = 1024;

/** Numbers per block in a partial's blocks: 6 per leg (Σx, Σx², Σx·total, delays, waits, saturations), then the saturated trips. */
export const perBlock = (legs: number) => 6 * legs + 1;

/**
 * A block's sums checked finite before they are kept. A guard, not a filter: the route's limits
 * keep every trip finite, so this never fires.
 */
export function checkBlockSums(route: Route, a: Float64Array): void {
  for (let l = 0; l < route.legs.length; l++) {
    if (!(a[6 * l + 1]! < Infinity)) throw new RangeError(`legs[${l}] (${route.legs[l]!.name}): a trip's days are not finite; the route's limits should have prevented it (please report)`);
  }
}
