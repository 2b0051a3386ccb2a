/**
 * Precision on demand (docs/design.md, "Precision on demand"): a two-stage rule. A pilot on its
 * own seed (`<seed>|until-pilot`) runs blocks until it has seen {@link PILOT_EVENTS} paths with
 * the event and as many without, or the cap; from its Wilson interval the run is sized once; the
 * result is the ordinary run of that many paths on the seed. The run's size depends on the pilot
 * only, never on the run's own numbers, so every statistic of the run is as unbiased as in a run
 * of a size fixed in advance (a rule that stops when its own standard error is small enough stops
 * early on low estimates of a rare event: it was biased low).
 */
import { wilsonInterval } from '../stats/proportion.js';
import type { Engine } from './engine.js';
import type { Precision } from './precision.js';
import { runOnThisThread } from './schedule.js';
import { throwIfAborted, type Tracker } from './progress.js';

/** The pilot's seed is `<seed>|until-pilot`: its streams are independent of the run's. */
export const PILOT_SUFFIX = '|until-pilot';
/** The pilot runs until it has seen this many paths with the event and as many without (or the cap). */
export const PILOT_EVENTS = 10;
/** The run is sized to expect at least this many paths with the event and as many without (at the pilot's estimate): enough for ±1.96 standard errors to cover about 95 %. */
export const RUN_EVENTS = 50;
/** The confidence of the interval reported, and of the pilot's bound that sizes the run. */
export const INTERVAL_LEVEL = 0.95;

/** A block's count: paths with the event, and paths. */
export interface Counts {
  hits: number;
  n: number;
}

/**
 * Runs the pilot's blocks 0, 1, … (the last one cut at `max`) through `count` until it has seen
 * {@link PILOT_EVENTS} hits and as many misses, or `max` paths.
 */
export function runPilot(max: number, size: number, count: (block: number) => Counts): Counts {
  let hits = 0;
  let n = 0;
  for (let b = 0; ; b++) {
    const c = count(b);
    hits += c.hits;
    n += c.n;
    if ((hits >= PILOT_EVENTS && n - hits >= PILOT_EVENTS) || n >= max || (b + 1) * size >= max) return { hits, n };
  }
}

/**
 * The run's size from the pilot: `needed`, the paths that make √(p(1 − p)/n) at most `tolerance`
 * for every p in the pilot's 95 % Wilson interval (p(1 − p) at the point of the interval nearest
 * ½), and at least {@link RUN_EVENTS} / min(p̂, 1 − p̂) (Infinity when the pilot met too few
 * events to size anything); `paths`, that rounded up to whole blocks of `size`, at most `max`.
 */
export function runSize(tolerance: number, max: number, size: number, pilot: Counts): { paths: number; needed: number } {
  const { hits, n } = pilot;
  if (hits < PILOT_EVENTS || n - hits < PILOT_EVENTS) return { paths: max, needed: Infinity };
  const { lower, upper } = wilsonInterval(hits, n, INTERVAL_LEVEL);
  const p = Math.min(Math.max(0.5, lower), upper);
  const q = Math.min(hits, n - hits) / n;
  const needed = Math.ceil(Math.max((p * (1 - p)) / (tolerance * tolerance), RUN_EVENTS / q));
  return { paths: Math.min(Math.ceil(needed / size) * size, max), needed };
}

/** The {@link Precision} of a run of `paths` with `hits`, sized from `pilot`. */
export function precisionOf(statistic: string, tolerance: number, max: number, pilot: Counts & { seed: string }, needed: number, hits: number, paths: number): Precision {
  const estimate = hits / paths;
  const standardError = Math.sqrt((estimate * (1 - estimate)) / paths);
  const { lower, upper } = wilsonInterval(hits, paths, INTERVAL_LEVEL);
  const reached = needed <= max && standardError <= tolerance && hits > 0 && hits < paths;
  return {
    statistic,
    tolerance,
    max,
    pilot: { seed: pilot.seed, paths: pilot.n, hits: pilot.hits },
    paths,
    hits,
    estimate,
    standardError,
    interval: { lower, upper, level: INTERVAL_LEVEL, method: 'wilson' },
    reached,
  };
}

/** A run to a tolerance of any engine: what {@link runUntil} needs besides the engine. */
export interface UntilRun<Plan, Part, Result> {
  /** The statistic's name, e.g. `P(trip ≤ 15 days)`. */
  statistic: string;
  tolerance: number;
  /** The cap on paths (trips), of the run and of its pilot each. */
  max: number;
  /** Paths (trips) per block. */
  size: number;
  /** The run's seed; the pilot's is `<seed>|until-pilot`. */
  seed: string;
  /** The pilot's plan on the given seed, of `max` paths (trips): its blocks keep their numbers. */
  pilot(seed: string): Plan;
  /** The run's plan of `paths` paths (trips). */
  sized(paths: number): Plan;
  /** A pilot block's partial: its paths (trips) with the event, and all of them. */
  count(part: Part): Counts;
  /** The run's result: its paths (trips) with the event. */
  hits(result: Result): number;
  /** The run's progress (not the pilot's), as {@link runOnThisThread} reports it, and the signal, checked after every block of the pilot and every chunk of the run. */
  track?: Tracker | undefined;
  /** The function named in messages. */
  fn: string;
}

/** A result that a run to a tolerance can give: it makes the same result again with its {@link Precision} (a new result; the made one is never changed). */
export interface Sized<Result> {
  withPrecision(precision: Precision): Result & { readonly precision: Precision };
}

/**
 * The one `until` driver, over any engine: the pilot's blocks one at a time ({@link runPilot}),
 * the size from it ({@link runSize}), the run of that size on this thread, and its result made
 * again with its {@link Precision}.
 */
export function runUntil<Plan, Part, Result extends Sized<Result>, Extra>(engine: Engine<Plan, Part, Result, Extra>, u: UntilRun<Plan, Part, Result>): Result & { readonly precision: Precision } {
  const seed = u.seed + PILOT_SUFFIX;
  const pilotPlan = u.pilot(seed);
  throwIfAborted(u.track?.signal);
  const pilot = runPilot(u.max, u.size, (b) => {
    const c = u.count(engine.run(pilotPlan, b, b + 1));
    throwIfAborted(u.track?.signal);
    return c;
  });
  const { paths, needed } = runSize(u.tolerance, u.max, u.size, pilot);
  const result = runOnThisThread(engine, u.sized(paths), { track: u.track, fn: u.fn });
  return result.withPrecision(precisionOf(u.statistic, u.tolerance, u.max, { ...pilot, seed }, needed, u.hits(result), paths));
}
