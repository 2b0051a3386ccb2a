import { guardedAlloc } from '../engine/memory.js';
import type { Route } from '../scenario/types.js';
import { LegDraws } from './leg-draws.js';
import { queueTile } from './queue-tile.js';
import { runSpecialisedBlocks } from './kernel-specialised.js';
import type { Load } from './plans.js';
import { checkBlockSums, perBlock, TILE, TRIP_BLOCK } from './trip-shape.js';

export type { Load } from './plans.js';
export { perBlock, TRIP_BLOCK } from './trip-shape.js';

/** Running sums for a leg's share of the trip time. */
export interface LegSums {
  sum: number;
  sumSq: number;
  /** Σ leg·total, for the leg's share of the variance of the total (covariance share). */
  sumCross: number;
  delays: number;
  waits: number;
  saturated: number;
}

/** What the kernel gives for one load. */
export interface KernelOutput {
  days: Float64Array;
  legs: LegSums[];
  /** Trips on which some queue hit its utilisation cap. */
  saturated: number;
}

/**
 * What the kernel writes for blocks [b0, b1) of trips (the partial of a transit or corridor run),
 * per load: the blocks' trips' days, and per block each leg's partial sums (Σx, Σx², Σx·total)
 * and counts (delays, waits, saturations), plus the block's saturated trips. Plain or shared
 * memory: merging the partials of consecutive ranges in block order gives the same sums, to the
 * bit, as one thread.
 */
export interface TripBlocks {
  kind: 'trip-blocks';
  b0: number;
  b1: number;
  /** The fingerprint of the plan that made it (runTransitBlocks / runCorridorBlocks set it; a merge refuses another plan's). */
  fingerprint?: string;
  days: Float64Array[];
  blocks: Float64Array[];
}

/** The arrays of a partial over trip blocks [b0, b1) (`alloc` gives the memory: e.g. a SharedArrayBuffer). */
export function tripBlocks(legs: number, trips: number, loads: number, b0: number, b1: number, alloc?: (bytes: number) => ArrayBufferLike, fn = 'runTransitBlocks'): TripBlocks {
  const n = Math.min(b1 * TRIP_BLOCK, trips) - b0 * TRIP_BLOCK;
  const get = guardedAlloc(fn, loads * (n + (b1 - b0) * perBlock(legs)) * 8, 'use fewer trips (or paths and tripsPerPath)', alloc);
  return {
    kind: 'trip-blocks',
    b0,
    b1,
    days: Array.from({ length: loads }, () => new Float64Array(get(n * 8))),
    blocks: Array.from({ length: loads }, () => new Float64Array(get((b1 - b0) * perBlock(legs) * 8))),
  };
}

/** Sums the blocks of consecutive partials, in block order, into each load's output (`join` gives the days of all trips from the pieces). */
export function mergeTrips(route: Route, parts: readonly TripBlocks[], join: (pieces: Float64Array[]) => Float64Array): KernelOutput[] {
  const L = route.legs.length;
  const w = perBlock(L);
  return parts[0]!.days.map((_, li) => {
    const legs = route.legs.map(() => ({ sum: 0, sumSq: 0, sumCross: 0, delays: 0, waits: 0, saturated: 0 }));
    let saturated = 0;
    for (const part of parts) {
      const blocks = part.blocks[li]!;
      for (let o = 0; o < (part.b1 - part.b0) * w; o += w) {
        legs.forEach((s, l) => {
          s.sum += blocks[o + 6 * l]!;
          s.sumSq += blocks[o + 6 * l + 1]!;
          s.sumCross += blocks[o + 6 * l + 2]!;
          s.delays += blocks[o + 6 * l + 3]!;
          s.waits += blocks[o + 6 * l + 4]!;
          s.saturated += blocks[o + 6 * l + 5]!;
        });
        saturated += blocks[o + 6 * L]!;
      }
    }
    return { days: join(parts.map((x) => x.days[li]!)), legs, saturated };
  });
}

/**
 * Draws `trips` trips along a route, once, and evaluates them under each load (one thread; see
 * {@link runTripBlocks}).
 */
export function runTrips(route: Route, seed: string, trips: number, loads: readonly Load[]): KernelOutput[] {
  const nb = Math.ceil(trips / TRIP_BLOCK);
  const buf = tripBlocks(route.legs.length, trips, loads.length, 0, nb);
  runTripBlocks(route, seed, trips, loads, 0, nb, buf);
  return mergeTrips(route, [buf], ([days]) => days!);
}

/**
 * The trip kernel for blocks [b0, b1) of TRIP_BLOCK trips: draws the trips along a route once,
 * and evaluates them under each load: the legs' days, delays and the queues' randomness
 * (capacity draw, whether a trip waits, an Exp(1) wait) come from streams keyed by the leg's
 * name and the block of trips, so a trip's draws are the same under every load (common random
 * numbers: its wait grows with the volume and nothing else) and adding a leg never changes the
 * draws of another. `buf` holds blocks [b0, b1) only: index 0 is trip b0 · TRIP_BLOCK.
 *
 * A block is walked a tile of TILE trips at a time: each leg's draws for the tile (./leg-draws.ts),
 * then, per load, the queues' waits, the totals (three legs a pass) and each leg's sums (two legs
 * a pass), on values still in cache. Each leg's accumulators carry over from tile to tile, so every sum
 * adds the same numbers in the same order as one pass over the block.
 */
