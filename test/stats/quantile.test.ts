import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, quantileSorted, quantiles } from 'middle-corridor';
import { REF } from '../helpers.js';

/** numpy's type-7 quantile by sorting, written out independently of the library. */
function numpyLinear(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  if (h >= s.length - 1) return s[s.length - 1]!;
  const g = h - lo;
  const a = s[lo]!;
  const b = s[lo + 1]!;
  const d = b - a;
  return g >= 0.5 ? b - d * (1 - g) : a + d * g;
}

describe('quantiles (numpy "linear", R type 7)', () => {
  it('equal numpy.quantile on data with ties and negatives, to the bit', () => {
    const { data, ps, numpy } = REF.quantiles;
    expect(quantiles(Float64Array.from(data), ps)).toEqual(numpy);
    ps.forEach((p: number, i: number) => expect(quantile(data, p)).toBe(numpy[i]));
  });

  it('equal the sort-based definition for any data and p, in any order of p (law)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (data, ps) => {
          const got = quantiles(Float64Array.from(data), ps);
          // Bit for bit, but +0 and −0 are the same number: which one a tie of zeros gives
          // depends on where selection and a stable sort leave them (data [0, −0, 0], p 0.75).
          ps.forEach((p, i) => expect(got[i]! + 0).toBe(numpyLinear(data, p) + 0));
        },
      ),
    );
  });

  it('on large inputs (the bracketing path) equal the sorted definition, with ties, atoms and sorted data', () => {
    const sorted = (x: Float64Array) => Float64Array.from(x).sort();
    const check = (x: Float64Array, ps: number[]) => {
      const s = sorted(x);
      const got = quantiles(x, ps);
      ps.forEach((p, i) => expect(got[i], `p = ${p}`).toBe(quantileSorted(s, p)));
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 20_001, max: 60_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (n, seed, atomShare, ps) => {
          const x = new Float64Array(n);
          let h = seed + 1;
          for (let i = 0; i < n; i++) {
            h = (Math.imul(h, 1103515245) + 12345) | 0;
            const u = (h >>> 0) / 2 ** 32;
            x[i] = u < atomShare ? 6 : Math.log(u + 1e-9) * 3 + (i % 7); // an atom at 6, like volumes at capacity
          }
          check(x, [...ps, 0, 1]);
        },
      ),
      { numRuns: 20 },
    );
    const up = Float64Array.from({ length: 50_000 }, (_, i) => i);
    check(up, [0.1, 0.5, 0.9, 0.999]);
    check(up.reverse(), [0.1, 0.5, 0.9]);
    check(new Float64Array(30_000).fill(2), [0.3, 0.7]);
  });

  it('leave the input untouched', () => {
    const x = Float64Array.of(5, 1, 4, 2, 3);
    quantiles(x, [0.2, 0.9]);
    expect(Array.from(x)).toEqual([5, 1, 4, 2, 3]);
  });

  it('quantileSorted agrees on sorted input', () => {
    const s = [...REF.quantiles.data].sort((a: number, b: number) => a - b);
    REF.quantiles.ps.forEach((p: number, i: number) => expect(quantileSorted(s, p)).toBe(REF.quantiles.numpy[i]));
  });

  it('reject p outside [0, 1], empty input and NaN values', () => {
    expect(() => quantile([1, 2], 1.01)).toThrow(/quantile: p must be a number in \[0, 1\] \(got 1.01\)/);
    expect(() => quantile([1, 2], -0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
    expect(() => quantile([], 0.5)).toThrow(/quantile: values needs at least 1 value/);
    expect(() => quantile([1, NaN], 0.5)).toThrow(/quantile: values\[1\] must be a finite number \(got NaN\)/);
  });
});
