/**
 * The zod schema of routes (legs, delays, queues), built from the primitives in schema-primitives.ts.
 *
 * Every number a route carries is bounded to a physically meaningful range, so that no trip can
 * overflow whatever a document says (docs/design.md, "Errors"): see {@link ROUTE_LIMITS}.
 */
import { bounded, integer, lazy, nonEmpty, obj, param, refined, show, text, UNIT, z, zRoute } from './schema-primitives.js';
import { LEG_MODES } from './types.js';
import { ROUTE_LIMITS } from './route-limits.js';

export { ROUTE_LIMITS };


const L = ROUTE_LIMITS;
const DAYS = { min: 0, max: L.days, text: `in [0, ${L.days}]` };
const CV = { min: 0, max: L.cv, text: `in [0, ${L.cv}]` };

/** An optional field that also accepts null (the parsed form), so that a parsed route parses again. */
const maybe = <S extends z.ZodMiniType>(s: S) => z.optional(z.nullable(s));

export const routeSchema = /* @__PURE__ */ lazy(() => {
  const queue = obj({
    capacityMt: maybe(param({ min: 0, minOpen: true, text: '> 0' })),
    servers: refined(integer(`a whole number in [1, ${L.servers}]`), (x, ctx) => {
      if (Number.isInteger(x) && !(x >= 1 && x <= L.servers)) ctx.addIssue({ code: 'custom', message: `must be a whole number in [1, ${L.servers}] (got ${x})` });
    }),
    serviceDays: bounded({ min: 0, minOpen: true, max: L.serviceDays, text: `in (0, ${L.serviceDays}]` }),
    arrivalCv: maybe(bounded(CV)),
    serviceCv: maybe(bounded(CV)),
    maxUtilisation: maybe(bounded({ min: 0, minOpen: true, max: 1, maxOpen: true, text: 'in (0, 1)' })),
  });

  const leg = obj({
    name: nonEmpty('a name'),
    mode: zRoute.enum(LEG_MODES, { error: (iss) => `must be one of ${LEG_MODES.map((m) => `'${m}'`).join(', ')} (got ${show(iss.input)})` }),
    days: param(DAYS, L.days),
    delay: maybe(obj({ probability: bounded(UNIT), days: param(DAYS, L.days) })),
    queue: maybe(queue),
    source: maybe(text('a string')),
  });

  /** The legs: an array of at most 100, its length checked before any leg is validated. */
  const legs = z.pipe(
    z.array(zRoute.unknown(), { error: (iss) => `must be an array of legs (got ${show(iss.input)})` }).check(
      z.minLength(1, { error: 'must hold at least one leg' }),
      zRoute.maxLength(L.legs, { error: (iss) => `must hold at most ${L.legs} legs (got ${(iss.input as unknown[]).length})` }),
    ),
    z.array(leg),
  );

  return refined(obj({
    kind: z.optional(z.literal('route', { error: (iss) => `must be 'route' when given (got ${show(iss.input)})` })),
    name: nonEmpty('a name'),
    source: maybe(text('a string')),
    legs,
  }), (r, ctx) => {
    const seen = new Set<string>();
    r.legs.forEach((l, i) => {
      if (seen.has(l.name)) ctx.addIssue({ code: 'custom', path: ['legs', i, 'name'], message: `must be unique (${JSON.stringify(l.name)} is used twice)` });
      seen.add(l.name);
    });
  });
});
