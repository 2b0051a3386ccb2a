/**
 * The trip kernel (src/transit/kernel.ts: a block a tile at a time, draws filled tile by tile
 * where the parameter allows, sums two legs a pass) against the plainest statement of its
 * semantics, written here: for each block, each leg's draws filled for the whole block from its
 * streams, then, per load, each leg's value trip by trip, the totals and the sums in trip order.
 * Both must give the same bits — days, every sum and every count — for any route (every kind of
 * bounded parameter, delays, queues with and without their own capacity), any number of trips (across
 * tiles and blocks, and a range of blocks run on its own, as a worker runs it) and several
 * loads. (The reference fills parameters with the library's fillParam, which
 * test/random/xoshiro128.test.ts and the samplers' tests pin to the one-by-one samplers.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/scenario/parse.js';
import type { Route } from '../../src/scenario/types.js';
import type { Param } from '../../src/random/dist.js';
import { fillParam } from '../../src/random/samplers.js';
import { stream } from '../../src/random/stream.js';
import { ExponentialZiggurat } from '../../src/random/exponential.js';
import { erlangCUnchecked } from '../../src/transit/erlang.js';
import { perBlock, runTripBlocks, TRIP_BLOCK, tripBlocks, type Load } from '../../src/transit/kernel.js';
import { sameBits } from '../helpers.js';

/** The kernel's semantics, one block at a time, one pass a step. */
function reference(route: Route, seed: string, trips: number, loads: readonly Load[]): { days: Float64Array[]; blocks: Float64Array[] } {
  const L = route.legs.length;
  const w = perBlock(L);
  const nb = Math.ceil(trips / TRIP_BLOCK);
  const days = loads.map(() => new Float64Array(trips));
  const blocks = loads.map(() => new Float64Array(nb * w));
  for (let block = 0; block < nb; block++) {
    const first = block * TRIP_BLOCK;
    const n = Math.min(TRIP_BLOCK, trips - first);
    const draws = route.legs.map((leg) => {
      const purpose = (...what: string[]) => ['leg', leg.name, ...what];
      const fill = (p: Param, s: ReturnType<typeof stream>) => {
        const out = new Float64Array(n);
        fillParam(p, s, out, 0, n);
        return out;
      };
      const d = fill(leg.days, stream(seed, purpose('days'), block));
      const delay = new Float64Array(n);
      if (leg.delay) {
        const strike = new Float64Array(n);
        stream(seed, purpose('delay', 'strikes'), block).generator.fillUniform(strike, 0, n);
        const dd = fill(leg.delay.days, stream(seed, purpose('delay', 'days'), block));
        for (let i = 0; i < n; i++) delay[i] = dd[i]! * +(strike[i]! < leg.delay.probability);
      }
      const q = leg.queue;
      const capacity = q && q.capacityMt !== null ? fill(q.capacityMt, stream(seed, purpose('queue', 'capacity'), block)) : null;
      const waitU = new Float64Array(n);
      const waitE = new Float64Array(n);
      if (q) {
        stream(seed, purpose('queue', 'waits'), block).generator.fillUniform(waitU, 0, n);
        new ExponentialZiggurat(stream(seed, purpose('queue', 'wait'), block).generator).fill(waitE, 0, n);
      }
      return { d, delay, capacity, waitU, waitE };
    });
    loads.forEach((load, li) => {
      const sums = blocks[li]!;
      const o = block * w;
      const sat = new Uint8Array(n);
      const values = route.legs.map((leg, l) => {
        const { d, delay, capacity, waitU, waitE } = draws[l]!;
        const q = leg.queue;
        const v = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          let x = d[i]! + delay[i]!;
          sums[o + 6 * l + 3]! += +(delay[i]! > 0);
          const volume = q ? load.volumeMt(first + i) : null;
          if (q && volume !== null) {
            const c = capacity ? capacity[i]! : load.capacityMt(first + i)!;
            let rho = volume / c;
            if (rho >= q.maxUtilisation) {
              rho = q.maxUtilisation;
              sat[i] = 1;
              sums[o + 6 * l + 5]!++;
            }
            if (rho > 0) {
              const pw = erlangCUnchecked(q.servers, q.servers * rho);
              if (waitU[i]! < pw) {
                x += (waitE[i]! * (((q.arrivalCv * q.arrivalCv + q.serviceCv * q.serviceCv) / 2) * q.serviceDays)) / (q.servers * (1 - rho));
                sums[o + 6 * l + 4]!++;
              }
            }
          }
          v[i] = x;
        }
        return v;
      });
      const total = days[li]!.subarray(first, first + n);
      for (let i = 0; i < n; i++) {
        let t = values[0]![i]!;
        for (let l = 1; l < L; l++) t += values[l]![i]!;
        total[i] = t;
      }
      values.forEach((v, l) => {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        for (let i = 0; i < n; i++) {
          s0 += v[i]!;
          s1 += v[i]! * v[i]!;
          s2 += v[i]! * total[i]!;
        }
        sums[o + 6 * l] = s0;
        sums[o + 6 * l + 1] = s1;
        sums[o + 6 * l + 2] = s2;
      });
      sums[o + 6 * L] = sat.reduce((a, b) => a + b, 0);
    });
  }
  return { days, blocks };
}

