import { ZigguratNormal } from '../random/normal.js';
import { drawPerPath, keyedStream, STREAM_BLOCK, type StreamSeed } from './draws.js';
import { growthOfBlock } from './growth-plan.js';
import { correlatedSeed } from './correlate.js';
import { MAX_VOLUME_MT } from '../scenario/types.js';
import type { VolumeModel } from './resolve.js';
import { specialisedTile, type Tile, type TileColumns } from './kernel-gen.js';
import { exp, log } from '../math/index.js';

export { STREAM_BLOCK } from './draws.js';

/** The largest demand or capacity (Mt) of a path-year (declared with the scenario's other limits). */
export { MAX_VOLUME_MT };

/** Where a per-path draw broke the kernel's invariants: a RangeError naming the parameter and path. */
function badDraw(what: string, path: number, x: number, allowed: string): RangeError {
  return new RangeError(
    `simulateVolumes: ${what} drew ${x} on path ${path}, which is not ${allowed}: a distribution this wide (e.g. a lognormal with a large sigma) goes beyond what a double holds; give it a narrower distribution`,
  );
}

/** An overflow (or underflow) where it arises: a RangeError naming the cause, the path and the year, and what to do. */
function overflow(what: string, path: number, year: number, todo: string): RangeError {
  return new RangeError(`simulateVolumes: ${what} on path ${path} in ${year}; ${todo}`);
}

/** Checks a block's draws of a parameter: each must be finite and >= 0 (or > 0 when `positive`), and at most `max`. */
function checkDraws(what: string, xs: Float64Array, first: number, n: number, positive: boolean, max = Number.MAX_VALUE): void {
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (!((positive ? x > 0 : x >= 0) && x <= max)) throw badDraw(what, first + i, x, `${positive ? 'finite and > 0' : 'finite and >= 0'}${max < Number.MAX_VALUE ? `, at most ${max} Mt (MAX_VOLUME_MT)` : ''}`);
  }
}

/** Where one year of a block is written: the arrays, and the index of the block's first path in them. */
export interface YearOut {
  demand: Float64Array;
  /** Null when the scenario has no capacity. */
  capacity: Float64Array | null;
  volume: Float64Array;
  at: number;
}

/**
 * Where the kernel writes, a tile of paths at a time: `target(k, first, lo)` gives the arrays for
 * year k of the paths from `first + lo` on, and where in them the tile starts (a full run hands
 * out its result arrays, so nothing is copied; a summary run a reused tile buffer, in cache);
 * `done`, when given, is called once the tile's `n` paths from path `from` are written.
 */
export interface VolumeSink {
  target(k: number, first: number, lo: number): YearOut;
  done?(k: number, from: number, n: number, out: YearOut): void;
}

/** A sink that writes every path-year into per-year arrays (capacity: empty when there is none) whose index 0 is path `origin`. */
export function toArrays(demand: Float64Array[], capacity: Float64Array[], volume: Float64Array[], origin = 0): VolumeSink {
  return { target: (k, first, lo) => ({ demand: demand[k]!, capacity: capacity[k] ?? null, volume: volume[k]!, at: first - origin + lo }) };
}

/** Paths per tile of a year's passes: a tile's buffers stay in the core's cache. */
const TILE = 2048;

/** Reusable per-run buffers for {@link runVolumeBlock}: per-path columns one stream block long; z, lr and the strike uniforms one tile. */
export interface Workspace {
  z: Float64Array;
  lr: Float64Array;
  cum: Float64Array;
  eps: Float64Array;
  sigma: Float64Array;
  base: Float64Array;
  expansions: { add: Float64Array; delay: Float64Array }[];
  disruptions: { u: Float64Array; p: Float64Array; fd: Float64Array; fc: Float64Array }[];
  /** One tile's demand, capacity and volume (TILE long), for sinks that do not keep paths. */
  year: YearOut;
}

export function workspace(model: VolumeModel): Workspace {
  const m = () => new Float64Array(STREAM_BLOCK);
  const t = () => new Float64Array(TILE);
  return {
    z: t(),
    lr: t(),
    cum: m(),
    eps: m(),
    sigma: m(),
    base: m(),
    expansions: (model.capacity?.expansions ?? []).map(() => ({ add: m(), delay: m() })),
    disruptions: model.disruptions.map(() => ({ u: t(), p: m(), fd: m(), fc: m() })),
    year: { demand: t(), capacity: model.capacity ? t() : null, volume: t(), at: 0 },
  };
}

/**
 * The volume kernel for one stream block of paths [first, first + n) of a resolved scenario
 * (./resolve.ts: plain data made once per plan): draws the block's parameters, then walks the
 * model's years, writing each year's demand, capacity and volume where `sink.target` says.
 *
 * Demand is v0·e^x with x the log growth ratio plus the accumulated shocks, and e^x is this
 * library's portable {@link exp}: about 3× faster than exp on V8 and the same bits on every
 * engine.
 */
