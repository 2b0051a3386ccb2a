/**
 * The volume kernel's year-tile loop specialised to a plan's model (docs/performance.md, "Round
 * three"): one fused pass a path — shock, demand, capacity, each disruption, volume — with the
 * model's constants (start volume, persistence, a number volatility, base, expansions, disruption
 * probabilities and factors, shared growth) written in as literals, compiled once per model
 * shape. Every operation is the generic kernel's, in its order for each path (./kernel.ts states
 * the semantics); only array reads of constants become literals and per-path values that are the
 * same on every path are computed once. Where a path leaves what a run allows (an overflow), the
 * tile returns that path and the block is run again by the generic kernel, which throws the
 * exact error. No user text enters the source: numbers through `literal`, structure from the model.
 */
import { codegenAllowed, compile, literal } from '../engine/codegen.js';
import { exp } from '../math/exp.js';
import type { Param } from '../random/dist.js';
import { MAX_VOLUME_MT } from '../scenario/types.js';
import type { VolumeModel } from './resolve.js';

/** A block's columns the tile reads (what is not a constant of the model). */
export interface TileColumns {
  z: Float64Array;
  eps: Float64Array;
  cum: Float64Array;
  lr: Float64Array;
  sigma: Float64Array;
  base: Float64Array | null;
  add: Float64Array[];
  delay: Float64Array[];
  u: Float64Array[];
  p: Float64Array[];
  fd: (Float64Array | null)[];
  fc: (Float64Array | null)[];
}

/**
 * A year's tile of paths [lo, hi): writes demand, capacity (null: none) and volume at o + i;
 * `lrk` is the year's shared log growth (NaN when growth is per path: read from `lr`). Returns −1,
 * or the first path (block index) that left the run's limits.
 */
export type Tile = (k: number, year: number, lo: number, hi: number, o: number, D: Float64Array, C: Float64Array | null, V: Float64Array, lrk: number, w: TileColumns) => number;

