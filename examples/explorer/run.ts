/**
 * What the explorer computes for a state, every run on the web worker pool (`middle-corridor/web`):
 * the volume run (P(≥ 10 Mt in 2027), the fan, the first year at 10 Mt), a corridor run (the
 * door-to-door days in 2027, the scenario's volumes through the route's queues) and the tornado
 * (each distribution of the scenario held at its P10 and its P90, on the same seed: the library's
 * `tornado`, run by run on the pool). Each stage is handed over as soon as it is done; one signal
 * aborts the whole.
 */
import { formatPath, type Estimate, type ScenarioInput, type TransitSample, type VolumeResult } from 'middle-corridor';
import { simulateCorridorParallel, simulateVolumesParallel } from 'middle-corridor/web';
import { routeOf, scenarioOf, TARGET, type ExplorerState } from './state.js';
import type { TornadoAnswer, TornadoRequest } from './tornado-worker.js';

/** The corridor run's size: paths, and trips drawn per path and year. */
export const CORRIDOR = { paths: 2_000, tripsPerPath: 5 } as const;

/** One tornado bar: the statistic with the parameter held at its P10 and at its P90. */
export interface Bar {
  parameter: string;
  p10: number;
  p90: number;
  low: Estimate;
  high: Estimate;
}

/** The stages' results, in the order they arrive. */
export interface Stages {
  volumes(r: VolumeResult): void;
  transit(t: TransitSample): void;
  tornado(bars: Bar[], baseline: Estimate): void;
}

/** Every distribution of a plain document with its path (in document order, as the library's tornado walks it). */
function distributions(doc: unknown, path: (string | number)[] = []): { name: string; path: (string | number)[] }[] {
  if (doc !== null && typeof doc === 'object' && typeof (doc as { dist?: unknown }).dist === 'string') return [{ name: formatPath(path), path }];
  if (Array.isArray(doc)) return doc.flatMap((x, i) => distributions(x, [...path, i]));
  if (doc !== null && typeof doc === 'object') return Object.entries(doc).flatMap(([k, v]) => distributions(v, [...path, k]));
  return [];
}

/** A copy of a plain document with the value at `path` replaced. */
function withValue<T>(doc: T, path: readonly (string | number)[], value: number): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  copy[head!] = withValue(copy[head!], rest, value);
  return copy as T;
}

let helper: Worker | undefined;
let asked = 0;

/** Each distribution's P10 and P90, from the helper worker (tornado-worker.ts). */
function quantilesOf(scenario: ScenarioInput, signal: AbortSignal): Promise<{ parameter: string; p10: number; p90: number }[]> {
  helper ??= new Worker(new URL('./tornado-worker.js', import.meta.url), { type: 'module', name: 'explorer-tornado' });
  const worker = helper;
  const id = ++asked;
  return new Promise((ok, fail) => {
    const done = () => {
      worker.removeEventListener('message', answer);
      signal.removeEventListener('abort', abort);
    };
    const answer = ({ data }: MessageEvent<TornadoAnswer>) => {
      if (data.id !== id) return;
      done();
      if ('error' in data) fail(new Error(data.error));
      else ok(data.rows);
    };
    const abort = () => {
      done();
      fail(new DOMException('the tornado was aborted', 'AbortError'));
    };
    worker.addEventListener('message', answer);
    signal.addEventListener('abort', abort);
    worker.postMessage({ id, scenario } satisfies TornadoRequest);
  });
}

/**
 * The tornado's runs: each distribution's P10 and P90 (the library's `tornado` evaluates them, in
 * the helper worker) and the scenario held at each, in the order of the scenario's document.
 */
export async function tornadoRuns(scenario: ScenarioInput, signal: AbortSignal): Promise<{ parameter: string; p10: number; p90: number; low: ScenarioInput; high: ScenarioInput }[]> {
  if (scenario.correlations?.length) throw new TypeError('the explorer holds no scenario with correlations');
  const paths = new Map(distributions(scenario).map((d) => [d.name, d.path]));
  const rows = await quantilesOf(scenario, signal);
  return [...rows]
    .sort((a, b) => [...paths.keys()].indexOf(a.parameter) - [...paths.keys()].indexOf(b.parameter))
    .map((r) => ({ parameter: r.parameter, p10: r.p10, p90: r.p90, low: withValue(scenario, paths.get(r.parameter)!, r.p10), high: withValue(scenario, paths.get(r.parameter)!, r.p90) }));
}

/**
 * Runs the state's stages on the pool, calling `onFraction` with the share of the work done
 * (0 to 1) and each stage's callback when it is done. Rejects with an AbortError when `signal`
 * aborts (the runs in flight are terminated by the pool).
 */
export async function explore(st: ExplorerState, o: { signal: AbortSignal; onFraction(f: number): void; stages: Stages }): Promise<void> {
  const scenario = scenarioOf(st);
  const route = routeOf(st);
  // The tornado's P10s and P90s come from the helper worker while the first runs go: the first number waits for nothing.
  const heldSoon = tornadoRuns(scenario, o.signal);
  heldSoon.catch(() => undefined); // its failure is met where it is awaited
  const tasks = 2 + 2 * distributions(scenario).length;
  let done = 0;
  const progress = (p: { done: number; total: number }) => o.onFraction((done + p.done / p.total) / tasks);
  const step = () => o.onFraction(++done / tasks);
  const run = async (s: ScenarioInput) => {
    const r = await simulateVolumesParallel(s, { paths: st.paths, seed: st.seed, signal: o.signal, onProgress: progress });
    step();
    return r;
  };
  const volumes = await run(scenario);
  o.stages.volumes(volumes);
  const corridor = await simulateCorridorParallel(scenario, route, { ...CORRIDOR, seed: st.seed, signal: o.signal, onProgress: progress });
  step();
  o.stages.transit(corridor.transit(TARGET.year));
  const bars: Bar[] = [];
  for (const h of await heldSoon) {
    const low = (await run(h.low)).probabilityAtLeast(TARGET.year, TARGET.volumeMt);
    const high = (await run(h.high)).probabilityAtLeast(TARGET.year, TARGET.volumeMt);
    bars.push({ parameter: h.parameter, p10: h.p10, p90: h.p90, low, high });
  }
  o.stages.tornado(bars, volumes.probabilityAtLeast(TARGET.year, TARGET.volumeMt));
}
