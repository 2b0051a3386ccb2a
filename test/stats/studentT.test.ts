import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTCdf, studentTQuantile } from 'middle-corridor';
import { closeRel } from '../helpers.js';

// scipy.stats.t.ppf / cdf (test/fixtures/student-t.py).
const FIX = JSON.parse(readFileSync(new URL('../fixtures/student-t.json', import.meta.url), 'utf8')) as {
  ps: number[];
  ts: number[];
  rows: { df: number; ppf: number[]; cdf: number[] }[];
};

describe('Student t', () => {
  it('studentTQuantile matches scipy to 1e-9 relative, from p = 1e-6 to 1 − 1e-6 and df 1 to 1001', () => {
    // The bisection brackets θ to a pair of doubles; t = √ν·tan θ then carries a relative error of
    // about ε/(π/2 − θ), below 1e-10 at p = 1e-6 with one degree of freedom.
    for (const row of FIX.rows) {
      FIX.ps.forEach((p, i) => {
        const want = row.ppf[i]!;
        if (want === 0) expect(studentTQuantile(p, row.df)).toBe(0);
        else expect(closeRel(studentTQuantile(p, row.df), want, 1e-9), `p ${p}, df ${row.df}`).toBe(true);
      });
    }
  });

  it('studentTCdf matches scipy to 1e-12 absolute', () => {
    for (const row of FIX.rows) {
      FIX.ts.forEach((t, i) => expect(Math.abs(studentTCdf(t, row.df) - row.cdf[i]!), `t ${t}, df ${row.df}`).toBeLessThan(1e-12));
    }
  });

  it('closed forms: Cauchy at one degree of freedom, √2·(2p − 1)/√(1 − (2p − 1)²) at two', () => {
    expect(studentTQuantile(0.75, 1)).toBeCloseTo(1, 14);
    const a = 2 * 0.9 - 1;
    expect(studentTQuantile(0.9, 2)).toBeCloseTo((Math.SQRT2 * a) / Math.sqrt(1 - a * a), 13);
  });

  it('laws: the quantile inverts the distribution function, is odd about ½, and exceeds the normal quantile (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 400 }), (p, df) => {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-12);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 9);
        if (p > 0.5) expect(t).toBeGreaterThanOrEqual(normalQuantile(p) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses p outside (0, 1), a df that is not a whole number from 1, and NaN', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/studentTQuantile: p must be a number in \(0, 1\)/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/studentTQuantile: df must be a whole number in \[1, 100000\]/);
    expect(() => studentTQuantile(0.5, 2.5)).toThrow(RangeError);
    expect(() => studentTQuantile('0.5' as never, 2)).toThrow(TypeError);
    expect(() => studentTCdf(Number.NaN, 2)).toThrow(/studentTCdf: t must be/);
  });
});
