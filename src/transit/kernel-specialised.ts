/**
 * The trip kernel specialised to a route's shape: the block loop of ./kernel.ts with each tile's
 * draws, totals and sums in one generated loop (./kernel-source.ts), compiled once per shape and
 * cached by its source (numbers and fixed text only). It runs where code generation is allowed
 * (src/engine/codegen.ts) and for one load, or for several when no leg has a queue (then every
 * load's trips are the same numbers, computed once and copied); otherwise the generic kernel runs.
 * The same bits either way: test/transit/specialised.test.ts holds the two equal.
 */
import { codegenAllowed, compile } from '../engine/codegen.js';
import { stream } from '../random/stream.js';
import type { Route } from '../scenario/types.js';
import { kernelSource, routeShape } from './kernel-source.js';
import { LegDraws } from './leg-draws.js';
import type { Load } from './plans.js';
import { queueTile } from './queue-tile.js';
import { checkBlockSums, perBlock, TILE, TRIP_BLOCK } from './trip-shape.js';

/** A generated tile loop (see {@link kernelSource} for its arguments). */
type TripTile = (G: Int32Array, V: readonly Float64Array[], O: Int32Array, days: Float64Array, at: number, acc: Float64Array, m: number) => void;

/** Compiled loops by their source; cleared when it holds many (a run compiles one). */
const cache = new Map<string, TripTile>();
const CACHE_MAX = 64;
/**
 * Blocks a call must run to compile a new shape: compiling and optimising the loop costs about as
 * much as the generic kernel's first 100,000 trips (measured: one-off runs of 10⁴ / 10⁵ trips took
 * 66 / 118 ms of CPU generated against 50 / 61 generic; from 10⁶ trips on, every later call gains).
 * A shape already compiled runs whatever the size.
 */
export const COMPILE_FROM_BLOCKS = 8;
/**
 * The longest route generated: past it the loop is too long for V8 to optimise soon (32 legs: the
 * first run of 140,000 trips took 539 ms of CPU against 91 generic; 64 legs were never optimised,
 * 20× slower), so longer routes run the generic kernel.
 */
export const MAX_GENERATED_LEGS = 16;
const EMPTY = new Float64Array(0);

/** The generated loop for a route's shape (L legs, S inline streams), or null where code generation is refused or a new shape is not worth compiling for `blocks` blocks. */
function tripTile(source: string, L: number, S: number, blocks: number, from: number): TripTile | null {
  if (!codegenAllowed()) return null;
  const hit = cache.get(source);
  if (hit) return hit;
  if (blocks < from) return null;
  const make = compile<TripTile>([], source);
  if (!make) return null;
  if (cache.size >= CACHE_MAX) cache.clear();
  const f = make();
  // Calls of one trip on scratch arrays run all of the code, so that V8 has seen every array access
  // before it optimises (it keeps feedback only once a function has run a while): otherwise the
  // first call's loop, optimised while it runs (OSR), reaches the accesses after the loop with no
  // feedback and deoptimises, call after call (measured: routes of 12–40 legs 2× slower than the
  // generic kernel).
  const scratch = [new Int32Array(4 * S), Array.from({ length: L }, () => new Float64Array(1)), new Int32Array(L), new Float64Array(1), new Float64Array(perBlock(L))] as const;
  for (let k = 0; k < 64; k++) f(scratch[0], scratch[1], scratch[2], scratch[3], 0, scratch[4], 1);
  cache.set(source, f);
  return f;
}

/**
 * Runs blocks [b0, b1) as `runTripBlocks` does (same arguments, same bits) and returns true, or
 * returns false, having done nothing, where the specialised kernel does not apply (`from`: the
 * blocks a call must run to compile a new shape).
 */
export function runSpecialisedBlocks(route: Route, seed: string, trips: number, loads: readonly Load[], b0: number, b1: number, buf: { days: Float64Array[]; blocks: Float64Array[] }, from = COMPILE_FROM_BLOCKS): boolean {
  const legs = route.legs;
  if (loads.length === 0 || legs.length > MAX_GENERATED_LEGS || (loads.length > 1 && legs.some((leg) => leg.queue))) return false;
  const shape = routeShape(route);
  const tile = tripTile(kernelSource(shape), legs.length, shape.streams.length, b1 - b0, from);
  if (!tile) return false;
  const L = legs.length;
  const B = TRIP_BLOCK;
  const w = perBlock(L);
  // Held legs are drawn by the generic code a tile at a time; with none, a tile is the whole block.
  const held = shape.legs.map((s, l) => (s.kind === 'held' ? new LegDraws(legs[l]!, B, TILE) : null));
  const T = held.some((d) => d) ? TILE : B;
  const satTrip = new Uint8Array(T);
  const queued = legs.map((leg) => (leg.queue ? new Float64Array(TILE) : null));
  const V: Float64Array[] = legs.map(() => EMPTY);
  const O = new Int32Array(L);
  const G = new Int32Array(4 * shape.streams.length);
  const acc = new Float64Array(w);
  const load = loads[0]!;
  const days = buf.days[0]!;
  for (let block = b0; block < b1; block++) {
    const first = block * B;
    const n = Math.min(B, trips - first);
    shape.streams.forEach((s, k) => G.set(stream(seed, ['leg', legs[s.leg]!.name, ...s.purpose], block).generator.s, 4 * k));
    for (const d of held) d?.start(seed, block, n);
    acc.fill(0);
    for (let lo = 0; lo < n; lo += T) {
      const hi = lo + T < n ? lo + T : n;
      const m = hi - lo;
      satTrip.fill(0, 0, m);
      held.forEach((d, l) => {
        if (!d) return;
        d.tile(lo, hi);
        acc[6 * l + 3] = acc[6 * l + 3]! + d.delays;
        const q = queued[l];
        if (q) queueTile(legs[l]!, l, d, q, satTrip, load, first, lo, m, acc);
        V[l] = q ?? d.base;
        O[l] = q ? 0 : d.off;
      });
      tile(G, V, O, days, first - b0 * B + lo, acc, m);
      let sat = 0;
      for (let i = 0; i < m; i++) sat += satTrip[i]!;
      acc[6 * L] = acc[6 * L]! + sat;
    }
    checkBlockSums(route, acc);
    const o = (block - b0) * w;
    const at = first - b0 * B;
    buf.blocks.forEach((b, li) => {
      b.set(acc, o);
      if (li > 0) buf.days[li]!.set(days.subarray(at, at + n), at);
    });
  }
  return true;
}
