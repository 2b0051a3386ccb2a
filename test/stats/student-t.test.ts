import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/student-t.js';
import { normalQuantile } from '../../src/stats/normal.js';

// Reference values: scipy.stats.t.ppf / cdf (test/fixtures/student-t.py).
const REF = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/student-t.json', import.meta.url)), 'utf8'));
const rel = (x: number, y: number) => (y === 0 ? Math.abs(x) : Math.abs(x - y) / Math.abs(y));

describe("Student's t", () => {
  it('the quantile matches scipy t.ppf to 1e-11 relative, ν from 1 to 9,999', () => {
    for (const [df, p, want] of REF.quantile as [number, number, number][]) expect(rel(studentTQuantile(p, df), want), `ν = ${df}, p = ${p}`).toBeLessThan(1e-11);
  });

  it('the distribution function matches scipy t.cdf to its conditioning', () => {
    // P(|T| < t) is a sum of ν/2 terms (each rounded: about ν·ε of absolute error), and a tail is
    // ½(1 − that): relative to the smaller tail the error is about ν·ε / tail.
    for (const [df, t, want] of REF.cdf as [number, number, number][]) {
      const tail = Math.min(want, 1 - want);
      expect(rel(studentTCdf(t, df), want), `ν = ${df}, t = ${t}`).toBeLessThan((4 * Number.EPSILON * (df + 4)) / tail);
    }
  });

  it('laws: the quantile inverts the distribution function, is odd in p − ½ and lies beyond the normal quantile (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 2000 }), (p, df) => {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-12);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 9);
        if (p > 0.5) expect(t).toBeGreaterThanOrEqual(normalQuantile(p) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bad arguments with the function and argument named', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/studentTQuantile: p must be a number in \(0, 1\) \(got 1\)/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/studentTQuantile: df must be a whole number in \[1, 10000\]/);
    expect(() => studentTQuantile(0.5, 2.5)).toThrow(RangeError);
    expect(() => studentTQuantile('0.5' as never, 2)).toThrow(TypeError);
    expect(() => studentTCdf(NaN, 2)).toThrow(/studentTCdf: t must be a number \(got NaN\)/);
    expect(() => studentTCdf(1, 10_001)).toThrow(RangeError);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 4)).toBe(0);
  });
});
