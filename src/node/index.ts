/**
 * `middle-corridor/node`: the kernels on worker threads (Node only; the core stays free of Node
 * imports). Work is split by stream block — 16,384 paths or trips — and every block's numbers are
 * what one thread would draw, so results equal the one-thread functions bit for bit, whatever
 * the number of workers. The code is the main entry's own (one build, shared chunks): results
 * are `instanceof` the main entry's classes, errors its ScenarioError, RangeError and TypeError.
 */
import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { corridorPlan, corridorRoute, CorridorResult, type CorridorOptions } from '../transit/corridor.js';
import { mergeTrips, TRIP_BLOCK, tripBuffers, type KernelOutput } from '../transit/kernel.js';
import { TransitSample } from '../transit/result.js';
import { transitRun, type TransitOptions } from '../transit/simulate.js';
import { STREAM_BLOCK } from '../volume/kernel.js';
import { VolumeResult } from '../volume/result.js';
import { plan, runVolumes, VOLUME_OPTIONS, type RunPlan, type VolumeOptions } from '../volume/simulate.js';
import { finishSummary, pilotBlocks, planSummary, range, summarise, type BlockCounts, type VolumeSummary } from '../volume/summary.js';
import { runWorker, startRun, workerCount, type Run } from './pool.js';
import type { LoadSpec } from './worker.js';

export { closeWorkers, maxWorkers, WORKER_MEMORY_BYTES, WORKERS_PER_CPU } from './pool.js';

/**
 * How many workers: a whole number in [1, {@link maxWorkers}()] (the machine's available
 * parallelism by default, within that bound). One worker runs on the calling thread.
 */
export interface ParallelOptions {
  workers?: number;
}

/** Contiguous ranges of blocks, one per worker (fewer when there are fewer blocks). */
function split(blocks: number, workers: number): [number, number][] {
  const w = Math.min(workers, blocks);
  return Array.from({ length: w }, (_, i) => [Math.floor((i * blocks) / w), Math.floor(((i + 1) * blocks) / w)] as [number, number]);
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/**
 * {@link simulateVolumes} on worker threads: the same numbers, bit for bit, for every worker
 * count. Full runs write their paths into shared memory, then compute each year's P10, P50, P90
 * (and `quantiles`, when given) on the workers, so that `quantiles()` and `summary()` find them
 * ready; `keep: 'summary'` runs simulate the pilot on the workers, place the brackets on this
 * thread, count on the workers (each block's statistics summed on their own), and merge the
 * blocks in order.
 */
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & { keep: 'summary' } & ParallelOptions): Promise<VolumeSummary>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & { keep?: 'all' } & ParallelOptions): Promise<VolumeResult>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & ParallelOptions): Promise<VolumeResult | VolumeSummary>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: VolumeOptions & ParallelOptions): Promise<VolumeResult | VolumeSummary> {
  const fn = 'simulateVolumesParallel';
  const run = plan(s, o, fn, [...VOLUME_OPTIONS, 'workers']);
  return volumesParallel(startRun(fn), run, workerCount(fn, (o as ParallelOptions).workers));
}

async function volumesParallel(job: Run, run: RunPlan, workers: number): Promise<VolumeResult | VolumeSummary> {
  if (workers === 1) return runVolumes(run);
  if (run.keep === 'summary') return summaryParallel(job, run, workers);
  const ps = run.levels;
  const { scenario, paths, seed, years } = run;
  const hasCapacity = scenario.capacity !== null;
  const alloc = () => years.map(() => shared(paths * 8));
  const demand = alloc();
  const capacity = hasCapacity ? alloc() : [];
  const volume = alloc();
  const ranges = split(Math.ceil(paths / STREAM_BLOCK), workers);
  let done = 0;
  await Promise.all(
    ranges.map(([b0, b1], i) =>
      runWorker(job, i, { kind: 'volume', scenario, years, seed, paths, b0, b1, demand, capacity, volume }).then(() => {
        done += Math.min(b1 * STREAM_BLOCK, paths) - b0 * STREAM_BLOCK;
        run.onProgress?.(done / paths);
      }),
    ),
  );
  // The quantiles every summary reads (P10, P50, P90, and any asked for), each year on a worker,
  // from the shared arrays: the same function on the same numbers as on this thread.
  const byWorker = split(years.length, workers);
  const qs = (await Promise.all(byWorker.map(([k0, k1], i) => runWorker(job, i, { kind: 'quantiles', volume, years: range(k0, k1), ps })))) as number[][][];
  const quantiles: [number, number, number][] = [];
  byWorker.forEach(([k0], i) => qs[i]!.forEach((row, j) => row.forEach((value, m) => quantiles.push([k0 + j, ps[m]!, value]))));
  const f = (bs: SharedArrayBuffer[]) => bs.map((b) => new Float64Array(b));
  return new VolumeResult({ scenario, seed, paths, years, demand: f(demand), capacity: f(capacity), volume: f(volume), quantiles });
}


