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
import { runOnPool, type WorkerPool } from '../engine/pool-run.js';
import { runOnThisThread } from '../engine/schedule.js';
import { PROGRESS_OPTIONS, tracker, type Tracker } from '../engine/progress.js';
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
 * Runs a plan of any engine on the pool (src/engine/pool-run.ts: its stages, then its blocks one
 * at a time, each worker taking the next block when it is done with one, written into shared
 * memory, merged in block order), or on this thread with one worker or a plan faster there.
 * Progress after each block; after an abort no block starts, and the call rejects once the blocks
 * out on the workers are back: the workers are free again, other runs untouched.
 */
async function runOnWorkers<Plan, Part, Result, Extra>(job: Run, engine: Engine<Plan, Part, Result, Extra>, plan: Plan, workers: number, track: Tracker = {}): Promise<Result> {
  if (workers === 1 || engine.local?.(plan)) return runOnThisThread(engine, plan, { track, fn: job.fn });
  // One block a range: a worker takes the next block when it is done with one.
  const pool: WorkerPool = { fn: job.fn, run: (i, x) => runWorker(job, i, x), shared, rangesPerWorker: Number.MAX_SAFE_INTEGER };
  return runOnPool(pool, engine, plan, workers, track);
}

/** {@link index!simulateTransit} on worker threads: the same numbers, bit for bit. */
export async function simulateTransitParallel(r: RouteInput | Route, o: TransitOptions & ParallelOptions): Promise<TransitSample> {
  const fn = 'simulateTransitParallel';
  const plan = checkTransit(fn, r, o, [...PROGRESS_OPTIONS, 'workers']);
  return runOnWorkers(startRun(fn), transitEngine, plan, workerCount(fn, (o as ParallelOptions).workers), tracker(fn, o));
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
