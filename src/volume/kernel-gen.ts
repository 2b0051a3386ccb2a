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
import { EXP_TABLES, expSource } from '../math/exp.js';
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

/** A parameter in the source: its literal when a number, else the column's read at path i. */
const read = (p: Param, column: string) => (typeof p === 'number' && Number.isFinite(p) ? literal(p) : `${column}[i]`);

/** The source of the tile loop for a model, or null when the model has a constant the source cannot hold (then the generic loop runs). */
export function tileSource(model: VolumeModel): string | null {
  const finite = (xs: Param[]) => xs.every((x) => typeof x !== 'number' || Number.isFinite(x));
  const cap = model.capacity;
  const ex = cap?.expansions ?? [];
  const params = [model.volatility, ...(cap ? [cap.baseMt] : []), ...ex.flatMap((e) => [e.addMt, e.delayYears]), ...model.disruptions.flatMap((d) => [d.probability, d.demandFactor ?? 1, d.capacityFactor ?? 1])];
  if (!finite(params) || !Number.isFinite(model.v0) || !Number.isFinite(model.persistence)) return null;
  const phi = model.persistence;
  const lines: string[] = [];
  const put = (s: string) => lines.push(s);
  put('const { z, eps, cum, lr } = w;');
  put(`const a = k === 1 ? 0 : ${literal(phi)};`);
  put(`const b = k === 1 ? 1 : ${literal(Math.sqrt(1 - phi * phi))};`);
  if (typeof model.volatility !== 'number') put('const sigma = w.sigma;');
  if (cap && typeof cap.baseMt !== 'number') put('const base = w.base;');
  ex.forEach((e, j) => {
    if (typeof e.addMt !== 'number') put(`const add${j} = w.add[${j}];`);
    // The share of the year after the expansion arrives: once a tile when its delay is a number.
    const whole = `(year + 1 - ${literal(e.year)})`;
    if (typeof e.delayYears !== 'number') put(`const delay${j} = w.delay[${j}];`);
    else put(`const share${j} = Math.min(1, Math.max(0, ${whole} - ${literal(e.delayYears)}));`);
    if (typeof e.delayYears !== 'number') put(`const whole${j} = ${whole};`);
  });
  model.disruptions.forEach((d, j) => {
    put(`const u${j} = w.u[${j}];`);
    if (typeof d.probability !== 'number') put(`const p${j} = w.p[${j}];`);
    if (d.demandFactor !== null && typeof d.demandFactor !== 'number') put(`const fd${j} = w.fd[${j}];`);
    if (cap && d.capacityFactor !== null && typeof d.capacityFactor !== 'number') put(`const fc${j} = w.fc[${j}];`);
  });
  // Capacity before the disruptions, when the base and every expansion are numbers: the same on every path of the year.
  const fixedCapacity = cap !== null && [cap.baseMt, ...ex.flatMap((e) => [e.addMt, e.delayYears])].every((x) => typeof x === 'number');
  if (fixedCapacity) {
    put(`let c0 = ${literal(cap.baseMt as number)};`);
    ex.forEach((e, j) => put(`c0 = c0 + ${literal(e.addMt as number)} * share${j};`));
    put('if (!(c0 <= MAX) && lo < hi) return lo;');
  }
  put('for (let i = lo; i < hi; i++) {');
  if (phi === 0 && typeof model.volatility === 'number' && model.volatility <= 1e300) {
    // Without persistence a shock is 0·ε + 1·σ·z, which is σ·z but for the sign of a zero: a zero
    // shock adds nothing to the sum (which starts at +0) and ε is read only as 0·ε, so ε is not
    // kept. (σ ≤ 1e300 keeps σ·z finite: an infinite ε would make the generic 0·ε a NaN.)
    put(`  const x = ${model.growth.kind === 'shared' ? 'lrk' : 'lr[i - lo]'} + (cum[i] = cum[i] + 1 * ${read(model.volatility, 'sigma')} * z[i - lo]);`);
  } else {
    put(`  const shock = a * eps[i] + b * ${read(model.volatility, 'sigma')} * z[i - lo];`);
    put('  eps[i] = shock;');
    put(`  const x = ${model.growth.kind === 'shared' ? 'lrk' : 'lr[i - lo]'} + (cum[i] = cum[i] + shock);`);
  }
  // v0 · e^x, with e^x written out (./math/exp.ts's expSource: the same operations as exp, inlined).
  put('  let d = 0;');
  put(expSource('x', 'd', 'x').replace(/^/gm, '  '));
  put(`  d = ${literal(model.v0)} * d;`);
  put('  if (!(d <= MAX)) return i;');
  if (fixedCapacity) put('  let c = c0;');
  else if (cap) {
    put(`  let c = ${read(cap.baseMt, 'base')};`);
    ex.forEach((e, j) => {
      const share = typeof e.delayYears === 'number' ? `share${j}` : `Math.min(1, Math.max(0, whole${j} - delay${j}[i]))`;
      put(`  c = c + ${read(e.addMt, `add${j}`)} * ${share};`);
      put('  if (!(c <= MAX)) return i;');
    });
  }
  model.disruptions.forEach((d, j) => {
    put(`  const h${j} = +(u${j}[i - lo] < ${read(d.probability, `p${j}`)});`);
    if (d.demandFactor !== null) {
      put(`  d = d * (h${j} * ${read(d.demandFactor, `fd${j}`)} + (1 - h${j}));`);
      put('  if (!(d <= MAX)) return i;');
    }
    if (cap && d.capacityFactor !== null) {
      put(`  c = c * (h${j} * ${read(d.capacityFactor, `fc${j}`)} + (1 - h${j}));`);
      put('  if (!(c > 0 && c <= MAX)) return i;');
    }
  });
  put('  D[o + i] = d;');
  if (cap) {
    put('  C[o + i] = c;');
    put('  V[o + i] = Math.min(d, c);');
  } else put('  V[o + i] = d;');
  put('}');
  put('return -1;');
  return `"use strict";\nreturn function tile(k, year, lo, hi, o, D, C, V, lrk, w) {\n${lines.join('\n')}\n};`;
}

/** Compiled tiles by source (the last 64 kept): one compilation per model shape and constants on this thread. */
const tiles = new Map<string, Tile>();
/** Each model's tile (null: the generic loop), so that a run's blocks build its source once. */
const byModel = new WeakMap<VolumeModel, Tile | null>();

/** The specialised tile of a model, or null where code generation is refused or the model has no source: run the generic loop. */
export function specialisedTile(model: VolumeModel): Tile | null {
  if (!codegenAllowed()) return null;
  const known = byModel.get(model);
  if (known !== undefined) return known;
  const source = tileSource(model);
  let tile: Tile | null = source === null ? null : (tiles.get(source) ?? null);
  if (source !== null && tile === null) {
    const factory = compile<Tile>(['T', 'TL', 'P', 'MAX'], source);
    if (factory !== null) {
      tile = factory(EXP_TABLES.T, EXP_TABLES.TL, EXP_TABLES.P, MAX_VOLUME_MT);
      if (tiles.size >= 64) tiles.clear();
      tiles.set(source, tile);
    }
  }
  byModel.set(model, tile);
  return tile;
}
