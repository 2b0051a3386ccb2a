import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosh, sinh, tanh } from '../../src/math/hyperbolic.js';
import { REF2, checkTable, nsPerCall, ulpDistance } from './accuracy.js';

describe('portable sinh, cosh, tanh', () => {
  const where = '(tiny, |x| < 1, the 1/8 and 22 switches, up to the overflow at 710.4758)';
  for (const [name, f, native] of [['sinh', sinh, Math.sinh], ['cosh', cosh, Math.cosh], ['tanh', tanh, Math.tanh]] as const) {
    it(`${name} is within 1 ulp of the correctly rounded value on ${REF2[name].x.length} points ${where}, correctly rounded in ≥ 99 %`, () => {
      checkTable(name, f, REF2[name], native, 0.99, expect);
    });
  }

  it('special values as Math.sinh/cosh/tanh', () => {
    for (const f of [sinh, cosh, tanh]) expect(f(Number.NaN)).toBeNaN();
    expect(Object.is(sinh(0), 0)).toBe(true);
    expect(Object.is(sinh(-0), -0)).toBe(true);
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(cosh(0)).toBe(1);
    expect(cosh(-0)).toBe(1);
    expect(sinh(Infinity)).toBe(Infinity);
    expect(sinh(-Infinity)).toBe(-Infinity);
    expect(cosh(Infinity)).toBe(Infinity);
    expect(cosh(-Infinity)).toBe(Infinity);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(20)).toBe(1);
    expect(sinh(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    // overflow exactly where the true value passes the largest double (ln(2·MAX_VALUE) = 710.47586007394386…)
    expect(sinh(710.4758600739439)).toBe(1.7976931348621744e308);
    expect(cosh(-710.4758600739439)).toBe(1.7976931348621744e308);
    expect(sinh(710.475860073944)).toBe(Infinity);
    expect(cosh(1e300)).toBe(Infinity);
    expect(sinh(-1e300)).toBe(-Infinity);
    expect(sinh(1)).toBe(1.1752011936438014);
    expect(cosh(1)).toBe(1.5430806348152437);
    expect(tanh(1)).toBe(0.7615941559557649);
  });

  it('laws: sinh and tanh odd and cosh even to the bit; |tanh| ≤ 1; cosh ≥ 1; tanh = sinh/cosh within 2 ulp', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ noNaN: true })), (x) => {
        const t = tanh(x);
        return Object.is(sinh(-x), -sinh(x)) && Object.is(tanh(-x), -t) && cosh(-x) === cosh(x) && Math.abs(t) <= 1 && cosh(x) >= 1;
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => ulpDistance(tanh(x), sinh(x) / cosh(x)) <= 2),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Math.sinh/cosh/tanh to 3 ulp (V8 is itself up to 2 ulp off on the reference points)', () => {
    fc.assert(
      fc.property(fc.double({ min: -720, max: 720, noNaN: true }), (x) => ulpDistance(sinh(x), Math.sinh(x)) <= 3 && ulpDistance(cosh(x), Math.cosh(x)) <= 3 && ulpDistance(tanh(x), Math.tanh(x)) <= 3),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.* in this process', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => -5 + ((i * 0.6180339887) % 1) * 10);
    for (const [name, f, g] of [['sinh', sinh, Math.sinh], ['cosh', cosh, Math.cosh], ['tanh', tanh, Math.tanh]] as const) {
      console.log(`${name}: ${nsPerCall(f, xs).toFixed(1)} ns/call on [−5, 5] (Math.${name} ${nsPerCall(g, xs).toFixed(1)})`);
    }
  });
});
