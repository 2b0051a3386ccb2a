/**
 * The engine interface (docs/design.md, "Engine shape"): every simulation is one value of this
 * shape — plain functions over a plan this library made (unchecked: the checked public steps,
 * `planVolumes`, `runVolumeBlocks`, `mergeVolumes`, …, check first and call these). Schedulers
 * (./schedule.ts on this thread, `middle-corridor/node` on workers, ./until.ts to a tolerance)
 * work over any engine: a new simulation is one module that exports one `Engine` value.
 */

/**
 * A simulation in the engine shape: its work is stream blocks [0, blocks(plan)); `run` gives a
 * block range's partial, whose numbers do not depend on the range; `merge` takes partials of
 * consecutive ranges covering every block, in block order, and gives the result of one thread,
 * bit for bit. Plans and partials are plain data (structured-cloneable).
 */
export interface Engine<Plan, Part, Result, Extra = never> {
  /** The engine's name: what a worker pool sends, and a worker dispatches on, to reach the same `run`. */
  readonly kind: string;
  /** What {@link Engine.items} counts, the unit of its progress: 'paths' or 'trips'. */
  readonly unit: 'paths' | 'trips';
  /** The plan's number of blocks. */
  blocks(plan: Plan): number;
  /** The paths (trips) of blocks [b0, b1): what progress counts. */
  items(plan: Plan, b0: number, b1: number): number;
  /** Runs blocks [b0, b1) (into `into`, views of {@link Engine.whole}'s memory, when given): the partial. */
  run(plan: Plan, b0: number, b1: number, into?: Part): Part;
  /** Merges partials covering [0, blocks(plan)) in block order (`extra`: what a pool's {@link Aside} of this engine computed). */
  merge(plan: Plan, parts: readonly Part[], extra?: Extra): Result;
  /** Blocks per chunk when this thread runs the plan (progress is reported and the signal checked after each): one by default. */
  chunk?(plan: Plan): number;
  /**
   * A stage before the blocks (a summary's pilot, a corridor's volumes), or null when the plan
   * needs none (any more): a scheduler runs the stage's engine on the stage's plan and gives
   * its result to `then`, which returns the plan to run (or to ask again).
   */
  before?(plan: Plan): Stage<Plan> | null;
  /**
   * The run's partial over every block, as memory a scheduler lets each range write into (`alloc`:
   * e.g. SharedArrayBuffer; `fn` is named when the process cannot give it), or null when the
   * plan's partials are not run-sized (a summary's counts).
   */
  whole?(plan: Plan, alloc: ((bytes: number) => ArrayBufferLike) | undefined, fn: string): Part | null;
  /** The views of `whole` over blocks [b0, b1): what range [b0, b1) is run into. */
  slice?(plan: Plan, whole: Part, b0: number, b1: number): Part;
  /** Whether a plan runs faster on one thread than on a pool (a small summary keeps its paths). */
  local?(plan: Plan): boolean;
}

/** A stage before an engine's blocks: another engine's run whose result goes into the plan. */
export interface Stage<Plan> {
  engine: AnyEngine;
  plan: unknown;
  then(result: unknown): Plan;
}

/**
 * Work a pool spreads over its workers beside the merge, from the whole run's memory (a full volume
 * run's quantiles): plain-data jobs (at most one per worker), run where `run` is, joined into the
 * merge's `extra`. Pools find an engine's by its kind (src/engine/worker-jobs.ts, POOL_ASIDES), so a
 * page that runs on one thread does not carry it.
 */
export interface Aside<Plan, Part, Extra> {
  jobs(plan: Plan, whole: Part, workers: number): unknown[];
  run(job: unknown): unknown;
  join(plan: Plan, jobs: readonly unknown[], answers: readonly unknown[]): Extra;
}

/** An engine of any plan, partial and result (what a scheduler holds). */
// `any`: a scheduler holds engines of every plan, partial and result type (a stage is another engine).
export type AnyEngine = Engine<any, any, any, any>;

/** Contiguous ranges of [0, n), `parts` of them at most (fewer when n is smaller), as even as whole blocks allow. */
export function split(n: number, parts: number): [number, number][] {
  const w = Math.min(parts, n);
  return Array.from({ length: w }, (_, i) => [Math.floor((i * n) / w), Math.floor(((i + 1) * n) / w)] as [number, number]);
}
