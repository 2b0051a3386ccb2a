/**
 * Scenario `correlations`: rank correlations between per-path parameters, named by their paths
 * (`growth.rate`, `capacity.expansions[0].addMt`). The schema of an entry, where each name's
 * parameter and stream purpose is found, and the checks of the whole list (known names, a
 * positive semi-definite matrix), each issue with its path.
 */
import type { Param } from '../random/dist.js';
import { cholesky, pearsonForSpearman } from '../random/rank-correlation.js';
import { bounded, lazy, nonEmpty, obj, show, z, type Ctx } from './schema-primitives.js';

/** One entry: the Spearman correlation wanted between two parameters. */
export const correlationSchema = /* @__PURE__ */ lazy(() =>
  obj({
    between: z.tuple([nonEmpty('a parameter path'), nonEmpty('a parameter path')], { error: (iss) => `must be two parameter paths, e.g. ['growth.rate', 'capacity.baseMt'] (got ${show(iss.input)})` }),
    spearman: bounded({ min: -1, max: 1, minOpen: true, maxOpen: true, text: 'in (−1, 1)' }),
  }),
);

const isDist = (x: unknown): boolean => x !== null && typeof x === 'object' && typeof (x as { dist?: unknown }).dist === 'string';

/** The parameter at a path of a scenario (input or parsed) and the stream purpose it is drawn from; null when the path names no per-path distribution. */
export function perPathParameter(s: unknown, name: string): { param: Param; purpose: string[] } | null {
  const doc = s as Record<string, any>;
  const at = (param: unknown, purpose: string[]) => (isDist(param) ? { param: param as Param, purpose } : null);
  let m: RegExpExecArray | null;
  if ((m = /^growth\.params\.(.+)$/.exec(name))) return doc.growth?.model === 'expression' && Object.hasOwn(doc.growth.params ?? {}, m[1]!) ? at(doc.growth.params[m[1]!], ['growth', m[1]!]) : null;
  if ((m = /^growth\.(rate|capacityMt|midpointYear)$/.exec(name))) return at(doc.growth?.[m[1]!], ['growth', m[1]!]);
  if (name === 'volatility') return at(doc.volatility, ['volatility']);
  if (name === 'capacity.baseMt') return at(doc.capacity?.baseMt, ['capacity/base']);
  if ((m = /^capacity\.expansions\[(\d+)\]\.(addMt|delayYears)$/.exec(name))) {
    return at(doc.capacity?.expansions?.[Number(m[1])]?.[m[2]!], [`capacity/expansion/${Number(m[1])}/${m[2] === 'addMt' ? 'add' : 'delay'}`]);
  }
  if ((m = /^disruptions\[(\d+)\]\.(probability|demandFactor|capacityFactor)$/.exec(name))) {
    const d = doc.disruptions?.[Number(m[1])];
    return d ? at(d[m[2]!], ['disruption', String(d.name), m[2]!]) : null;
  }
  return null;
}

/** The names of a correlation list, in order of first mention, and its Spearman matrix over them. */
export function correlationMatrix(list: readonly { between: readonly string[]; spearman: number }[]): { names: string[]; matrix: number[][] } {
  const names = [...new Set(list.flatMap((c) => c.between))];
  const matrix: number[][] = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  for (const c of list) {
    const i = names.indexOf(c.between[0]!);
    const j = names.indexOf(c.between[1]!);
    matrix[i]![j] = matrix[j]![i] = c.spearman;
  }
  return { names, matrix };
}

/** The checks of a scenario's correlation list (in the scenario schema's refinement). */
export function checkCorrelations(s: unknown, list: readonly { between: readonly string[]; spearman: number }[], ctx: Ctx): void {
  const pairs = new Set<string>();
  let ok = true;
  list.forEach((c, i) => {
    c.between.forEach((name, j) => {
      if (perPathParameter(s, name) === null) {
        ok = false;
        ctx.addIssue({ code: 'custom', path: ['correlations', i, 'between', j], message: `must name a distribution-valued parameter of the scenario, e.g. 'growth.rate' or 'capacity.expansions[0].addMt' (got ${show(name)})` });
      }
    });
    if (c.between[0] === c.between[1]) {
      ok = false;
      ctx.addIssue({ code: 'custom', path: ['correlations', i, 'between'], message: `must name two different parameters (got ${show(c.between[0])} twice)` });
    }
    const key = [...c.between].sort().join('\u0000');
    if (pairs.has(key)) {
      ok = false;
      ctx.addIssue({ code: 'custom', path: ['correlations', i, 'between'], message: `gives the pair ${c.between.join(' and ')} a second time` });
    }
    pairs.add(key);
  });
  if (!ok || list.length === 0) return;
  const { matrix } = correlationMatrix(list);
  if (cholesky(matrix.map((row, i) => row.map((r, j) => (i === j ? 1 : pearsonForSpearman(r))))) === null) {
    ctx.addIssue({ code: 'custom', path: ['correlations'], message: 'is not a valid correlation matrix: the correlations together are not positive semi-definite (e.g. a with b 0.9, b with c 0.9, a with c −0.9); loosen them' });
  }
}
