import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atan } from '../../src/math/atan.js';
import { REF2, checkTable, nsPerCall, ulpDistance } from './accuracy.js';

describe('portable atan', () => {
  it(`is within 1 ulp of the correctly rounded value on ${REF2.atan.x.length} points (|x| from 1e-12 to 1e24, around the table's grid points and their reciprocals), correctly rounded in ≥ 99 %`, () => {
    checkTable('atan', atan, REF2.atan, Math.atan, 0.99, expect);
  });

  it('special values as Math.atan', () => {
    expect(atan(Number.NaN)).toBeNaN();
    expect(Object.is(atan(0), 0)).toBe(true);
    expect(Object.is(atan(-0), -0)).toBe(true);
    expect(atan(Infinity)).toBe(1.5707963267948966);
    expect(atan(-Infinity)).toBe(-1.5707963267948966);
    expect(atan(1)).toBe(0.7853981633974483);
    expect(atan(-1)).toBe(-0.7853981633974483);
    expect(atan(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(atan(Number.MAX_VALUE)).toBe(1.5707963267948966);
  });

  it('laws: odd to the bit, monotone, bounded by π/2, agrees with Math.atan to 2 ulp', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return Object.is(atan(-a), -atan(a)) && atan(x) <= atan(y) && Math.abs(atan(a)) <= 1.5707963267948966 && ulpDistance(atan(a), Math.atan(a)) <= 2;
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -4, max: 4, noNaN: true }), (x) => ulpDistance(atan(x), Math.atan(x)) <= 2),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted)', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => -10 + ((i * 0.6180339887) % 1) * 20);
    console.log(`atan: ${nsPerCall(atan, xs).toFixed(1)} ns/call (Math.atan ${nsPerCall(Math.atan, xs).toFixed(1)})`);
  });
});
