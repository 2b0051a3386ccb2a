/**
 * The trip kernel specialised to a route's shape (src/transit/kernel-specialised.ts, its source
 * from kernel-source.ts) against the generic kernel (src/transit/kernel.ts with code generation
 * off): the same bits — every trip's days, every leg's sums and counts — for any valid route
 * (every parameter kind, degenerate ones too, delays, queues), 1–3 blocks, a worker's range of
 * blocks, and several loads as a corridor run has. And the generated source holds no text of the
 * route: it depends on the route's numbers and shape only.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { route as routeArb } from '../../src/testing/arbitraries.js';
import { compile, setCodegen } from '../../src/engine/codegen.js';
import { parseRoute } from '../../src/scenario/parse.js';
import type { RouteInput } from '../../src/scenario/types.js';
import { simulateTransit } from '../../src/transit/simulate.js';
import { kernelSource, routeShape } from '../../src/transit/kernel-source.js';
import { COMPILE_FROM_BLOCKS, MAX_GENERATED_LEGS, runSpecialisedBlocks } from '../../src/transit/kernel-specialised.js';
import { perBlock, runTripBlocks, TRIP_BLOCK, tripBlocks, type Load } from '../../src/transit/kernel.js';
import { sameBits } from '../helpers.js';

afterEach(() => setCodegen(null));

/** Legs the arbitrary does not make often: degenerate uniforms and triangulars (drawn by the generic fill), fixed days, fixed delays. */
const odd = fc.constantFrom<RouteInput['legs'][number]>(
  { name: 'x', mode: 'rail', days: { dist: 'uniform', min: 2, max: 2 } },
  { name: 'x', mode: 'sea', days: { dist: 'triangular', min: 1, mode: 1, max: 1 }, delay: { probability: 0.5, days: 2 } },
  { name: 'x', mode: 'port', days: 0, delay: { probability: 1, days: { dist: 'triangular', min: 0, mode: 0, max: 3 } } },
  { name: 'x', mode: 'road', days: { dist: 'triangular', min: 0.5, mode: 2, max: 2 }, delay: { probability: 0.3, days: { dist: 'uniform', min: 1, max: 1 } } },
  { name: 'x', mode: 'border', days: -0, delay: { probability: 0, days: 4 } },
);
const routes = fc
  .tuple(routeArb({ legs: [1, 5] }), fc.array(odd, { maxLength: 2 }), fc.nat())
  .map(([r, extra, at]) => {
    const legs = [...r.legs];
    extra.forEach((leg, k) => legs.splice((at + k) % (legs.length + 1), 0, leg));
    return parseRoute({ name: r.name, legs: legs.map((leg, i) => ({ ...leg, name: `leg ${i}` })) });
  });

/** Runs blocks [b0, b1): the generic kernel (code generation off), or the specialised one, compiled whatever the run's size, where it applies. */
function run(route: ReturnType<typeof parseRoute>, trips: number, loads: readonly Load[], b0: number, b1: number, specialised: boolean) {
  const out = tripBlocks(route.legs.length, trips, loads.length, b0, b1);
  setCodegen(specialised ? null : false);
  if (specialised) {
    const ran = runSpecialisedBlocks(route, 'law', trips, loads, b0, b1, out, 0);
    expect(ran).toBe(!(loads.length > 1 && route.legs.some((leg) => leg.queue)));
    if (ran) return out;
  }
  runTripBlocks(route, 'law', trips, loads, b0, b1, out);
  setCodegen(null);
  return out;
}