export function runVolumeBlock(model: VolumeModel, runSeed: StreamSeed, first: number, n: number, ws: Workspace, sink: VolumeSink): void {
  try {
    runBlock(model, runSeed, first, n, ws, sink, specialisedTile(model));
  } catch (e) {
    // A path the specialised tile found beyond the run's limits: the generic loop throws the exact error.
    if (e !== BEYOND) throw e;
    runBlock(model, runSeed, first, n, ws, sink, null);
  }
}

/** What a specialised tile's block throws when a path left the run's limits. */
const BEYOND = Symbol('beyond');

/** {@link runVolumeBlock} with the year-tile loop `tile` (./kernel-gen.ts), or the generic loop (null). */
function runBlock(model: VolumeModel, runSeed: StreamSeed, first: number, n: number, ws: Workspace, sink: VolumeSink, tile: Tile | null): void {
  const seed = correlatedSeed(model.correlation, runSeed, first, n);
  const years = model.years;
  const K = years.length;
  const cap = model.capacity;
  const v0 = model.v0;
  const phi = model.persistence;
  const innovation = Math.sqrt(1 - phi * phi);
  const { z, lr, cum, eps } = ws;
  const block = first / STREAM_BLOCK;
  const growth = growthOfBlock(model.growth, years, seed, first, n, v0);
  const sigma = drawPerPath(model.volatility, seed, 'volatility', first, n, ws.sigma);
  checkDraws('volatility', sigma, first, n, false);
  const base = cap ? drawPerPath(cap.baseMt, seed, 'capacity/base', first, n, ws.base) : null;
  if (base) checkDraws('capacity.baseMt', base, first, n, true, MAX_VOLUME_MT);
  const expansions = (cap?.expansions ?? []).map((e, i) => {
    const { add, delay } = ws.expansions[i]!;
    drawPerPath(e.addMt, seed, `capacity/expansion/${i}/add`, first, n, add);
    checkDraws(`capacity.expansions[${i}].addMt`, add, first, n, false);
    // An infinite delay (a draw beyond a double) means never: harmless, so not refused.
    drawPerPath(e.delayYears, seed, `capacity/expansion/${i}/delay`, first, n, delay);
    return { add, delay, year: e.year, what: `capacity.expansions[${i}] (addMt in ${e.year})` };
  });
  const disruptions = model.disruptions.map((d, j) => {
    const w = ws.disruptions[j]!;
    const what = `disruptions[${j}] ('${d.name}')`;
    const fd = d.demandFactor === null ? null : drawPerPath(d.demandFactor, seed, ['disruption', d.name, 'demandFactor'], first, n, w.fd);
    const fc = d.capacityFactor === null ? null : drawPerPath(d.capacityFactor, seed, ['disruption', d.name, 'capacityFactor'], first, n, w.fc);
    if (fd) checkDraws(`${what}.demandFactor`, fd, first, n, true);
    if (fc) checkDraws(`${what}.capacityFactor`, fc, first, n, true);
    return {
      u: w.u,
      p: drawPerPath(d.probability, seed, ['disruption', d.name, 'probability'], first, n, w.p),
      fd,
      fc,
      occurs: keyedStream(seed, ['disruption', d.name, 'occurs'], block).generator,
      what,
    };
  });
  const shocks = new ZigguratNormal(keyedStream(seed, 'demand/shocks', block).generator);
  cum.fill(0, 0, n);
  eps.fill(0, 0, n);
  const shared = model.growth.kind === 'shared' ? model.growth.lr : null;
  const cols: TileColumns | null = tile && { z, eps, cum, lr, sigma, base, add: expansions.map((e) => e.add), delay: expansions.map((e) => e.delay), u: disruptions.map((d) => d.u), p: disruptions.map((d) => d.p), fd: disruptions.map((d) => d.fd), fc: disruptions.map((d) => d.fc) };

  for (let k = 0; k < K; k++) {
    const year = years[k]!;
    // Year 1 draws the shock at its stationary sd σ; later years follow the AR(1) recursion.
    const a = k === 1 ? 0 : phi;
    const b = k === 1 ? 1 : innovation;
    // The block's paths in tiles, so that a year's passes (and the sink's) run in cache; each
    // stream is still read in path order, so the numbers do not depend on TILE.
    for (let lo = 0; lo < n; lo += TILE) {
      const hi = lo + TILE < n ? lo + TILE : n;
      const m = hi - lo;
      const out = sink.target(k, first, lo);
      const { demand: D, capacity: C, volume: V } = out;
      const o = out.at - lo; // path i of the block is at index o + i
      if (k === 0) {
        // The start year: demand is exactly start.volumeMt, capacity the base alone.
        for (let i = lo; i < hi; i++) {
          D[o + i] = v0;
          let v = v0;
          if (C) {
            const c = base![i]!;
            C[o + i] = c;
            if (c < v0) v = c;
          }
          V[o + i] = v;
        }
        sink.done?.(k, first + lo, m, out);
        continue;
      }
      if (!(tile && shared)) growth.fill(k, lo, hi, lr);
      shocks.fill(z, 0, m);
      if (tile) {
        for (const d of disruptions) d.occurs.fillUniform(d.u, 0, m);
        if (tile(k, year, lo, hi, o, D, C, V, shared ? shared[k]! : NaN, cols!) >= 0) throw BEYOND;
        sink.done?.(k, first + lo, m, out);
        continue;
      }
      for (let i = lo; i < hi; i++) {
        const shock = a * eps[i]! + b * sigma[i]! * z[i - lo]!;
        eps[i] = shock;
        const x = lr[i - lo]! + (cum[i] = cum[i]! + shock);
        // v0 · e^x: exactly v0 whenever x = 0 (a flat path).
        const dv = v0 * exp(x);
        if (!(dv <= MAX_VOLUME_MT)) {
          throw new RangeError(
            `simulateVolumes: demand exceeds ${MAX_VOLUME_MT} Mt (MAX_VOLUME_MT) on path ${first + i} in ${year} (log demand ${log(v0) + x}); the scenario's growth and volatility carry it beyond any freight volume: lower them or shorten the horizon`,
          );
        }
        D[o + i] = dv;
      }
      if (C) {
        // The base, plus each expansion times the share of this year after it arrives, at
        // `year + delay` (years from 1 January of its year): clamp(year + 1 − (its year + delay), 0, 1),
        // computed as (whole years) − delay, which is monotone in the delay and exactly 0 or 1 for
        // a whole delay (so a whole delay d is the expansion d years later, bit for bit). The
        // first expansion reads the base itself (the same sums as copying it first).
        if (expansions.length === 0) for (let i = lo; i < hi; i++) C[o + i] = base![i]!;
        for (let e = 0; e < expansions.length; e++) {
          const { add, delay, year: planned, what } = expansions[e]!;
          const from = e === 0 ? base! : C;
          const at = e === 0 ? 0 : o;
          const whole = year + 1 - planned;
          for (let i = lo; i < hi; i++) {
            const share = Math.min(1, Math.max(0, whole - delay[i]!));
            const c = from[at + i]! + add[i]! * share;
            if (!(c <= MAX_VOLUME_MT)) throw overflow(`capacity (base plus ${e === 0 ? what : `capacity.expansions[0] to [${e}], the last ${what}`}) exceeds ${MAX_VOLUME_MT} Mt (MAX_VOLUME_MT)`, first + i, year, 'give expansions a realistic size (Mt a year)');
            C[o + i] = c;
          }
        }
      }
      for (const { u, p, fd, fc, occurs, what } of disruptions) {
        occurs.fillUniform(u, 0, m);
        // Whether a disruption strikes is random, so no branch on it (V8 compiles `c ? a : b` to a
        // branch): with h = +c (0 or 1), x·(h·f + (1 − h)) is exactly x·f or x for a finite f
        // (h·f + (1 − h) is f or 1 exactly; the older h·(x·f) + (1 − h)·x gave 0·∞ = NaN when
        // x·f overflowed on a path it did not strike). The guards below are never taken on
        // ordinary input, so they cost no misprediction.
        if (fd) {
          for (let i = lo; i < hi; i++) {
            const h = +(u[i - lo]! < p[i]!);
            const y = D[o + i]! * (h * fd[i]! + (1 - h));
            if (!(y <= MAX_VOLUME_MT)) throw overflow(`demand times ${what}.demandFactor exceeds ${MAX_VOLUME_MT} Mt (MAX_VOLUME_MT)`, first + i, year, 'a demand factor multiplies one year\'s demand: give it a realistic size');
            D[o + i] = y;
          }
        }
        if (fc && C) {
          for (let i = lo; i < hi; i++) {
            const h = +(u[i - lo]! < p[i]!);
            const y = C[o + i]! * (h * fc[i]! + (1 - h));
            // Capacity stays in (0, MAX_VOLUME_MT] (the schema's factors are > 0): one that
            // underflows to 0 would make utilisation 0/0, so it is refused like an overflow.
            if (!(y > 0 && y <= MAX_VOLUME_MT)) {
              throw overflow(`capacity times ${what}.capacityFactor ${y > 0 ? `exceeds ${MAX_VOLUME_MT} Mt (MAX_VOLUME_MT)` : 'underflows to 0'}`, first + i, year, `capacity and capacity factors must keep capacity in (0, ${MAX_VOLUME_MT}] Mt: give them realistic sizes (Mt a year)`);
            }
            C[o + i] = y;
          }
        }
      }
      if (C) {
        for (let i = lo; i < hi; i++) V[o + i] = Math.min(D[o + i]!, C[o + i]!);
      } else V.set(D.subarray(o + lo, o + hi), o + lo);
      sink.done?.(k, first + lo, m, out);
    }
  }
}
