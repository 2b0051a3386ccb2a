import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusteredMean, clusteredSkill } from '../../src/forecast/summarise.js';

const scores = fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 2, maxLength: 12 });
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('clustered means and skills (laws, fast-check)', () => {
  it('with one forecast per origin the clustered SE is the usual sd/√n; the interval holds the estimate and scales with the scores', () => {
    fc.assert(
      fc.property(scores, fc.double({ min: 0.001, max: 1000, noNaN: true }), (xs, c) => {
        const n = xs.length;
        const m = clusteredMean(xs, xs.map((_, i) => i));
        const mean = xs.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / (n - 1));
        expect(close(m.standardError!, sd / Math.sqrt(n))).toBe(true);
        expect(m.interval![0]).toBeLessThanOrEqual(m.estimate);
        expect(m.interval![1]).toBeGreaterThanOrEqual(m.estimate);
        expect(m.interval![0]).toBeGreaterThan(0); // on the log scale: a positive score's interval stays positive
        const scaled = clusteredMean(xs.map((x) => c * x), xs.map((_, i) => i));
        expect(close(scaled.interval![0], c * m.interval![0]) && close(scaled.interval![1], c * m.interval![1])).toBe(true);
      }),
    );
  });

  it('the clustered SE does not depend on the order of the forecasts, and one cluster has neither a standard error (null) nor an interval', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 4 }), (xs, k) => {
        const at = xs.map((_, i) => i % k);
        const a = clusteredMean(xs, at);
        const b = clusteredMean([...xs].reverse(), [...at].reverse());
        if (k === 1) {
          // One origin: no standard error can be estimated — null, never 0 — and no interval.
          expect(a.standardError).toBeNull();
          expect(a.interval).toBeNull();
        } else expect(close(a.standardError!, b.standardError!)).toBe(true);
      }),
    );
  });

  it('the skill is invariant to the unit (both scores scaled alike), is 0 against itself, and its interval holds it', () => {
    fc.assert(
      fc.property(scores, fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true }), (b, c, f) => {
        const a = b.map((x, i) => x * (i % 2 === 0 ? f : 1 / f));
        const at = b.map((_, i) => i);
        const k = clusteredSkill(a, b, at)!;
        const kc = clusteredSkill(a.map((x) => c * x), b.map((x) => c * x), at)!;
        expect(close(k.estimate, kc.estimate) && close(k.standardError!, kc.standardError!)).toBe(true);
        expect(k.interval![0]).toBeLessThanOrEqual(k.estimate + 1e-12);
        expect(k.interval![1]).toBeGreaterThanOrEqual(k.estimate - 1e-12);
        expect(k.interval![1]).toBeLessThan(1); // skill = 1 − a positive ratio
        expect(clusteredSkill(b, b, at)).toEqual({ estimate: 0, standardError: 0, interval: [0, 0] });
      }),
    );
  });
});
