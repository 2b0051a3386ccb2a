/**
 * The thread a one-thread call runs on (started by ./thread.ts): it runs one library call, posts
 * its progress as it goes and, at the end, the result printed in the format asked for (or the
 * error's message). Its signal reads the command's Ctrl-C from shared memory: the library checks
 * it after every block, so an interrupted call stops within one block although this thread never
 * returns to its event loop meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareRoutes, compareScenarios, evaluateForecasts, shapleyEffects, simulateCorridor, simulateTransit, simulateVolumes, sobolIndices, solveRoute, solveScenario, tornado } from '../index.js';
import { render, solution, type Format, type Printable } from './output.js';

/** The calls a thread runs, by name: each takes its arguments, the last its options. */
const JOBS = {
  compareScenarios: (a: never, b: never, o: never) => compareScenarios(a, b, o),
  compareRoutes: (r: never, o: never) => compareRoutes(r, o),
  tornado: (s: never, o: never) => tornado(s, o),
  sobolIndices: (s: never, o: never) => sobolIndices(s, o),
  shapleyEffects: (s: never, o: never) => shapleyEffects(s, o),
  solveScenario: (s: never, o: never) => solution(solveScenario(s, o)),
  solveRoute: (r: never, o: never) => solution(solveRoute(r, o)),
  evaluateForecasts: (x: never, o: never) => evaluateForecasts(x, o),
  simulateVolumes: (s: never, o: never) => simulateVolumes(s, o) as Printable,
  simulateTransit: (r: never, o: never) => simulateTransit(r, o),
  simulateCorridor: (s: never, r: never, o: never) => simulateCorridor(s, r, o),
} satisfies Record<string, (...args: never[]) => Printable>;

/** The name of a call a thread runs. */
export type JobName = keyof typeof JOBS;

/** What the thread is given: the call, its arguments (the last its options), the output format, and the flag Ctrl-C sets. */
export interface JobData {
  job: JobName;
  args: unknown[];
  format: Format;
  flag: Int32Array;
}

/** What the thread posts: progress, then the printed result or the error. */
export type JobMessage = { progress: { done: number; total: number } } | { text: string } | { error: string; abort: boolean };

/**
 * An AbortSignal as the library takes one (an object with aborted, addEventListener and
 * removeEventListener: docs/design.md "Progress and cancellation") that reads the flag: aborted
 * once the command's thread has set it. One-thread calls read `aborted` after every block; they
 * add no listener, so none is kept.
 */
function sharedSignal(flag: Int32Array): AbortSignal {
  return { get aborted() { return Atomics.load(flag, 0) === 1; }, reason: undefined, addEventListener() {}, removeEventListener() {} } as unknown as AbortSignal;
}

if (parentPort) {
  const port = parentPort;
  const { job, args, format, flag } = workerData as JobData;
  const onProgress = (p: { done: number; total: number }) => port.postMessage({ progress: { done: p.done, total: p.total } } satisfies JobMessage);
  const options = { ...(args[args.length - 1] as object), signal: sharedSignal(flag), onProgress };
  let message: JobMessage;
  try {
    const call = JOBS[job] as unknown as (...a: unknown[]) => Printable;
    message = { text: render(call(...args.slice(0, -1), options), format) };
  } catch (e) {
    message = { error: e instanceof Error ? e.message : String(e), abort: e instanceof Error && e.name === 'AbortError' };
  }
  port.postMessage(message);
}
