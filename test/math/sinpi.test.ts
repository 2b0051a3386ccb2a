import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sinpi } from '../../src/math/sinpi.js';
import { REF, measure, nsPerCall, ulp, ulpDistance } from './accuracy.js';

describe('portable sinpi', () => {
  it(`is within 1 ulp of the correctly rounded sin(πx) on ${REF.sinpi.x.length} points (near integers and half-integers, tiny and huge x), correctly rounded in ≥ 90 %`, () => {
    const m = measure(sinpi, REF.sinpi);
    const v8 = measure((x) => Math.sin(Math.PI * x), REF.sinpi);
    console.log(`sinpi: max ${m.maxUlp} ulp (at x = ${m.worst}), correctly rounded ${(100 * m.correctlyRounded).toFixed(2)} % (Math.sin(Math.PI * x) here: max ${v8.maxUlp} ulp, ${(100 * v8.correctlyRounded).toFixed(2)} %)`);
    REF.sinpi.x.forEach((x, i) => expect(ulpDistance(sinpi(x), REF.sinpi.y[i]!), `x = ${x}`).toBeLessThanOrEqual(1));
    expect(m.correctlyRounded).toBeGreaterThanOrEqual(0.9);
  });

  it('gives exact zeros, ones and halves, and NaN where Math.sin does', () => {
    expect(Object.is(sinpi(0), 0)).toBe(true);
    expect(Object.is(sinpi(-0), -0)).toBe(true);
    for (const n of [1, 2, 3, -1, -2, 1e6, 2 ** 52, 2 ** 60, 1e300]) expect(sinpi(n), `${n}`).toBe(0);
    expect(sinpi(0.5)).toBe(1);
    expect(sinpi(-0.5)).toBe(-1);
    expect(sinpi(1.5)).toBe(-1);
    expect(sinpi(2.5)).toBe(1);
    expect(sinpi(1 / 6)).toBe(0.5);
    expect(sinpi(Number.MIN_VALUE)).toBe(Number.MIN_VALUE * Math.PI);
    expect(sinpi(Infinity)).toBeNaN();
    expect(sinpi(-Infinity)).toBeNaN();
    expect(sinpi(Number.NaN)).toBeNaN();
  });

  it('laws: odd, period 2, sinpi(1 − x) = sinpi(x) to the bit, |sinpi| ≤ 1, monotone on [−1/2, 1/2]', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => sinpi(-x) === -sinpi(x) || (sinpi(x) === 0 && sinpi(-x) === 0)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 20), max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 30 }), (n, m) => {
        const x = m / 2 ** 30; // in [0, 1]; x + 2n and 1 − x are exact
        return sinpi(x + 2 * n) === sinpi(x) && sinpi(1 - x) === sinpi(x) && Math.abs(sinpi(x)) <= 1;
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return sinpi(x) <= sinpi(y);
      }),
      { numRuns: 20_000 },
    );
    // agrees with Math.sin(π·x) where π·x loses nothing that matters (|x| ≤ 1/4)
    fc.assert(
      fc.property(fc.double({ min: -0.25, max: 0.25, noNaN: true }), (x) => Math.abs(sinpi(x) - Math.sin(Math.PI * x)) <= 2 * ulp(sinpi(x))),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.sin(Math.PI * x) in this process', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => -1 + ((i * 0.6180339887) % 1) * 2);
    console.log(`sinpi: ${nsPerCall(sinpi, xs).toFixed(1)} ns/call, Math.sin(Math.PI * x) ${nsPerCall((x) => Math.sin(Math.PI * x), xs).toFixed(1)} ns/call`);
  });
});
