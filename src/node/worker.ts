/**
 * The worker side of `middle-corridor/node`: runs a range of stream blocks of one kernel and
 * writes into the shared buffers it was given. The numbers of a block do not depend on which
 * thread runs it, so a parallel run equals a one-thread run bit for bit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Route, Scenario } from '../scenario/types.js';
import { runTripBlocks, type Load } from '../transit/kernel.js';
import { runVolumeBlock, STREAM_BLOCK, toArrays, workspace } from '../volume/kernel.js';
import { blockVolumes, countBlocks, type BlockCounts, type KernelRun } from '../volume/summary.js';
import { trustedQuantiles } from '../stats/quantile.js';
import { toWire } from './wire.js';

export type Job =
  | { kind: 'volume'; scenario: Scenario; years: number[]; seed: string; paths: number; b0: number; b1: number; demand: SharedArrayBuffer[]; capacity: SharedArrayBuffer[]; volume: SharedArrayBuffer[] }
  | { kind: 'trips'; route: Route; seed: string; trips: number; b0: number; b1: number; loads: LoadSpec[]; days: SharedArrayBuffer[]; blocks: SharedArrayBuffer[] }
  | { kind: 'volume-summary'; run: KernelRun; b0: number; b1: number; thresholds: number[]; ranges: ({ lo: number; hi: number }[] | null)[] }
  | { kind: 'volume-pilot'; run: KernelRun; blocks: number[] }
  | { kind: 'quantiles'; volume: SharedArrayBuffer[]; years: number[]; ps: number[] };

/** A load a worker can rebuild: a constant volume, or per-path demand and capacity arrays. */
export type LoadSpec = { volumeMt: number | null } | { demand: SharedArrayBuffer; capacity: SharedArrayBuffer | null; tripsPerPath: number };

export function loadOf(spec: LoadSpec): Load {
  if ('volumeMt' in spec) {
    const v = spec.volumeMt;
    return { volumeMt: () => v, capacityMt: () => null };
  }
  const d = new Float64Array(spec.demand);
  const c = spec.capacity ? new Float64Array(spec.capacity) : null;
  const T = spec.tripsPerPath;
  return { volumeMt: (trip) => d[Math.floor(trip / T)]!, capacityMt: (trip) => (c ? c[Math.floor(trip / T)]! : null) };
}

/** Runs a job: summary, pilot and quantile jobs answer with their results; the others write into shared memory. */
export function runJob(job: Job): BlockCounts | Float64Array[] | number[][] | undefined {
  if (job.kind === 'volume-summary') return countBlocks(job.run, job.b0, job.b1, job.thresholds, job.ranges, { withStats: true });
  if (job.kind === 'volume-pilot') return blockVolumes(job.run, job.blocks);
  if (job.kind === 'quantiles') return job.years.map((k) => trustedQuantiles(new Float64Array(job.volume[k]!), job.ps));
  if (job.kind === 'volume') {
    const demand = job.demand.map((b) => new Float64Array(b));
    const capacity = job.capacity.map((b) => new Float64Array(b));
    const volume = job.volume.map((b) => new Float64Array(b));
    const ws = workspace(job.scenario);
    const sink = toArrays(demand, capacity, volume);
    for (let block = job.b0; block < job.b1; block++) {
      const first = block * STREAM_BLOCK;
      runVolumeBlock(job.scenario, job.years, job.seed, first, Math.min(STREAM_BLOCK, job.paths - first), ws, sink);
    }
    return undefined;
  }
  const buf = { days: job.days.map((b) => new Float64Array(b)), blocks: job.blocks.map((b) => new Float64Array(b)) };
  runTripBlocks(job.route, job.seed, job.trips, job.loads.map(loadOf), job.b0, job.b1, buf);
  return undefined;
}

// A pooled worker: runs jobs as they come, answers each with its id.
if (parentPort && workerData?.middleCorridorPool) {
  const port = parentPort;
  port.on('message', (m: { id: number; job: Job }) => {
    try {
      const result = runJob(m.job);
      port.postMessage({ id: m.id, ok: true, result });
    } catch (e) {
      port.postMessage({ id: m.id, ok: false, error: toWire(e) });
    }
  });
}
