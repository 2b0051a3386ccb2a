/**
 * The worker thread of `middle-corridor/node`: runs the jobs the pool sends (src/engine/worker-jobs.ts:
 * an engine step by the engine's kind) and answers each with its id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerJob, type Job } from '../engine/worker-jobs.js';

export type { Job };

// A pooled worker: runs jobs as they come, answers each with its id.
if (parentPort && workerData?.middleCorridorPool) {
  const port = parentPort;
  port.on('message', (m: { id: number; job: Job } | { close: true }) => {
    // closeWorkers: close the port and let the thread end on its own (nothing else keeps it).
    if ('close' in m) {
      port.close();
      return;
    }
    answerJob(m.id, m.job, (answer, transfer) => port.postMessage(answer, transfer));
  });
}
