/**
 * The zod schemas of scenarios and routes: the one file that imports zod (heavy dependencies behind one adapter). Every
 * rule carries a message that says what is allowed and what was given.
 */
import { z } from 'zod';

/** zod itself, for the other schema files: zod enters the library through this file alone. */
export { z };
import { show } from '../args.js';
import { support } from '../random/moments.js';
import type { Dist, Param } from '../random/dist.js';
import { compileFormula } from '../growth/formula.js';
import { FormulaError } from '../growth/formula-error.js';
import { midpointLog } from '../growth/model.js';
import { MAX_HORIZON_YEARS, type ScenarioInput } from './types.js';
import { MAX_KEPT_ISSUES, type ScenarioIssue } from './error.js';

type Ctx = z.RefinementCtx;

/** A short rendering of an offending value for messages: the library's one (args.ts). */
export { show };

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A range of allowed values: `text` is how messages state it ("> -1", "in [0, 1]"). */
interface Bound {
  min?: number;
  minOpen?: boolean;
  max?: number;
  maxOpen?: boolean;
  text: string;
}
export const GT = (x: number): Bound => ({ min: x, minOpen: true, text: `> ${x}` });
export const GE = (x: number): Bound => ({ min: x, text: `>= ${x}` });
const ANY: Bound = { text: 'finite' };
export const UNIT: Bound = { min: 0, max: 1, text: 'in [0, 1]' };

function within(x: number, b: Bound): boolean {
  if (b.min !== undefined && !(b.minOpen ? x > b.min : x >= b.min)) return false;
  if (b.max !== undefined && !(b.maxOpen ? x < b.max : x <= b.max)) return false;
  return true;
}

const mustBe = (b: Bound) => (b.text === 'finite' ? 'must be a finite number' : `must be ${b.text}`);

/** A finite number with a message for a missing, non-numeric or infinite value. */
export const finite = (what = 'a finite number') =>
  z.number({ error: (iss) => (iss.input === undefined ? `is required (${what})` : `must be ${what} (got ${show(iss.input)})`) });

/** A finite number inside a bound. */
export function bounded(b: Bound, what?: string) {
  return finite(what ?? (b.text === 'finite' ? 'a finite number' : `a number ${b.text}`)).superRefine((x, ctx) => {
    if (!within(x, b)) ctx.addIssue({ code: 'custom', message: `${mustBe(b)} (got ${show(x)})` });
  });
}

/** An integer (years, server counts). */
export const integer = (what: string) =>
  finite(what).superRefine((x, ctx) => {
    if (!Number.isInteger(x)) ctx.addIssue({ code: 'custom', message: `must be ${what} (got ${show(x)})` });
  });

