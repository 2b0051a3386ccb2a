/**
 * What a run to a tolerance reports (docs/design.md, "Precision on demand"): its {@link Precision},
 * plain data, a declared field of the result it was sized for — `null` on a run of a size fixed
 * in advance, and then absent from the result's `toJSON()`, so that a fixed run's JSON is what it
 * always was.
 */

/** A probability's 95 % Wilson score interval: `method` and `level` say which. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly method: 'wilson';
}

/** How a run with `untilStandardError` was sized and what it found: plain data, on the result and in its `toJSON()`. */
export interface Precision {
  /** The statistic, e.g. `P(volume ≥ 10 Mt in 2027)`. */
  readonly statistic: string;
  readonly tolerance: number;
  /** The cap on paths (trips) of the run, and of the pilot. */
  readonly max: number;
  /** The pilot: its seed, its paths (trips) and how many of them had the event. Not part of the estimate. */
  readonly pilot: { readonly seed: string; readonly paths: number; readonly hits: number };
  /** The run's paths (trips), fixed from the pilot: a multiple of 16,384, or the cap. */
  readonly paths: number;
  /** The run's paths (trips) with the event. */
  readonly hits: number;
  /** hits / paths, with the plug-in standard error √(p(1 − p)/n): the result's own estimate. */
  readonly estimate: number;
  readonly standardError: number;
  /** The 95 % Wilson score interval of the run: it holds near 0 and 1, where the standard error does not. */
  readonly interval: Interval;
  /**
   * True when the pilot could size the run, the size it needed was within the cap (before its
   * rounding up to whole blocks), and the run's standard error came out
   * at most the tolerance with hits in (0, paths). Never true on an estimate of 0 ± 0 or 1 ± 0.
   */
  readonly reached: boolean;
}

/** A copy of `p`, frozen all the way down (its pilot and interval too): what a result keeps; null stays null. */
export function frozenPrecision(p: Precision | null | undefined): Precision | null {
  return p ? Object.freeze({ ...p, pilot: Object.freeze({ ...p.pilot }), interval: Object.freeze({ ...p.interval }) }) : null;
}

/** What a result's `toJSON()` adds: `{ precision }` (a fresh, unfrozen copy) when it has one, else nothing. */
export function precisionJSON(p: Precision | null): { precision?: Precision } {
  return p ? { precision: { ...p, pilot: { ...p.pilot }, interval: { ...p.interval } } } : {};
}
