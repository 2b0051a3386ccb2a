import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pearson, ranks, spearman } from '../../src/analysis/rank.js';

// scipy.stats: rankdata(x) and spearmanr(x, y).statistic on these data (scipy 1.17).
const x = [3.5, -1.25, 7.0, 7.0, 0.1, 2.2, 9.75, 3.5, 3.5, -4.0, 12.125, 0.3];
const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const z = [2.0, 2.0, 1.0, 5.0, 5.0, 5.0, 0.5, 9.0, 1.0, 3.0, 3.0, 8.0];

describe('ranks and Spearman correlation', () => {
  it('match scipy on data with ties', () => {
    expect(Array.from(ranks(x))).toEqual([7.0, 2.0, 9.5, 9.5, 3.0, 5.0, 11.0, 7.0, 7.0, 1.0, 12.0, 4.0]);
    expect(spearman(x, y)).toBeCloseTo(0.010582422051290633, 14);
    expect(spearman(x, z)).toBeCloseTo(-0.316073444352374, 14);
  });

  it('are invariant under increasing transforms and flip sign under decreasing ones (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 3, maxLength: 40 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        if (new Set(a).size < 2 || new Set(b).size < 2) return;
        const r = spearman(a, b);
        expect(r).toBeGreaterThanOrEqual(-1);
        expect(r).toBeLessThanOrEqual(1);
        expect(spearman(a.map((t) => 2 * t), b)).toBe(r); // exact and increasing
        expect(spearman(b, a)).toBeCloseTo(r, 12);
        expect(spearman(a.map((t) => -t), b)).toBeCloseTo(-r, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses constant data, unequal lengths and values of the wrong kind', () => {
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow(/spearman: x does not vary/);
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/same length/);
    expect(() => spearman([1, 'x', 2] as never, [1, 2, 3])).toThrow(TypeError);
    expect(() => pearson([1, 2], [3, 4])).not.toThrow();
  });
});
