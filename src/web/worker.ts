/**
 * The module worker of `middle-corridor/web` (built as one self-contained file,
 * dist/web/worker.js, so that it needs no import map and no bundler): runs the jobs the pool
 * sends (src/engine/worker-jobs.ts: an engine step by the engine's kind) and answers each with
 * its id, the partial's own buffers moved, not copied.
 */
import { answerJob, type Job } from '../engine/worker-jobs.js';

/** The parts of a worker's global scope this file uses (the library is typed without the DOM). */
interface WorkerScope {
  onmessage: ((e: { data: { id: number; job: Job } }) => void) | null;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
/** The last plan this worker was sent: a range of the same plan comes without it (src/web/pool.ts). */
let plan: unknown;
scope.onmessage = (e) => {
  const job = e.data.job;
  if ('plan' in job) {
    if (job.plan === undefined) job.plan = plan;
    else plan = job.plan;
  }
  answerJob(e.data.id, job, (answer, transfer) => scope.postMessage(answer, transfer));
};
