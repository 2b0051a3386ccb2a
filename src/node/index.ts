/**
 * `middle-corridor/node`: the engine on worker threads (Node only; the core stays free of Node
 * imports). Each run is the engine's plan, split into contiguous block ranges — 16,384 paths or
 * trips a block — that workers run into partials, merged in block order on this thread: results
 * equal the one-thread functions bit for bit, whatever the number of workers. The code is the
 * main entry's own (one build, shared chunks): results are `instanceof` the main entry's classes,
 * errors its ScenarioError, RangeError and TypeError.
 */
import type { Route, RouteInput, Scenario, ScenarioInput } from '../index.js';
import { corridorBlocks, corridorEnginePlan, mergeCorridorPartials, tripsPlanOf, type CorridorTripsPlan } from '../transit/corridor-engine.js';
import { checkTransit, mergeTransitPartials, transitBlocks, TRIP_BLOCK, tripBlocks, type TransitPlan, type TripBlocks } from '../transit/engine.js';
import {
  bracketsFrom,
  checkVolumes,
  mergePartials,
  needsPilot,
  pathsIn,
  runVolumePlan,
  STREAM_BLOCK,
  volumeBlocksBuffers,
  type VolumeBlocks,
  type VolumePartial,
  type VolumePilot,
  type VolumePlan,
} from '../volume/engine.js';
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

/** Contiguous ranges of [0, n), one per worker (fewer when n is smaller). */
function split(n: number, workers: number): [number, number][] {
  const w = Math.min(workers, n);
  return Array.from({ length: w }, (_, i) => [Math.floor((i * n) / w), Math.floor(((i + 1) * n) / w)] as [number, number]);
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/** Views of `whole`'s arrays over paths or trips [from, to): what a worker writes into. */
const views = (xs: Float64Array[], from: number, to: number) => xs.map((x) => x.subarray(from, to));

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
  const { plan, onProgress } = checkVolumes(fn, s, o, ['workers']);
  return volumesParallel(startRun(fn), plan, workerCount(fn, (o as ParallelOptions).workers), onProgress);
}

async function volumesParallel(job: Run, plan: VolumePlan, workers: number, onProgress?: (done: number) => void): Promise<VolumeResult | VolumeSummary> {
  // One worker is this thread; small summary runs keep their paths for direct quantiles, faster on one thread.
  if (workers === 1 || (plan.summary !== null && plan.summary.pilot === null)) return runVolumePlan(plan, onProgress, job.fn);
  let p = plan;
  if (needsPilot(p)) {
    const pilot = p.summary!.pilot!;
    p = bracketsFrom(p, (await Promise.all(split(pilot.length, workers).map(([j0, j1], i) => runWorker(job, i, { kind: 'volume-pilot', plan: p, j0, j1 })))) as VolumePilot[]);
  }
  const whole = p.summary === null ? volumeBlocksBuffers(p, 0, p.nBlocks, shared, job.fn) : null;
  let done = 0;
  const answers = (await Promise.all(
    split(p.nBlocks, workers).map(([b0, b1], i) => {
      const [from, to] = [b0 * STREAM_BLOCK, b0 * STREAM_BLOCK + pathsIn(p, b0, b1)];
      const into: VolumeBlocks | undefined = whole ? { kind: 'volume-blocks', b0, b1, demand: views(whole.demand, from, to), capacity: views(whole.capacity, from, to), volume: views(whole.volume, from, to) } : undefined;
      return runWorker(job, i, { kind: 'volume-blocks', plan: p, b0, b1, ...(into ? { into } : {}) }).then((part) => {
        done += pathsIn(p, b0, b1);
        onProgress?.(done / p.paths);
        return part;
      });
    }),
  )) as VolumePartial[];
  if (!whole) return mergePartials(p, answers);
  // A full run's numbers are in `whole` already: merge this thread's own views of it, one part
  // covering every block, so the result's arrays are that memory, not a copy. (The workers'
  // answers hold views of the same memory, but each arrives as a new SharedArrayBuffer object,
  // which the merge cannot tell from another buffer: it copied ~200 MB at 10^6 paths.)
  const parts: VolumePartial[] = [whole];
  // The quantiles every summary reads (P10, P50, P90, and any asked for), each year on a worker,
  // from the shared arrays: the same function on the same numbers as on this thread. Years are
  // dealt round-robin from the last, so that the start year (one value for every path: almost no
  // work) does not leave one worker a year short of the other.
  const w = Math.min(workers, p.years.length);
  const byWorker = Array.from({ length: w }, (_, i) => p.years.map((_, k) => k).filter((k) => (p.years.length - 1 - k) % w === i));
  const qs = (await Promise.all(byWorker.map((ks, i) => runWorker(job, i, { kind: 'volume-quantiles', volume: ks.map((k) => whole.volume[k]!), levels: p.levels })))) as number[][][];
  const quantiles: [number, number, number][] = [];
  byWorker.forEach((ks, i) => qs[i]!.forEach((row, j) => row.forEach((value, m) => quantiles.push([ks[j]!, p.levels[m]!, value]))));
  return mergePartials(p, parts, quantiles);
}

