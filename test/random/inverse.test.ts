import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, paramQuantile } from '../../src/random/inverse.js';
import { pertShapes } from '../../src/random/gamma-samplers.js';

// scipy.stats ppf/cdf at these levels, made by test/fixtures/inverse-cdf.py.
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/inverse-cdf.json', import.meta.url)), 'utf8'));
const close = (x: number, want: number, rel: number) => expect(Math.abs(x - want)).toBeLessThanOrEqual(rel * Math.max(Math.abs(want), 1e-300));

describe('quantile functions against scipy', () => {
  it('Beta: cdf and quantiles to ~1e-12 relative (PERT draws through it)', () => {
    let checked = 0;
    for (const { a, b, q, cdf } of ref.beta) {
      [0.01, 0.3, 0.5, 0.9].forEach((x, i) => close(betaCdf(x, a, b), cdf[i], 1e-12));
      ref.ps.forEach((p: number, i: number) => {
        // a PERT on [0, 1] whose shapes are (a, b): lambda and mode chosen to give them
        const lambda = a + b - 2;
        if (lambda <= 0) return;
        const mode = (a - 1) / lambda;
        if (!(mode >= 0 && mode <= 1)) return;
        const d = { dist: 'pert' as const, min: 0, mode, max: 1, lambda };
        const [pa, pb] = pertShapes(d);
        if (Math.abs(pa - a) > 1e-12 || Math.abs(pb - b) > 1e-12) return;
        close(paramQuantile(d, p), q[i], 1e-9);
        checked++;
      });
    }
    expect(checked).toBe(5 * ref.ps.length); // the five shapes with a, b >= 1 are PERTs
  });
  it('truncated normal, triangular and lognormal', () => {
    for (const { mean, sd, min, max, q } of ref.truncnorm) {
      const d = { dist: 'normal' as const, mean, sd, ...(min === null || min === -Infinity ? {} : { min }), ...(max === null || max === Infinity ? {} : { max }) };
      ref.ps.forEach((p: number, i: number) => close(paramQuantile(d, p), q[i], 1e-9));
    }
    for (const { min, mode, max, q } of ref.triang) ref.ps.forEach((p: number, i: number) => close(paramQuantile({ dist: 'triangular', min, mode, max }, p), q[i], 1e-12));
    for (const { median, sigma, q } of ref.lognorm) ref.ps.forEach((p: number, i: number) => close(paramQuantile({ dist: 'lognormal', median, sigma }, p), q[i], 1e-12));
  });
  it('are increasing in p and stay in the support (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p1, p2, lambda, m) => {
        const d = { dist: 'pert' as const, min: 2, mode: 2 + 3 * m, max: 5, lambda };
        const [lo, hi] = [Math.min(p1, p2), Math.max(p1, p2)];
        const a = paramQuantile(d, lo);
        const b = paramQuantile(d, hi);
        expect(a).toBeLessThanOrEqual(b + 1e-12);
        expect(a).toBeGreaterThanOrEqual(2);
        expect(b).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });
  it('empirical: the smallest value whose cumulative weight reaches p', () => {
    const d = { dist: 'empirical' as const, values: [3, 1, 2], weights: [1, 1, 2] };
    expect([0, 0.25, 0.26, 0.75, 0.76, 1].map((p) => paramQuantile(d, p))).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
