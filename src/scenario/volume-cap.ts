/**
 * MAX_VOLUME_MT at parse time: a start volume, base capacity or expansion above 10^100 Mt is
 * refused when the scenario is parsed, naming the field, instead of by the run (which blamed the
 * growth, or held 1e300 Mt of capacity).
 */
import type { Param } from '../random/dist.js';
import { refined, show, z, type Ctx } from './schema-primitives.js';
import { MAX_VOLUME_MT } from './types.js';

const tooLarge = (x: number) => `must be at most ${MAX_VOLUME_MT} Mt (MAX_VOLUME_MT) (got ${show(x)})`;

/**
 * Adds an issue for each value of `p` the document states above MAX_VOLUME_MT: a number, a
 * distribution's max (uniform, triangular, PERT, truncated normal or lognormal) or every value of
 * an empirical one. A normal or lognormal without `max` is judged by its mean or median; its tail
 * beyond the cap is refused by the run, on the path that draws it (docs/design.md, Limits).
 */
function capIssues(p: Param, ctx: Ctx): void {
  const fail = (path: (string | number)[], x: number) => ctx.addIssue({ code: 'custom', path, message: tooLarge(x) });
  if (typeof p === 'number') {
    if (p > MAX_VOLUME_MT) fail([], p);
    return;
  }
  switch (p.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      if (p.max > MAX_VOLUME_MT) fail(['max'], p.max);
      return;
    case 'normal':
      if (p.max !== undefined ? p.max > MAX_VOLUME_MT : p.mean > MAX_VOLUME_MT) fail([p.max !== undefined ? 'max' : 'mean'], p.max ?? p.mean);
      return;
    case 'lognormal':
      if (p.max !== undefined ? p.max > MAX_VOLUME_MT : p.median > MAX_VOLUME_MT) fail([p.max !== undefined ? 'max' : 'median'], p.max ?? p.median);
      return;
    case 'empirical':
      p.values.forEach((v, i) => {
        if (v > MAX_VOLUME_MT) fail(['values', i], v);
      });
      return;
  }
}

/** `schema` (a volume in Mt: a number or a parameter) with its stated values at most MAX_VOLUME_MT. */
export function volumeCap<S extends z.ZodMiniType<number, number> | z.ZodMiniType<Param, Param>>(schema: S): S {
  return refined(schema, (p, ctx) => capIssues(p as Param, ctx));
}
