import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cos, sin, tan } from '../../src/math/trig.js';
import { REF2, checkTable, nsPerCall, ulp, ulpDistance } from './accuracy.js';

describe('portable sin, cos, tan', () => {
  const where = '(|x| up to 1.8e308: near multiples of π/2, tiny, medium, around the 2^20·π/2 switch, huge)';
  for (const [name, f, native] of [['sin', sin, Math.sin], ['cos', cos, Math.cos], ['tan', tan, Math.tan]] as const) {
    it(`${name} is within 1 ulp of the correctly rounded value on ${REF2[name].x.length} points ${where}, correctly rounded in ≥ 99 %`, () => {
      checkTable(name, f, REF2[name], native, 0.99, expect);
    });
  }

  it('special values as Math.sin/cos/tan', () => {
    for (const f of [sin, cos, tan]) for (const x of [Infinity, -Infinity, Number.NaN]) expect(f(x)).toBeNaN();
    expect(Object.is(sin(0), 0)).toBe(true);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(Object.is(tan(0), 0)).toBe(true);
    expect(Object.is(tan(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(cos(-0)).toBe(1);
    expect(sin(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(tan(-5e-324)).toBe(-5e-324);
    // values whose correctly rounded result is known (mpmath at 60 digits)
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16);
    expect(cos(Math.PI / 2)).toBe(6.123233995736766e-17);
    expect(tan(Math.PI / 4)).toBe(0.9999999999999999);
    expect(sin(1e22)).toBe(-0.8522008497671888);
    expect(cos(1e22)).toBe(0.523214785395139);
    expect(sin(Number.MAX_VALUE)).toBe(0.004961954789184062);
    expect(cos(Number.MAX_VALUE)).toBe(-0.9999876894265599);
    // the double closest to an odd multiple of π/2 (6381956970095103·2^797): its cosine is about −4.7e-19
    expect(cos(6381956970095103 * 2 ** 797)).toBe(-4.687165924254628e-19);
    expect(sin(6381956970095103 * 2 ** 797)).toBe(1);
  });

  it('laws: sin and tan odd and cos even to the bit; sin² + cos² = 1 within 4e-16; |sin|, |cos| ≤ 1', () => {
    const any = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -2e6, max: 2e6, noNaN: true }));
    fc.assert(
      fc.property(any, (x) => {
        const s = sin(x);
        const c = cos(x);
        return Object.is(sin(-x), -s) && Object.is(tan(-x), -tan(x)) && cos(-x) === c && Math.abs(s * s + c * c - 1) <= 4e-16 && Math.abs(s) <= 1 && Math.abs(c) <= 1;
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Math.sin/cos/tan to 2 ulp (law: both are within 1 ulp of the truth)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => {
        return ulpDistance(sin(x), Math.sin(x)) <= 2 && ulpDistance(cos(x), Math.cos(x)) <= 2 && ulpDistance(tan(x), Math.tan(x)) <= 2;
      }),
      { numRuns: 20_000 },
    );
    // tan = sin/cos within 2 ulp (the quotient of two results adds up to 1 ulp)
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x) => Math.abs(tan(x) - sin(x) / cos(x)) <= 3 * ulp(tan(x))),
      { numRuns: 10_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.* in this process', () => {
    const small = new Float64Array(1 << 16).map((_, i) => -10 + ((i * 0.6180339887) % 1) * 20);
    const huge = new Float64Array(1 << 12).map((_, i) => 1e10 * (1 + ((i * 0.6180339887) % 1)) ** 40);
    for (const [name, f, g] of [['sin', sin, Math.sin], ['cos', cos, Math.cos], ['tan', tan, Math.tan]] as const) {
      console.log(`${name}: ${nsPerCall(f, small).toFixed(1)} ns/call on [−10, 10] (Math.${name} ${nsPerCall(g, small).toFixed(1)}), ${nsPerCall(f, huge).toFixed(0)} ns/call beyond 1e10 (Math.${name} ${nsPerCall(g, huge).toFixed(0)})`);
    }
  });
});
