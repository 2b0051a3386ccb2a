import fc from 'fast-check';
import { describe, it } from 'vitest';
import { RangeCounter } from '../../src/stats/brackets.js';

describe('RangeCounter', () => {
  // Values on a coarse grid, so that ties and values on the ends of a range are common.
  const grid = fc.integer({ min: -20, max: 20 }).map((k) => k / 4);
  const range = fc.tuple(grid, grid).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

  it('counting several ranges in one pass equals counting each alone, and finds every order statistic inside (law)', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 300 }), fc.array(range, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 50 }), (xs, ranges, batch) => {
        const values = Float64Array.from(xs);
        const together = ranges.map(([lo, hi]) => new RangeCounter(lo, hi));
        const alone = ranges.map(([lo, hi]) => new RangeCounter(lo, hi));
        for (let from = 0; from < values.length; from += batch) {
          const part = values.subarray(from, Math.min(from + batch, values.length));
          RangeCounter.addAll(together, part, part.length);
          for (const c of alone) c.add(part);
        }
        const sorted = Float64Array.from(values).sort();
        return ranges.every((_, j) => {
          const a = together[j]!;
          const b = alone[j]!;
          if (a.below !== b.below || a.atLo !== b.atLo || a.atHi !== b.atHi || a.size !== b.size) return false;
          // Every rank: the statistic when it lies in the range, undefined otherwise.
          return Array.from(sorted, (x, r) => {
            const got = a.rank(r);
            const inside = x >= a.lo && x <= a.hi;
            return inside ? got === x : got === undefined;
          }).every(Boolean);
        });
      }),
      { numRuns: 300 },
    );
  });
});
