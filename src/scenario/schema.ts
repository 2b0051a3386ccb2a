/**
 * The zod schema of scenarios, built from the primitives (schema-primitives.ts) and the growth
 * schema (growth-schema.ts); the route schema is route-schema.ts. Every rule carries a message
 * that says what is allowed and what was given.
 */
import { anchoredCurve, growthSchema } from './growth-schema.js';
import { bounded, boundedArray, GE, GT, lazy, MAX_ITEMS, nonEmpty, obj, param, refined, show, text, UNIT, wholeYear, z } from './schema-primitives.js';
import { MAX_HORIZON_YEARS } from './types.js';
import { checkCorrelations, correlationSchema } from './correlations.js';
import { volumeCap } from './volume-cap.js';

// ---------------------------------------------------------------------------------------------
// Scenario

export const scenarioSchema = /* @__PURE__ */ lazy(() => {
  const expansion = obj({ year: wholeYear(), addMt: volumeCap(param(GE(0))), delayYears: z.optional(param(GE(0))) });
  // `null` is accepted wherever a parsed document writes one (name, capacity, demandFactor,
  // capacityFactor, target) and means the same as an absent field (for target: no target), so that
  // a parsed scenario that went through JSON or structuredClone, or came from the other build,
  // parses again to itself (docs/design.md: parsing is idempotent). `kind: 'scenario'` likewise.
  const disruption = refined(obj({
    name: nonEmpty('a name'),
    probability: param(UNIT),
    demandFactor: z.optional(z.nullable(param(GT(0)))),
    capacityFactor: z.optional(z.nullable(param(GT(0)))),
  }), (d, ctx) => {
    if (d.demandFactor == null && d.capacityFactor == null) {
      ctx.addIssue({ code: 'custom', message: 'needs demandFactor or capacityFactor (or both): a disruption with neither changes nothing' });
    }
  });

  return refined(obj({
    name: z.optional(z.nullable(text('a string'))),
    start: obj({ year: wholeYear(), volumeMt: volumeCap(bounded(GT(0))) }),
    horizon: wholeYear(),
    growth: growthSchema(),
    volatility: z.optional(param(GE(0))),
    persistence: z.optional(bounded({ min: 0, max: 1, maxOpen: true, text: 'in [0, 1)' })),
    capacity: z.optional(z.nullable(obj({
      baseMt: volumeCap(param(GT(0))),
      expansions: z.optional(boundedArray(expansion, { max: MAX_ITEMS.expansions, what: 'expansions' })),
    }))),
    disruptions: z.optional(boundedArray(disruption, { max: MAX_ITEMS.disruptions, what: 'disruptions' })),
    /** Rank correlations between per-path parameters (Iman–Conover within each stream block). */
    correlations: z.optional(boundedArray(correlationSchema(), { max: MAX_ITEMS.correlations, what: 'correlations' })),
    /** 10 Mt in 2027 when absent (if that year is in the run); null: no target. */
    target: z.optional(z.nullable(obj({ year: wholeYear(), volumeMt: bounded(GT(0)) }))),
    /** What a parsed scenario carries; accepted so that parsing is idempotent. */
    kind: z.optional(z.literal('scenario', { error: (iss) => `must be 'scenario' when given (got ${show(iss.input)})` })),
  }), (s, ctx) => {
    const y0 = s.start.year;
    if (s.growth.model === 'logistic' || s.growth.model === 'gompertz') anchoredCurve(s.growth, s.start, ctx);
    if (!(s.horizon >= y0)) ctx.addIssue({ code: 'custom', path: ['horizon'], message: `must be >= start.year ${y0} (got ${s.horizon})` });
    else if (s.horizon - y0 > MAX_HORIZON_YEARS) {
      ctx.addIssue({ code: 'custom', path: ['horizon'], message: `must be at most ${MAX_HORIZON_YEARS} years after start.year ${y0} (got ${s.horizon})` });
    }
    if (s.target && s.horizon >= y0 && !(s.target.year >= y0 && s.target.year <= s.horizon)) {
      ctx.addIssue({ code: 'custom', path: ['target', 'year'], message: `must lie in the run, ${y0}–${s.horizon} (got ${s.target.year})` });
    }
    if (s.correlations) checkCorrelations(s, s.correlations, ctx);
    const seen = new Set<string>();
    (s.disruptions ?? []).forEach((d, i) => {
      if (seen.has(d.name)) ctx.addIssue({ code: 'custom', path: ['disruptions', i, 'name'], message: `must be unique (${JSON.stringify(d.name)} is used twice)` });
      seen.add(d.name);
      if (d.capacityFactor != null && s.capacity == null) {
        ctx.addIssue({ code: 'custom', path: ['disruptions', i, 'capacityFactor'], message: 'has no capacity to act on: give the scenario a capacity (capacity.baseMt) or drop capacityFactor' });
      }
    });
  });
});
