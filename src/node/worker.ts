/**
 * The worker side of `middle-corridor/node`: runs one engine step — a plan's block range, a
 * pilot's blocks, or a year's quantiles — and answers with its partial (plain data: shared views
 * where the scheduler gave shared memory to write into, else arrays it transfers). The numbers of
 * a block do not depend on which thread runs it, so a parallel run equals one thread bit for bit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CorridorTripsPlan } from '../transit/corridor-engine.js';
import type { TransitPlan, TripBlocks } from '../transit/engine.js';
import { corridorBlocks, transitBlocks } from '../transit/engine-run.js';
import type { VolumeBlocks, VolumePlan } from '../volume/engine.js';
import { pilotBlocks, volumeBlocks, volumeQuantiles } from '../volume/engine-run.js';
import { toWire } from './wire-out.js';

export type Job =
  | { kind: 'volume-blocks'; plan: VolumePlan; b0: number; b1: number; into?: VolumeBlocks }
  | { kind: 'volume-pilot'; plan: VolumePlan; j0: number; j1: number }
  | { kind: 'volume-quantiles'; volume: Float64Array[]; levels: number[] }
  | { kind: 'transit-blocks'; plan: TransitPlan; b0: number; b1: number; into: TripBlocks }
  | { kind: 'corridor-blocks'; plan: CorridorTripsPlan; b0: number; b1: number; into: TripBlocks };

/** Runs a job: the engine step it names. */
export function runJob(job: Job): unknown {
  switch (job.kind) {
    case 'volume-blocks':
      return volumeBlocks(job.plan, job.b0, job.b1, job.into);
    case 'volume-pilot':
      return pilotBlocks(job.plan, job.j0, job.j1);
    case 'volume-quantiles':
      return job.volume.map((v) => volumeQuantiles(v, job.levels));
    case 'transit-blocks':
      return transitBlocks(job.plan, job.b0, job.b1, job.into);
    case 'corridor-blocks':
      return corridorBlocks(job.plan, job.b0, job.b1, job.into);
  }
}

/** The buffers of an answer's typed arrays that are not shared: moved to the scheduler, not copied. */
export function transferables(x: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(x)) {
    if (x.buffer instanceof ArrayBuffer) out.add(x.buffer);
  } else if (Array.isArray(x)) x.forEach((y) => transferables(y, out));
  else if (typeof x === 'object' && x !== null) Object.values(x).forEach((y) => transferables(y, out));
  return [...out];
}

// A pooled worker: runs jobs as they come, answers each with its id.
if (parentPort && workerData?.middleCorridorPool) {
  const port = parentPort;
  port.on('message', (m: { id: number; job: Job } | { close: true }) => {
    // closeWorkers: close the port and let the thread end on its own (nothing else keeps it).
    if ('close' in m) {
      port.close();
      return;
    }
    let answer: { id: number; ok: boolean; result?: unknown; error?: unknown };
    try {
      answer = { id: m.id, ok: true, result: runJob(m.job) };
    } catch (e) {
      answer = { id: m.id, ok: false, error: toWire(e) };
    }
    port.postMessage(answer, transferables(answer.result));
  });
}
