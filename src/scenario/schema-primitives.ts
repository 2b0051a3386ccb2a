/**
 * The building blocks of the zod schemas (bounds, finite numbers, strict objects, bounded arrays,
 * parameters and distributions): the one file that imports zod (heavy dependencies behind one
 * adapter). Every rule carries a message that says what is allowed and what was given.
 *
 * zod/mini, zod 4's functional API (`z.optional(x)`, `x.check(z.superRefine(f))`): the same
 * core, issues and messages as the classic API, but a bundler keeps only the functions called
 * (issue 14: `simulateVolumes` + `PRESETS` in a page ≤ 60 KB gzipped; classic zod alone is ~92 KB).
 * Every issue here carries its own message, so zod's English locale, which mini leaves out, is
 * never needed.
 */
import * as zod from 'zod/mini';
import { show } from '../args.js';
import type { Dist, Param } from '../random/dist.js';

/**
 * The zod/mini functions the schema files use: zod enters the library through this file alone.
 * An object of the functions, not the namespace: a re-exported namespace makes a bundler keep all
 * of zod (about 430 KB minified, instead of the 28 KB these functions and what they call take).
 */
export const z = {
  array: zod.array, custom: zod.custom, discriminatedUnion: zod.discriminatedUnion, literal: zod.literal,
  minLength: zod.minLength, nullable: zod.nullable, number: zod.number, optional: zod.optional, overwrite: zod.overwrite,
  pipe: zod.pipe, record: zod.record, strictObject: zod.strictObject, string: zod.string, superRefine: zod.superRefine,
  tuple: zod.tuple, union: zod.union,
};
/**
 * The zod/mini functions only the route schema calls, apart from {@link z}: a bundler keeps every
 * function an object it keeps holds, so in `z` they would ride along into a page that parses
 * scenarios alone (`simulateVolumes`: 0.35 KB gzipped).
 */
export const zRoute = { enum: zod.enum, maxLength: zod.maxLength, unknown: zod.unknown };
/** zod's types, under the same name. */
export declare namespace z {
  export type input<T> = zod.input<T>;
  export type output<T> = zod.output<T>;
  export type ZodMiniType<O = unknown, I = unknown> = zod.ZodMiniType<O, I>;
}

export type Ctx = zod.core.$RefinementCtx;

/** `schema` with a refinement that may add issues (classic zod's `schema.superRefine(check)`). */
export function refined<S extends z.ZodMiniType>(schema: S, check: (value: z.output<S>, ctx: zod.core.$RefinementCtx<z.output<S>>) => void): S {
  return schema.check(z.superRefine(check));
}

/** A short rendering of an offending value for messages: the library's one (args.ts). */
export { show };

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A range of allowed values: `text` is how messages state it ("> -1", "in [0, 1]"). */
export interface Bound {
  min?: number;
  minOpen?: boolean;
  max?: number;
  maxOpen?: boolean;
  text: string;
}
/**
 * A value built on first use and kept: every schema is one, so that importing the library (or a
 * page that never parses) constructs no zod schema, and a bundler can drop what is not called.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const GT = (x: number): Bound => ({ min: x, minOpen: true, text: `> ${x}` });
export const GE = (x: number): Bound => ({ min: x, text: `>= ${x}` });
export const ANY: Bound = { text: 'finite' };
export const UNIT: Bound = { min: 0, max: 1, text: 'in [0, 1]' };

export function within(x: number, b: Bound): boolean {
  if (b.min !== undefined && !(b.minOpen ? x > b.min : x >= b.min)) return false;
  if (b.max !== undefined && !(b.maxOpen ? x < b.max : x <= b.max)) return false;
  return true;
}

export const mustBe = (b: Bound) => (b.text === 'finite' ? 'must be a finite number' : `must be ${b.text}`);

/** A finite number with a message for a missing, non-numeric or infinite value. */
export const finite = (what = 'a finite number') =>
  z.number({ error: (iss) => (iss.input === undefined ? `is required (${what})` : `must be ${what} (got ${show(iss.input)})`) });

/** A finite number inside a bound. */
export function bounded(b: Bound, what?: string) {
  return refined(finite(what ?? (b.text === 'finite' ? 'a finite number' : `a number ${b.text}`)), (x, ctx) => {
    if (!within(x, b)) ctx.addIssue({ code: 'custom', message: `${mustBe(b)} (got ${show(x)})` });
  });
}

/** An integer (years, server counts). */
export const integer = (what: string) =>
  refined(finite(what), (x, ctx) => {
    if (!Number.isInteger(x)) ctx.addIssue({ code: 'custom', message: `must be ${what} (got ${show(x)})` });
  });

