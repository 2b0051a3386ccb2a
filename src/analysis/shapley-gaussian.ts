import { finiteNumber, options, show } from '../args.js';
import { cholesky } from '../random/rank-correlation.js';
import type { Rng } from '../random/stream.js';
import { normalQuantile } from '../stats/normal.js';

/** How to draw a model's inputs for {@link shapleyEffectsOf}: jointly, and some of them given the others. */
export interface ShapleyInputs {
  /** One draw of every input from their joint distribution (`rng` gives uniforms on [0, 1)). */
  sample: (rng: Rng) => Record<string, number>;
  /** One draw of the inputs named in `free` from their distribution given the other inputs' values `given`. */
  conditional: (free: readonly string[], given: Readonly<Record<string, number>>, rng: Rng) => Record<string, number>;
}

/** The names of a factor list, checked: a non-empty array of distinct non-empty strings. */
export function factorNames(fn: string, factors: unknown): string[] {
  if (!Array.isArray(factors) || factors.length === 0) throw new TypeError(`${fn}: factors must be a non-empty array of names (got ${show(factors)})`);
  const names = Array.from(factors, (n: unknown, i) => {
    if (typeof n !== 'string' || n.length === 0) throw new TypeError(`${fn}: factors[${i}] must be a non-empty string (got ${show(n)})`);
    return n;
  });
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new RangeError(`${fn}: factors must be distinct (${show(dup)} is given twice)`);
  return names;
}

/** A standard normal from one uniform of `rng` (by the portable inverse CDF; a 0 taken as 2⁻⁵³). */
export const normalFrom = (rng: Rng): number => {
  const u = rng();
  return normalQuantile(u > 0 ? u : 2 ** -53);
};

/** Solves L·x = b in place (L lower triangular with a positive diagonal). */
function forward(l: readonly (readonly number[])[], b: number[]): number[] {
  for (let i = 0; i < b.length; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * b[k]!;
    b[i] = s / l[i]![i]!;
  }
  return b;
}

/** Solves Lᵀ·x = b in place. */
function backward(l: readonly (readonly number[])[], b: number[]): number[] {
  for (let i = b.length - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < b.length; k++) s -= l[k]![i]! * b[k]!;
    b[i] = s / l[i]![i]!;
  }
  return b;
}

/** The conditional law of x_A given x_B for x ~ N(0, Σ): x_A = R·x_B + L·z, z standard normal. */
export interface GaussianConditional {
  readonly free: readonly number[];
  readonly given: readonly number[];
  /** R = Σ_AB·Σ_BB⁻¹ (|A| × |B|). */
  readonly regression: readonly (readonly number[])[];
  /** The lower Cholesky factor of Σ_AA − R·Σ_BA. */
  readonly factor: readonly (readonly number[])[];
}

/** The conditional law of the coordinates `free` given the others, for a positive definite Σ. */
export function gaussianConditional(cov: readonly (readonly number[])[], free: readonly number[]): GaussianConditional {
  const given = cov.map((_, i) => i).filter((i) => !free.includes(i));
  const lb = cholesky(given.map((a) => given.map((b) => cov[a]![b]!)))!;
  // Row r of R solves Σ_BB·r = Σ_B,a: two triangular solves.
  const regression = free.map((a) => backward(lb, forward(lb, given.map((b) => cov[b]![a]!))));
  const condCov = free.map((a, i) => free.map((b) => cov[a]![b]! - given.reduce((s, g, k) => s + regression[i]![k]! * cov[g]![b]!, 0)));
  const factor = cholesky(condCov)!;
  return { free, given, regression, factor };
}

/** {@link gaussianConditional} of Σ for any set of free coordinates (sorted), each law computed once. */
export function conditionalLaws(cov: readonly (readonly number[])[]): (free: readonly number[]) => GaussianConditional {
  const cache = new Map<string, GaussianConditional>();
  return (free) => {
    const key = free.join(',');
    let c = cache.get(key);
    if (c === undefined) cache.set(key, (c = gaussianConditional(cov, free)));
    return c;
  };
}

