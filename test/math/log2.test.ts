import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { log10, log2 } from '../../src/math/log2.js';
import { REF2, checkTable, nsPerCall, ulpDistance } from './accuracy.js';

describe('portable log2 and log10', () => {
  it(`log2 is within 1 ulp of the correctly rounded value on ${REF2.log2.x.length} points (every binade, near 1, subnormals, powers of 2 and 10), correctly rounded in ≥ 99 %`, () => {
    checkTable('log2', log2, REF2.log2, Math.log2, 0.99, expect);
  });
  it(`log10 likewise on ${REF2.log10.x.length} points`, () => {
    checkTable('log10', log10, REF2.log10, Math.log10, 0.99, expect);
  });

  it('special values as Math.log2/log10, exact powers exactly', () => {
    for (const f of [log2, log10]) {
      expect(f(0)).toBe(-Infinity);
      expect(f(-0)).toBe(-Infinity);
      expect(f(-1)).toBeNaN();
      expect(f(-Infinity)).toBeNaN();
      expect(f(Number.NaN)).toBeNaN();
      expect(f(Infinity)).toBe(Infinity);
      expect(Object.is(f(1), 0)).toBe(true);
    }
    for (let e = -1074; e <= 1023; e++) expect(log2(2 ** e), `2^${e}`).toBe(e);
    for (let n = 0; n <= 22; n++) expect(log10(Number(`1e${n}`)), `1e${n}`).toBe(n);
    expect(log10(2)).toBe(0.3010299956639812);
    expect(log2(10)).toBe(3.321928094887362);
  });

  it('laws: monotone; agree with Math.log2/log10 to 2 ulp', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return log2(x) <= log2(y) && log10(x) <= log10(y) && ulpDistance(log2(a), Math.log2(a)) <= 2 && ulpDistance(log10(a), Math.log10(a)) <= 2;
      }),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted)', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => 1e-3 + ((i * 0.6180339887) % 1) * 1e4);
    console.log(`log2: ${nsPerCall(log2, xs).toFixed(1)} ns/call (Math.log2 ${nsPerCall(Math.log2, xs).toFixed(1)}); log10: ${nsPerCall(log10, xs).toFixed(1)} (Math.log10 ${nsPerCall(Math.log10, xs).toFixed(1)})`);
  });
});
