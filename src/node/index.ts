/**
 * `middle-corridor/node`: the engine on worker threads (Node only; the core stays free of Node
 * imports). Each run is the engine's plan, split into its blocks — 16,384 paths or trips a block —
 * that workers take one at a time and run into partials, merged in block order on this thread:
 * results equal the one-thread functions bit for bit, whatever the number of workers. The code is
 * the main entry's own (one build, shared chunks): results are `instanceof` the main entry's
 * classes, errors its ScenarioError, RangeError and TypeError. Every call takes `onProgress`
 * (after each block) and `signal`: an abort rejects with a DOMException named 'AbortError' once
 * the blocks out on the workers are back, and leaves other runs untouched.
 */
import type { Route, RouteInput, Scenario, ScenarioInput } from '../index.js';
import type { Engine } from '../engine/engine.js';
import { runOnThisThread } from '../engine/schedule.js';
import { PROGRESS_OPTIONS, report, throwIfAborted, tracker, type Tracker } from '../engine/progress.js';
import { corridorEngine, corridorEnginePlan } from '../transit/corridor-engine.js';
import { checkTransit, transitEngine } from '../transit/engine.js';
import { checkVolumes, volumeEngine } from '../volume/engine.js';
import type { CorridorOptions, CorridorResult, TransitOptions, TransitSample, VolumeOptions, VolumeResult, VolumeSummary } from '../index.js';
import { runWorker, startRun, workerCount, type Run } from './pool.js';

export { closeWorkers, maxWorkers, WORKER_MEMORY_BYTES, WORKERS_PER_CPU } from './pool.js';

/**
 * How many workers: a whole number in [1, {@link maxWorkers}()] (the machine's available
 * parallelism by default, within that bound). One worker runs on the calling thread.
 */
export interface ParallelOptions {
  workers?: number;
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/**
 * {@link index!simulateVolumes} on worker threads: the same numbers, bit for bit, for every worker
 * count. Full runs write their paths into shared memory (each worker its blocks' views), then
 * compute each year's P10, P50, P90 (and `quantiles`, when given) on the workers, so that
 * `quantiles()` and `summary()` find them ready; `keep: 'summary'` runs simulate the pilot on the
 * workers, place the brackets on this thread, count on the workers (each block's statistics
 * summed on their own), and merge the partials in block order.
 */
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & { keep: 'summary' } & ParallelOptions): Promise<VolumeSummary>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & { keep?: 'all' } & ParallelOptions): Promise<VolumeResult>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & ParallelOptions): Promise<VolumeResult | VolumeSummary>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & ParallelOptions): Promise<VolumeResult | VolumeSummary> {
  const fn = 'simulateVolumesParallel';
  const { plan, track } = checkVolumes(fn, s, o, ['workers']);
  return runOnWorkers(startRun(fn), volumeEngine, plan, workerCount(fn, (o as ParallelOptions).workers), track);
}

/**
 * Runs a plan of any engine on the pool (one worker: on this thread): its stages first, then its
 * blocks one at a time, each worker taking the next block when it is done with one — run-sized
 * partials written into views of shared memory (a worker's answer then holds views of it; the
 * merge takes this thread's own whole, one part over every block, so the result's arrays are
 * that memory, not a copy), the engine's work beside the merge spread over the workers — and the
 * merge in block order: the one-thread bits. Progress is reported after each block; after an
 * abort (or a failed block) no block starts, and the call rejects once the blocks out on the
 * workers (one each at most) are back: the workers are free again, other runs untouched.
 */
