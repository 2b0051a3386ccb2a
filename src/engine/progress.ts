/**
 * Progress and cancellation of long calls (docs/design.md, "Progress and cancellation"): one
 * shape of report, `{ done, total, unit }`, and one meaning of `signal`, written once for every
 * scheduler (./schedule.ts, ./until.ts, `middle-corridor/node`) and every analysis that runs
 * simulations one after another.
 */
import { show } from '../args.js';

/**
 * What a long call has done: `done` of `total` (whole numbers of `unit`), `done` rising from 0 to `total`.
 *
 * @example
 * const seen = [];
 * simulateVolumes(PRESETS.baseline, { paths: 40000, seed: 1, blockSize: 16384, onProgress: (p) => seen.push(p) });
 * seen.map((p) => `${p.done}/${p.total} ${p.unit}`) // => [ '0/40000 paths', '16384/40000 paths', '32768/40000 paths', '40000/40000 paths' ]
 */
export interface Progress {
  readonly done: number;
  readonly total: number;
  /** What is counted: 'paths', 'trips', 'runs' (whole simulations of an analysis) or 'evaluations' (of a user's function). */
  readonly unit: string;
}

/**
 * The options every long call takes: progress, and a signal that stops the call.
 *
 * @example
 * const stop = new AbortController();
 * stop.abort();
 * simulateTransit(ROUTES['corridor-poti'], { trips: 1000, seed: 1, signal: stop.signal }) // throws AbortError: This operation was aborted
 */
export interface ProgressOptions {
  /** Called with `{ done: 0, total, unit }` before the first block, then after each block or chunk (run, origin). */
  onProgress?: (progress: Progress) => void;
  /** Aborting it stops the call within one block: it throws (a pool's call rejects with) a DOMException named 'AbortError'. */
  signal?: AbortSignal;
}

/** The keys of {@link ProgressOptions}: what a long call adds to its options' allowed keys. */
export const PROGRESS_OPTIONS = ['onProgress', 'signal'] as const;

/** A call's checked progress options (each absent when not given). */
export interface Tracker {
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Whether `x` is an AbortSignal (of this realm or another: a notebook's, a test DOM's). */
function isSignal(x: unknown): x is AbortSignal {
  if (typeof AbortSignal === 'function' && x instanceof AbortSignal) return true;
  const s = x as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown } | null;
  return typeof s === 'object' && s !== null && typeof s.aborted === 'boolean' && typeof s.addEventListener === 'function' && typeof s.removeEventListener === 'function';
}

/**
 * The checked `onProgress` and `signal` of options `o` (an options object checked already, or
 * undefined): a TypeError naming the option when `onProgress` is not a function or `signal` not
 * an AbortSignal.
 */
export function tracker(fn: string, o: unknown): Tracker {
  const { onProgress, signal } = (o ?? {}) as { onProgress?: unknown; signal?: unknown };
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError(`${fn}: onProgress must be a function of { done, total, unit } (got ${show(onProgress)})`);
  if (signal !== undefined && !isSignal(signal)) throw new TypeError(`${fn}: signal must be an AbortSignal (from an AbortController, or AbortSignal.timeout) (got ${show(signal)})`);
  return { onProgress: onProgress as Tracker['onProgress'], signal: signal as AbortSignal | undefined };
}

/**
 * The error an aborted call throws: the signal's `reason` when it is a DOMException named
 * 'AbortError' (what `controller.abort()` gives), else a new DOMException named 'AbortError'
 * whose `cause` is the reason (`abort('user')`, a TimeoutError of `AbortSignal.timeout`): a
 * caller tests `e.name === 'AbortError'` whatever the reason.
 */
export function abortError(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  const e = new DOMException('The operation was aborted', 'AbortError');
  Object.defineProperty(e, 'cause', { value: reason, writable: true, configurable: true, enumerable: false });
  return e;
}

/** Throws the {@link abortError} when the signal has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Reports `done` of `total` to the tracker, then throws if the call was aborted (from inside `onProgress` too). */
export function report(t: Tracker, done: number, total: number, unit: string): void {
  t.onProgress?.({ done, total, unit });
  throwIfAborted(t.signal);
}

/**
 * Counts the steps of a call made of steps (an analysis's runs, a user function's evaluations):
 * reports 0 of `total` at once, then after every `every`-th step and the last (the signal is
 * checked after each); `inner` is what each step's own simulations take (the signal alone: their
 * blocks stop within one block of an abort).
 */
export function steps(t: Tracker, total: number, unit: string, every = 1): { inner: { signal?: AbortSignal }; step(): void } {
  let done = 0;
  throwIfAborted(t.signal);
  report(t, 0, total, unit);
  const step = () => {
    done++;
    if (done % every === 0 || done === total) report(t, done, total, unit);
    else throwIfAborted(t.signal);
  };
  return { inner: t.signal ? { signal: t.signal } : {}, step };
}

/** Steps of a user function's evaluations: reported at most about 1,000 times, the signal checked after each. */
export function evaluations(t: Tracker, total: number): { step(): void } {
  return steps(t, total, 'evaluations', Math.max(1, Math.floor(total / 1000)));
}
