import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportion, wilsonInterval } from 'middle-corridor';
import { REF } from '../helpers.js';

describe('proportions', () => {
  it('the plug-in standard error is √(p(1−p)/n)', () => {
    expect(proportion(30, 100)).toEqual({ estimate: 0.3, standardError: Math.sqrt(0.21 / 100) });
  });

  it('Wilson intervals equal the textbook formula (reference.py)', () => {
    for (const { k, n, interval } of REF.wilson) {
      const w = wilsonInterval(k, n);
      expect(w.lower).toBeCloseTo(interval[0], 12);
      expect(w.upper).toBeCloseTo(interval[1], 12);
    }
  });

  // The score test's definition, independent of the closed form: p is inside the Wilson interval
  // exactly when (k − np)² ≤ z² n p (1 − p); the bounds are the roots of that quadratic (0 and 1
  // at k = 0 and k = n). z = Φ⁻¹(0.975) to 16 digits (scipy.stats.norm.ppf(0.975)).
  const Z = 1.959963984540054;
  const score = (k: number, n: number, p: number) => (k - n * p) ** 2 - Z * Z * n * p * (1 - p);
  const counts = fc.integer({ min: 1, max: 10_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('law: the interval lies in [0, 1], contains k/n, and its inner bounds are roots of the score equation', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        const { lower, upper } = wilsonInterval(k, n);
        expect(0 <= lower && lower <= k / n && k / n <= upper && upper <= 1).toBe(true);
        // A root of the quadratic a p² + b p + c: its value there is 0 up to the rounding of its terms.
        const scale = (k + n) ** 2;
        if (k > 0) expect(Math.abs(score(k, n, lower))).toBeLessThanOrEqual(1e-9 * scale);
        else expect(lower).toBe(0);
        if (k < n) expect(Math.abs(score(k, n, upper))).toBeLessThanOrEqual(1e-9 * scale);
        else expect(upper).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('law: p is inside the interval exactly when the score test does not reject it', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0, max: 1, noNaN: true }), ([k, n], p) => {
        const { lower, upper } = wilsonInterval(k, n);
        const s = score(k, n, p);
        // Away from the bounds (where rounding decides), inside ⇔ s ≤ 0.
        if (Math.abs(s) > 1e-9 * (k + n) ** 2) expect(lower <= p && p <= upper).toBe(s <= 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reject impossible counts', () => {
    expect(() => proportion(5, 0)).toThrow(/proportion: n must be a whole number in \[1, /);
    expect(() => proportion(11, 10)).toThrow(/proportion: successes must be a whole number in \[0, 10\] \(got 11\)/);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(/confidence/);
  });
});
