/**
 * The worker pool behind `middle-corridor/node` (internal: the public names are re-exported by
 * `./index.ts`). Workers are started on first use and kept, unref'd, so they never hold the
 * process open: starting one costs tens to hundreds of milliseconds (it loads the library),
 * which a pool pays once. Every job belongs to a run; a run whose worker stops (closeWorkers, a
 * crash, an exit) is rejected with an error that says so, never left pending.
 */
import { availableParallelism, freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { checkWorkers, WORKERS_PER_CPU } from '../engine/pool-run.js';

export { WORKERS_PER_CPU };
import { fromWire } from '../engine/wire.js';
import type { Answer, Job } from '../engine/worker-jobs.js';

/**
 * Memory set aside per worker (bytes): 64 MiB. `npm run bench:worker-memory` (the built package,
 * Node 20, 2026-12-06) measured the process's growth per worker at 17–27 MB for runs of 20,000
 * paths and trips per worker and 34–38 MB for 500,000 (2, 4 and 8 workers); full runs' paths live
 * in shared memory, counted once as the run's (MAX_RUN_BYTES), not per worker.
 */
export const WORKER_MEMORY_BYTES = 64 * 1024 * 1024;

/** Memory the process may still use: the machine's free memory, or the process's limit (cgroups) if lower. */
function freeMemory(): number {
  const free = freemem();
  const limit = typeof process.availableMemory === 'function' ? process.availableMemory() : Infinity;
  return Math.min(free, limit > 0 ? limit : Infinity);
}

/**
 * The most workers a parallel run may ask for on this machine, now:
 * `min(4 × availableParallelism(), floor(free memory / 160 MB))`, at least 1 (free memory: the
 * machine's, or the process's cgroup limit if lower). More workers than that gain no speed (they
 * share the same cores) and risk running out of memory or file handles; the parallel functions
 * refuse them with a RangeError that gives this bound and why.
 */
export function maxWorkers(): number {
  return Math.max(1, Math.min(WORKERS_PER_CPU * availableParallelism(), Math.floor(freeMemory() / WORKER_MEMORY_BYTES)));
}

/** The number of workers of a run: `workers` checked against {@link maxWorkers}, or the available parallelism. */
export function workerCount(fn: string, w: unknown): number {
  return checkWorkers(fn, w, maxWorkers(), availableParallelism(), () => {
    const cpus = availableParallelism();
    const mb = Math.floor(freeMemory() / 1024 / 1024);
    return `this machine has ${cpus} CPU${cpus === 1 ? '' : 's'} (at most ${WORKERS_PER_CPU} workers each) and ${mb} MB free (${WORKER_MEMORY_BYTES / 1024 / 1024} MB per worker)`;
  });
}

// ESM first: under `node -e` / `node -p`, Node sets a global `__filename` of '[eval]', which an
// ES module would otherwise take for its own file. The CommonJS build defines import.meta.url as
// undefined (tsup.config.ts), so it reads its module's own `__filename`.
const here = typeof import.meta.url === 'string' ? fileURLToPath(import.meta.url) : __filename;
const fromSource = /\.ts$/.test(here);
// From the build: dist/node/worker.js (or .cjs) beside this entry; from source: a shim that
// loads worker.ts with tsx.
const workerFile = join(dirname(here), fromSource ? 'worker-source.mjs' : `worker${/\.[cm]?js$/.exec(here)![0]}`);

/**
 * Flags of this process a worker must not get: what to run (`-e`, `-p`, `--input-type`, which a
 * worker refuses with ERR_INPUT_TYPE_NOT_ALLOWED, since it runs a file) and modes of the whole
 * process (watch, test runner, REPL, syntax check). Each is dropped with its value.
 */
const DROP_WITH_VALUE = new Set(['--input-type', '-e', '--eval', '-p', '--print', '-pe', '-ep', '--watch-path']);
const DROP = new Set(['-i', '--interactive', '-c', '--check', '--test', '--watch', '--watch-preserve-output']);

/**
 * The flags a worker starts with: this process's own (`--import tsx`, `--conditions`, loaders
 * and the like are kept) minus those above. `undefined` (inherit them all, as Node does by
 * default) when none had to go.
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') ? a.split('=')[0]! : a;
    if (DROP_WITH_VALUE.has(name)) {
      if (!a.includes('=')) i++;
    } else if (!DROP.has(name)) {
      out.push(a);
    }
  }
  return out.length === argv.length ? undefined : out;
}

/** Starts a worker; flags a worker refuses (ERR_WORKER_INVALID_EXEC_ARGV: per-process options) are dropped. */
function startWorker(): Worker {
  let execArgv = workerExecArgv();
  for (;;) {
    try {
      return new Worker(workerFile, { workerData: { middleCorridorPool: true }, ...(execArgv ? { execArgv } : {}) });
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || !execArgv) throw e;
      const invalid = new Set(err.message.replace(/^[^:]*:\s*/, '').split(', '));
      const kept = execArgv.filter((a) => !invalid.has(a));
      if (kept.length === execArgv.length) throw e;
      execArgv = kept;
    }
  }
}

