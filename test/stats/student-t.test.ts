import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/student-t.js';
import { normalQuantile } from '../../src/stats/normal.js';

// Reference values: scipy.stats.t.ppf / cdf in the body, mpmath at 60 digits in the far tails (test/fixtures/student-t.py).
const REF = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/student-t.json', import.meta.url)), 'utf8'));
const rel = (x: number, y: number) => (y === 0 ? Math.abs(x) : Math.abs(x - y) / Math.abs(y));

describe("Student's t", () => {
  it('the quantile matches scipy t.ppf to 1e-11 relative, ν from 1 to 9,999', () => {
    for (const [df, p, want] of REF.quantile as [number, number, number][]) expect(rel(studentTQuantile(p, df), want), `ν = ${df}, p = ${p}`).toBeLessThan(1e-11);
  });

  it('the distribution function matches scipy t.cdf to 1e-12 relative (the lower tail included, ν up to 9,999)', () => {
    for (const [df, t, want] of REF.cdf as [number, number, number][]) expect(rel(studentTCdf(t, df), want), `ν = ${df}, t = ${t}`).toBeLessThan(1e-12);
  });

  // The far tails against mpmath at 60 digits (scipy is itself wrong out there: see the fixture).
  // Below the smallest normal double the result is subnormal: a few of its ulps are allowed.
  const MIN_NORMAL = 2.2250738585072014e-308;
  const close = (got: number, want: number) => Math.abs(got - want) <= 1e-12 * Math.max(Math.abs(want), MIN_NORMAL);

  it('the quantile holds 1e-12 relative for p from 1e-300 to 1 − 2⁻⁵³ and ν from 1 to 10,000 (mpmath)', () => {
    for (const [df, p, want] of REF.tailQuantile as [number, number, number][]) expect(close(studentTQuantile(p, df), want), `ν = ${df}, p = ${p}: ${studentTQuantile(p, df)} against ${want}`).toBe(true);
    // The probe's cases: the lower tail was 1 − (the upper tail), so it stalled near 1e-17.
    expect(rel(studentTQuantile(1e-20, 1), -3.183098861837907e19)).toBeLessThan(1e-12);
    expect(studentTQuantile(1e-20, 2)).toBeLessThan(-1e9);
    expect(studentTQuantile(1e-30, 30)).toBeLessThan(studentTQuantile(1e-20, 30));
  });

  it('the distribution function holds 1e-12 relative for t out to ±1e300 and ν from 1 to 10,000 (mpmath)', () => {
    for (const [df, t, want] of REF.tailCdf as [number, number, number][]) expect(close(studentTCdf(t, df), want), `ν = ${df}, t = ${t}: ${studentTCdf(t, df)} against ${want}`).toBe(true);
    // ν = 1 is the Cauchy: P(T < −t) = atan(1/t)/π = 1/(πt)·(1 − 1/(3t²) + …).
    expect(rel(studentTCdf(-3183098861.84, 1), 1 / (Math.PI * 3183098861.84))).toBeLessThan(1e-12);
    expect(rel(studentTCdf(-1e300, 1), 1 / (Math.PI * 1e300))).toBeLessThan(1e-12);
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

  it('laws: in the far lower tail the quantile inverts the distribution function to 1e-11 relative, and the lower tail at t is the upper tail at −t (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: -3 }), fc.double({ min: 1, max: 9.99, noNaN: true }), fc.integer({ min: 1, max: 10_000 }), (e, m, df) => {
        const p = m * 10 ** e;
        const t = studentTQuantile(p, df);
        expect(t).toBeLessThan(0);
        expect(rel(studentTCdf(t, df), p)).toBeLessThan(1e-11);
        expect(Math.abs(studentTCdf(t, df) - (1 - studentTCdf(-t, df)))).toBeLessThanOrEqual(Number.EPSILON);
        expect(studentTCdf(-t, df)).toBeGreaterThan(0.5);
      }),
      { numRuns: 100 },
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
    // A Cauchy quantile beyond the largest double (≈ 1/(π·p) > 1.8e308) is refused, never −Infinity.
    expect(() => studentTQuantile(1e-310, 1)).toThrow(new RangeError('studentTQuantile: the quantile at p = 1e-310 with 1 degree of freedom is beyond the largest double'));
    expect(() => studentTQuantile(Number.MIN_VALUE, 1)).toThrow(RangeError);
    expect(rel(studentTQuantile(2.2e-308, 1), -1 / (Math.PI * 2.2e-308))).toBeLessThan(1e-12);
    expect(Number.isFinite(studentTQuantile(Number.MIN_VALUE, 2))).toBe(true);
    expect(close(studentTCdf(-Number.MAX_VALUE, 1), 1 / Math.PI / Number.MAX_VALUE)).toBe(true); // subnormal: a few of its ulps
    expect(studentTCdf(Number.MAX_VALUE, 2)).toBe(1);
  });
});
