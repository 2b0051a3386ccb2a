/**
 * The worker side of a pool (`middle-corridor/node`'s worker threads, `middle-corridor/web`'s web
 * workers): runs one engine step — a plan's block range (of any engine, by its kind), or a job
 * beside a merge (a full run's quantiles) — and answers with its partial (plain data: shared views
 * where the scheduler gave shared memory to write into, else arrays it transfers). The numbers of
 * a block do not depend on which thread runs it, so a parallel run equals one thread bit for bit.
 * Only the run side of the engines is loaded: no parser, no zod, no result class.
 */
import { corridorBlocks, transitBlocks } from '../transit/engine-run.js';
import { joinQuantiles, pilotBlocks, quantilesJob, quantilesJobs, volumeBlocks } from '../volume/engine-run.js';
import type { VolumeBlocks, VolumePlan } from '../volume/plan.js';
import type { Aside } from './engine.js';
import { setCodegen } from './codegen.js';
import { toWire, type WireError } from './wire-out.js';

/** A job: blocks [b0, b1) of a plan of the engine named (into `into` when given), or a job beside its merge. */
export type Job = ({ engine: string; plan: unknown; b0: number; b1: number; into?: unknown } | { engine: string; aside: unknown }) & { codegen?: false };

/**
 * Each engine's `run`, by the engine's kind: the same functions as the engine values' (a test
 * holds them equal), from the run side only, so that a worker loads no parser and no result class.
 */
export const WORKER_RUNS: Readonly<Record<string, (plan: never, b0: number, b1: number, into?: never) => unknown>> = {
  volume: volumeBlocks,
  'volume-pilot': pilotBlocks,
  transit: transitBlocks,
  corridor: corridorBlocks,
};

/** Each engine's work beside the merge, by the engine's kind: a full volume run's quantiles, a year a job. */
export const POOL_ASIDES: Readonly<Record<string, Aside<never, never, unknown>>> = {
  volume: { jobs: (p: VolumePlan, whole: VolumeBlocks, workers: number) => quantilesJobs(p, whole, workers), run: quantilesJob, join: joinQuantiles } as Aside<never, never, unknown>,
};

/** Runs a job: the engine step it names. */
export function runJob(job: Job): unknown {
  // Kernel generation off on the calling thread (kernelCodegen('off'), or refused there): off here too.
  if (job.codegen === false) setCodegen(false);
  const run = 'aside' in job ? POOL_ASIDES[job.engine]?.run : WORKER_RUNS[job.engine];
  if (run === undefined) throw new TypeError(`middle-corridor worker: no engine of kind ${JSON.stringify(job.engine)} (known: ${Object.keys(WORKER_RUNS).join(', ')})`);
  return 'aside' in job ? (run as (x: unknown) => unknown)(job.aside) : WORKER_RUNS[job.engine]!(job.plan as never, job.b0, job.b1, job.into as never);
}

/** The buffers of an answer's typed arrays that are not shared: moved to the scheduler, not copied. */
export function transferables(x: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(x)) {
    if (x.buffer instanceof ArrayBuffer) out.add(x.buffer);
  } else if (Array.isArray(x)) x.forEach((y) => transferables(y, out));
  else if (typeof x === 'object' && x !== null) Object.values(x).forEach((y) => transferables(y, out));
  return [...out];
}

/** What a worker sends back for a job: its id, and the partial or the error as plain data. */
export interface Answer {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: WireError;
}

/** Runs job `id` and posts its answer with `post`, the partial's own buffers moved, not copied. */
export function answerJob(id: number, job: Job, post: (answer: Answer, transfer: ArrayBuffer[]) => void): void {
  let answer: Answer;
  try {
    answer = { id, ok: true, result: runJob(job) };
  } catch (e) {
    answer = { id, ok: false, error: toWire(e) };
  }
  post(answer, transferables(answer.result));
}
