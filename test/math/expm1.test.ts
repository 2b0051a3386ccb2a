import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expm1 } from '../../src/math/exp.js';
import { log1p } from '../../src/math/log1p.js';
import { exp } from '../../src/math/exp.js';
import { REF, measure, nsPerCall, ulp, ulpDistance } from './accuracy.js';

describe('portable expm1', () => {
  it(`is within 1 ulp of the correctly rounded e^x − 1 on ${REF.expm1.x.length} points from −40 to 709.78 (tiny x included), correctly rounded in ≥ 99 %`, () => {
    const m = measure(expm1, REF.expm1);
    const v8 = measure(Math.expm1, REF.expm1);
    console.log(`expm1: max ${m.maxUlp} ulp, correctly rounded ${(100 * m.correctlyRounded).toFixed(2)} % (Math.expm1 here: max ${v8.maxUlp} ulp, ${(100 * v8.correctlyRounded).toFixed(2)} %)`);
    REF.expm1.x.forEach((x, i) => expect(ulpDistance(expm1(x), REF.expm1.y[i]!), `x = ${x}`).toBeLessThanOrEqual(1));
    expect(m.correctlyRounded).toBeGreaterThanOrEqual(0.99);
  });

  it('handles special values as Math.expm1 does', () => {
    expect(Object.is(expm1(0), 0)).toBe(true);
    expect(Object.is(expm1(-0), -0)).toBe(true);
    expect(expm1(Infinity)).toBe(Infinity);
    expect(expm1(-Infinity)).toBe(-1);
    expect(expm1(Number.NaN)).toBeNaN();
    expect(expm1(709.79)).toBe(Infinity);
    expect(expm1(709.78)).toBeLessThan(Number.MAX_VALUE);
    expect(expm1(-38)).toBe(-1);
    expect(expm1(-40)).toBe(-1);
    expect(expm1(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(expm1(-Number.MIN_VALUE)).toBe(-Number.MIN_VALUE);
    expect(expm1(1e-10)).toBe(1.00000000005e-10);
    expect(expm1(1)).toBe(1.7182818284590453); // e − 1 correctly rounded
  });

  it('laws: monotone; expm1(log1p(x)) = x within 4 ulp on [−0.5, 1]; expm1(x) + 1 = exp(x) within 2 ulp of exp(x) for x ≥ 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.78, noNaN: true }), fc.double({ min: -745, max: 709.78, noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return expm1(x) <= expm1(y);
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 1, noNaN: true }), (x) => Math.abs(expm1(log1p(x)) - x) <= 4 * ulp(x)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 700, noNaN: true }), (x) => {
        const e = exp(x);
        return Math.abs(expm1(x) + 1 - e) <= 2 * ulp(e);
      }),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.expm1 in this process', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => -5 + ((i * 0.6180339887) % 1) * 10);
    console.log(`expm1: ${nsPerCall(expm1, xs).toFixed(1)} ns/call, Math.expm1 ${nsPerCall(Math.expm1, xs).toFixed(1)} ns/call`);
  });
});
