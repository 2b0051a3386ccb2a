/**
 * The checks of the arbitraries' constraints: a constraint beyond what the library accepts would
 * make the arbitrary generate invalid documents (its promise is that every one parses), so it is
 * refused up front, naming the constraint and what is allowed.
 */
import { options, show } from '../args.js';
import { MAX_ABS_YEAR, MAX_ITEMS } from '../scenario/schema-primitives.js';
import { ROUTE_LIMITS } from '../scenario/route-limits.js';
import { MAX_HORIZON_YEARS } from '../scenario/types.js';

/** The largest start volume a generated scenario may have (Mt): its paths stay far below MAX_VOLUME_MT. */
export const MAX_START_MT = 1e6;
/**
 * The smallest (1 t a year): a logistic or Gompertz capacity of 1.05–5 × the start volume stays
 * strictly above it as a double (at 5e-324 the product rounded back to the start volume, which
 * the anchored curves' rule refuses).
 */
export const MIN_START_MT = 1e-6;

/** A [lo, hi] pair of numbers (whole when `whole`) with min ≤ lo ≤ hi ≤ max. */
export function range(fn: string, name: string, x: unknown, min: number, max: number, whole: boolean, minOpen = false): [number, number] {
  const what = `${name} must be [lo, hi] with ${minOpen ? `${min} < lo` : `${min} <= lo`} <= hi <= ${max}${whole ? ', whole numbers' : ''}`;
  if (!Array.isArray(x) || x.length !== 2 || typeof x[0] !== 'number' || typeof x[1] !== 'number') throw new TypeError(`${fn}: ${what} (got ${show(x)})`);
  const [lo, hi] = x as [number, number];
  const ok = (minOpen ? lo > min : lo >= min) && lo <= hi && hi <= max && (!whole || (Number.isInteger(lo) && Number.isInteger(hi)));
  if (!ok) throw new RangeError(`${fn}: ${what} (got ${show(x)})`);
  return [lo, hi];
}

/** A whole number in [min, max]. */
export function whole(fn: string, name: string, x: unknown, min: number, max: number): number {
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be a whole number in [${min}, ${max}] (got ${show(x)})`);
  if (!(Number.isInteger(x) && x >= min && x <= max)) throw new RangeError(`${fn}: ${name} must be a whole number in [${min}, ${max}] (got ${show(x)})`);
  return x;
}

/** A boolean or nothing. */
export function flag(fn: string, name: string, x: unknown): boolean | undefined {
  if (x !== undefined && typeof x !== 'boolean') throw new TypeError(`${fn}: ${name} must be true or false (got ${show(x)})`);
  return x;
}

/** A non-empty list of names from `allowed`, without repeats. */
export function names<T extends string>(fn: string, name: string, x: unknown, allowed: readonly T[]): T[] {
  const what = `${name} must be a non-empty array of ${allowed.map((a) => `'${a}'`).join(', ')}`;
  if (!Array.isArray(x) || x.length === 0) throw new TypeError(`${fn}: ${what} (got ${show(x)})`);
  for (const v of x) if (!allowed.includes(v as T)) throw new RangeError(`${fn}: ${what} (got ${show(v)})`);
  return [...new Set(x as T[])];
}

/** The checked constraints of `scenario()`. */
export function scenarioConstraints(o: unknown) {
  const fn = 'scenario';
  const c = options<Record<string, unknown>>(fn, o, ['startYear', 'years', 'startMt', 'growth', 'capacity', 'maxDisruptions']);
  const lastStart = MAX_ABS_YEAR - MAX_HORIZON_YEARS;
  return {
    startYear: c.startYear === undefined ? ([2020, 2030] as [number, number]) : range(fn, 'startYear', c.startYear, -lastStart, lastStart, true),
    years: c.years === undefined ? ([1, 10] as [number, number]) : range(fn, 'years', c.years, 0, MAX_HORIZON_YEARS, true),
    startMt: c.startMt === undefined ? ([0.5, 10] as [number, number]) : range(fn, 'startMt', c.startMt, MIN_START_MT, MAX_START_MT, false),
    growth: c.growth === undefined ? (['exponential', 'logistic', 'gompertz', 'piecewise'] as const).slice() : names(fn, 'growth', c.growth, ['exponential', 'logistic', 'gompertz', 'piecewise'] as const),
    capacity: flag(fn, 'capacity', c.capacity),
    maxDisruptions: c.maxDisruptions === undefined ? 2 : whole(fn, 'maxDisruptions', c.maxDisruptions, 0, MAX_ITEMS.disruptions),
  };
}

/** The checked constraints of `route()`. */
export function routeConstraints(o: unknown) {
  const fn = 'route';
  const c = options<Record<string, unknown>>(fn, o, ['legs', 'maxDays', 'queues']);
  const maxDays = c.maxDays ?? 30;
  if (typeof maxDays !== 'number') throw new TypeError(`route: maxDays must be a number in (0, ${ROUTE_LIMITS.days}] (got ${show(maxDays)})`);
  if (!(maxDays > 0 && maxDays <= ROUTE_LIMITS.days)) throw new RangeError(`route: maxDays must be a number in (0, ${ROUTE_LIMITS.days}] (got ${show(maxDays)})`);
  return {
    legs: c.legs === undefined ? ([1, 6] as [number, number]) : range(fn, 'legs', c.legs, 1, ROUTE_LIMITS.legs, true),
    maxDays,
    queues: flag(fn, 'queues', c.queues),
  };
}
