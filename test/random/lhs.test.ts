import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillParamStratified, fillStratified } from '../../src/random/lhs.js';
import { paramQuantile } from '../../src/random/inverse.js';
import { stream } from '../../src/random/stream.js';

describe('Latin hypercube draws', () => {
  it('put exactly one uniform in each of the n strata (fast-check over n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const u = new Float64Array(n + 3);
        fillStratified(stream(seed, 'lhs').generator, u, 3, n + 3);
        const seen = new Uint8Array(n);
        for (let i = 3; i < n + 3; i++) {
          const s = Math.floor(u[i]! * n);
          expect(u[i]).toBeGreaterThanOrEqual(0);
          expect(u[i]).toBeLessThan(1);
          seen[s]!++;
        }
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
  it('a parameter’s draws hit each stratum of its distribution once', () => {
    const d = { dist: 'pert' as const, min: 0, mode: 1, max: 5 };
    const n = 500;
    const x = new Float64Array(n);
    fillParamStratified(d, stream(2, 'lhs').generator, x, 0, n);
    const edges = Array.from({ length: n + 1 }, (_, i) => paramQuantile(d, i / n));
    const counts = new Array(n).fill(0);
    for (const v of x) {
      const s = edges.findIndex((e, i) => i < n && v >= e && v <= edges[i + 1]!);
      counts[s]++;
    }
    expect(counts.every((c) => c === 1)).toBe(true);
  });
});
