import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMonotone } from '../../src/analysis/root.js';

describe('solveMonotone', () => {
  it('finds the root of an increasing and of a decreasing function to the tolerance', () => {
    const up = solveMonotone((x) => ({ estimate: x * x, standardError: 0 }), { lo: 0, hi: 3, level: 2, tolerance: 1e-9, fn: 'f', parameter: 'x' });
    expect(up.value).toBeCloseTo(Math.SQRT2, 8);
    const down = solveMonotone((x) => ({ estimate: -x, standardError: 0 }), { lo: -5, hi: 5, level: 1.5, tolerance: 1e-9, fn: 'f', parameter: 'x' });
    expect(down.value).toBeCloseTo(-1.5, 8);
  });

  it('brackets the root by the level ± z·SE (fast-check over linear statistics)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -0.9, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }), (slope, share, se) => {
        const level = 2 * slope * share; // inside what [-2, 2] reaches
        const r = solveMonotone((x) => ({ estimate: slope * x, standardError: se }), { lo: -2, hi: 2, level, tolerance: 1e-10, fn: 'f', parameter: 'x' });
        expect(r.value).toBeCloseTo(level / slope, 8);
        const half = (1.96 * se) / slope;
        if (Math.abs(level / slope) + half < 2) {
          expect(r.lower).toBeCloseTo(level / slope - half, 7);
          expect(r.upper).toBeCloseTo(level / slope + half, 7);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('says how far each end got when the level is out of reach', () => {
    expect(() =>
      solveMonotone((x) => ({ estimate: Math.min(x, 0.3), standardError: 0.01 }), {
        lo: 0, hi: 1, level: 0.5, tolerance: 1e-6, fn: 'solveScenario', parameter: 'rate',
        why: () => 'capacity caps the volume',
      }),
    ).toThrow(/solveScenario: no rate in \[0, 1\] reaches 0.5: at rate = 0 the statistic is 0 \(± 0.01\), at 1 it is 0.3 \(± 0.01\)\. capacity caps the volume/);
  });
});
