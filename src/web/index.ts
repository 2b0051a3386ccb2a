/**
 * `middle-corridor/web`: the engine on web workers, in a browser. The same functions as
 * `middle-corridor/node`, by the same names: each run is the engine's plan, split into contiguous
 * block ranges that module workers run into partials, merged in block order on the page's thread
 * — results equal the one-thread functions bit for bit, whatever the number of workers, and are
 * the main entry's own classes; errors are the Node pool's, word for word. Nothing runs on the
 * page's thread but the checks, the merge and the statistics. With a cross-origin isolated page
 * (COOP/COEP) the workers write into SharedArrayBuffer; without, their partials are moved back.
 */
import type { Route, RouteInput, Scenario, ScenarioInput } from '../index.js';
import type { CorridorOptions, CorridorResult, TransitOptions, TransitSample, VolumeOptions, VolumeResult, VolumeSummary } from '../index.js';
import type { Engine } from '../engine/engine.js';
import { runOnPool } from '../engine/pool-run.js';
import type { Progress } from '../engine/progress.js';
import { corridorEngine, corridorEnginePlan } from '../transit/corridor-engine.js';
import { checkTransit, transitEngine } from '../transit/engine.js';
import { checkVolumes, volumeEngine } from '../volume/engine.js';
import { WebRun, workerCount } from './pool.js';
import { abortError, throwIfAborted, tracker } from '../engine/progress.js';

export { closeWorkers, maxWorkers } from './pool.js';

export type { Progress } from '../engine/progress.js';

/** Options of the web pool's runs, beside each function's own. */
export interface WebParallelOptions {
  /** How many workers: a whole number in [1, {@link maxWorkers}()], the browser's logical CPUs by default. */
  workers?: number;
  /** Called after each worker's range with the paths (trips) done. */
  onProgress?: (p: Progress) => void;
  /** Aborts the run: it rejects with a DOMException named 'AbortError' and its workers are terminated. */
  signal?: AbortSignal;
}

const OPTIONS = ['workers', 'signal'];

/** A run of `engine` on leased workers, ended (workers given back, or terminated) however it goes. */
async function runOnWeb<Plan, Part, Result, Extra>(fn: string, engine: Engine<Plan, Part, Result, Extra>, plan: Plan, o: WebParallelOptions): Promise<Result> {
  const workers = workerCount(fn, o.workers);
  // The Node pool's checks and errors: onProgress and signal as every long call takes them.
  const track = tracker(fn, o);
  const signal = track.signal;
  throwIfAborted(signal);
  const run = new WebRun(fn);
  // An abort ends the run at once: its workers are terminated, and it rejects with the signal's AbortError.
  const abort = () => run.fail(abortError(signal!));
  signal?.addEventListener('abort', abort);
  try {
    return await runOnPool(run, engine, plan, workers, track);
  } finally {
    signal?.removeEventListener('abort', abort);
    run.finish(); // its workers back to the pool (an aborted or failed run's were terminated)
  }
}

/**
 * {@link index!simulateVolumes} on web workers: the same numbers, bit for bit, for every worker
 * count (full runs and `keep: 'summary'`).
 *
 * @example
 * const r = await simulateVolumesParallel(PRESETS['official-capacity'], { paths: 100000, seed: 1, workers: 4, onProgress: ({ done, total }) => bar.value = done / total });
 * r.probabilityAtLeast(2027, 10) // the estimate of simulateVolumes(PRESETS['official-capacity'], { paths: 100000, seed: 1 }), to the bit
 */
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: Omit<VolumeOptions, 'onProgress'> & { keep: 'summary' } & WebParallelOptions): Promise<VolumeSummary>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: Omit<VolumeOptions, 'onProgress'> & { keep?: 'all' } & WebParallelOptions): Promise<VolumeResult>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: Omit<VolumeOptions, 'onProgress'> & WebParallelOptions): Promise<VolumeResult | VolumeSummary>;
export async function simulateVolumesParallel(s: ScenarioInput | Scenario, o: Omit<VolumeOptions, 'onProgress'> & WebParallelOptions): Promise<VolumeResult | VolumeSummary> {
  const fn = 'simulateVolumesParallel';
  const { plan } = checkVolumes(fn, s, o, OPTIONS);
  return runOnWeb(fn, volumeEngine, plan, o);
}

/**
 * {@link index!simulateTransit} on web workers: the same numbers, bit for bit.
 *
 * @example
 * const t = await simulateTransitParallel(ROUTES['corridor-poti'], { trips: 100000, seed: 1, volumeMt: 5 });
 * t.probabilityWithin(15) // simulateTransit's estimate with the same route, options and seed
 */
export async function simulateTransitParallel(r: RouteInput | Route, o: TransitOptions & WebParallelOptions): Promise<TransitSample> {
  const fn = 'simulateTransitParallel';
  const plan = checkTransit(fn, r, o, [...OPTIONS, 'onProgress']);
  return runOnWeb(fn, transitEngine, plan, o);
}

/**
 * {@link index!simulateCorridor} on web workers: the volumes first, then every year's trips split
 * by block across the workers. The same numbers as one thread, bit for bit.
 *
 * @example
 * const c = await simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 2000, seed: 1 });
 * c.transit(2027).mean // simulateCorridor's, to the bit
 */
export async function simulateCorridorParallel(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions & WebParallelOptions): Promise<CorridorResult> {
  const fn = 'simulateCorridorParallel';
  const plan = corridorEnginePlan(fn, s, r, o, [...OPTIONS, 'onProgress']);
  return runOnWeb(fn, corridorEngine, plan, o);
}
