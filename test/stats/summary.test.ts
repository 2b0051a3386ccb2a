import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, meanVariance, sum, variance } from 'middle-corridor';

describe('sums, means and variances', () => {
  it('the compensated sum keeps digits a naive loop loses', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
  });

  it('Welford matches the two-pass sample variance (numpy var(ddof=1))', () => {
    const r = meanVariance([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(r.mean).toBe(5);
    expect(r.variance).toBeCloseTo(32 / 7, 14);
    expect(r.standardError).toBeCloseTo(Math.sqrt(32 / 7 / 8), 14);
    // Shifted data: a naive sum-of-squares formula loses everything here.
    const big = meanVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(big.variance).toBe(30);
  });

  it('one value has no sample variance: variance and meanVariance refuse it (a RangeError), never 0; the mean of one value is that value', () => {
    expect(() => variance([5])).toThrow(new RangeError('variance: values needs at least 2 values (got 1)'));
    expect(() => meanVariance([5])).toThrow(new RangeError('meanVariance: values needs at least 2 values (got 1)'));
    expect(() => variance(Float64Array.of(-3))).toThrow(RangeError);
    expect(mean([5])).toBe(5);
    expect(variance([5, 5])).toBe(0); // two equal values: a variance of 0 that was estimated
  });

  it('law: for two values the sample variance is (a − b)²/2 and the standard error |a − b|/2 (fast-check)', () => {
    // The case fast-check found outside CI, where the running mean's rounding dominates.
    expect(Math.abs(variance([999999.9981407899, 999999.9981407893]) - (999999.9981407899 - 999999.9981407893) ** 2 / 2)).toBeLessThanOrEqual(8 * Number.EPSILON * 2e-19 + 4 * Number.EPSILON * 1e6 * 6e-10);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (a, b) => {
        fc.pre(a === b || Math.abs(a - b) > 1e-150); // (a − b)² underflows below that
        const want = ((a - b) * (a - b)) / 2;
        // A few roundings of (a − b)², relative; and Welford's running mean, rounded to an ulp of
        // max(|a|, |b|), multiplies (b − a): an absolute error up to ε·max·|a − b| (2ε on the
        // standard error), which dominates when a and b agree to most of their digits.
        const big = Math.max(Math.abs(a), Math.abs(b));
        const d = Math.abs(a - b);
        expect(Math.abs(variance([a, b]) - want)).toBeLessThanOrEqual(8 * Number.EPSILON * want + 4 * Number.EPSILON * big * d);
        expect(Math.abs(meanVariance([a, b]).standardError - d / 2)).toBeLessThanOrEqual(8 * Number.EPSILON * d + 2 * Number.EPSILON * big);
      }),
    );
  });
});
