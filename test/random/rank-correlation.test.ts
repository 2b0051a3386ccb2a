import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spearman } from '../../src/analysis/rank.js';
import { cholesky, imposeRankCorrelation } from '../../src/random/rank-correlation.js';
import { fillParam } from '../../src/random/samplers.js';
import { stream } from '../../src/random/stream.js';

const draws = (seed: number, name: string, d: Parameters<typeof fillParam>[0], n: number) => {
  const out = new Float64Array(n);
  fillParam(d, stream(seed, ['test', name], 0), out, 0, n);
  return out;
};

describe('Iman–Conover rank correlation', () => {
  const n = 100_000;
  const target = [
    [1, 0.6, -0.3],
    [0.6, 1, 0.1],
    [-0.3, 0.1, 1],
  ];
  const cols = [
    draws(1, 'rate', { dist: 'normal', mean: 0.3, sd: 0.2, min: -0.5 }, n),
    draws(1, 'add', { dist: 'triangular', min: 1, mode: 2, max: 5 }, n),
    draws(1, 'p', { dist: 'pert', min: 0, mode: 0.1, max: 0.5 }, n),
  ];
  const before = cols.map((c) => Float64Array.from(c).sort());
  imposeRankCorrelation(cols, target, [0, 1, 2].map((j) => stream(1, ['shuffle', String(j)], 0).generator));

  it('keeps every column’s values exactly (the marginals do not move)', () => {
    cols.forEach((c, j) => expect(Buffer.from(Float64Array.from(c).sort().buffer).equals(Buffer.from(before[j]!.buffer))).toBe(true));
  });

  it('reaches the target Spearman correlations within ±0.02 at 10^5 paths', () => {
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(Math.abs(spearman(cols[a]!, cols[b]!) - target[a]![b]!)).toBeLessThan(0.02);
  });

  it('Cholesky recognises positive semi-definite matrices (fast-check)', () => {
    expect(cholesky([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])).toBeNull();
    expect(cholesky([[1, 1], [1, 1]])).not.toBeNull(); // semi-definite
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), { minLength: 3, maxLength: 3 }), (angles) => {
        // Unit vectors in the plane: their Gram matrix cos(θi − θj) is a correlation matrix of
        // rank 2 (singular, positive semi-definite). L·Lᵀ must give it back.
        const A = angles.map((a) => angles.map((b) => Math.cos(a - b)));
        const L = cholesky(A, 1e-9);
        expect(L).not.toBeNull();
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(L![i]!.reduce((s, x, m) => s + x * L![j]![m]!, 0)).toBeCloseTo(A[i]![j]!, 6);
      }),
      { numRuns: 200 },
    );
  });
});
