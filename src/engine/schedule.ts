/**
 * The scheduler of this thread (docs/design.md, "Engine shape"): what `simulateVolumes`,
 * `simulateTransit` and `simulateCorridor` do, written once over any {@link Engine}.
 */
import type { AnyEngine, Engine } from './engine.js';

/** Options of {@link runOnThisThread}. */
export interface ScheduleOptions {
  /** Blocks per chunk (progress is reported after each): the engine's `chunk(plan)`, else all blocks. */
  chunk?: number;
  /** Called after each chunk with the share of paths (trips) done, in (0, 1]. */
  onProgress?: ((done: number) => void) | undefined;
  /** The function named when the process cannot give the run's memory. */
  fn?: string;
}

/**
 * Runs a plan on this thread: its stages first (each on this thread, without progress), then its
 * blocks a chunk at a time — into views of the run's memory when the engine's partials are
 * run-sized, so nothing is copied — then the merge.
 */
export function runOnThisThread<Plan, Part, Result, Extra>(engine: Engine<Plan, Part, Result, Extra>, plan: Plan, o: ScheduleOptions = {}): Result {
  const fn = o.fn ?? 'simulate';
  const p = resolveStages(engine, plan, (e, q) => runOnThisThread(e, q, { fn }));
  const n = engine.blocks(p);
  const every = o.chunk ?? engine.chunk?.(p) ?? n;
  const whole = engine.whole?.(p, undefined, fn) ?? null;
  const total = engine.items(p, 0, n);
  const parts: Part[] = [];
  let done = 0;
  for (let b0 = 0; b0 < n; b0 += every) {
    const b1 = Math.min(b0 + every, n);
    parts.push(engine.run(p, b0, b1, whole ? engine.slice!(p, whole, b0, b1) : undefined));
    done += engine.items(p, b0, b1);
    o.onProgress?.(done / total);
  }
  return engine.merge(p, parts);
}

/** The plan once every stage before its blocks has run (`run` runs a stage's engine on its plan). */
export function resolveStages<Plan>(engine: AnyEngine, plan: Plan, run: (e: AnyEngine, p: unknown) => unknown): Plan {
  let p = plan;
  for (let s = engine.before?.(p); s; s = engine.before?.(p)) p = s.then(run(s.engine, s.plan)) as Plan;
  return p;
}