/** Draws x_A given x_B (values in the order of `c.given`) into `out` at the positions `c.free`. */
export function drawConditional(c: GaussianConditional, xB: readonly number[], rng: Rng, out: number[]): void {
  const z = c.free.map(() => normalFrom(rng));
  c.free.forEach((a, i) => {
    let x = 0;
    for (let k = 0; k < xB.length; k++) x += c.regression[i]![k]! * xB[k]!;
    for (let k = 0; k <= i; k++) x += c.factor[i]![k]! * z[k]!;
    out[a] = x;
  });
}

/** The checked covariance of {@link gaussianInputs}: square, finite, symmetric, positive definite. */
export function checkCovariance(fn: string, x: unknown, d: number): number[][] {
  // Index loops, not every/map: both skip the holes of a sparse array ([[1, 0], ,]).
  const rows: unknown[][] = [];
  for (let i = 0; Array.isArray(x) && x.length === d && i < d; i++) {
    const r: unknown = x[i];
    if (!Array.isArray(r) || r.length !== d) break;
    rows.push(r);
  }
  if (rows.length !== d) {
    throw new TypeError(`${fn}: covariance must be a ${d} × ${d} array of arrays, one row per factor (got ${show(x)})`);
  }
  const cov = rows.map((r, i) => Array.from({ length: d }, (_, j) => finiteNumber(fn, `covariance[${i}][${j}]`, r[j])));
  cov.forEach((r, i) => r.forEach((v, j) => {
    if (v !== cov[j]![i]) throw new RangeError(`${fn}: covariance must be symmetric (covariance[${i}][${j}] = ${v}, covariance[${j}][${i}] = ${cov[j]![i]})`);
  }));
  const l = cholesky(cov, 0);
  if (l === null || l.some((r, i) => !(r[i]! > 0))) throw new RangeError(`${fn}: covariance must be positive definite (no input a linear function of the others); this one is not`);
  return cov;
}

/**
 * The inputs of {@link shapleyEffectsOf} for a Gaussian vector: the named factors have the joint
 * law N(mean, covariance) (covariance positive definite), and the draws of some given the others
 * are the exact Gaussian conditionals (mean μ_A + Σ_AB·Σ_BB⁻¹·(x_B − μ_B), covariance
 * Σ_AA − Σ_AB·Σ_BB⁻¹·Σ_BA). Spread the result into the options.
 *
 * @example
 * const g = gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] });
 * g.conditional(['a'], { b: 2 }, () => 0.5) // => { a: 1 }
 */
export function gaussianInputs(factors: readonly string[], o: { mean?: readonly number[]; covariance: readonly (readonly number[])[] }): ShapleyInputs {
  const fn = 'gaussianInputs';
  const names = factorNames(fn, factors);
  const d = names.length;
  const opts = options<{ mean?: unknown; covariance: unknown }>(fn, o, ['mean', 'covariance'], ['covariance']);
  const cov = checkCovariance(fn, opts.covariance, d);
  if (opts.mean !== undefined && (!Array.isArray(opts.mean) || opts.mean.length !== d)) throw new TypeError(`${fn}: mean must be an array of ${d} numbers, one per factor (got ${show(opts.mean)})`);
  const mean = names.map((_, i) => (opts.mean === undefined ? 0 : finiteNumber(fn, `mean[${i}]`, (opts.mean as unknown[])[i])));
  const all = names.map((_, i) => i);
  const lawOf = conditionalLaws(cov);
  const record = (x: readonly number[], which: readonly number[]) => Object.fromEntries(which.map((i) => [names[i]!, x[i]! + mean[i]!]));
  return {
    sample(rng) {
      const x = new Array<number>(d).fill(0);
      drawConditional(lawOf(all), [], rng, x);
      return record(x, all);
    },
    conditional(free, given, rng) {
      const idx = free.map((n) => {
        const i = names.indexOf(n);
        if (i < 0) throw new RangeError(`${fn}: conditional: unknown factor ${show(n)} (factors: ${names.join(', ')})`);
        return i;
      }).sort((a, b) => a - b);
      const law = lawOf(idx);
      const x = new Array<number>(d).fill(0);
      drawConditional(law, law.given.map((i) => finiteNumber(fn, `given.${names[i]}`, given[names[i]!]) - mean[i]!), rng, x);
      return record(x, idx);
    },
  };
}
