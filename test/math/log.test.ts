import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { log } from '../../src/math/log.js';
import { exp } from '../../src/math/exp.js';
import { REF, measure, nsPerCall, ulp, ulpDistance } from './accuracy.js';

describe('portable log', () => {
  it(`is within 1 ulp of the correctly rounded ln x on ${REF.log.x.length} points over the whole domain, and correctly rounded in ≥ 99 % of them`, () => {
    const m = measure(log, REF.log);
    const v8 = measure(Math.log, REF.log);
    console.log(`log: max ${m.maxUlp} ulp, correctly rounded ${(100 * m.correctlyRounded).toFixed(2)} % (Math.log here: max ${v8.maxUlp} ulp, ${(100 * v8.correctlyRounded).toFixed(2)} %)`);
    REF.log.x.forEach((x, i) => expect(ulpDistance(log(x), REF.log.y[i]!), `x = ${x}`).toBeLessThanOrEqual(1));
    expect(m.correctlyRounded).toBeGreaterThanOrEqual(0.99);
  });

  it('handles special values as Math.log does', () => {
    expect(log(1)).toBe(0);
    expect(Object.is(log(1), 0)).toBe(true);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(-Infinity)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(Number.NaN)).toBeNaN();
    expect(log(Number.MIN_VALUE)).toBe(-744.4400719213812);
    expect(log(Number.MAX_VALUE)).toBe(709.782712893384);
    expect(log(2)).toBe(0.6931471805599453);
    expect(log(Math.E)).toBe(1);
    for (let e = -1074; e <= 1023; e++) expect(ulpDistance(log(2 ** e), e * 0.6931471805599453), `2^${e}`).toBeLessThanOrEqual(1);
  });

  it('laws: monotone; log(exp(x)) = x within 4 ulp of max(1, |x|); log(x·2^k) = log x + k·ln 2 closely', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return log(x) <= log(y);
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => Math.abs(log(exp(x)) - x) <= 4 * ulp(Math.max(1, Math.abs(x)))),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: -1000, max: 1000 }), (x, k) => {
        // want carries the roundings of log(x), of ln 2 (2.3e-17 per unit of k) and of the sum
        const lx = log(x);
        const want = lx + k * 0.6931471805599453;
        const scale = Math.max(Math.abs(lx), Math.abs(k * 0.6931471805599453), Math.abs(want), 1e-300);
        return Math.abs(log(x * 2 ** k) - want) <= 2 * ulp(scale) + Math.abs(k) * 2.4e-17;
      }),
      { numRuns: 5_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.log in this process', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => 1e-3 + ((i * 0.6180339887) % 1) * 1e3);
    const ours = nsPerCall(log, xs);
    const theirs = nsPerCall(Math.log, xs);
    console.log(`log: ${ours.toFixed(1)} ns/call, Math.log ${theirs.toFixed(1)} ns/call`);
    expect(ours).toBeGreaterThan(0);
  });
});