/** A strict object: unknown fields are errors that list the allowed ones (catches typos). */
export function obj<S extends z.ZodRawShape>(shape: S) {
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
  text(what).superRefine((s, ctx) => {
    if (s.trim() === '') ctx.addIssue({ code: 'custom', message: `must be ${what} (got an empty string)` });
  });

/** The longest arrays a document may hold (CONVENTIONS: fixed limits). */
export const MAX_ITEMS = { disruptions: 100, expansions: 100, legs: 100, points: 1000 } as const;

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
export function boundedArray<E extends z.ZodType>(element: E, o: { max: number; what: string; min?: number }) {
  const { max, what, min = 0 } = o;
  const gate = z.custom<z.input<E>[]>((x) => Array.isArray(x) && x.length <= max && x.length >= min, {
    error: (iss) => {
      const x = iss.input;
      if (!Array.isArray(x)) return x === undefined ? `is required (an array of ${what})` : `must be an array of ${what} (got ${show(x)})`;
      if (x.length > max) return `must hold at most ${max} ${what} (got ${x.length})`;
      return `must hold at least ${min} ${what} (got ${x.length})`;
    },
  });
  return gate.pipe(z.array(element));
}

function minModeMax(d: { min: number; mode: number; max: number }, ctx: Ctx): void {
  if (!(d.min <= d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
  else if (!(d.min <= d.mode && d.mode <= d.max)) {
    ctx.addIssue({ code: 'custom', path: ['mode'], message: `must lie between min and max (got mode ${d.mode}, min ${d.min}, max ${d.max})` });
  }
}

const DIST_LIST = "'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical'";

const distSchema = z.discriminatedUnion(
  'dist',
  [
    obj({ dist: z.literal('uniform'), min: finite(), max: finite() }).superRefine((d, ctx) => {
      if (!(d.min <= d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
    }),
    obj({ dist: z.literal('triangular'), min: finite(), mode: finite(), max: finite() }).superRefine(minModeMax),
    obj({ dist: z.literal('pert'), min: finite(), mode: finite(), max: finite(), lambda: bounded(GE(0)).optional() }).superRefine(minModeMax),
    obj({ dist: z.literal('normal'), mean: finite(), sd: bounded(GE(0)), min: finite().optional(), max: finite().optional() }).superRefine((d, ctx) => {
      if (d.min !== undefined && d.max !== undefined && !(d.min <= d.max)) {
        ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got min ${d.min}, max ${d.max})` });
      } else if (d.sd === 0 && ((d.min !== undefined && d.mean < d.min) || (d.max !== undefined && d.mean > d.max))) {
        ctx.addIssue({ code: 'custom', path: ['mean'], message: `with sd 0 must lie in [min, max] (got mean ${d.mean})` });
      }
    }),
    obj({ dist: z.literal('lognormal'), median: bounded(GT(0)), sigma: bounded(GE(0)) }),
    obj({
      dist: z.literal('empirical'),
      values: z.array(finite(), { error: (iss) => `must be an array of numbers (got ${show(iss.input)})` }).min(1, { error: 'must hold at least one value' }),
      weights: z.array(bounded(GE(0)), { error: (iss) => `must be an array of numbers >= 0 (got ${show(iss.input)})` }).optional(),
    }).superRefine((d, ctx) => {
      if (d.weights === undefined) return;
      if (d.weights.length !== d.values.length) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have one weight per value (got ${d.weights.length} weights for ${d.values.length} values)` });
      } else if (!(d.weights.reduce((s, w) => s + w, 0) > 0)) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: 'must have a positive sum' });
      }
    }),
  ],
  { error: (iss) => `must be one of ${DIST_LIST} (got ${show((iss.input as { dist?: unknown } | undefined)?.dist ?? iss.input)})` },
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
      const m = support(d);
      if (d.sigma === 0) {
        if (!within(d.median, b)) fail(['median'], `${mustBe(b)} (got ${d.median}): ${why}`);
        return;
      }
      // Support (0, ∞): open at 0.
      if (b.min !== undefined && !(0 >= b.min)) fail([], `a lognormal takes values down to 0 here: ${why}`);
      if (b.max !== undefined && m.max === null) fail([], `a lognormal is unbounded above: ${why}; use a bounded distribution`);
      return;
    }
    case 'empirical':
      d.values.forEach((v, i) => {
        if (!within(v, b)) fail(['values', i], `${mustBe(b)} (got ${v}): ${why}`);
      });
      return;
  }
}

/** A parameter: a number inside the bound, or a distribution whose whole support is inside it. */
export function param(b: Bound) {
  return z.union([finite(), distSchema]).superRefine((p, ctx) => {
    if (typeof p === 'number') {
      if (!within(p, b)) ctx.addIssue({ code: 'custom', message: `${mustBe(b)} (got ${show(p)})` });
    } else supportInside(p as Dist, b, ctx);
  }) as unknown as z.ZodType<Param, Param>;
}

// ---------------------------------------------------------------------------------------------
// Growth

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Logistic and Gompertz take exactly one of rate or midpointYear (the other follows; docs/design.md). */
function exactlyOneRate(g: { model: string; rate?: Param | undefined; midpointYear?: Param | undefined }, ctx: Ctx): void {
  const both = g.rate !== undefined && g.midpointYear !== undefined;
  if (both || (g.rate === undefined && g.midpointYear === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: both ? ['midpointYear'] : [],
      message: `a ${g.model} curve needs exactly one of rate or midpointYear (got ${both ? 'both' : 'neither'}): it passes through the start point and levels off at capacityMt, so the rate fixes the midpoint and the midpoint the rate`,
    });
  }
}

/** A parameter's support as messages show it. */
function showSupport(p: Param): string {
  if (typeof p === 'number') return String(p);
  const m = support(p);
  return `a ${p.dist} over [${m.min ?? -Infinity}, ${m.max ?? Infinity}]`;
}

/**
 * The anchored logistic and Gompertz need every draw of capacityMt above start.volumeMt, and,
 * given midpointYear, a rate r > 0 for every draw of (capacityMt, midpointYear): the sign of
 * ln(K/v0 − 1) (logistic) or ln(ln(K/v0)) (Gompertz), increasing in K, must be the sign of
 * midpointYear − start.year over both supports.
 */
