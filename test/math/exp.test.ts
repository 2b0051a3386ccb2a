import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateVolumes } from 'middle-corridor';
import { exp } from '../../src/math/exp.js';

// Correctly rounded e^x from Python's decimal at 60 digits (test/fixtures/exp.py).
const REF = JSON.parse(readFileSync(new URL('../fixtures/exp.json', import.meta.url), 'utf8')) as { x: number[]; exp: number[] };

describe('portable exp', () => {
  it('is within 1 ulp of the correctly rounded e^x on 4,212 points from −745 to 709.7', () => {
    let exact = 0;
    REF.x.forEach((x, i) => {
      const want = REF.exp[i]!;
      const got = exp(x);
      if (got === want) exact++;
      // one ulp of want: the gap to the next double away from zero
      const ulp = want === 0 ? Number.MIN_VALUE : Math.abs(nextUp(want) - want);
      expect(Math.abs(got - want), `x = ${x}`).toBeLessThanOrEqual(ulp);
    });
    // Most results are the correctly rounded double itself (V8's Math.exp: about 90 %).
    expect(exact / REF.x.length).toBeGreaterThan(0.9);
  });

  it('handles the ends of its range and non-finite input', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(709.79)).toBe(Infinity);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(709.78)).toBeLessThan(Number.MAX_VALUE);
    expect(exp(-745)).toBe(Number.MIN_VALUE);
  });

  it('agrees with Math.exp to 2 ulp everywhere (law: both are within 1 ulp of e^x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const a = exp(x);
        const b = Math.exp(x);
        return Math.abs(a - b) <= 2 * Math.abs(nextUp(b) - b);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is what the volume kernel uses: without shocks, demand is v0 · exp(k · log(1 + rate)) to the bit', () => {
    const v0 = 0.86;
    const rate = 0.35;
    const r = simulateVolumes({ start: { year: 2020, volumeMt: v0 }, horizon: 2030, growth: { model: 'exponential', rate } }, { paths: 3, seed: 1 });
    r.years.forEach((year, k) => {
      const want = v0 * exp(Math.log1p(rate) * k);
      for (const d of r.demand[k]!) expect(d, `${year}`).toBe(want);
    });
  });
});

/** The next double above a positive finite x. */
function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const u = new BigUint64Array(b.buffer);
  u[0] = u[0]! + 1n;
  return b[0]!;
}
