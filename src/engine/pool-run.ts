/**
 * The scheduler of a worker pool, written once over any {@link Engine} and any pool — worker
 * threads (`middle-corridor/node`) or web workers (`middle-corridor/web`): a plan's stages first,
 * then its blocks in contiguous ranges, one per worker, merged in block order on this thread, so
 * that the result is the one-thread result bit for bit, whatever the number of workers.
 */
import { show, wholeNumber } from '../args.js';
import type { Aside, Engine } from './engine.js';
import { split } from './engine.js';
import { POOL_ASIDES, type Job } from './worker-jobs.js';
import { report, throwIfAborted, type Tracker } from './progress.js';
import { codegenOff } from './codegen.js';

/** A pool as the scheduler sees it: one run's workers. */
export interface WorkerPool {
  /** The function the run serves (named in errors). */
  fn: string;
  /** Runs a job on worker `i` of the run: its answer (a partial), or its error rebuilt. */
  run(i: number, job: Job): Promise<unknown>;
  /**
   * Shared memory the workers can write into (SharedArrayBuffer), or undefined where there is
   * none (a page that is not cross-origin isolated): each range's partial then comes back as its
   * own arrays, moved (transferred), and the merge joins them.
   */
  shared?: ((bytes: number) => ArrayBufferLike) | undefined;
  /**
   * Ranges per worker (1 by default): more give finer progress, each worker taking the next range
   * when it is done with one. Where a plan carries arrays (a corridor's volumes) and there is no
   * shared memory, each worker runs one range (every range's message would copy them).
   */
  rangesPerWorker?: number;
}

/**
 * Runs a plan of any engine on a pool: its stages first, then its blocks in contiguous ranges,
 * one per worker (or {@link WorkerPool.rangesPerWorker}, taken in turn) — with shared memory, run-sized partials written into views of one memory (the
 * merge takes that whole, so the result's arrays are that memory, not a copy) and the engine's
 * work beside the merge spread over the workers — and the merge in block order: the one-thread
 * bits. `track`: progress (`{ done, total, unit }` from 0, after each range) and the signal — after an
 * abort no range starts, and the call rejects once the ranges out on workers are back.
 */
export async function runOnPool<Plan, Part, Result, Extra>(pool: WorkerPool, engine: Engine<Plan, Part, Result, Extra>, plan: Plan, workers: number, track: Tracker = {}): Promise<Result> {
  throwIfAborted(track.signal);
  let p = plan;
  for (let s = engine.before?.(p); s; s = engine.before?.(p)) p = s.then(await runOnPool(pool, s.engine, s.plan, workers, { signal: track.signal }));
  const shared = pool.shared;
  if (shared) p = sharedArrays(p, shared);
  const n = engine.blocks(p);
  const whole = shared ? (engine.whole?.(p, shared, pool.fn) ?? null) : null;
  const total = engine.items(p, 0, n);
  const perWorker = shared || !carriesArrays(p) ? (pool.rangesPerWorker ?? 1) : 1;
  const ranges = split(n, Math.min(n, workers * perWorker));
  report(track, 0, total, engine.unit);
  // Kernel generation off here: off on the workers too (a page's CSP refusal, or kernelCodegen('off')).
  const off = codegenOff() ? { codegen: false as const } : {};
  const parts: Part[] = [];
  const failures: { at: number; error: unknown }[] = [];
  let done = 0;
  let next = 0;
  // Each worker takes the next range until none is left, or none before a range that failed, or
  // none after an abort (the ranges out on workers come back first: the workers are then free).
  const work = async (i: number) => {
    for (let r = next++; r < ranges.length && !failures.some((f) => f.at < r) && !track.signal?.aborted; r = next++) {
      const [b0, b1] = ranges[r]!;
      try {
        parts[r] = (await pool.run(i, { engine: engine.kind, plan: p, b0, b1, ...(whole ? { into: engine.slice!(p, whole, b0, b1) } : {}), ...off })) as Part;
        done += engine.items(p, b0, b1);
        report(track, done, total, engine.unit);
      } catch (error) {
        failures.push({ at: r, error });
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, ranges.length) }, (_, i) => work(i)));
  // The first failure in block order: the error one thread meets first, whichever worker failed first.
  if (failures.length > 0) throw failures.reduce((a, b) => (b.at < a.at ? b : a)).error;
  throwIfAborted(track.signal);
  if (!whole) return engine.merge(p, parts);
  const aside = POOL_ASIDES[engine.kind] as Aside<Plan, Part, Extra> | undefined;
  if (!aside) return engine.merge(p, [whole]);
  const jobs = aside.jobs(p, whole, workers);
  const answers = await inBlockOrder(jobs.map((x, i) => pool.run(i, { engine: engine.kind, aside: x, ...off })));
  throwIfAborted(track.signal);
  return engine.merge(p, [whole], aside.join(p, jobs, answers));
}

/** Whether a plan carries arrays of numbers (a corridor's trips plan: its volumes). */
function carriesArrays(plan: unknown): boolean {
  return Object.values(plan as object).some((x) => Array.isArray(x) && x.some((a) => a instanceof Float64Array));
}

/** The plan with its arrays of numbers (a corridor's volumes) in shared memory, for the workers to read without a copy each: the plan itself when it has none outside it. */
function sharedArrays<P>(plan: P, alloc: (bytes: number) => ArrayBufferLike): P {
  const kind = alloc(0).constructor as new (n: number) => ArrayBufferLike;
  const entries = Object.entries(plan as object);
  const arrays = (x: unknown): x is Float64Array[] => Array.isArray(x) && x.length > 0 && x.every((a) => a instanceof Float64Array);
  const toShared = (a: Float64Array) => {
    if (a.buffer instanceof kind) return a;
    const b = new Float64Array(alloc(a.length * 8));
    b.set(a);
    return b;
  };
  if (!entries.some(([, x]) => arrays(x) && x.some((a) => !(a.buffer instanceof kind)))) return plan;
  return Object.fromEntries(entries.map(([k, x]) => [k, arrays(x) ? x.map(toShared) : x])) as P;
}

/** Workers per available CPU at most: more only queue for the same cores. */
export const WORKERS_PER_CPU = 4;

/**
 * The answers of jobs given in block order, once all have settled; if some failed, the first
 * failure in block order — the error one thread meets first (a path-year beyond MAX_VOLUME_MT names
 * the first such path), whichever worker happened to fail first.
 */
async function inBlockOrder<T>(jobs: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(jobs);
  const failed = settled.find((x) => x.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((x) => (x as PromiseFulfilledResult<T>).value);
}

/**
 * The number of workers of a run: `w` a whole number in [1, max], `fallback` when undefined; above
 * `max`, a RangeError that gives the bound and `why` (what the machine has).
 */
export function checkWorkers(fn: string, w: unknown, max: number, fallback: number, why: () => string): number {
  if (w === undefined) return Math.min(fallback, max);
  if (typeof w === 'number' && Number.isInteger(w) && w > max) {
    throw new RangeError(`${fn}: workers must be a whole number in [1, ${max}] (got ${show(w)}): ${why()}; see maxWorkers()`);
  }
  return wholeNumber(fn, 'workers', w, 1, max);
}
