import { fillParam } from '../random/samplers.js';
import { stream } from '../random/stream.js';
import type { Route } from '../scenario/types.js';
import { erlangCTrusted } from './erlang.js';
import { ExponentialZiggurat } from '../random/exponential.js';

/** Trips per random stream (as paths per stream in the volume kernel: seeding costs ~20 µs). */
export const TRIP_BLOCK = 16_384;
/** Trips per tile of the sums' passes (a tile of every leg's values stays in the L2 cache). */
const SUM_TILE = 1024;

/**
 * The load a trip meets: the volume that wants through (Mt/yr) and, for queues without a
 * capacity of their own, the capacity to divide it by. Null volume: queues add nothing.
 */
export interface Load {
  volumeMt(trip: number): number | null;
  capacityMt(trip: number): number | null;
}

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
  days: Float64Array[];
  blocks: Float64Array[];
}

/** Numbers per block in {@link TripBlocks.blocks}: 6 per leg, then the saturated trips. */
export const perBlock = (legs: number) => 6 * legs + 1;

/** The arrays of a partial over trip blocks [b0, b1) (`alloc` gives the memory: e.g. a SharedArrayBuffer). */
export function tripBlocks(legs: number, trips: number, loads: number, b0: number, b1: number, alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b)): TripBlocks {
  const n = Math.min(b1 * TRIP_BLOCK, trips) - b0 * TRIP_BLOCK;
  return {
    kind: 'trip-blocks',
    b0,
    b1,
    days: Array.from({ length: loads }, () => new Float64Array(alloc(n * 8))),
    blocks: Array.from({ length: loads }, () => new Float64Array(alloc((b1 - b0) * perBlock(legs) * 8))),
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
 */
export function runTripBlocks(route: Route, seed: string, trips: number, loads: readonly Load[], b0: number, b1: number, buf: Pick<TripBlocks, 'days' | 'blocks'>): void {
  const L = route.legs.length;
  const w = perBlock(L);
  const B = TRIP_BLOCK;
  // Per-block buffers: base draws per leg, and the leg values of the current load.
  const base = route.legs.map(() => ({
    days: new Float64Array(B),
    strike: new Float64Array(B), // uniforms deciding whether the delay strikes
    delay: new Float64Array(B), // delay days when it strikes, 0 otherwise
    capacity: new Float64Array(B),
    waitU: new Float64Array(B),
    waitE: new Float64Array(B),
  }));
  const legValue = route.legs.map(() => new Float64Array(B));
  // Each leg's value under the current load: its own buffer, or its base days when nothing is added.
  const values: Float64Array[] = [...legValue];
  const satTrip = new Uint8Array(B);
  const acc = new Float64Array(3 * L); // each leg's Σx, Σx², Σx·total over a block

  for (let block = b0; block < b1; block++) {
    const first = block * B;
    const n = Math.min(B, trips - first);
    route.legs.forEach((leg, l) => {
      const b = base[l]!;
      const purpose = (...what: string[]) => ['leg', leg.name, ...what];
      fillParam(leg.days, stream(seed, purpose('days'), block), b.days, 0, n);
      if (leg.delay) {
        // Every trip draws both (strike and days), so positions in each stream never shift.
        stream(seed, purpose('delay', 'strikes'), block).generator.fillUniform(b.strike, 0, n);
        fillParam(leg.delay.days, stream(seed, purpose('delay', 'days'), block), b.delay, 0, n);
        const p = leg.delay.probability;
        // × 0 or × 1, exact, and without a branch on a random condition.
        for (let i = 0; i < n; i++) b.delay[i] = b.delay[i]! * +(b.strike[i]! < p);
      }
      if (leg.queue) {
        if (leg.queue.capacityMt !== null) {
          fillParam(leg.queue.capacityMt, stream(seed, purpose('queue', 'capacity'), block), b.capacity, 0, n);
        }
        stream(seed, purpose('queue', 'waits'), block).generator.fillUniform(b.waitU, 0, n);
        new ExponentialZiggurat(stream(seed, purpose('queue', 'wait'), block).generator).fill(b.waitE, 0, n);
      }
    });

    loads.forEach((load, li) => {
      const days = buf.days[li]!;
      const sums = buf.blocks[li]!;
      const o = (block - b0) * w;
      satTrip.fill(0, 0, n);
      route.legs.forEach((leg, l) => {
        const b = base[l]!;
        const q = leg.queue;
        if (!q) {
          if (!leg.delay) {
            // A plain leg: its value is its days, used where they are (no copy).
            values[l] = b.days;
            sums[o + 6 * l + 3] = 0;
            return;
          }
          const v = (values[l] = legValue[l]!);
          let delays = 0;
          for (let i = 0; i < n; i++) {
            const dl = b.delay[i]!;
            v[i] = b.days[i]! + dl;
            delays += +(dl > 0);
          }
          sums[o + 6 * l + 3] = delays;
          return;
        }
        const v = (values[l] = legValue[l]!);
        let delays = 0;
        let waits = 0;
        let saturated = 0;
        const k = (((q.arrivalCv * q.arrivalCv) + (q.serviceCv * q.serviceCv)) / 2) * q.serviceDays;
        const c = q.servers;
        // Erlang C once per distinct utilisation, not per trip: a standalone run has one ρ per
        // queue, a corridor run one per path-year (its tripsPerPath trips are consecutive), and
        // saturated trips share the cap. The same calls on the same numbers: the same bits.
        let lastRho = NaN;
        let pw = 0;
        let scale = 0; // c(1 − ρ)
        for (let i = 0; i < n; i++) {
          const dl = b.delay[i]!;
          let x = b.days[i]! + dl;
          delays += +(dl > 0);
          const trip = first + i;
          const volume = load.volumeMt(trip);
          if (volume !== null) {
            const capacity = q.capacityMt !== null ? b.capacity[i]! : load.capacityMt(trip);
            if (capacity === null) {
              throw new RangeError(`legs[${l}] (${leg.name}).queue: a volume is given but the queue has no capacityMt and no scenario capacity to use`);
            }
            // NaN-proof: a NaN or infinite volume, or a capacity that is not a positive finite
            // number, would make ρ NaN and silently add no wait.
            if (!(volume >= 0 && volume < Infinity)) {
              throw new RangeError(`legs[${l}] (${leg.name}).queue: the volume through the queue must be a finite number >= 0 (got ${volume} Mt on trip ${trip})`);
            }
            if (!(capacity > 0 && capacity < Infinity)) {
              throw new RangeError(
                `legs[${l}] (${leg.name}).queue: the capacity must be a finite number > 0 (got ${capacity} Mt on trip ${trip}` +
                  `${q.capacityMt !== null ? ": the queue's capacityMt distribution reaches 0 or overflows; narrow it" : " from the scenario's capacity"})`,
              );
            }
            let rho = volume / capacity;
            if (rho >= q.maxUtilisation) {
              rho = q.maxUtilisation;
              satTrip[i] = 1;
              saturated++;
            }
            if (rho > 0) {
              if (rho !== lastRho) {
                lastRho = rho;
                pw = erlangCTrusted(c, c * rho);
                scale = c * (1 - rho);
              }
              if (b.waitU[i]! < pw) {
                // Exp(1) scaled to mean Wq / C: (ca² + cs²)/2 · serviceDays / (c(1 − ρ)).
                x += (b.waitE[i]! * k) / scale;
                waits++;
              }
            }
          }
          v[i] = x;
        }
        sums[o + 6 * l + 3] = delays;
        sums[o + 6 * l + 4] = waits;
        sums[o + 6 * l + 5] = saturated;
      });
      // Totals first, then each leg's sums, a tile of trips at a time so that the legs' values and
      // the totals stay in cache between the passes. Each leg's accumulators go through locals
      // (an object field updated with a double per trip would allocate a heap number) and carry
      // over from tile to tile, so every sum adds the same numbers in the same order as one pass.
      // The totals go straight into the result: the first leg, plus each of the others.
      const total = days.subarray(first - b0 * B, first - b0 * B + n);
      acc.fill(0);
      for (let lo = 0; lo < n; lo += SUM_TILE) {
        const hi = lo + SUM_TILE < n ? lo + SUM_TILE : n;
        const v0 = values[0]!;
        for (let i = lo; i < hi; i++) total[i] = v0[i]!;
        for (let l = 1; l < L; l++) {
          const v = values[l]!;
          for (let i = lo; i < hi; i++) total[i] = total[i]! + v[i]!;
        }
        for (let l = 0; l < L; l++) {
          const v = values[l]!;
          let s0 = acc[3 * l]!;
          let s1 = acc[3 * l + 1]!;
          let s2 = acc[3 * l + 2]!;
          for (let i = lo; i < hi; i++) {
            const x = v[i]!;
            s0 += x;
            s1 += x * x;
            s2 += x * total[i]!;
          }
          acc[3 * l] = s0;
          acc[3 * l + 1] = s1;
          acc[3 * l + 2] = s2;
        }
      }
      for (let l = 0; l < L; l++) {
        // A guard, not a filter: the route's limits keep every trip finite, so this never fires.
        if (!(acc[3 * l + 1]! < Infinity)) throw new RangeError(`legs[${l}] (${route.legs[l]!.name}): a trip's days are not finite; the route's limits should have prevented it (please report)`);
        sums[o + 6 * l] = acc[3 * l]!;
        sums[o + 6 * l + 1] = acc[3 * l + 1]!;
        sums[o + 6 * l + 2] = acc[3 * l + 2]!;
      }
      let sat = 0;
      for (let i = 0; i < n; i++) sat += satTrip[i]!;
      sums[o + 6 * L] = sat;
    });
  }
}