const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const param: fc.Arbitrary<Param> = fc.oneof(
  pos(0, 10),
  fc.tuple(pos(0, 10), pos(0, 10)).map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(pos(0, 10), pos(0, 10), pos(0, 10)).map((x) => x.sort((a, b) => a - b)).map(([min, mode, max]) => ({ dist: 'triangular' as const, min, mode, max })),
  fc.tuple(pos(0, 10), pos(0, 10), pos(0, 10)).map((x) => x.sort((a, b) => a - b)).map(([min, mode, max]) => ({ dist: 'pert' as const, min, mode, max })),
  fc.tuple(pos(1, 5), pos(0.1, 2)).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd, min: 0, max: 12 })),
  fc.array(pos(0, 6), { minLength: 1, maxLength: 4 }).map((values) => ({ dist: 'empirical' as const, values })),
);
const leg = fc.record({
  days: param,
  delay: fc.option(fc.record({ probability: pos(0, 1), days: param }), { nil: undefined }),
  queue: fc.option(
    fc.record({
      capacityMt: fc.option(fc.oneof(pos(2, 20), fc.tuple(pos(2, 10), pos(10, 20)).map(([min, max]) => ({ dist: 'uniform' as const, min, max }))), { nil: undefined }),
      servers: fc.integer({ min: 1, max: 6 }),
      serviceDays: pos(0.2, 3),
    }),
    { nil: undefined },
  ),
});

describe('the trip kernel against its plain semantics', () => {
  it('gives the same bits for any route, trip count and loads', () => {
    fc.assert(
      fc.property(
        fc.array(leg, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 2 * TRIP_BLOCK + 700 }),
        fc.array(fc.option(pos(0, 25), { nil: null }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        (legs, trips, volumes, group) => {
          const route = parseRoute({
            name: 'r',
            legs: legs.map((l, i) => ({ name: `leg ${i}`, mode: 'rail', days: l.days, ...(l.delay ? { delay: l.delay } : {}), ...(l.queue ? { queue: { ...l.queue, capacityMt: l.queue.capacityMt ?? null } } : {}) })),
          });
          // A load per volume: the volume steps up every `group` trips (as a corridor's path-years do), capacity 15 Mt where the queue has none.
          const loads: Load[] = volumes.map((v) => ({ volumeMt: (trip) => (v === null ? null : v * (1 + Math.floor(trip / group) / 8)), capacityMt: () => 15 }));
          const nb = Math.ceil(trips / TRIP_BLOCK);
          const got = tripBlocks(route.legs.length, trips, loads.length, 0, nb);
          runTripBlocks(route, 'ref', trips, loads, 0, nb, got);
          const want = reference(route, 'ref', trips, loads);
          loads.forEach((_, li) => {
            expect(sameBits(got.days[li]!, want.days[li]!)).toBe(true);
            expect(sameBits(got.blocks[li]!, want.blocks[li]!)).toBe(true);
          });
          // A worker's range of blocks [1, nb) on its own: the same trips as the whole run's.
          if (nb > 1) {
            const part = tripBlocks(route.legs.length, trips, loads.length, 1, nb);
            runTripBlocks(route, 'ref', trips, loads, 1, nb, part);
            const w = perBlock(route.legs.length);
            loads.forEach((_, li) => {
              expect(sameBits(part.days[li]!, want.days[li]!.subarray(TRIP_BLOCK))).toBe(true);
              expect(sameBits(part.blocks[li]!, want.blocks[li]!.subarray(w))).toBe(true);
            });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
