import { describe, expect, it } from 'vitest';
import { meanVariance, sum } from 'middle-corridor';

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
});
