/**
 * The library's shared data (the sourced record, PRESETS, ROUTES) frozen all the way down: a
 * write throws in strict mode and is ignored otherwise, so a caller that changes
 * `TITR_VOLUMES[0].volumeMt` or `PRESETS.baseline.horizon` cannot change what a later call sees.
 * A spread copy (`{ ...PRESETS.baseline, horizon: 2030 }`) is a new object, not frozen at its
 * top level.
 */

/**
 * `x` with every object and array reachable from it frozen (Object.freeze is shallow), and `x`
 * itself returned. Already-frozen values are walked too: a frozen array may hold objects that are
 * not.
 *
 * @example
 * const d = deepFreeze({ a: [{ b: 1 }] });
 * Object.isFrozen(d.a[0]); // true (an internal helper: not run as a doc test)
 */
export function deepFreeze<T>(x: T): T {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    for (const k of Reflect.ownKeys(v)) walk((v as Record<PropertyKey, unknown>)[k]);
    Object.freeze(v);
  };
  walk(x);
  return x;
}
