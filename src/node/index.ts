/**
 * `middle-corridor/node`: the kernels on worker threads (Node only; the core stays free of Node
 * imports). Work is split by stream block — 16,384 paths or trips — and every block's numbers are
 * what one thread would draw, so results equal the one-thread functions bit for bit, whatever
 * the number of workers. The code is the main entry's own (one build, shared chunks): results
 * are `instanceof` the main entry's classes, errors its ScenarioError, RangeError and TypeError.
 */
import { finiteNumber, levels, options, show } from '../args.js';
import { parseRoute } from '../scenario/parse.js';
import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { corridorResult, corridorRoute, corridorTrips, type CorridorOptions, type CorridorResult } from '../transit/corridor.js';
import { mergeTrips, TRIP_BLOCK, tripBuffers } from '../transit/kernel.js';
import { TransitSample } from '../transit/result.js';
import { checkTrips, type TransitOptions } from '../transit/simulate.js';
import { seedKey } from '../random/stream.js';
import { STREAM_BLOCK } from '../volume/kernel.js';
import { VolumeResult } from '../volume/result.js';
import { plan, simulateVolumes, type RunPlan, type VolumeOptions } from '../volume/simulate.js';
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

// The options of each parallel function: the one-thread function's, and `workers`. Unknown keys
// are refused (a TypeError listing these).
const VOLUME_OPTIONS = ['paths', 'seed', 'onProgress', 'blockSize', 'keep', 'quantiles', 'thresholds', 'workers'] as const;
const TRANSIT_OPTIONS = ['trips', 'seed', 'volumeMt', 'workers'] as const;
const CORRIDOR_OPTIONS = ['paths', 'seed', 'tripsPerPath', 'useScenarioCapacity', 'workers'] as const;

/** The options without `workers`: what the one-thread function accepts. */
function serialOptions<T extends ParallelOptions>(o: T): Omit<T, 'workers'> {
  const { workers: _, ...rest } = o;
  return rest;
}

/**
 * Runs the one-thread function's checks (or the function itself) on behalf of a parallel one:
 * a TypeError or RangeError that names `serial` names `fn`, the function the caller called.
 */
function as<T>(fn: string, serial: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if ((e instanceof TypeError || e instanceof RangeError) && e.message.startsWith(`${serial}:`)) {
      const Class = e instanceof TypeError ? TypeError : RangeError;
      throw new Class(`${fn}${e.message.slice(serial.length)}`);
    }
    throw e;
  }
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
  const opts = options<VolumeOptions & ParallelOptions>(fn, o, VOLUME_OPTIONS, ['paths', 'seed']);
  return volumesParallel(startRun(fn), s, serialOptions(opts), workerCount(fn, opts.workers));
}

async function volumesParallel(job: Run, s: ScenarioInput | Scenario, o: VolumeOptions, workers: number): Promise<VolumeResult | VolumeSummary> {
  const fn = job.fn;
  if (workers === 1) return as(fn, 'simulateVolumes', () => simulateVolumes(s, o));
  const run = as(fn, 'simulateVolumes', () => plan(s, o));
  if (o.keep === 'summary') return summaryParallel(job, run, o, workers);
  const ps = [...new Set([0.1, 0.5, 0.9, ...(o.quantiles === undefined ? [] : levels(fn, 'quantiles', o.quantiles))])];
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
        o.onProgress?.(done / paths);
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


async function summaryParallel(job: Run, run: RunPlan, o: VolumeOptions, workers: number): Promise<VolumeSummary> {
  const kernelRun = { scenario: run.scenario, years: run.years, seed: run.seed, paths: run.paths };
  const pilot = pilotBlocks(Math.ceil(run.paths / STREAM_BLOCK));
  // Small runs keep their paths for direct quantiles: one thread is the faster way.
  if (pilot === null) return as(job.fn, 'simulateVolumes', () => summarise(run, o));
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
  const p = as(job.fn, 'simulateVolumes', () => planSummary(run, o, samples));
  const ranges = p.years!.map((y) => y.plan.ranges);
  let done = 0;
  const counts = (await Promise.all(
    split(p.nBlocks, workers).map(([b0, b1], i) =>
      runWorker(job, i, { kind: 'volume-summary', run: kernelRun, b0, b1, thresholds: p.thresholds, ranges }).then((counts) => {
        done += Math.min(b1 * STREAM_BLOCK, run.paths) - b0 * STREAM_BLOCK;
        o.onProgress?.(done / run.paths);
        return counts;
      }),
    ),
  )) as BlockCounts[];
  return finishSummary(p, counts);
}

async function tripsParallel(job: Run, route: Route, seed: string, trips: number, loads: LoadSpec[], workers: number): Promise<TransitSample[]> {
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
  return mergeTrips(route, trips, buf).map((out) => new TransitSample(out, route.legs));
}

/** {@link simulateTransit} on worker threads: the same numbers, bit for bit. */
export async function simulateTransitParallel(r: RouteInput | Route, o: TransitOptions & ParallelOptions): Promise<TransitSample> {
  const fn = 'simulateTransitParallel';
  const opts = options<TransitOptions & ParallelOptions>(fn, o, TRANSIT_OPTIONS, ['trips', 'seed']);
  const route = parseRoute(r);
  const workers = workerCount(fn, opts.workers);
  const trips = as(fn, 'simulateTransit', () => checkTrips(opts.trips));
  const seed = seedKey(opts.seed, fn);
  const volumeMt = opts.volumeMt === undefined ? undefined : finiteNumber(fn, 'volumeMt', opts.volumeMt);
  if (volumeMt !== undefined && !(volumeMt >= 0)) throw new RangeError(`${fn}: volumeMt must be a finite number >= 0 (got ${show(volumeMt)})`);
  if (volumeMt !== undefined) {
    route.legs.forEach((leg, l) => {
      if (leg.queue && leg.queue.capacityMt === null) throw new RangeError(`${fn}: legs[${l}] (${leg.name}).queue: a volume is given but the queue has no capacityMt`);
    });
  }
  const [sample] = await tripsParallel(startRun(fn), route, seed, trips, [{ volumeMt: volumeMt ?? null }], workers);
  return sample!;
}

/**
 * {@link simulateCorridor} on worker threads: the volumes by {@link simulateVolumesParallel}, then
 * every year's trips split by block across the workers, reading each path-year's demand and
 * capacity from shared memory. The same numbers as one thread, bit for bit.
 */
export async function simulateCorridorParallel(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions & ParallelOptions): Promise<CorridorResult> {
  const fn = 'simulateCorridorParallel';
  const opts = options<CorridorOptions & ParallelOptions>(fn, o, CORRIDOR_OPTIONS, ['paths', 'seed']);
  const parsedRoute = parseRoute(r);
  const T = as(fn, 'simulateCorridor', () => corridorTrips(serialOptions(opts)));
  const workers = workerCount(fn, opts.workers);
  const job = startRun(fn);
  const volumes = (await volumesParallel(job, s, { paths: opts.paths, seed: opts.seed }, workers)) as VolumeResult;
  const route = as(fn, 'simulateCorridor', () => corridorRoute(parsedRoute, serialOptions(opts), volumes, T));
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
  const samples = await tripsParallel(job, route, volumes.seed, volumes.paths * T, loads, workers);
  return corridorResult(volumes, T, samples);
}
