/**
 * Where a scenario's per-path parameters live, by name (`growth.rate`,
 * `capacity.expansions[0].addMt`), and the Spearman matrix of a correlation list: plain functions
 * for the kernels (workers load no schema); ./correlations.ts checks the lists.
 */
import type { Param } from '../random/dist.js';

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
