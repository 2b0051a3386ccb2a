import type { Param } from '../random/dist.js';
import { support } from '../random/moments.js';
import { compileFormula } from '../growth/formula.js';
import { FormulaError } from '../growth/formula-error.js';
import { midpointLog } from '../growth/anchored.js';
import { ANY, boundedArray, bounded, GT, lazy, MAX_ITEMS, nonEmpty, obj, param, refined, show, wholeYear, z, type Ctx } from './schema-primitives.js';

/** The schema of a scenario's growth model (docs/design.md, "Median path"), and the anchored curves' checks against the start. */
// ---------------------------------------------------------------------------------------------
// Growth

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Refuses a parameter named `__proto__` (an own key of what JSON.parse gives): a record built on a
 * plain object drops it without a word, so it is an error naming growth.params.__proto__, checked
 * on the raw input before the record is built (docs/design.md, Formulas).
 */
const reservedNames = () =>
  z.custom<Record<string, Param>>().check(z.superRefine((x, ctx) => {
    if (x !== null && typeof x === 'object' && Object.prototype.hasOwnProperty.call(x, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'is a reserved name, not a parameter name (JavaScript objects treat __proto__ as their prototype): rename the parameter' });
    }
  }));

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
export function anchoredCurve(g: { model: string; capacityMt: Param; rate?: Param | undefined; midpointYear?: Param | undefined }, start: { year: number; volumeMt: number }, ctx: Ctx): void {
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

export const growthSchema = /* @__PURE__ */ lazy(() => {
  const point = obj({ year: wholeYear(), volumeMt: bounded(GT(0)) });

  return z.discriminatedUnion(
    'model',
    [
      obj({ model: z.literal('exponential'), rate: param(GT(-1)) }),
      refined(obj({ model: z.literal('logistic'), capacityMt: param(GT(0)), rate: z.optional(param(GT(0))), midpointYear: z.optional(param(ANY)) }), exactlyOneRate),
      refined(obj({ model: z.literal('gompertz'), capacityMt: param(GT(0)), rate: z.optional(param(GT(0))), midpointYear: z.optional(param(ANY)) }), exactlyOneRate),
      refined(obj({
        model: z.literal('piecewise'),
        points: boundedArray(point, { max: MAX_ITEMS.points, min: 2, what: 'points { year, volumeMt }' }),
      }), (g, ctx) => {
        g.points.forEach((p, i) => {
          if (i > 0 && !(p.year > g.points[i - 1]!.year)) {
            ctx.addIssue({ code: 'custom', path: ['points', i, 'year'], message: `must be after the previous point's year ${g.points[i - 1]!.year} (got ${p.year}); list points in year order` });
          }
        });
      }),
      refined(obj({
        model: z.literal('expression'),
        formula: nonEmpty('a formula in t, e.g. "a * exp(b * (t - 2025))"'),
        params: z.pipe(reservedNames(), z.record(z.string(), param(ANY), { error: (iss) => `must be an object of named parameters (got ${show(iss.input)})` })),
      }), (g, ctx) => {
        const names = Object.keys(g.params);
        if (names.includes('__proto__')) return; // refused above, with its path
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
});
