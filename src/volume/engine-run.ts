/**
 * The run side of the volume engine (see ./engine.ts): the blocks of a plan this library made,
 * unchecked — what a scheduler's workers call. It imports the kernels and the summary counting
 * only, never the scenario parser or the result classes, so a worker starts light.
 */
import { guardedAlloc } from '../engine/memory.js';
import { quantilesUnchecked } from '../stats/quantile.js';
import { runSeed } from './draws.js';
import { runVolumeBlock, STREAM_BLOCK, toArrays, workspace } from './kernel.js';
import type { VolumeBlocks, VolumePilot, VolumePlan } from './plan.js';
import { blockVolumes, countBlocks, type VolumeCounts } from './summary-run.js';

/** What a run of blocks gives: a full run's arrays, or a summary's counts. */
export type VolumePartial = VolumeBlocks | VolumeCounts;

/** The paths of blocks [b0, b1). */
export const pathsIn = (plan: VolumePlan, b0: number, b1: number) => Math.min(b1 * STREAM_BLOCK, plan.paths) - b0 * STREAM_BLOCK;

/**
 * Arrays for a full run's partial over [b0, b1) (`alloc` gives the memory: e.g. a SharedArrayBuffer);
 * memory the process cannot give is a RangeError naming `fn`.
 */
export function volumeBlocksBuffers(plan: VolumePlan, b0: number, b1: number, alloc?: (bytes: number) => ArrayBufferLike, fn = 'runVolumeBlocks'): VolumeBlocks {
  const n = pathsIn(plan, b0, b1);
  const total = (plan.model.capacity ? 3 : 2) * plan.years.length * n * 8;
  const get = guardedAlloc(fn, total, "use keep: 'summary' (memory that does not grow with the number of paths), or fewer paths or years", alloc);
  const make = () => plan.years.map(() => new Float64Array(get(n * 8)));
  return { kind: 'volume-blocks', b0, b1, demand: make(), capacity: plan.model.capacity ? make() : [], volume: make() };
}

/** {@link runVolumePilot} of a plan this library made (unchecked: for schedulers). */
export function pilotBlocks(p: VolumePlan, j0: number, j1: number): VolumePilot {
  return { kind: 'volume-pilot', j0, j1, volumes: blockVolumes(p, p.summary!.pilot!.slice(j0, j1)) };
}

/** {@link runVolumeBlocks} of a plan this library made, brackets placed (unchecked: for schedulers). */
export function volumeBlocks(p: VolumePlan, a: number, b: number, into?: VolumeBlocks): VolumePartial {
  const s = p.summary;
  if (s === null) {
    const out = into ?? volumeBlocksBuffers(p, a, b);
    const ws = workspace(p.model);
    const sink = toArrays(out.demand, out.capacity, out.volume, a * STREAM_BLOCK);
    for (let block = a; block < b; block++) {
      const first = block * STREAM_BLOCK;
      runVolumeBlock(p.model, runSeed(p), first, Math.min(STREAM_BLOCK, p.paths - first), ws, sink);
    }
    return { ...out, kind: 'volume-blocks', b0: a, b1: b };
  }
  if (s.pilot === null) {
    const keep = p.years.map(() => new Float64Array(pathsIn(p, a, b)));
    return countBlocks(p, a, b, p.thresholds, p.years.map(() => null), { withStats: true, keep });
  }
  return countBlocks(p, a, b, p.thresholds, s.years!.map((y) => y.ranges), { withStats: true });
}

/** A full run's quantiles of one year's volumes at `levels` (the numbers `VolumeResult.quantiles` gives), for a scheduler to compute beside the merge. */
export function volumeQuantiles(volume: Float64Array, levels: readonly number[]): number[] {
  return quantilesUnchecked(volume, levels);
}

/** A job of quantiles beside a full run's merge: some years' volumes (`years`: their indexes) and the levels. */
export interface QuantilesJob {
  years: number[];
  volume: Float64Array[];
  levels: number[];
}

/** Runs a {@link QuantilesJob} (the volume engine's work beside the merge, on a worker): per year, its quantiles at the levels. */
export function quantilesJob(job: unknown): number[][] {
  const { volume, levels } = job as QuantilesJob;
  return volume.map((v) => volumeQuantiles(v, levels));
}

/**
 * The quantiles jobs of a full run for `workers` workers: one year each at a time, dealt
 * round-robin from the last year, so that the start year (one value for every path: almost no
 * work) does not leave one worker a year short of the other.
 */
export function quantilesJobs(p: VolumePlan, whole: VolumeBlocks, workers: number): QuantilesJob[] {
  const K = p.years.length;
  const w = Math.min(workers, K);
  return Array.from({ length: w }, (_, i) => {
    const years = p.years.map((_, k) => k).filter((k) => (K - 1 - k) % w === i);
    return { years, volume: years.map((k) => whole.volume[k]!), levels: p.levels };
  });
}

/** The jobs' answers as [year index, p, value] triples, the `quantiles` a merge takes. */
export function joinQuantiles(p: VolumePlan, jobs: readonly unknown[], answers: readonly unknown[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  jobs.forEach((job, i) => (answers[i] as number[][]).forEach((row, j) => row.forEach((value, m) => out.push([(job as QuantilesJob).years[j]!, p.levels[m]!, value]))));
  return out;
}

/** A full run's views of `whole` over blocks [b0, b1): what that range is run into. */
export function volumeViews(p: VolumePlan, whole: VolumeBlocks, b0: number, b1: number): VolumeBlocks {
  const [from, to] = [b0 * STREAM_BLOCK, Math.min(b1 * STREAM_BLOCK, p.paths)];
  const view = (xs: Float64Array[]) => xs.map((x) => x.subarray(from, to));
  return { kind: 'volume-blocks', b0, b1, demand: view(whole.demand), capacity: view(whole.capacity), volume: view(whole.volume) };
}
