import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrambledSobolPoints } from '../../src/random/sobol-scramble.js';
import { sobolPoints } from '../../src/random/sobol-sequence.js';
import { sameBits, sampleStats } from '../helpers.js';

/** How many of the points fall in each elementary box [i/2^a, (i+1)/2^a) × [j/2^b, (j+1)/2^b), sorted. */
function boxCounts(x: Float64Array, y: Float64Array, a: number, b: number): number[] {
  const counts = new Map<number, number>();
  for (let j = 0; j < x.length; j++) {
    const key = Math.floor(x[j]! * 2 ** a) * 2 ** b + Math.floor(y[j]! * 2 ** b);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].sort((p, q) => p - q);
}

describe('scrambledSobolPoints: Owen scrambling keeps the net, randomises the points', () => {
  it('each dimension of the first 2^m points holds one point in every interval of length 2^-m (m ≤ 10, 16 dimensions)', () => {
    for (const m of [0, 1, 2, 5, 10]) {
      const n = 2 ** m;
      scrambledSobolPoints(16, n, 'net', 3).forEach((col, d) => {
        const cells = Array.from(col, (x) => Math.floor(x * n)).sort((p, q) => p - q);
        expect(cells, `m = ${m}, dimension ${d}`).toEqual(Array.from({ length: n }, (_, i) => i));
      });
    }
  });

  it('dimensions 0 and 1 stay a (0,m,2)-net: every elementary box of volume 2^-m holds exactly one of the first 2^m points', () => {
    for (const m of [1, 4, 8, 10]) {
      const [x, y] = scrambledSobolPoints(2, 2 ** m, 'net2', 0);
      for (let a = 0; a <= m; a++) expect(boxCounts(x!, y!, a, m - a), `m = ${m}, a = ${a}`).toEqual(Array(2 ** m).fill(1));
    }
  });

  it('any 2-D projection keeps the box counts of the unscrambled points, so its t-value (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 2, max: 9 }), fc.string({ minLength: 1 }), (d1, d2, m, seed) => {
        fc.pre(d1 !== d2);
        const n = 2 ** m;
        const plain = sobolPoints(32, n);
        const mixed = scrambledSobolPoints(32, n, seed);
        for (let a = 0; a <= m; a++) {
          for (let b = 0; a + b <= m; b++) expect(boxCounts(mixed[d1]!, mixed[d2]!, a, b)).toEqual(boxCounts(plain[d1]!, plain[d2]!, a, b));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('same seed and replicate: the same bits; another seed or replicate: other points; a dimension does not depend on dims (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.integer()), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 300 }), (seed, rep, n) => {
        const a = scrambledSobolPoints(3, n, seed, rep);
        const b = scrambledSobolPoints(5, n, seed, rep);
        a.forEach((col, d) => expect(sameBits(col, b[d]!)).toBe(true));
        const other = scrambledSobolPoints(3, n, seed, rep + 1);
        const otherSeed = scrambledSobolPoints(3, n, `${seed}'`, rep);
        for (let d = 0; d < 3; d++) {
          expect(sameBits(a[d]!, other[d]!)).toBe(false);
          expect(sameBits(a[d]!, otherSeed[d]!)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a point is uniform on [0, 1): point 5 of 16 over 4,000 replicates passes Kolmogorov–Smirnov at α = 1e-4', () => {
    const R = 4000;
    const x = Float64Array.from({ length: R }, (_, r) => scrambledSobolPoints(2, 16, 'ks', r)[1]![5]!).sort();
    let d = 0;
    for (let i = 0; i < R; i++) d = Math.max(d, (i + 1) / R - x[i]!, x[i]! - i / R);
    // The asymptotic KS critical value: P(√R·D > c) ≈ 2·exp(−2c²) = 1e-4.
    expect(d).toBeLessThan(Math.sqrt(-Math.log(1e-4 / 2) / 2) / Math.sqrt(R));
  });

  it('the mean of x over n = 2^m scrambled points has the closed-form variance 1/(12 n³) of one uniform point per cell', () => {
    // An Owen-scrambled (0,m,1)-net puts one point in each cell of width 1/n, uniform in its cell
    // and independent of the others: Var(mean) = n · (1/(12 n²)) / n² = 1/(12 n³).
    const n = 64;
    const R = 2000;
    const means = Float64Array.from({ length: R }, (_, r) => scrambledSobolPoints(1, n, 'var', r)[0]!.reduce((s, v) => s + v, 0) / n);
    const st = sampleStats(means);
    expect(Math.abs(st.mean - 0.5)).toBeLessThan(4 * st.seMean);
    expect(Math.abs(st.variance - 1 / (12 * n ** 3))).toBeLessThan(4 * st.seVariance);
  });

  it('refuses bad arguments with the function and argument named', () => {
    expect(() => scrambledSobolPoints(65, 4, 1)).toThrow(/scrambledSobolPoints: dims must be a whole number in \[1, 64\]/);
    expect(() => scrambledSobolPoints(2, 0, 1)).toThrow(/scrambledSobolPoints: n must be a whole number/);
    expect(() => scrambledSobolPoints(2, 4, '')).toThrow(/scrambledSobolPoints: seed must be/);
    expect(() => scrambledSobolPoints(2, 4, 1, -1)).toThrow(/scrambledSobolPoints: replicate must be a whole number in \[0, 2147483647\]/);
    expect(() => scrambledSobolPoints(2, 4, 1, '1' as never)).toThrow(TypeError);
    expect(() => scrambledSobolPoints(64, 2 ** 22, 1)).toThrow(/scrambledSobolPoints: dims × n = .* GiB/);
  });
});
