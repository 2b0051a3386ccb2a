/**
 * The distribution-valued parameters of a document (a scenario or a route), found by walking it:
 * every object with a `dist` field is one, named by its path (`growth.rate`,
 * `capacity.expansions[0].addMt`, `legs[2].days`). And immutable edits at a path: replace a
 * parameter by a number, shift or scale a distribution.
 */
import { formatPath } from '../scenario/error.js';
import type { Dist, Param } from '../random/dist.js';

/** A distribution-valued parameter and where it sits. */
export interface ParameterAt {
  /** Its path, as messages and results write it (e.g. `growth.rate`). */
  readonly name: string;
  readonly path: readonly (string | number)[];
  readonly dist: Dist;
}

const isDist = (x: unknown): x is Dist => x !== null && typeof x === 'object' && typeof (x as { dist?: unknown }).dist === 'string';

/** Every distribution in a plain document, in document order. */
export function distributionsIn(doc: unknown, path: (string | number)[] = []): ParameterAt[] {
  if (isDist(doc)) return [{ name: formatPath(path), path, dist: doc }];
  if (Array.isArray(doc)) return doc.flatMap((x, i) => distributionsIn(x, [...path, i]));
  if (doc !== null && typeof doc === 'object') return Object.entries(doc).flatMap(([k, v]) => distributionsIn(v, [...path, k]));
  return [];
}

/** The value at a path of a plain document (undefined when there is none). */
export function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let x = doc;
  for (const p of path) {
    // Own fields only: '__proto__' or 'constructor' name no field of a document.
    if (x === null || typeof x !== 'object' || !Object.hasOwn(x, p)) return undefined;
    x = (x as Record<string | number, unknown>)[p];
  }
  return x;
}

/** A copy of a plain document with the value at `path` replaced. */
export function withValueAt<T>(doc: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  copy[head!] = withValueAt(copy[head!], rest, value);
  return copy as T;
}

/** A distribution moved by `delta` (every location parameter and bound; spreads unchanged). */
export function shifted(p: Param, delta: number): Param {
  if (typeof p === 'number') return p + delta;
  switch (p.dist) {
    case 'uniform':
      return { ...p, min: p.min + delta, max: p.max + delta };
    case 'triangular':
    case 'pert':
      return { ...p, min: p.min + delta, mode: p.mode + delta, max: p.max + delta };
    case 'normal':
      return { ...p, mean: p.mean + delta, ...(p.min === undefined ? {} : { min: p.min + delta }), ...(p.max === undefined ? {} : { max: p.max + delta }) };
    case 'lognormal':
      throw new RangeError('shifted: a lognormal cannot be shifted (its support starts at 0); scale it instead');
    case 'empirical':
      return { ...p, values: p.values.map((v) => v + delta) };
  }
}

/** A parameter multiplied by `factor` > 0 (every value of the distribution scaled). */
export function scaled(p: Param, factor: number): Param {
  if (typeof p === 'number') return p * factor;
  switch (p.dist) {
    case 'uniform':
      return { ...p, min: p.min * factor, max: p.max * factor };
    case 'triangular':
    case 'pert':
      return { ...p, min: p.min * factor, mode: p.mode * factor, max: p.max * factor };
    case 'normal':
      return { ...p, mean: p.mean * factor, sd: p.sd * factor, ...(p.min === undefined ? {} : { min: p.min * factor }), ...(p.max === undefined ? {} : { max: p.max * factor }) };
    case 'lognormal':
      return { ...p, median: p.median * factor, ...(p.min === undefined ? {} : { min: p.min * factor }), ...(p.max === undefined ? {} : { max: p.max * factor }) };
    case 'empirical':
      return { ...p, values: p.values.map((v) => v * factor) };
  }
}

/** The centre a shift is measured from: the mode, mean, median or weighted mean. */
export function centre(p: Param): number {
  if (typeof p === 'number') return p;
  switch (p.dist) {
    case 'uniform':
      return (p.min + p.max) / 2;
    case 'triangular':
    case 'pert':
      return p.mode;
    case 'normal':
      return p.mean;
    case 'lognormal':
      return p.median;
    case 'empirical': {
      const w = p.weights ?? p.values.map(() => 1);
      const total = w.reduce((s, x) => s + x, 0);
      return p.values.reduce((s, v, i) => s + v * w[i]!, 0) / total;
    }
  }
}
