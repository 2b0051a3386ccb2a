/**
 * The bounded run behind `keep: 'summary'` (the result class is ./summary.ts): blocks counted
 * against each year's quantile brackets, with per-block statistics; a pilot's volumes; the
 * brackets placed from them; and the merge of the counts (widening and recounting a year whose
 * bracket missed). Memory grows with years × kept levels, not with paths.
 */
import { bracketsFor, counters, RangeCounter } from '../stats/brackets.js';
import { orderStatisticsFor } from '../stats/quantile.js';
import { runVolumeBlock, STREAM_BLOCK, workspace } from './kernel.js';
import { runSeed } from './draws.js';
import type { SummaryPlan, SummaryYear, VolumePlan } from './plan.js';
import { mergeM2 } from './result-rows.js';

/** Blocks simulated first, to place the quantile brackets. */
const PILOT_BLOCKS = 4;

/** Called for each tile of a block-year with its demand, capacity (null: unlimited) and volume, of paths from..from+n (index 0 = path `from`). */
type YearSink = (k: number, from: number, n: number, demand: Float64Array, capacity: Float64Array | null, volume: Float64Array) => void;

/** The fields of a run that the kernel needs (what a worker is sent). */
export type KernelRun = Pick<VolumePlan, 'model' | 'years' | 'seed' | 'paths' | 'seeds'>;

/** Runs the blocks in `blocks`, in order, through a sink; `afterBlock` is called after each. */
function runBlocks(run: KernelRun, blocks: Iterable<number>, each: YearSink, afterBlock?: (b: number) => void): void {
  const ws = workspace(run.model);
  const sink = { target: () => ws.year, done: (k: number, from: number, n: number) => each(k, from, n, ws.year.demand, ws.year.capacity, ws.year.volume) };
  for (const b of blocks) {
    const first = b * STREAM_BLOCK;
    runVolumeBlock(run.model, runSeed(run), first, Math.min(STREAM_BLOCK, run.paths - first), ws, sink);
    afterBlock?.(b);
  }
}

/** The whole numbers a, a + 1, …, b − 1. */
export function range(b0: number, b1: number): number[] {
  return Array.from({ length: b1 - b0 }, (_, j) => b0 + j);
}

/** Doubles per block-year in the partials: 8 statistics, then ≥ and first-reaching counts per threshold. */
export const partialWidth = (thresholds: number) => 8 + 2 * thresholds;

/** A bracket's counts, as a worker sends them back. */
export interface CounterState {
  below: number;
  atLo: number;
  atHi: number;
  values: Float64Array;
}

/**
 * What a summary run's pass over blocks [b0, b1) gives (the partial of a `keep: 'summary'` run):
 * per-block statistics, each counted year's bracket counters, and (small runs, which have no
 * pilot) the blocks' volumes. Plain data: typed arrays, numbers and plain objects.
 */
export interface VolumeCounts {
  kind: 'volume-counts';
  b0: number;
  b1: number;
  /** The fingerprint of the plan that made it (runVolumeBlocks sets it; a merge refuses another plan's). */
  fingerprint?: string;
  /** (b − b0, k) → partialWidth(T) doubles: Σ(v − v0), Σ(v − v0)², Σ unmet, Σ v/c, #unmet, #at capacity, Σ (unmet − block mean)², Σ (v/c − block mean)², then ≥ and first per threshold. */
  stats: Float64Array;
  counters: (CounterState[] | null)[];
  /** Small runs: the volumes of the blocks' paths, per year; null otherwise. */
  volumes: Float64Array[] | null;
}

/**
 * The full pass of a summary run over blocks [b0, b1): each block's statistics summed on their
 * own (block-local sums, tiles in order), so that merging blocks in order gives the same bits
 * whichever thread ran them; and the paths counted against each year's bracket ranges.
 */