/**
 * Years of a scenario are whole numbers within ±1,000,000: year + k stays exact (past 2^53 two
 * years of a run were the same double) and every year prints as itself.
 */
export const MAX_ABS_YEAR = 1_000_000;

/** A whole year in [−MAX_ABS_YEAR, MAX_ABS_YEAR]. */
export const wholeYear = () =>
  refined(finite('a whole year'), (x, ctx) => {
    if (!(Number.isInteger(x) && Math.abs(x) <= MAX_ABS_YEAR)) ctx.addIssue({ code: 'custom', message: `must be a whole year in [-${MAX_ABS_YEAR}, ${MAX_ABS_YEAR}] (got ${show(x)})` });
  });

/** A strict object: unknown fields are errors that list the allowed ones (catches typos). */
export function obj<S extends zod.core.$ZodLooseShape>(shape: S) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `is not a known field (allowed: ${allowed})`
        : iss.input === undefined
          ? `is required (an object with ${allowed})`
          : `must be an object with ${allowed} (got ${show(iss.input)})`,
  });
}

export const text = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `is required (${what})` : `must be ${what} (got ${show(iss.input)})`) });
export const nonEmpty = (what: string) =>
  refined(text(what), (s, ctx) => {
    if (s.trim() === '') ctx.addIssue({ code: 'custom', message: `must be ${what} (got an empty string)` });
  });

/** The longest arrays a document may hold (CONVENTIONS: fixed limits). */
export const MAX_ITEMS = { disruptions: 100, expansions: 100, legs: 100, points: 1000, correlations: 100 } as const;

/**
 * An array of at most `max` elements, its length checked *before* any element is validated, so
 * that a document with 10^6 bad disruptions is refused at once with one issue instead of a
 * million (CONVENTIONS, fixed limits). `what` names the elements in messages ("disruptions");
 * `min` is an optional lower bound on the length. Input and output types are those of
 * `z.array(element)`.
 *
 * @example
 * const legs = boundedArray(leg, { max: MAX_ITEMS.legs, min: 1, what: 'legs' });
 */
export function boundedArray<E extends z.ZodMiniType>(element: E, o: { max: number; what: string; min?: number }) {
  const { max, what, min = 0 } = o;
  const gate = z.custom<z.input<E>[]>((x) => Array.isArray(x) && x.length <= max && x.length >= min, {
    error: (iss) => {
      const x = iss.input;
      if (!Array.isArray(x)) return x === undefined ? `is required (an array of ${what})` : `must be an array of ${what} (got ${show(x)})`;
      if (x.length > max) return `must hold at most ${max} ${what} (got ${x.length})`;
      return `must hold at least ${min} ${what} (got ${x.length})`;
    },
  });
  return z.pipe(gate, z.array(element));
}

function minModeMax(d: { min: number; mode: number; max: number }, ctx: Ctx): void {
  if (!(d.min <= d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
  else if (!(d.min <= d.mode && d.mode <= d.max)) {
    ctx.addIssue({ code: 'custom', path: ['mode'], message: `must lie between min and max (got mode ${d.mode}, min ${d.min}, max ${d.max})` });
  }
}

export const DIST_LIST = "'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical'";

const distSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
  'dist',
  [
    refined(obj({ dist: z.literal('uniform'), min: finite(), max: finite() }), (d, ctx) => {
      if (!(d.min <= d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
    }),
    refined(obj({ dist: z.literal('triangular'), min: finite(), mode: finite(), max: finite() }), minModeMax),
    refined(obj({ dist: z.literal('pert'), min: finite(), mode: finite(), max: finite(), lambda: z.optional(bounded(GE(0))) }), minModeMax),
    refined(obj({ dist: z.literal('normal'), mean: finite(), sd: bounded(GE(0)), min: z.optional(finite()), max: z.optional(finite()) }), (d, ctx) => {
      if (d.min !== undefined && d.max !== undefined && !(d.min <= d.max)) {
        ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
      } else if (d.sd === 0 && ((d.min !== undefined && d.mean < d.min) || (d.max !== undefined && d.mean > d.max))) {
        ctx.addIssue({ code: 'custom', path: ['mean'], message: `with sd 0 must lie in [min, max] (got mean ${d.mean})` });
      }
    }),
    refined(obj({ dist: z.literal('lognormal'), median: bounded(GT(0)), sigma: bounded(GE(0)), min: z.optional(bounded(GE(0))), max: z.optional(bounded(GT(0))) }), (d, ctx) => {
      if (d.min !== undefined && d.max !== undefined && !(d.min <= d.max)) {
        ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
      } else if (d.sigma === 0 && ((d.min !== undefined && d.median < d.min) || (d.max !== undefined && d.median > d.max))) {
        ctx.addIssue({ code: 'custom', path: ['median'], message: `with sigma 0 must lie in [min, max] (got median ${d.median})` });
      }
    }),
    refined(obj({
      dist: z.literal('empirical'),
      values: z.array(finite(), { error: (iss) => `must be an array of numbers (got ${show(iss.input)})` }).check(z.minLength(1, { error: 'must hold at least one value' })),
      weights: z.optional(z.array(bounded(GE(0)), { error: (iss) => `must be an array of numbers >= 0 (got ${show(iss.input)})` })),
    }), (d, ctx) => {
      if (d.weights === undefined) return;
      if (d.weights.length !== d.values.length) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have one weight per value (got ${d.weights.length} weights for ${d.values.length} values)` });
      } else {
        // The sampler's own sum (random/check.ts): refused here, with the field's path, rather than by the run.
        const total = d.weights.reduce((s, w) => s + w, 0);
        if (!(total > 0 && total <= Number.MAX_VALUE)) ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have a positive, finite sum (got ${show(total)})` });
      }
    }),
  ],
  { error: (iss) => `must be one of ${DIST_LIST} (got ${show((iss.input as { dist?: unknown } | undefined)?.dist ?? iss.input)})` },
  ),
);