/** The source of the tile loop for a model, or null when the model has a constant the source cannot hold (then the generic loop runs). */
export function tileSource(model: VolumeModel): string | null {
  const cap = model.capacity;
  const ex = cap?.expansions ?? [];
  const params = [model.v0, model.persistence, model.volatility, ...(cap ? [cap.baseMt] : []), ...ex.flatMap((e) => [e.addMt, e.delayYears]), ...model.disruptions.flatMap((d) => [d.probability, d.demandFactor ?? 1, d.capacityFactor ?? 1])];
  if (!params.every((x) => typeof x !== 'number' || Number.isFinite(x))) return null;
  const phi = model.persistence;
  const num = (p: Param): p is number => typeof p === 'number';
  // The columns the loop reads, declared before it: `w.name` or `w.name[j]` as `name` or `name<j>`.
  const cols = new Set<string>();
  const col = (name: string, j?: number) => {
    const v = j === undefined ? name : `${name}${j}`;
    cols.add(`const ${v} = w.${name}${j === undefined ? '' : `[${j}]`};`);
    return v;
  };
  /** A parameter at path i: its literal when a number, else its column's value. */
  const read = (p: Param, name: string, j?: number) => (num(p) ? literal(p) : `${col(name, j)}[i]`);
  const pre = [`const a = k === 1 ? 0 : ${literal(phi)}, b = k === 1 ? 1 : ${literal(Math.sqrt(1 - phi * phi))};`];
  const body: string[] = [];
  const put = (s: string) => body.push(s);
  const y = model.growth.kind === 'shared' ? 'lrk' : `${col('lr')}[i - lo]`;
  if (phi === 0 && num(model.volatility) && model.volatility <= 1e300) {
    // Without persistence a shock is 0·ε + 1·σ·z, which is σ·z but for the sign of a zero: a zero
    // shock adds nothing to the sum (which starts at +0) and ε is read only as 0·ε, so ε is not
    // kept. (σ ≤ 1e300 keeps σ·z finite: an infinite ε would make the generic 0·ε a NaN.)
    put(`const x = ${y} + (cum[i] = cum[i] + 1 * ${literal(model.volatility)} * z[i - lo]);`);
  } else {
    put(`const shock = a * ${col('eps')}[i] + b * ${read(model.volatility, 'sigma')} * z[i - lo];`);
    put(`eps[i] = shock; const x = ${y} + (cum[i] = cum[i] + shock);`);
  }
  put(`let d = ${literal(model.v0)} * exp(x); if (!(d <= MAX)) return i;`);
  // The share of the year after an expansion arrives (once a tile when its delay is a number).
  const share = (e: (typeof ex)[number], j: number) => (num(e.delayYears) ? `Math.min(1, Math.max(0, (year + 1 - ${literal(e.year)}) - ${literal(e.delayYears)}))` : `Math.min(1, Math.max(0, (year + 1 - ${literal(e.year)}) - ${col('delay', j)}[i]))`);
  if (cap && [cap.baseMt, ...ex.flatMap((e) => [e.addMt, e.delayYears])].every(num)) {
    // Capacity before the disruptions is the same on every path of the year: once a tile.
    pre.push(`let c0 = ${literal(cap.baseMt as number)};`, ...ex.map((e, j) => `c0 = c0 + ${literal(e.addMt as number)} * ${share(e, j)};`), 'if (!(c0 <= MAX) && lo < hi) return lo;');
    put('let c = c0;');
  } else if (cap) {
    put(`let c = ${read(cap.baseMt, 'base')};`);
    ex.forEach((e, j) => put(`c = c + ${read(e.addMt, 'add', j)} * ${share(e, j)}; if (!(c <= MAX)) return i;`));
  }
  model.disruptions.forEach((d, j) => {
    put(`const h${j} = +(${col('u', j)}[i - lo] < ${read(d.probability, 'p', j)});`);
    if (d.demandFactor !== null) put(`d = d * (h${j} * ${read(d.demandFactor, 'fd', j)} + (1 - h${j})); if (!(d <= MAX)) return i;`);
    if (cap && d.capacityFactor !== null) put(`c = c * (h${j} * ${read(d.capacityFactor, 'fc', j)} + (1 - h${j})); if (!(c > 0 && c <= MAX)) return i;`);
  });
  put(cap ? 'D[o + i] = d; C[o + i] = c; V[o + i] = Math.min(d, c);' : 'D[o + i] = d; V[o + i] = d;');
  return `"use strict";\nreturn function tile(k, year, lo, hi, o, D, C, V, lrk, w) {\nconst { z, cum } = w;\n${[...cols, ...pre].join('\n')}\nfor (let i = lo; i < hi; i++) {\n${body.join('\n')}\n}\nreturn -1;\n};`;
}

/** Compiled tiles by source (the last 64 kept): one compilation per model shape and constants on this thread. */
const tiles = new Map<string, Tile>();
/** How many blocks asked for each source not compiled yet (the last 256 sources). */
const asked = new Map<string, number>();
/** Each model's compiled tile, so that a run's blocks build its source once. */
const byModel = new WeakMap<VolumeModel, Tile>();

/**
 * Blocks of one source a thread runs with the generic loop before it compiles the source: a
 * compilation (and V8's optimisation of it) costs about what a few blocks do, so small runs of
 * ever new constants (a forecast evaluation's fitted scenarios, a sweep) stay generic; a run of 4
 * blocks (65,536 paths) or more, or the same scenario run again, gets the specialised loop.
 */
export const COMPILE_AFTER = 3;

/**
 * The specialised tile of a model, or null — code generation refused or off, a model with no
 * source, or a source asked for by fewer than {@link COMPILE_AFTER} blocks before: run the
 * generic loop (the same numbers).
 */
export function specialisedTile(model: VolumeModel): Tile | null {
  if (!codegenAllowed()) return null;
  const known = byModel.get(model);
  if (known !== undefined) return known;
  const source = tileSource(model);
  if (source === null) return null;
  let tile = tiles.get(source);
  if (tile === undefined) {
    const n = asked.get(source) ?? 0;
    if (n < COMPILE_AFTER) {
      if (asked.size >= 256) asked.clear();
      asked.set(source, n + 1);
      return null;
    }
    asked.delete(source);
    const factory = compile<Tile>(['exp', 'MAX'], source);
    if (factory === null) return null;
    tile = factory(exp, MAX_VOLUME_MT);
    if (tiles.size >= 64) tiles.clear();
    tiles.set(source, tile);
  }
  byModel.set(model, tile);
  return tile;
}