/** Trip blocks on the workers, each writing its range's views of shared buffers; the partials, in block order. */
async function tripsParallel(job: Run, plan: TransitPlan | CorridorTripsPlan, loads: number, workers: number): Promise<TripBlocks[]> {
  const whole = tripBlocks(plan.route.legs.length, plan.trips, loads, 0, plan.nBlocks, shared, job.fn);
  const w = whole.blocks[0]!.length / plan.nBlocks;
  await Promise.all(
    split(plan.nBlocks, workers).map(([b0, b1], i) => {
      const into: TripBlocks = { kind: 'trip-blocks', b0, b1, days: views(whole.days, b0 * TRIP_BLOCK, Math.min(b1 * TRIP_BLOCK, plan.trips)), blocks: views(whole.blocks, b0 * w, b1 * w) };
      return runWorker(job, i, plan.kind === 'transit-plan' ? { kind: 'transit-blocks', plan, b0, b1, into } : { kind: 'corridor-blocks', plan, b0, b1, into });
    }),
  );
  // The trips are in `whole` (the workers wrote views of it): one partial over every block, this
  // thread's own views, so the merge keeps that memory instead of copying it.
  return [whole];
}

/** {@link index!simulateTransit} on worker threads: the same numbers, bit for bit. */
export async function simulateTransitParallel(r: RouteInput | Route, o: TransitOptions & ParallelOptions): Promise<TransitSample> {
  const fn = 'simulateTransitParallel';
  const plan = checkTransit(fn, r, o, ['workers']);
  const workers = workerCount(fn, (o as ParallelOptions).workers);
  if (workers === 1) return mergeTransitPartials(plan, [transitBlocks(plan, 0, plan.nBlocks, undefined, fn)]);
  return mergeTransitPartials(plan, await tripsParallel(startRun(fn), plan, 1, workers));
}

/** Shared memory holding `a` (itself when it is shared already), for the workers to read. */
function toShared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const b = new Float64Array(shared(a.length * 8));
  b.set(a);
  return b;
}

/**
 * {@link index!simulateCorridor} on worker threads: the volumes by {@link simulateVolumesParallel}, then
 * every year's trips split by block across the workers, reading each path-year's demand and
 * capacity from shared memory. The same numbers as one thread, bit for bit.
 */
export async function simulateCorridorParallel(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions & ParallelOptions): Promise<CorridorResult> {
  const fn = 'simulateCorridorParallel';
  const plan = corridorEnginePlan(fn, s, r, o, ['workers']);
  const workers = workerCount(fn, (o as ParallelOptions).workers);
  const job = startRun(fn);
  const volumes = (await volumesParallel(job, plan.volumes, workers)) as VolumeResult;
  const trips = tripsPlanOf(fn, plan, volumes);
  if (workers === 1) return mergeCorridorPartials(trips, [corridorBlocks(trips, 0, trips.nBlocks, undefined, fn)]);
  const sharedTrips = { ...trips, demand: trips.demand.map(toShared), capacity: trips.capacity.map(toShared), volume: trips.volume.map(toShared) };
  return mergeCorridorPartials(sharedTrips, await tripsParallel(job, sharedTrips, trips.demand.length, workers));
}