async function summaryParallel(job: Run, run: RunPlan, workers: number): Promise<VolumeSummary> {
  const kernelRun = { scenario: run.scenario, years: run.years, seed: run.seed, paths: run.paths };
  const pilot = pilotBlocks(Math.ceil(run.paths / STREAM_BLOCK));
  // Small runs keep their paths for direct quantiles: one thread is the faster way.
  if (pilot === null) return summarise(run);
  // The pilot's blocks on the workers too, then the brackets here.
  const parts = split(pilot.length, workers).map(([j0, j1]) => pilot.slice(j0, j1));
  const sampled = (await Promise.all(parts.map((blocks, i) => runWorker(job, i, { kind: 'volume-pilot', run: kernelRun, blocks })))) as Float64Array[][];
  const samples = run.years.map((_, k) => {
    const all = new Float64Array(pilot.length * STREAM_BLOCK);
    let at = 0;
    for (const s of sampled) {
      all.set(s[k]!, at);
      at += s[k]!.length;
    }
    return all;
  });
  const p = planSummary(run, samples);
  const ranges = p.years!.map((y) => y.plan.ranges);
  let done = 0;
  const counts = (await Promise.all(
    split(p.nBlocks, workers).map(([b0, b1], i) =>
      runWorker(job, i, { kind: 'volume-summary', run: kernelRun, b0, b1, thresholds: p.thresholds, ranges }).then((counts) => {
        done += Math.min(b1 * STREAM_BLOCK, run.paths) - b0 * STREAM_BLOCK;
        run.onProgress?.(done / run.paths);
        return counts;
      }),
    ),
  )) as BlockCounts[];
  return finishSummary(p, counts);
}

async function tripsParallel(job: Run, route: Route, seed: string, trips: number, loads: LoadSpec[], workers: number): Promise<KernelOutput[]> {
  const buf = tripBuffers(route.legs.length, trips, loads.length, shared);
  const ranges = split(Math.ceil(trips / TRIP_BLOCK), workers);
  await Promise.all(
    ranges.map(([b0, b1], i) =>
      runWorker(job, i, {
        kind: 'trips',
        route,
        seed,
        trips,
        b0,
        b1,
        loads,
        days: buf.days.map((d) => d.buffer as SharedArrayBuffer),
        blocks: buf.blocks.map((d) => d.buffer as SharedArrayBuffer),
      }),
    ),
  );
  return mergeTrips(route, trips, buf);
}

/** {@link simulateTransit} on worker threads: the same numbers, bit for bit. */
export async function simulateTransitParallel(r: RouteInput | Route, o: TransitOptions & ParallelOptions): Promise<TransitSample> {
  const fn = 'simulateTransitParallel';
  const run = transitRun(fn, r, o, ['workers']);
  const workers = workerCount(fn, (o as ParallelOptions).workers);
  const [out] = await tripsParallel(startRun(fn), run.route, run.seed, run.trips, [{ volumeMt: run.volumeMt }], workers);
  return new TransitSample(out!, run.route, run.seed, { volumeMt: run.volumeMt, year: null });
}

/**
 * {@link simulateCorridor} on worker threads: the volumes by {@link simulateVolumesParallel}, then
 * every year's trips split by block across the workers, reading each path-year's demand and
 * capacity from shared memory. The same numbers as one thread, bit for bit.
 */
export async function simulateCorridorParallel(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions & ParallelOptions): Promise<CorridorResult> {
  const fn = 'simulateCorridorParallel';
  const p = corridorPlan(fn, s, r, o, ['workers']);
  const T = p.tripsPerPath;
  const workers = workerCount(fn, (o as ParallelOptions).workers);
  const job = startRun(fn);
  const volumes = (await volumesParallel(job, plan(p.scenario, { paths: p.paths, seed: p.seed }, fn), workers)) as VolumeResult;
  const route = corridorRoute(p, volumes);
  // One thread's volumes live in ordinary memory: copy them where the workers can read them.
  const toShared = (a: Float64Array): SharedArrayBuffer => {
    if (a.buffer instanceof SharedArrayBuffer) return a.buffer;
    const b = shared(a.length * 8);
    new Float64Array(b).set(a);
    return b;
  };
  const loads: LoadSpec[] = volumes.years.map((_, k) => ({
    demand: toShared(volumes.demand[k]!),
    capacity: volumes.hasCapacity ? toShared(volumes.capacity[k]!) : null,
    tripsPerPath: T,
  }));
  const outs = await tripsParallel(job, route, volumes.seed, volumes.paths * T, loads, workers);
  return new CorridorResult(p, volumes, route, outs);
}
