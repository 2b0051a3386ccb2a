/**
 * The web worker pool behind `middle-corridor/web` (internal: the public names are re-exported by
 * `./index.ts`). A run leases its workers — idle ones first, new module workers for the rest —
 * and gives them back when it ends, so that runs in flight never share a worker: aborting one
 * terminates its own workers and leaves the others' untouched. Starting a worker costs a module
 * load (tens of milliseconds), which the pool pays once per worker.
 */
import { checkWorkers, WORKERS_PER_CPU, type WorkerPool } from '../engine/pool-run.js';
import { fromWire } from '../engine/wire.js';
import type { Answer, Job } from '../engine/worker-jobs.js';

/** The parts of a browser's `Worker` the pool uses (the library is typed without the DOM). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: Answer }) => void) | null;
  onerror: ((e: { message?: string; preventDefault(): void }) => void) | null;
  onmessageerror: (() => void) | null;
}

/** The browser's globals the pool reads (absent outside a browser, a web worker or Deno). */
interface WebGlobals {
  Worker?: new (url: URL | string, o: { type: 'module'; name?: string }) => WebWorker;
  navigator?: { hardwareConcurrency?: number };
  location?: { origin: string };
  crossOriginIsolated?: boolean;
  SharedArrayBuffer?: new (bytes: number) => ArrayBufferLike;
  Blob: new (parts: string[], o: { type: string }) => unknown;
  URL: typeof URL & { createObjectURL(blob: unknown): string };
}

const web = globalThis as unknown as WebGlobals;

/** Logical CPUs as the browser reports them (`navigator.hardwareConcurrency`), at least 1. */
function cpus(): number {
  const n = web.navigator?.hardwareConcurrency;
  return typeof n === 'number' && n >= 1 ? Math.floor(n) : 1;
}

/**
 * The most workers a run may ask for in this browser: 4 × `navigator.hardwareConcurrency`, at
 * least 4. More gain no speed (they share the same cores).
 */
export function maxWorkers(): number {
  return WORKERS_PER_CPU * cpus();
}

/** The number of workers of a run: `workers` checked against {@link maxWorkers}, or the browser's logical CPUs. */
export function workerCount(fn: string, w: unknown): number {
  return checkWorkers(fn, w, maxWorkers(), cpus(), () => {
    const n = cpus();
    return `this browser reports ${n} logical CPU${n === 1 ? '' : 's'} (navigator.hardwareConcurrency; at most ${WORKERS_PER_CPU} workers each)`;
  });
}

/**
 * Shared memory for the workers to write into: SharedArrayBuffer when the page is cross-origin
 * isolated (COOP/COEP headers), else undefined — partials then come back moved, not shared.
 */
export function sharedMemory(): ((bytes: number) => ArrayBufferLike) | undefined {
  const S = web.SharedArrayBuffer;
  return web.crossOriginIsolated === true && S ? (bytes) => new S(bytes) : undefined;
}

/**
 * Starts a module worker running dist/web/worker.js (one self-contained file beside this module).
 * A worker must come from the page's origin: from elsewhere (a CDN), a module of the page's own
 * (a blob) imports the worker file. No eval: it runs under `script-src 'self'; worker-src 'self'`
 * when served from the page's origin.
 */
function startWorker(fn: string): WebWorker {
  const W = web.Worker;
  if (!W) throw new TypeError(`${fn}: middle-corridor/web runs on web workers, which this runtime lacks (in Node, use middle-corridor/node)`);
  // The CommonJS build has no import.meta (tsup.config.ts defines its url as undefined).
  if (typeof import.meta.url !== 'string') throw new TypeError(`${fn}: the CommonJS build of middle-corridor/web cannot find its worker: import its ES module (dist/web/index.js)`);
  const url = new URL('./worker.js', import.meta.url);
  if (web.location && url.origin !== web.location.origin) {
    const blob = new web.Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
    return new W(web.URL.createObjectURL(blob), { type: 'module', name: 'middle-corridor' });
  }
  return new W(new URL('./worker.js', import.meta.url), { type: 'module', name: 'middle-corridor' });
}

/** Ranges per worker of a run, each taken in turn: finer progress for a few messages more. */
const RANGES_PER_WORKER = 8;

const idle: WebWorker[] = [];
const running = new Set<WebRun>();
let nextId = 0;

/** One run on the pool: its leased workers, its jobs out, and how it ends. */
export class WebRun implements WorkerPool {
  readonly shared = sharedMemory();
  /** Ranges per worker: progress about every 1/(8 × workers) of a large run (a progress bar that moves). */
  readonly rangesPerWorker = RANGES_PER_WORKER;
  private readonly workers: WebWorker[] = [];
  private readonly pending = new Map<number, { resolve: (x: unknown) => void; reject: (e: Error) => void }>();
  private readonly sent = new Map<WebWorker, unknown>();
  private failed: Error | null = null;

  constructor(readonly fn: string) {
    running.add(this);
  }

  /** Runs a job on worker `i` of this run (leased on first use). */
  run(i: number, job: Job): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    let w: WebWorker;
    try {
      w = this.workers[i] ??= this.lease();
    } catch (e) {
      return Promise.reject(e);
    }
    const id = nextId++;
    // A plan goes to a worker once per run and stage (a summary's holds its pilot sample, MBs):
    // the worker keeps the last one it was sent, for the ranges after.
    const again = 'plan' in job && this.sent.get(w) === job.plan;
    if ('plan' in job) this.sent.set(w, job.plan);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, job: again ? { ...job, plan: undefined } : job });
    });
  }

  private lease(): WebWorker {
    const w = idle.pop() ?? startWorker(this.fn);
    w.onmessage = (e) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(fromWire(e.data.error!));
    };
    w.onerror = (e) => {
      e.preventDefault();
      const what = e.message ? e.message : 'its script (dist/web/worker.js) did not load: is it served from the page\'s origin, and allowed by worker-src?';
      this.fail(new Error(`${this.fn}: a worker failed while the run was in flight: ${what}`));
    };
    w.onmessageerror = () => this.fail(new Error(`${this.fn}: a worker's answer could not be read (messageerror)`));
    return w;
  }

  /** Ends the run with an error: every job still out rejects with it, and the run's workers are terminated. */
  fail(e: Error): void {
    if (this.failed) return;
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    for (const w of this.workers.splice(0)) w.terminate();
    running.delete(this);
  }

  /** Ends the run: its workers go back to the idle pool (at most {@link maxWorkers} are kept). */
  finish(): void {
    if (this.failed) return;
    for (const w of this.workers.splice(0)) {
      w.onmessage = w.onerror = w.onmessageerror = null;
      if (idle.length < maxWorkers()) idle.push(w);
      else w.terminate();
    }
    running.delete(this);
  }
}

/**
 * Stops every worker of the pool, idle or in a run: a run in flight is rejected with an Error
 * saying the pool was closed; later runs start new workers.
 */
export async function closeWorkers(): Promise<void> {
  for (const run of [...running]) run.fail(new Error(`${run.fn}: the worker pool was closed (closeWorkers()) while the run was in flight`));
  for (const w of idle.splice(0)) w.terminate();
}