async function runOnWorkers<Plan, Part, Result, Extra>(job: Run, engine: Engine<Plan, Part, Result, Extra>, plan: Plan, workers: number, track: Tracker = {}): Promise<Result> {
  if (workers === 1 || engine.local?.(plan)) return runOnThisThread(engine, plan, { track, fn: job.fn });
  throwIfAborted(track.signal);
  let p = plan;
  for (let s = engine.before?.(p); s; s = engine.before?.(p)) p = s.then(await runOnWorkers(job, s.engine, s.plan, workers, { signal: track.signal }));
  p = sharedArrays(p);
  const n = engine.blocks(p);
  const whole = engine.whole?.(p, shared, job.fn) ?? null;
  const total = engine.items(p, 0, n);
  report(track, 0, total, engine.unit);
  let done = 0;
  const parts = await eachOnWorkers(n, workers, track.signal, (b, i) =>
    runWorker(job, i, { engine: engine.kind, plan: p, b0: b, b1: b + 1, ...(whole ? { into: engine.slice!(p, whole, b, b + 1) } : {}) }).then((part) => {
      done += engine.items(p, b, b + 1);
      report(track, done, total, engine.unit);
      return part as Part;
    }),
  );
  if (!whole) return engine.merge(p, parts);
  const aside = engine.aside;
  if (!aside) return engine.merge(p, [whole]);
  const jobs = aside.jobs(p, whole, workers);
  const answers = await eachOnWorkers(jobs.length, workers, track.signal, (k, i) => runWorker(job, i, { engine: engine.kind, aside: jobs[k] }));
  return engine.merge(p, [whole], aside.join(p, jobs, answers));
}

/**
 * Runs tasks 0…n − 1 on `workers` workers, each taking the next task when its last is done: their
 * answers in task order. After an abort or a failed task no task starts; the promise rejects
 * (with the first failure, or the AbortError) once every task out on a worker has settled.
 */
async function eachOnWorkers<T>(n: number, workers: number, signal: AbortSignal | undefined, task: (k: number, worker: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  let failed: { error: unknown } | null = null;
  const lane = async (i: number) => {
    while (next < n && failed === null && !signal?.aborted) {
      const k = next++;
      try {
        out[k] = await task(k, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, n) }, (_, i) => lane(i)));
  if (failed !== null) throw (failed as { error: unknown }).error;
  throwIfAborted(signal);
  return out;
}

/** {@link index!simulateTransit} on worker threads: the same numbers, bit for bit. */
export async function simulateTransitParallel(r: RouteInput | Route, o: TransitOptions & ParallelOptions): Promise<TransitSample> {
  const fn = 'simulateTransitParallel';
  const plan = checkTransit(fn, r, o, [...PROGRESS_OPTIONS, 'workers']);
  return runOnWorkers(startRun(fn), transitEngine, plan, workerCount(fn, (o as ParallelOptions).workers), tracker(fn, o));
}

/** Shared memory holding `a` (itself when it is shared already), for the workers to read. */
function toShared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const b = new Float64Array(shared(a.length * 8));
  b.set(a);
  return b;
}

/** The plan with its arrays of numbers (a corridor's volumes) in shared memory, for the workers to read without a copy each: the plan itself when it has none outside it. */
function sharedArrays<P>(plan: P): P {
  const entries = Object.entries(plan as object);
  const arrays = (x: unknown): x is Float64Array[] => Array.isArray(x) && x.length > 0 && x.every((a) => a instanceof Float64Array);
  if (!entries.some(([, x]) => arrays(x) && x.some((a) => !(a.buffer instanceof SharedArrayBuffer)))) return plan;
  return Object.fromEntries(entries.map(([k, x]) => [k, arrays(x) ? x.map(toShared) : x])) as P;
}

/**
 * {@link index!simulateCorridor} on worker threads: the volumes by {@link simulateVolumesParallel}, then
 * every year's trips split by block across the workers, reading each path-year's demand and
 * capacity from shared memory. The same numbers as one thread, bit for bit.
 */
export async function simulateCorridorParallel(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions & ParallelOptions): Promise<CorridorResult> {
  const fn = 'simulateCorridorParallel';
  const plan = corridorEnginePlan(fn, s, r, o, [...PROGRESS_OPTIONS, 'workers']);
  return runOnWorkers(startRun(fn), corridorEngine, plan, workerCount(fn, (o as ParallelOptions).workers), tracker(fn, o));
}

export { loadScenario, loadRoute, MAX_FILE_BYTES } from './files.js';