/** Checks that every value a distribution can take lies inside the bound. */
function supportInside(d: Dist, b: Bound, ctx: Ctx): void {
  if (b.min === undefined && b.max === undefined) return;
  const why = `every value ${mustBe(b).replace('must be', 'must be')}`;
  const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  switch (d.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      if (!within(d.min, b)) fail(['min'], `${mustBe(b)} (got ${d.min}): ${why}`);
      if (!within(d.max, b)) fail(['max'], `${mustBe(b)} (got ${d.max}): ${why}`);
      return;
    case 'normal': {
      if (d.sd === 0) {
        if (!within(d.mean, b)) fail(['mean'], `${mustBe(b)} (got ${d.mean}): ${why}`);
        return;
      }
      if (b.min !== undefined) {
        if (d.min === undefined) fail([], `a normal distribution is unbounded below here: give it min (${why})`);
        else if (!within(d.min, { ...b, max: undefined })) fail(['min'], `${mustBe(b)} (got ${d.min}): ${why}`);
      }
      if (b.max !== undefined) {
        if (d.max === undefined) fail([], `a normal distribution is unbounded above here: give it max (${why})`);
        else if (!within(d.max, { ...b, min: undefined })) fail(['max'], `${mustBe(b)} (got ${d.max}): ${why}`);
      }
      return;
    }
    case 'lognormal': {
      if (d.sigma === 0) {
        if (!within(d.median, b)) fail(['median'], `${mustBe(b)} (got ${d.median}): ${why}`);
        return;
      }
      // Support (min, max], or (0, ∞) untruncated: open at 0.
      if (b.min !== undefined) {
        if (!(d.min! > 0)) {
          if (!(0 >= b.min)) fail([], `a lognormal takes values down to 0 here: give it min (${why})`);
        } else if (!within(d.min!, b)) fail(['min'], `${mustBe(b)} (got ${d.min}): ${why}`);
      }
      if (b.max !== undefined) {
        if (d.max === undefined) fail([], `a lognormal is unbounded above here: give it max (${why})`);
        else if (!within(d.max, { ...b, min: undefined })) fail(['max'], `${mustBe(b)} (got ${d.max}): ${why}`);
      }
      return;
    }
    case 'empirical':
      d.values.forEach((v, i) => {
        if (!within(v, b)) fail(['values', i], `${mustBe(b)} (got ${v}): ${why}`);
      });
      return;
  }
}

/**
 * A parameter: a number inside the bound, or a distribution whose whole support is inside it.
 * With `cap` (a route's days: ROUTE_LIMITS.days), a lognormal with sigma ≠ 0 and no `max` is
 * given `max: cap` (truncated there) before the check: the parsed document says so, and parses
 * to itself.
 */
export function param(b: Bound, cap?: number) {
  const check = (p: Param, ctx: Ctx) => {
    if (typeof p === 'number') {
      if (!within(p, b)) ctx.addIssue({ code: 'custom', message: `${mustBe(b)} (got ${show(p)})` });
    } else supportInside(p, b, ctx);
  };
  const schema = z.union([finite(), distSchema()]) as unknown as z.ZodMiniType<Param, Param>;
  if (cap === undefined) return refined(schema, check);
  return schema.check(z.overwrite((p) => (typeof p !== 'number' && p.dist === 'lognormal' && p.sigma !== 0 && p.max === undefined ? { ...p, max: cap } : p)), z.superRefine(check));
}