function anchoredCurve(g: { model: string; capacityMt: Param; rate?: Param | undefined; midpointYear?: Param | undefined }, start: { year: number; volumeMt: number }, ctx: Ctx): void {
  const logistic = g.model === 'logistic';
  const v0 = start.volumeMt;
  const t0 = start.year;
  const { min: kMin, max: kMax } = support(g.capacityMt);
  const K = { min: kMin ?? -Infinity, max: kMax ?? Infinity };
  if (!(K.min > v0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['growth', 'capacityMt'],
      message: `every draw must exceed start.volumeMt ${v0}: the ${g.model} curve starts there and levels off at capacityMt, its plateau (got ${showSupport(g.capacityMt)})`,
    });
    return;
  }
  if (g.midpointYear === undefined || g.rate !== undefined) return;
  const { min: tMin, max: tMax } = support(g.midpointYear);
  const tm = { min: tMin ?? -Infinity, max: tMax ?? Infinity };
  const lo = midpointLog(logistic, K.min, v0);
  const hi = K.max === Infinity ? Infinity : midpointLog(logistic, K.max, v0);
  const threshold = logistic ? '2 × start.volumeMt' : 'e × start.volumeMt';
  const point = logistic ? 'midpoint (half of capacityMt)' : 'inflection (capacityMt/e)';
  const at = `${Number((logistic ? 2 * v0 : Math.E * v0).toPrecision(4))}`;
  const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['growth', 'midpointYear'], message });
  if (lo > 0) {
    if (!(tm.min > t0)) fail(`must be after start.year ${t0} when capacityMt > ${threshold} (${at}): the curve starts below its ${point}, so that year lies ahead (got ${showSupport(g.midpointYear)})`);
  } else if (hi < 0) {
    if (!(tm.max < t0)) fail(`must be before start.year ${t0} when capacityMt < ${threshold} (${at}): the curve starts above its ${point}, so that year lies behind (got ${showSupport(g.midpointYear)})`);
  } else {
    fail(
      `cannot fix the rate when capacityMt can be ${threshold} (${at}) (capacityMt is ${showSupport(g.capacityMt)}): there the curve is at its ${point} at the start whatever the rate. ` +
        `Keep every draw of capacityMt on one side of ${at}, or give rate instead`,
    );
  }
}

const point = obj({ year: integer('a whole year'), volumeMt: bounded(GT(0)) });

const growthSchema = z.discriminatedUnion(
  'model',
  [
    obj({ model: z.literal('exponential'), rate: param(GT(-1)) }),
    obj({ model: z.literal('logistic'), capacityMt: param(GT(0)), rate: param(GT(0)).optional(), midpointYear: param(ANY).optional() }).superRefine(exactlyOneRate),
    obj({ model: z.literal('gompertz'), capacityMt: param(GT(0)), rate: param(GT(0)).optional(), midpointYear: param(ANY).optional() }).superRefine(exactlyOneRate),
    obj({
      model: z.literal('piecewise'),
      points: boundedArray(point, { max: MAX_ITEMS.points, min: 2, what: 'points { year, volumeMt }' }),
    }).superRefine((g, ctx) => {
      g.points.forEach((p, i) => {
        if (i > 0 && !(p.year > g.points[i - 1]!.year)) {
          ctx.addIssue({ code: 'custom', path: ['points', i, 'year'], message: `must be after the previous point's year ${g.points[i - 1]!.year} (got ${p.year}); list points in year order` });
        }
      });
    }),
    obj({
      model: z.literal('expression'),
      formula: nonEmpty('a formula in t, e.g. "a * exp(b * (t - 2025))"'),
      params: z.record(z.string(), param(ANY), { error: (iss) => `must be an object of named parameters (got ${show(iss.input)})` }),
    }).superRefine((g, ctx) => {
      const names = Object.keys(g.params);
      for (const n of names) {
        if (!IDENT.test(n) || n === 't') {
          ctx.addIssue({ code: 'custom', path: ['params', n], message: `must be named like an identifier other than t (got ${JSON.stringify(n)})` });
          return;
        }
      }
      try {
        compileFormula(g.formula, names);
      } catch (e) {
        if (e instanceof FormulaError) ctx.addIssue({ code: 'custom', path: ['formula'], message: e.reason });
        else throw e;
      }
    }),
  ],
  { error: (iss) => `must be one of 'exponential', 'logistic', 'gompertz', 'piecewise', 'expression' (got ${show((iss.input as { model?: unknown } | undefined)?.model ?? iss.input)})` },
);

// ---------------------------------------------------------------------------------------------
// Scenario

const expansion = obj({ year: integer('a whole year'), addMt: param(GE(0)), delayYears: param(GE(0)).optional() });
// `null` is accepted wherever a parsed document writes one (name, capacity, demandFactor,
// capacityFactor, target) and means the same as an absent field (for target: no target), so that
// a parsed scenario that went through JSON or structuredClone, or came from the other build,
// parses again to itself (docs/design.md: parsing is idempotent). `kind: 'scenario'` likewise.
const disruption = obj({
  name: nonEmpty('a name'),
  probability: param(UNIT),
  demandFactor: param(GT(0)).nullable().optional(),
  capacityFactor: param(GT(0)).nullable().optional(),
}).superRefine((d, ctx) => {
  if (d.demandFactor == null && d.capacityFactor == null) {
    ctx.addIssue({ code: 'custom', message: 'needs demandFactor or capacityFactor (or both): a disruption with neither changes nothing' });
  }
});

