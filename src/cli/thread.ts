/**
 * One-thread calls (compare, tornado, sobol, shapley, solve, evaluate, runs to a tolerance or on
 * `--workers 1`) on a thread of their own (./job.ts), so that this thread stays free: it draws
 * their progress and hears Ctrl-C, which it passes on through shared memory (the call stops
 * within one block).
 */
import { Worker } from 'node:worker_threads';
import type { Parsed } from './args.js';
import type { JobData, JobMessage, JobName } from './job.js';
import { emit, formatOf } from './output.js';
import { withProgress } from './progress.js';

/** Runs the call on its thread; resolves with its printed result, rejects with its error (an AbortError when interrupted). */
function onThread(job: JobName, args: unknown[], format: JobData['format'], o: { onProgress?: (p: { done: number; total: number }) => void; signal: AbortSignal }): Promise<string> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data: JobData = { job, args, format, flag };
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('./job.js', import.meta.url), { workerData: data });
    const onAbort = () => Atomics.store(flag, 0, 1);
    o.signal.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      o.signal.removeEventListener('abort', onAbort);
      f();
    };
    worker.on('message', (m: JobMessage) => {
      if ('progress' in m) o.onProgress?.(m.progress);
      else if ('text' in m) settle(() => resolve(m.text));
      else settle(() => reject(m.abort ? new DOMException(m.error, 'AbortError') : new Error(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the run's thread ended without a result (exit code ${code})`))));
  });
}

/**
 * Runs a one-thread library call off this thread with the progress bar and Ctrl-C, and prints its
 * result as the command was asked to (stdout, or --out written atomically).
 */
export async function printOffThread(p: Parsed, label: string, job: JobName, args: unknown[]): Promise<void> {
  const format = formatOf(p);
  const text = await withProgress(label, p.values.quiet === true, (o) => onThread(job, args, format, o));
  await emit(p, text);
}