export function runTripBlocks(route: Route, seed: string, trips: number, loads: readonly Load[], b0: number, b1: number, buf: Pick<TripBlocks, 'days' | 'blocks'>): void {
  // The same bits from a kernel generated for the route's shape, where code generation is allowed
  // and the shape is one it covers (./kernel-specialised.ts); this function states the semantics.
  if (runSpecialisedBlocks(route, seed, trips, loads, b0, b1, buf)) return;
  const L = route.legs.length;
  const w = perBlock(L);
  const B = TRIP_BLOCK;
  const draws = route.legs.map((leg) => new LegDraws(leg, B, TILE));
  const queued = route.legs.map((leg) => (leg.queue ? new Float64Array(TILE) : null));
  const values: Float64Array[] = route.legs.map(() => new Float64Array(0));
  const offs = new Int32Array(L);
  const satTrip = new Uint8Array(TILE);
  // Per load: each leg's Σx, Σx², Σx·total over the block, then its delays, waits, saturations.
  const acc = loads.map(() => new Float64Array(6 * L + 1));

  for (let block = b0; block < b1; block++) {
    const first = block * B;
    const n = Math.min(B, trips - first);
    for (const d of draws) d.start(seed, block, n);
    for (const a of acc) a.fill(0);
    for (let lo = 0; lo < n; lo += TILE) {
      const hi = lo + TILE < n ? lo + TILE : n;
      const m = hi - lo;
      for (const d of draws) d.tile(lo, hi);
      loads.forEach((load, li) => {
        const a = acc[li]!;
        satTrip.fill(0, 0, m);
        for (let l = 0; l < L; l++) {
          const d = draws[l]!;
          a[6 * l + 3] = a[6 * l + 3]! + d.delays;
          const q = queued[l];
          if (q) {
            queueTile(route.legs[l]!, l, d, q, satTrip, load, first, lo, m, a);
            values[l] = q;
            offs[l] = 0;
          } else {
            values[l] = d.base;
            offs[l] = d.off;
          }
        }
        const at = first - b0 * B + lo;
        tileSums(values, offs, buf.days[li]!.subarray(at, at + m), a, m);
        let sat = 0;
        for (let i = 0; i < m; i++) sat += satTrip[i]!;
        a[6 * L] = a[6 * L]! + sat;
      });
    }
    const o = (block - b0) * w;
    acc.forEach((a, li) => {
      checkBlockSums(route, a);
      buf.blocks[li]!.set(a, o);
    });
  }
}

/**
 * A tile's totals (written to `total`: the first leg, plus each of the others, in leg order) and
 * each leg's Σx, Σx², Σx·total added to acc[6l..6l+2]. The accumulators go through locals (an
 * array slot updated with a double per trip would be a load and a store each time), two legs to
 * a pass (the totals three): six independent sums keep the core busy where three wait on their
 * own additions, and each sum still adds its numbers in trip order (25 % faster than a pass a
 * leg, measured on the standard route).
 */
function tileSums(values: readonly Float64Array[], offs: Int32Array, total: Float64Array, acc: Float64Array, m: number): void {
  const L = values.length;
  const v0 = values[0]!;
  const o0 = offs[0]!;
  for (let i = 0; i < m; i++) total[i] = v0[o0 + i]!;
  // Three legs to a pass: (total + a) + b + c, left to right, is the same sum as three passes.
  let l = 1;
  for (; l + 2 < L; l += 3) {
    const a = values[l]!;
    const oa = offs[l]!;
    const b = values[l + 1]!;
    const ob = offs[l + 1]!;
    const c = values[l + 2]!;
    const oc = offs[l + 2]!;
    for (let i = 0; i < m; i++) total[i] = total[i]! + a[oa + i]! + b[ob + i]! + c[oc + i]!;
  }
  for (; l < L; l++) {
    const v = values[l]!;
    const o = offs[l]!;
    for (let i = 0; i < m; i++) total[i] = total[i]! + v[o + i]!;
  }
  l = 0;
  for (; l + 1 < L; l += 2) {
    const a = values[l]!;
    const oa = offs[l]!;
    const b = values[l + 1]!;
    const ob = offs[l + 1]!;
    let a0 = acc[6 * l]!;
    let a1 = acc[6 * l + 1]!;
    let a2 = acc[6 * l + 2]!;
    let b0 = acc[6 * l + 6]!;
    let b1 = acc[6 * l + 7]!;
    let b2 = acc[6 * l + 8]!;
    for (let i = 0; i < m; i++) {
      const t = total[i]!;
      const x = a[oa + i]!;
      const y = b[ob + i]!;
      a0 += x;
      a1 += x * x;
      a2 += x * t;
      b0 += y;
      b1 += y * y;
      b2 += y * t;
    }
    acc[6 * l] = a0;
    acc[6 * l + 1] = a1;
    acc[6 * l + 2] = a2;
    acc[6 * l + 6] = b0;
    acc[6 * l + 7] = b1;
    acc[6 * l + 8] = b2;
  }
  if (l < L) {
    const v = values[l]!;
    const o = offs[l]!;
    let s0 = acc[6 * l]!;
    let s1 = acc[6 * l + 1]!;
    let s2 = acc[6 * l + 2]!;
    for (let i = 0; i < m; i++) {
      const x = v[o + i]!;
      s0 += x;
      s1 += x * x;
      s2 += x * total[i]!;
    }
    acc[6 * l] = s0;
    acc[6 * l + 1] = s1;
    acc[6 * l + 2] = s2;
  }
}