describe('the specialised trip kernel', () => {
  it('gives the generic kernel’s bits for any route, 1–3 blocks, a range of blocks and 1–3 loads', () => {
    fc.assert(
      fc.property(
        routes,
        fc.integer({ min: 2, max: 3 * TRIP_BLOCK }),
        fc.array(fc.option(fc.double({ min: 0, max: 25, noNaN: true }), { nil: null }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        (route, trips, volumes, group) => {
          // A corridor's loads: the volume steps up every `group` trips (its path-years), capacity 15 Mt where the queue has none.
          const loads: Load[] = volumes.map((v) => ({ volumeMt: (trip) => (v === null ? null : v * (1 + Math.floor(trip / group) / 8)), capacityMt: () => 15 }));
          const nb = Math.ceil(trips / TRIP_BLOCK);
          for (const b0 of nb > 1 ? [0, 1] : [0]) {
            const got = run(route, trips, loads, b0, nb, true);
            const want = run(route, trips, loads, b0, nb, false);
            loads.forEach((_, li) => {
              expect(sameBits(got.days[li]!, want.days[li]!)).toBe(true);
              expect(sameBits(got.blocks[li]!, want.blocks[li]!)).toBe(true);
            });
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('runs the standard nine-leg route generated, with its legs drawn inline (not left to the generic code)', () => {
    const route = parseRoute({
      name: 'r',
      legs: [
        { name: 'a', mode: 'rail', days: { dist: 'triangular', min: 3, mode: 4, max: 6 } },
        { name: 'b', mode: 'ferry', days: { dist: 'uniform', min: 0.5, max: 3 }, delay: { probability: 0.05, days: { dist: 'uniform', min: 1, max: 4 } } },
        { name: 'c', mode: 'port', days: 2 },
      ],
    });
    const shape = routeShape(route);
    expect(shape.legs.map((l) => l.kind)).toEqual(['inline', 'inline', 'inline']);
    // days of a, days of b, b's strikes, b's delay days: four generators; c draws nothing.
    expect(shape.streams.map((s) => [s.leg, ...s.purpose])).toEqual([[0, 'days'], [1, 'days'], [1, 'delay', 'strikes'], [1, 'delay', 'days']]);
    const out = tripBlocks(3, 100, 1, 0, 1);
    const none: Load[] = [{ volumeMt: () => null, capacityMt: () => null }];
    expect(runSpecialisedBlocks(route, 's', 100, none, 0, 1, out, 0)).toBe(true);
    setCodegen(false);
    expect(runSpecialisedBlocks(route, 's', 100, none, 0, 1, out, 0)).toBe(false);
  });

  it('compiles a new shape only for a run of COMPILE_FROM_BLOCKS blocks or more; a shape compiled runs whatever the size', () => {
    const route = parseRoute({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: { dist: 'triangular', min: 1, mode: 2.25, max: 7.75 } }] });
    const none: Load[] = [{ volumeMt: () => null, capacityMt: () => null }];
    const small = () => runSpecialisedBlocks(route, 's', 100, none, 0, 1, tripBlocks(1, 100, 1, 0, 1));
    expect(small()).toBe(false);
    const trips = COMPILE_FROM_BLOCKS * TRIP_BLOCK;
    expect(runSpecialisedBlocks(route, 's', trips, none, 0, COMPILE_FROM_BLOCKS, tripBlocks(1, trips, 1, 0, COMPILE_FROM_BLOCKS))).toBe(true);
    expect(small()).toBe(true);
    // A route longer than MAX_GENERATED_LEGS runs the generic kernel.
    const long = parseRoute({ name: 'r', legs: Array.from({ length: MAX_GENERATED_LEGS + 1 }, (_, i) => ({ name: `l${i}`, mode: 'rail' as const, days: 1 + i })) });
    expect(runSpecialisedBlocks(long, 's', 100, none, 0, 1, tripBlocks(long.legs.length, 100, 1, 0, 1), 0)).toBe(false);
  });

  it('leaves queued legs, and other distributions, to the generic code; several loads with a queue to the generic kernel', () => {
    const route = parseRoute({
      name: 'r',
      legs: [
        { name: 'a', mode: 'rail', days: { dist: 'pert', min: 3, mode: 4, max: 6 } },
        { name: 'b', mode: 'port', days: 1, queue: { capacityMt: 10, servers: 2, serviceDays: 0.5 } },
        { name: 'c', mode: 'rail', days: 1, delay: { probability: 0.1, days: { dist: 'normal', mean: 2, sd: 1, min: 0, max: 5 } } },
      ],
    });
    expect(routeShape(route).legs.map((l) => l.kind)).toEqual(['held', 'held', 'held']);
    const load: Load = { volumeMt: () => 5, capacityMt: () => null };
    expect(runSpecialisedBlocks(route, 's', 100, [load], 0, 1, tripBlocks(3, 100, 1, 0, 1), 0)).toBe(true);
    expect(runSpecialisedBlocks(route, 's', 100, [load, load], 0, 1, tripBlocks(3, 100, 2, 0, 1), 0)).toBe(false);
  });

  it('with code generation off, simulateTransit runs the generic kernel and gives the same bits (a page whose CSP refuses eval)', () => {
    const r = { name: 'r', legs: [{ name: 'a', mode: 'rail' as const, days: { dist: 'triangular' as const, min: 3, mode: 4, max: 6 } }, { name: 'b', mode: 'sea' as const, days: { dist: 'uniform' as const, min: 1, max: 4 }, delay: { probability: 0.2, days: 3 } }] };
    const trips = COMPILE_FROM_BLOCKS * TRIP_BLOCK + 99;
    const fast = simulateTransit(r, { trips, seed: 7 });
    setCodegen(false);
    expect(compile([], 'return 1')).toBeNull();
    const generic = simulateTransit(r, { trips, seed: 7 });
    expect(sameBits(fast.days, generic.days)).toBe(true);
    expect(fast.legs).toEqual(generic.legs);
    expect(fast.saturated).toEqual(generic.saturated);
  });
});

describe('the generated source', () => {
  /** Unique names, code-like ones included. */
  const names = fc.uniqueArray(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom("'); throw 1; //", '${x}', '*/ x /*', '\\u0061', '\n} x')).filter((x) => x.trim() !== ''), { minLength: 6, maxLength: 6, selector: (x) => x.trim() });

  it('depends on the route’s numbers and shape only: renaming the legs never changes it', () => {
    fc.assert(
      fc.property(routes, names, (route, ns) => {
        const renamed = parseRoute({ ...route, legs: route.legs.map((leg, i) => ({ ...leg, name: ns[i % ns.length]! + (i >= ns.length ? String(i) : ''), source: ns[0] })) });
        const src = kernelSource(routeShape(route));
        expect(kernelSource(routeShape(renamed))).toBe(src);
        for (const leg of renamed.legs) if (leg.name.length > 3) expect(src.includes(leg.name)).toBe(false);
        // Only the generator's fixed words, numbers, operators and punctuation.
        expect(src.replace(/\b(use strict|return|function|tripTile|let|const|for|Math\.imul|Math\.sqrt|[a-z]+\d*(_\d+)?|[TGVO]|\d+(\.\d+)?(e[+-]?\d+)?)\b/g, '')).toMatch(/^[\s'();{}[\]=+\-*/<>|^&?:,.!]*$/);
      }),
      { numRuns: 60 },
    );
  });

  it('numbers per block: the partial’s layout is unchanged (6 a leg, then the saturated trips)', () => {
    expect(perBlock(9)).toBe(55);
  });
});
