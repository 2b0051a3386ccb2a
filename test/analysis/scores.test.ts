import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crps, crpsSorted, intervalScore, pitSorted } from '../../src/analysis/scores.js';
import { fillStandardNormal } from '../../src/random/normal.js';
import { stream } from '../../src/random/stream.js';
import { normalCdf, normalPdf } from '../../src/stats/normal.js';

/** CRPS of N(μ, σ²) at y (Gneiting & Raftery 2007, eq. 21). */
const crpsNormal = (mu: number, sigma: number, y: number) => {
  const z = (y - mu) / sigma;
  return sigma * (z * (2 * normalCdf(z) - 1) + 2 * normalPdf(z) - 1 / Math.sqrt(Math.PI));
};
/** CRPS of a lognormal, log X ~ N(μ, σ²) (Baran & Lerch 2015, eq. 5). */
const crpsLognormal = (mu: number, sigma: number, y: number) => {
  const z = (Math.log(y) - mu) / sigma;
  return y * (2 * normalCdf(z) - 1) - 2 * Math.exp(mu + (sigma * sigma) / 2) * (normalCdf(z - sigma) + normalCdf(sigma / Math.SQRT2) - 1);
};

/** The sample CRPS and its standard error from 20 batches. */
function sampleCrps(xs: Float64Array, y: number): { est: number; se: number } {
  const b = 20;
  const m = xs.length / b;
  const parts = Array.from({ length: b }, (_, i) => crps(xs.subarray(i * m, (i + 1) * m), y));
  const mean = parts.reduce((s, x) => s + x, 0) / b;
  const sd = Math.sqrt(parts.reduce((s, x) => s + (x - mean) ** 2, 0) / (b - 1));
  return { est: crps(xs, y), se: sd / Math.sqrt(b) };
}

describe('CRPS against closed forms (within 4 batch standard errors)', () => {
  const n = 200_000;
  const z = fillStandardNormal(stream(5, ['test', 'crps']), new Float64Array(n));
  for (const [mu, sigma, y] of [[0, 1, 0.3], [4.1, 0.5, 6], [1, 2, -3]] as const) {
    it(`normal(${mu}, ${sigma}) at ${y}`, () => {
      const { est, se } = sampleCrps(z.map((t) => mu + sigma * t), y);
      expect(Math.abs(est - crpsNormal(mu, sigma, y))).toBeLessThan(4 * se);
    });
  }
  for (const [mu, sigma, y] of [[Math.log(4.1), 0.4, 4.119], [1.5, 0.8, 10]] as const) {
    it(`lognormal(${mu.toFixed(3)}, ${sigma}) at ${y}`, () => {
      const { est, se } = sampleCrps(z.map((t) => Math.exp(mu + sigma * t)), y);
      expect(Math.abs(est - crpsLognormal(mu, sigma, y))).toBeLessThan(4 * se);
    });
  }
});

describe('scores by hand', () => {
  it('the CRPS of a point forecast is its absolute error, exactly (fast-check)', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x, y) => {
      expect(crps([x], y)).toBe(Math.abs(x - y));
    }));
  });
  it('small samples: E|X − y| − ½E|X − X′| by enumeration', () => {
    // {1, 2, 3} at 2: E|X−y| = 2/3, E|X−X′| = (0+1+2+1+0+1+2+1+0)/9 = 8/9, CRPS = 2/3 − 4/9 = 2/9.
    expect(crps([3, 1, 2], 2)).toBeCloseTo(2 / 9, 15);
    expect(crpsSorted([0, 10], 5)).toBe(5 - 2.5);
  });
  it('interval score: width inside, plus 2/α times the miss outside', () => {
    expect(intervalScore(3, 7, 5, 0.2)).toBe(4);
    expect(intervalScore(3, 7, 8, 0.2)).toBe(4 + 10 * 1);
    expect(intervalScore(3, 7, 1, 0.5)).toBe(4 + 4 * 2);
    expect(() => intervalScore(7, 3, 5, 0.2)).toThrow(/lower must be <= upper/);
    expect(() => intervalScore(3, 7, 5, 0)).toThrow(RangeError);
  });
  it('PIT counts ties half', () => {
    expect(pitSorted([1, 2, 2, 3], 2)).toBe(0.5);
    expect(pitSorted([1, 2, 3, 4], 10)).toBe(1);
  });
});
