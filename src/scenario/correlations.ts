/**
 * Scenario `correlations`: rank correlations between per-path parameters, named by their paths
 * (`growth.rate`, `capacity.expansions[0].addMt`). The schema of an entry, where each name's
 * parameter and stream purpose is found, and the checks of the whole list (known names, a
 * positive semi-definite matrix), each issue with its path.
 */
import { cholesky, pearsonForSpearman } from '../random/rank-correlation.js';
import { correlationMatrix, perPathParameter } from './parameter-paths.js';

import { bounded, lazy, nonEmpty, obj, show, z, type Ctx } from './schema-primitives.js';

/** One entry: the Spearman correlation wanted between two parameters. */
export const correlationSchema = /* @__PURE__ */ lazy(() =>
  obj({
    between: z.tuple([nonEmpty('a parameter path'), nonEmpty('a parameter path')], { error: (iss) => `must be two parameter paths, e.g. ['growth.rate', 'capacity.baseMt'] (got ${show(iss.input)})` }),
    spearman: bounded({ min: -1, max: 1, minOpen: true, maxOpen: true, text: 'in (−1, 1)' }),
  }),
);

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