export function countBlocks(
  run: KernelRun,
  b0: number,
  b1: number,
  thresholds: readonly number[],
  ranges: readonly ({ lo: number; hi: number }[] | null)[],
  o: { withStats: boolean; afterBlock?: (b: number) => void; keep?: Float64Array[] },
): VolumeCounts {
  const { withStats, keep } = o;
  const K = run.years.length;
  const T = thresholds.length;
  const W = partialWidth(T);
  const partials = new Float64Array(withStats ? (b1 - b0) * K * W : 0);
  const lists = ranges.map((r) => (r ? r.map(({ lo, hi }) => new RangeCounter(lo, hi)) : null));
  const shift = run.model.v0;
  const hasCapacity = run.model.capacity !== null;
  const reached = thresholds.map(() => new Uint8Array(STREAM_BLOCK));
  // Each path's utilisation in a tile, kept from the first pass for the second (one division a path-year).
  let ratio = new Float64Array(0);
  runBlocks(run, range(b0, b1), (k, from, n, d, c, v) => {
    keep?.[k]!.set(v.subarray(0, n), from - b0 * STREAM_BLOCK);
    const list = lists[k];
    if (list) RangeCounter.addAll(list, v, n);
    if (!withStats) return;
    const at = ((Math.floor(from / STREAM_BLOCK) - b0) * K + k) * W;
    const off = from % STREAM_BLOCK; // the tile's place in its block
    let sum = 0;
    let sumSq = 0;
    let unmetSum = 0;
    let unmetCount = 0;
    let util = 0;
    let atCap = 0;
    // Without a capacity, read the volume as its own capacity: utilisation is not reported then
    // (and a volume of 0 makes it 0/0 there, never read).
    const cap = c && hasCapacity ? c : v;
    if (ratio.length < n) ratio = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      const dv = d[i]!;
      const cv = cap[i]!;
      // Shifted by the start volume, so that the sum of squares does not cancel.
      const y = x - shift;
      sum += y;
      sumSq += y * y;
      // Volume is min(demand, capacity): the gap is 0 unless capacity binds.
      const gap = dv - x;
      unmetSum += gap;
      unmetCount += +(gap > 0); // +c: no branch on a random condition (V8 compiles c ? 1 : 0 to one)
      const r = x / cv;
      util += r;
      ratio[i] = r;
      atCap += +(dv >= cv);
    }
    // The tile's squared deviations from its own means (a second pass, in cache), merged into
    // the block's by Chan's update: the block's paths so far are the `off` before this tile.
    const mu = unmetSum / n;
    const mc = util / n;
    let unmetM2 = 0;
    let utilM2 = 0;
    if (hasCapacity) {
      // Both sums in one pass, each adding its numbers in path order as two passes would.
      for (let i = 0; i < n; i++) {
        const e = d[i]! - v[i]! - mu;
        unmetM2 += e * e;
        const f = ratio[i]! - mc;
        utilM2 += f * f;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const e = d[i]! - v[i]! - mu;
        unmetM2 += e * e;
      }
    }
    partials[at + 6] = mergeM2(off, partials[at + 2]!, partials[at + 6]!, n, unmetSum, unmetM2);
    partials[at + 7] = mergeM2(off, partials[at + 3]!, partials[at + 7]!, n, util, utilM2);
    partials[at] = partials[at]! + sum;
    partials[at + 1] = partials[at + 1]! + sumSq;
    partials[at + 2] = partials[at + 2]! + unmetSum;
    partials[at + 3] = partials[at + 3]! + util;
    partials[at + 4] = partials[at + 4]! + unmetCount;
    partials[at + 5] = partials[at + 5]! + atCap;
    for (let j = 0; j < T; j++) {
      const x = thresholds[j]!;
      const r = reached[j]!;
      if (k === 0) r.fill(0, off, off + n);
      let ge = 0;
      let first = 0;
      for (let i = 0; i < n; i++) {
        const hit = +(v[i]! >= x);
        const was = r[off + i]!;
        ge += hit;
        first += hit & (was ^ 1);
        r[off + i] = was | hit;
      }
      partials[at + 8 + 2 * j] = partials[at + 8 + 2 * j]! + ge;
      partials[at + 9 + 2 * j] = partials[at + 9 + 2 * j]! + first;
    }
  }, o.afterBlock);
  return { kind: 'volume-counts', b0, b1, stats: partials, counters: lists.map((l) => (l ? l.map((c) => c.state()) : null)), volumes: keep ?? null };
}

/** The pilot's blocks: evenly spaced, never the last one (the only block that can be short); none for small runs. */
export function pilotBlocks(nBlocks: number): number[] | null {
  return nBlocks <= PILOT_BLOCKS ? null : Array.from({ length: PILOT_BLOCKS }, (_, j) => Math.floor((j * nBlocks) / PILOT_BLOCKS));
}

/** The volumes of whole blocks, per year, block after block (a pilot's sample). */
export function blockVolumes(run: KernelRun, blocks: readonly number[]): Float64Array[] {
  const slot = new Map(blocks.map((b, j) => [b, j * STREAM_BLOCK]));
  const samples = run.years.map(() => new Float64Array(blocks.length * STREAM_BLOCK));
  runBlocks(run, blocks, (k, from, n, _d, _c, v) => {
    samples[k]!.set(v.subarray(0, n), slot.get(Math.floor(from / STREAM_BLOCK))! + (from % STREAM_BLOCK));
  });
  return samples;
}

/** A summary plan before its pilot: the order statistics and the pilot's blocks. */
export function summaryPlan(paths: number, levels: readonly number[], nBlocks: number): SummaryPlan {
  return { ranks: orderStatisticsFor(paths, levels), pilot: pilotBlocks(nBlocks), years: null };
}

/** A year's brackets (±width binomial sds around each order statistic, from the pilot's sample) and the ranges to count. */
export function summaryYear(sample: Float64Array, paths: number, ranks: readonly number[], width = 6): SummaryYear {
  const brackets = width === Infinity ? ranks.map((rank) => ({ rank, lo: -Infinity, hi: Infinity })) : bracketsFor(sample, paths, ranks, width);
  return { sample, brackets, ranges: counters(brackets).list.map((c) => ({ lo: c.lo, hi: c.hi })) };
}
