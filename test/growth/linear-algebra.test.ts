/**
 * The fit's dense linear algebra (src/growth/linear-algebra.ts) against mathjs 15's lusolve and
 * inv (a dev dependency, the reference): the same numbers on random well-conditioned matrices,
 * and singular matrices refused.
 */
import fc from 'fast-check';
import { inv, lusolve } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { invert, solveLinear } from '../../src/growth/linear-algebra.js';

/** A random n×n matrix made diagonally dominant (well conditioned), and a right-hand side. */
const system = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(
    fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: 0.5, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
  ).map(([a, b, scale]) => ({ a: a.map((row, i) => row.map((x, j) => (i === j ? x + 10 * n * Math.sign(x || 1) : x) * scale[i]!)), b })),
);

const close = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));

describe('solveLinear and invert against mathjs', () => {
  it('solve A·x = b as mathjs lusolve does (within 1e-12 relative)', () => {
    fc.assert(
      fc.property(system, ({ a, b }) => {
        const x = solveLinear(a, b);
        const ref = (lusolve(a, b) as number[][]).map((r) => r[0]!);
        x.forEach((v, i) => expect(close(v, ref[i]!), `${v} vs ${ref[i]}`).toBe(true));
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('invert as mathjs inv does', () => {
    fc.assert(
      fc.property(system, ({ a }) => {
        const m = invert(a)!;
        const ref = inv(a) as number[][];
        m.forEach((row, i) => row.forEach((v, j) => expect(close(v, ref[i]![j]!), `${v} vs ${ref[i]![j]}`).toBe(true)));
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('the covariance of a 3-parameter fit: the same bits as mathjs', () => {
    const a = [[4, 1.5, 0.25], [1.5, 3, 0.5], [0.25, 0.5, 2]];
    expect(invert(a)).toEqual(inv(a));
    expect(solveLinear(a, [1, 2, 3])).toEqual((lusolve(a, [1, 2, 3]) as number[][]).map((r) => r[0]));
  });

  it('singular matrices: solveLinear throws a RangeError, invert gives null (mathjs inv refuses them too; its lusolve returns a particular solution of a consistent system)', () => {
    const singular = [[[0]], [[1, 2], [2, 4]], [[1, 2, 3], [2, 4, 6], [1, 1, 1]], [[0, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 1, 1, 1], [1, 1, 1, 1], [0, 1, 2, 3], [3, 2, 1, 0]]];
    for (const a of singular) {
      const b = a.map((_, i) => i + 1);
      expect(() => solveLinear(a, b), JSON.stringify(a)).toThrow(RangeError);
      expect(invert(a), JSON.stringify(a)).toBeNull();
      expect(() => inv(a), JSON.stringify(a)).toThrow();
    }
  });

  it('non-finite entries: no NaN out', () => {
    expect(() => solveLinear([[NaN, 0], [0, 1]], [1, 1])).toThrow(RangeError);
    expect(() => solveLinear([[Infinity, 0], [0, 1]], [1, 1])).toThrow(RangeError);
    expect(invert([[NaN, 0], [0, 1]])).toBeNull();
    expect(invert([[1e-320, 0, 0], [0, 1, 0], [0, 0, 1]])).toBeNull(); // 1/1e-320 overflows
    expect(() => solveLinear([[1, 2]], [1])).toThrow(RangeError);
  });
});
