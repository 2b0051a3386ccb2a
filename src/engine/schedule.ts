/**
 * The scheduler of this thread (docs/design.md, "Engine shape"): what `simulateVolumes`,
 * `simulateTransit` and `simulateCorridor` do, written once over any {@link Engine}.
 */
import type { AnyEngine, Engine } from './engine.js';
import { report, throwIfAborted, type Tracker } from './progress.js';

/** Options of {@link runOnThisThread}. */
export interface ScheduleOptions {
  /** Blocks per chunk (progress is reported after each): the engine's `chunk(plan)`, else one. */
  chunk?: number;
  /** Progress (`{ done: 0, total }` before the blocks, then after each chunk, in the engine's items) and the signal checked before the stages and after each chunk. */
  track?: Tracker | undefined;
  /** The function named when the process cannot give the run's memory. */
  fn?: string;
}

/**
 * Runs a plan on this thread: its stages first (each on this thread, without progress, each
 * checking the signal after its chunks), then its blocks a chunk at a time — into views of the run's memory when the engine's partials are
 * run-sized, so nothing is copied — then the merge. An abort (before the call, or during it, from
 * inside `onProgress` too) throws the AbortError at the next check: no chunk starts after it.
 */
export function runOnThisThread<Plan, Part, Result, Extra>(engine: Engine<Plan, Part, Result, Extra>, plan: Plan, o: ScheduleOptions = {}): Result {
  const fn = o.fn ?? 'simulate';
  const t = o.track ?? {};
  throwIfAborted(t.signal);
  const p = resolveStages(engine, plan, (e, q) => runOnThisThread(e, q, { fn, track: { signal: t.signal } }));
  const n = engine.blocks(p);
  const every = o.chunk ?? engine.chunk?.(p) ?? 1;
  const whole = engine.whole?.(p, undefined, fn) ?? null;
  const total = engine.items(p, 0, n);
  const parts: Part[] = [];
  let done = 0;
  report(t, 0, total, engine.unit);
  for (let b0 = 0; b0 < n; b0 += every) {
    const b1 = Math.min(b0 + every, n);
    parts.push(engine.run(p, b0, b1, whole ? engine.slice!(p, whole, b0, b1) : undefined));
    done += engine.items(p, b0, b1);
    report(t, done, total, engine.unit);
  }
  return engine.merge(p, parts);
}

/** The plan once every stage before its blocks has run (`run` runs a stage's engine on its plan). */
export function resolveStages<Plan>(engine: AnyEngine, plan: Plan, run: (e: AnyEngine, p: unknown) => unknown): Plan {
  let p = plan;
  for (let s = engine.before?.(p); s; s = engine.before?.(p)) p = s.then(run(s.engine, s.plan)) as Plan;
  return p;
}