export const scenarioSchema = obj({
  name: text('a string').nullable().optional(),
  start: obj({ year: integer('a whole year'), volumeMt: bounded(GT(0)) }),
  horizon: integer('a whole year'),
  growth: growthSchema,
  volatility: param(GE(0)).optional(),
  persistence: bounded({ min: 0, max: 1, maxOpen: true, text: 'in [0, 1)' }).optional(),
  capacity: obj({
    baseMt: param(GT(0)),
    expansions: boundedArray(expansion, { max: MAX_ITEMS.expansions, what: 'expansions' }).optional(),
  }).nullable().optional(),
  disruptions: boundedArray(disruption, { max: MAX_ITEMS.disruptions, what: 'disruptions' }).optional(),
  /** 10 Mt in 2027 when absent (if that year is in the run); null: no target. */
  target: obj({ year: integer('a whole year'), volumeMt: bounded(GT(0)) }).nullable().optional(),
  /** What a parsed scenario carries; accepted so that parsing is idempotent. */
  kind: z.literal('scenario', { error: (iss) => `must be 'scenario' when given (got ${show(iss.input)})` }).optional(),
}).superRefine((s, ctx) => {
  const y0 = s.start.year;
  if (s.growth.model === 'logistic' || s.growth.model === 'gompertz') anchoredCurve(s.growth, s.start, ctx);
  if (!(s.horizon >= y0)) ctx.addIssue({ code: 'custom', path: ['horizon'], message: `must be >= start.year ${y0} (got ${s.horizon})` });
  else if (s.horizon - y0 > MAX_HORIZON_YEARS) {
    ctx.addIssue({ code: 'custom', path: ['horizon'], message: `must be at most ${MAX_HORIZON_YEARS} years after start.year ${y0} (got ${s.horizon})` });
  }
  if (s.target && s.horizon >= y0 && !(s.target.year >= y0 && s.target.year <= s.horizon)) {
    ctx.addIssue({ code: 'custom', path: ['target', 'year'], message: `must lie in the run, ${y0}–${s.horizon} (got ${s.target.year})` });
  }
  const seen = new Set<string>();
  (s.disruptions ?? []).forEach((d, i) => {
    if (seen.has(d.name)) ctx.addIssue({ code: 'custom', path: ['disruptions', i, 'name'], message: `must be unique (${JSON.stringify(d.name)} is used twice)` });
    seen.add(d.name);
    if (d.capacityFactor != null && s.capacity == null) {
      ctx.addIssue({ code: 'custom', path: ['disruptions', i, 'capacityFactor'], message: 'has no capacity to act on: give the scenario a capacity (capacity.baseMt) or drop capacityFactor' });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Issues

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  errors?: ZodIssueLike[][];
  keys?: string[];
}

/**
 * Zod's issues as `{ path, message }`: a union of a number and a distribution is reported by the
 * branch the input was meant for (the distribution's when it is an object).
 */
export function toIssues(issues: readonly ZodIssueLike[], prefix: (string | number)[] = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as (string | number)[];
    if (iss.code === 'invalid_union' && iss.errors && iss.errors.length === 2) {
      // The union of a number and a distribution (param()): report the branch meant.
      const input = iss.input;
      if (input !== null && typeof input === 'object' && !Array.isArray(input) && iss.errors.length === 2) {
        out.push(...toIssues(iss.errors[1]!, path));
      } else {
        out.push({ path, message: `must be a number or a distribution { dist: ${DIST_LIST.replaceAll(', ', ' | ')}, … } (got ${show(input)})` });
      }
      continue;
    }
    if (iss.code === 'unrecognized_keys' && iss.keys) {
      for (const key of iss.keys) out.push({ path: [...path, key], message: iss.message });
      continue;
    }
    out.push({ path, message: iss.message });
  }
  return out;
}

/** Parses with a schema; returns the data or the issues. */
export function check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; issues: ScenarioIssue[]; count: number } {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, data: r.data };
  const issues = toIssues(r.error.issues as unknown as ZodIssueLike[]);
  return { ok: false, issues: issues.slice(0, MAX_KEPT_ISSUES), count: issues.length };
}

// ---------------------------------------------------------------------------------------------
// The hand-written input type (types.ts, where each field has its TSDoc) and the schema's input
// type agree both ways: a change to one that the other does not follow fails the typecheck.
type Assert<T extends true> = T;
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type SchemaInput = DeepReadonly<z.input<typeof scenarioSchema>>;
type HandWritten = DeepReadonly<ScenarioInput>;
export type ScenarioInputMatchesSchema = Assert<HandWritten extends SchemaInput ? (SchemaInput extends HandWritten ? true : false) : false>;
