/**
 * Precision on demand (docs/design.md, "Precision on demand"): stream blocks are run in order
 * until the standard error of a probability is at most a tolerance, or the cap is reached. The
 * first n blocks of a run are always the same numbers, so the stopping point is deterministic for
 * a seed and tolerance, and the result is the run of exactly that many paths.
 */

/** How a run with `untilStandardError` stopped: plain data, on the result and in its `toJSON()`. */
export interface Precision {
  /** The statistic, e.g. `P(volume ≥ 10 Mt in 2027)`. */
  readonly statistic: string;
  readonly tolerance: number;
  /** The cap on paths (trips). */
  readonly max: number;
  /** The paths (trips) it took: a multiple of 16,384, or the cap. */
  readonly paths: number;
  readonly estimate: number;
  readonly standardError: number;
  /** Whether the standard error reached the tolerance (false: the cap stopped the run). */
  readonly reached: boolean;
}

/**
 * Runs blocks 0, 1, … of `size` paths (the last one cut at `max`) through `count`, which returns
 * a block's successes and its number of paths, until the plug-in standard error √(p(1 − p)/n)
 * is at most `tolerance` or `max` paths are done. A probability estimated as 0 or 1 has a
 * standard error of 0: the run then stops after its first block.
 */
export function untilPrecise(tolerance: number, max: number, size: number, count: (block: number) => { hits: number; n: number }): { paths: number; estimate: number; standardError: number; reached: boolean; blocks: number } {
  let hits = 0;
  let n = 0;
  for (let b = 0; ; b++) {
    const c = count(b);
    hits += c.hits;
    n += c.n;
    const p = hits / n;
    const se = Math.sqrt((p * (1 - p)) / n);
    const reached = se <= tolerance;
    if (reached || n >= max || (b + 1) * size >= max) return { paths: n, estimate: p, standardError: se, reached, blocks: b + 1 };
  }
}

/** The result with its {@link Precision} attached: a `precision` field, and in its `toJSON()`. */
/** A result with its {@link Precision}: the field, and the same in its `toJSON()`. */
export type WithPrecision<T extends { toJSON(): object }> = { readonly precision: Precision; toJSON(): ReturnType<T['toJSON']> & { precision: Precision } } & T;

export function withPrecision<T extends { toJSON(): object }>(r: T, precision: Precision): WithPrecision<T> {
  const json = r.toJSON.bind(r);
  Object.defineProperty(r, 'precision', { value: Object.freeze({ ...precision }), enumerable: true });
  Object.defineProperty(r, 'toJSON', { value: () => ({ ...json(), precision: { ...precision } }), enumerable: false });
  return r as WithPrecision<T>;
}
