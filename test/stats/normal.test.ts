import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSurvival } from 'middle-corridor';
import { REF, closeRel } from '../helpers.js';

// Reference values: scipy.stats.norm.cdf / sf / ppf (test/fixtures/reference.py).
describe('normal distribution functions', () => {
  // The tails are relative-accurate to within the conditioning of Φ: rounding x/√2 alone moves
  // Φ(x) by a relative x²·ε, so the tolerance is 4ε(1 + x²).
  const tol = (x: number) => 4 * Number.EPSILON * (1 + x * x);

  it('normalCdf matches scipy in both tails, to its conditioning', () => {
    REF.normalCdf.x.forEach((x: number, i: number) => {
      const want = REF.normalCdf.scipy[i] as number;
      if (want === 0) expect(normalCdf(x)).toBeLessThan(1e-300);
      else expect(closeRel(normalCdf(x), want, tol(x)), `x = ${x}`).toBe(true);
    });
  });

  it('normalSurvival matches scipy, to its conditioning', () => {
    REF.normalSurvival.x.forEach((x: number, i: number) => {
      expect(closeRel(normalSurvival(x), REF.normalSurvival.scipy[i], tol(x)), `x = ${x}`).toBe(true);
    });
  });

  it('normalQuantile matches scipy to 4ε relative, from 1e-300 to 1 − 1e-12', () => {
    REF.normalQuantile.p.forEach((p: number, i: number) => {
      const want = REF.normalQuantile.scipy[i] as number;
      if (want === 0) expect(normalQuantile(p)).toBe(0);
      else expect(closeRel(normalQuantile(p), want, 4 * Number.EPSILON), `p = ${p}`).toBe(true);
    });
  });

  it('quantile and cdf are inverse to each other (law)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        return closeRel(p <= 0.5 ? normalCdf(x) : normalSurvival(x), p <= 0.5 ? p : 1 - p, 1e-12);
      }),
    );
  });

  it('rejects p outside (0, 1) and NaN', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });
});
