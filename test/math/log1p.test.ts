import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expm1 } from '../../src/math/exp.js';
import { log } from '../../src/math/log.js';
import { log1p } from '../../src/math/log1p.js';
import { REF, measure, nsPerCall, ulp, ulpDistance } from './accuracy.js';

describe('portable log1p', () => {
  it(`is within 1 ulp of the correctly rounded ln(1 + x) on ${REF.log1p.x.length} points (tiny x, x near −1, huge x), correctly rounded in ≥ 99 %`, () => {
    const m = measure(log1p, REF.log1p);
    const v8 = measure(Math.log1p, REF.log1p);
    console.log(`log1p: max ${m.maxUlp} ulp, correctly rounded ${(100 * m.correctlyRounded).toFixed(2)} % (Math.log1p here: max ${v8.maxUlp} ulp, ${(100 * v8.correctlyRounded).toFixed(2)} %)`);
    REF.log1p.x.forEach((x, i) => expect(ulpDistance(log1p(x), REF.log1p.y[i]!), `x = ${x}`).toBeLessThanOrEqual(1));
    expect(m.correctlyRounded).toBeGreaterThanOrEqual(0.99);
  });

  it('handles special values as Math.log1p does', () => {
    expect(Object.is(log1p(0), 0)).toBe(true);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-1.5)).toBeNaN();
    expect(log1p(-Infinity)).toBeNaN();
    expect(log1p(Infinity)).toBe(Infinity);
    expect(log1p(Number.NaN)).toBeNaN();
    expect(log1p(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(log1p(-Number.MIN_VALUE)).toBe(-Number.MIN_VALUE);
    expect(log1p(1e-300)).toBe(1e-300);
    expect(log1p(1)).toBe(0.6931471805599453);
    expect(log1p(Number.MAX_VALUE)).toBe(709.782712893384);
  });

  it('laws: monotone; log1p(expm1(x)) = x within 4 ulp on [−1, 700]; log1p(x) = log(1 + x) where 1 + x is exact', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: -1, max: Number.MAX_VALUE, noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return log1p(x) <= log1p(y);
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1, max: 700, noNaN: true }), (x) => Math.abs(log1p(expm1(x)) - x) <= 4 * ulp(x)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 20) + 1, max: 2 ** 30 }), (n) => {
        const x = n / 2 ** 20; // 1 + x is exact
        return log1p(x) === log(1 + x);
      }),
      { numRuns: 5_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.log1p in this process', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => -0.999 + ((i * 0.6180339887) % 1) * 10);
    console.log(`log1p: ${nsPerCall(log1p, xs).toFixed(1)} ns/call, Math.log1p ${nsPerCall(Math.log1p, xs).toFixed(1)} ns/call`);
  });
});