interface Pending {
  run: Run;
  resolve: (result: unknown) => void;
  reject: (e: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  closing: boolean;
}

const pool: PooledWorker[] = [];
let nextId = 0;
let epoch = 0;

/** One parallel run: the function it serves (named in errors) and the pool it started with. */
export interface Run {
  fn: string;
  epoch: number;
}

/** Starts a run of `fn` on the current pool. */
export function startRun(fn: string): Run {
  return { fn, epoch };
}

/** How long closeWorkers waits for a worker to end on its own before terminating it. */
const CLOSE_GRACE_MS = 2_000;

const closedError = (run: Run) => new Error(`${run.fn}: the worker pool was closed (closeWorkers()) while the run was in flight`);

/** Rejects every job still out on a worker and forgets the worker. */
function drop(entry: PooledWorker, why: (run: Run) => Error): void {
  for (const p of entry.pending.values()) p.reject(why(p.run));
  entry.pending.clear();
  const at = pool.indexOf(entry);
  if (at >= 0) pool.splice(at, 1);
}

function pooled(i: number): PooledWorker {
  while (pool.length <= i) {
    const worker = startWorker();
    worker.unref();
    const entry: PooledWorker = { worker, pending: new Map(), closing: false };
    worker.on('message', (m: Answer) => {
      const p = entry.pending.get(m.id);
      if (!p) return;
      entry.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(fromWire(m.error!));
    });
    // An uncaught error in the worker (it then exits): its runs fail with it.
    worker.on('error', (e) => drop(entry, (run) => new Error(`${run.fn}: a worker failed while the run was in flight: ${e.message}`, { cause: e })));
    // A worker that stops with jobs out (terminated, process.exit, out of memory): they fail too.
    worker.on('exit', (code) =>
      drop(entry, entry.closing ? closedError : (run) => new Error(`${run.fn}: a worker stopped (exit code ${code}) while the run was in flight`)),
    );
    pool.push(entry);
  }
  return pool[i]!;
}

/** Runs a job of `run` on worker `i` of the pool. */
export function runWorker(run: Run, i: number, job: Job): Promise<unknown> {
  if (run.epoch !== epoch) return Promise.reject(closedError(run));
  const w = pooled(i);
  const id = nextId++;
  return new Promise<unknown>((resolve, reject) => {
    w.pending.set(id, { run, resolve, reject });
    w.worker.ref(); // held while a job is out
    w.worker.postMessage({ id, job });
  }).finally(() => {
    if (w.pending.size === 0 && !w.closing) w.worker.unref();
  });
}

/**
 * Stops the pooled workers (they are unref'd, so this is only needed to free them early). A run
 * still in flight is rejected with an Error saying the pool was closed; later runs start new
 * workers.
 */
export async function closeWorkers(): Promise<void> {
  epoch++;
  const all = pool.splice(0);
  for (const w of all) {
    w.closing = true;
    drop(w, closedError);
  }
  // Held until they have stopped: an unref'd worker's exit would not keep the process (and a
  // top-level `await closeWorkers()`) alive. Each is asked to close its port and end on its own,
  // once its current job is done; one that has not ended within CLOSE_GRACE_MS is terminated.
  // (Terminating a worker whose just-run kernels are still being optimised on V8's background
  // threads can abort Node 20 — "NodePlatform::ForIsolate: Assertion (data.first) != nullptr" —
  // a race inside Node, seen once in CI right after a run; an idle worker ending on its own
  // avoids that window.)
  await Promise.all(
    all.map(
      (w) =>
        new Promise<void>((done) => {
          w.worker.ref();
          w.worker.once('exit', () => done());
          const timer = setTimeout(() => void w.worker.terminate(), CLOSE_GRACE_MS);
          w.worker.once('exit', () => clearTimeout(timer));
          w.worker.postMessage({ close: true });
        }),
    ),
  );
}

/** The pooled workers (for tests: to stop one mid-run). */
export function pooledWorkers(): readonly Worker[] {
  return pool.map((p) => p.worker);
}
