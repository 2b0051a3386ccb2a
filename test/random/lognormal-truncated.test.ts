import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fill, lognormal, moments, paramQuantile, sampler, stream, type LognormalDist } from 'middle-corridor';
import { logNormalMass, logNormalMassParts, normalMass } from '../../src/random/normal-mass.js';
import { closeRel, sameBits, sampleStats } from '../helpers.js';

// Made by test/fixtures/lognormal-truncated.py: scipy.stats.truncnorm on the log scale, the
// moments by numerical integration (not the closed form), the extreme cases with mpmath.
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/lognormal-truncated.json', import.meta.url)), 'utf8'));
interface Case { median: number; sigma: number; min: number | null; max: number | null; mean: number; variance: number; q?: number[] }
const dist = (c: Case): LognormalDist => ({ dist: 'lognormal', median: c.median, sigma: c.sigma, ...(c.min === null ? {} : { min: c.min }), ...(c.max === null ? {} : { max: c.max }) });

describe('truncated lognormal: closed forms against scipy', () => {
  it('the normal masses it is built on: Φ(1) − Φ(−1) (scipy 0.6826894921370859), ln(Φ(−40) − Φ(−41)) (mpmath −804.60844201375378817)', () => {
    expect(closeRel(normalMass(-1, 1), 0.6826894921370859, 1e-15)).toBe(true);
    expect(closeRel(logNormalMass(-41, -40), -804.6084420137537882, 1e-15)).toBe(true);
    expect(closeRel(logNormalMass(40, 41), -804.6084420137537882, 1e-15)).toBe(true);
    const p = logNormalMassParts(-41, -40);
    expect(p.c).toBe(-40);
    expect(closeRel(p.r - 800, -804.6084420137537882, 1e-15)).toBe(true);
    expect(logNormalMass(3, 3)).toBe(-Infinity);
  });
  it('moments match the integrated ones to 1e-11 relative, far tails included (sigma 40 capped at 3650)', () => {
    let tiny = 0;
    for (const c of [...ref.cases, ...ref.extreme] as Case[]) {
      const m = moments(dist(c));
      expect(closeRel(m.mean, c.mean, 1e-11), `mean of ${JSON.stringify(c)}: ${m.mean}`).toBe(true);
      // The documented accuracy (moments.ts, truncatedLognormal): every digit of the variance
      // but an absolute error up to 1e-13·mean², which matters only where sd/mean < 1e-6.
      if (c.variance < 1e-12 * c.mean * c.mean) {
        tiny++;
        expect(Math.abs(m.variance - c.variance), `variance of ${JSON.stringify(c)}: ${m.variance}`).toBeLessThanOrEqual(1e-13 * c.mean * c.mean);
      } else expect(closeRel(m.variance, c.variance, 1e-9), `variance of ${JSON.stringify(c)}: ${m.variance}`).toBe(true);
      expect(m.min).toBe(c.min ?? 0);
      expect(m.max).toBe(c.max);
    }
    // [12, 12.00001] (sd/mean 2e-7, the flat-interval limit) and 13,800 sigma below a median of 1000 (7e-8).
    expect(tiny).toBe(2);
  });
  it('quantiles match exp(truncnorm.ppf) to 1e-10 relative; the 0- and 1-quantiles are the bounds exactly', () => {
    for (const c of ref.cases as Case[]) {
      const d = dist(c);
      ref.ps.forEach((p: number, i: number) => {
        if (p === 1 && c.max === null) {
          expect(() => paramQuantile(d, 1)).toThrow(/p must be in \(0, 1\).*unbounded above/);
          return;
        }
        const q = paramQuantile(d, p);
        if (p === 0) expect(q).toBe(c.min ?? 0);
        else if (p === 1) expect(q).toBe(c.max);
        else expect(closeRel(q, c.q![i]!, 1e-10), `${p}-quantile of ${JSON.stringify(c)}: ${q} vs ${c.q![i]}`).toBe(true);
      });
    }
  });
  it('without bounds (or with min 0) the moments, quantiles and draws are the untruncated ones, to the bit', () => {
    const plain = { dist: 'lognormal' as const, median: 3, sigma: 0.4 };
    const zero = { ...plain, min: 0 };
    expect(moments(zero)).toEqual({ ...moments(plain), min: 0, max: null });
    for (const p of [0.01, 0.5, 0.99]) expect(paramQuantile(zero, p)).toBe(paramQuantile(plain, p));
    const a = fill(sampler(stream(7, 'ln'), plain), new Float64Array(1000));
    const b = fill(sampler(stream(7, 'ln'), zero), new Float64Array(1000));
    expect(sameBits(a, b)).toBe(true);
    // The documented example of the untruncated sampler (its value before truncation existed).
    expect(lognormal(stream(1, 'doc'), { median: 3, sigma: 0.4 })()).toBe(10.817054367310782);
  });
});

describe('truncated lognormal: draws', () => {
  const n = 200_000;
  for (const c of (ref.cases as Case[]).slice(0, 6)) {
    it(`median ${c.median}, sigma ${c.sigma} on [${c.min ?? 0}, ${c.max ?? '∞'}]: mean, variance and scipy's quantiles within 4 SE`, () => {
      const x = fill(sampler(stream('truncated lognormal', JSON.stringify(c)), dist(c)), new Float64Array(n));
      const s = sampleStats(x);
      expect(Math.abs(s.mean - c.mean)).toBeLessThan(4 * Math.sqrt(c.variance / n));
      expect(Math.abs(s.variance - c.variance)).toBeLessThan(4 * s.seVariance);
      // The share of draws below scipy's p-quantile is p, within 4 SE (the whole distribution, not only two moments).
      ref.ps.forEach((p: number, i: number) => {
        if (!(p > 0 && p < 1)) return;
        let below = 0;
        for (const v of x) below += +(v <= c.q![i]!);
        expect(Math.abs(below / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      });
    });
  }
  it('lie inside [min, max], quantiles and the mean too, and the quantile function is increasing (fast-check)', () => {
    const arb = fc
      .tuple(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.boolean())
      .map(([median, sigma, x, y, withMin]) => ({ dist: 'lognormal' as const, median, sigma, ...(withMin ? { min: Math.min(x, y) } : {}), max: Math.max(x, y) }))
      .filter((d) => d.sigma > 0 || (d.median >= (d.min ?? 0) && d.median <= d.max));
    fc.assert(
      fc.property(arb, fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (d, seed, p1, p2) => {
        const lo = d.min ?? 0;
        const draw = sampler(stream(seed, 'inside'), d);
        for (let i = 0; i < 50; i++) {
          const x = draw();
          expect(x >= lo && x <= d.max).toBe(true);
        }
        const [a, b] = [Math.min(p1, p2), Math.max(p1, p2)];
        const qa = paramQuantile(d, a);
        const qb = paramQuantile(d, b);
        expect(qa >= lo && qb <= d.max && qa <= qb).toBe(true);
        const m = moments(d);
        expect(m.mean >= lo && m.mean <= d.max && m.variance >= 0 && m.variance <= ((d.max - lo) / 2) ** 2).toBe(true);
      }),
      { seed: 22, numRuns: 300 },
    );
  });
});

describe('truncated lognormal: bad parameters', () => {
  const s = stream(1, 'bad');
  it('the sampler, moments and paramQuantile refuse max <= 0, max < min, min < 0, sigma < 0, a sigma-0 median outside', () => {
    const cases: [Partial<LognormalDist>, RegExp][] = [
      [{ max: 0 }, /max must be > 0 \(got 0\)/],
      [{ max: -5 }, /max must be > 0 \(got -5\)/],
      [{ min: 4, max: 3 }, /max must be >= min \(got min 4, max 3\)/],
      [{ min: -1 }, /min must be >= 0 \(got -1; 0 truncates nothing\)/],
      [{ sigma: -1, max: 10 }, /sigma must be >= 0 \(got -1\)/],
      [{ sigma: 0, median: 5, max: 4 }, /median with sigma 0 must lie in \[min, max\]/],
      [{ max: Infinity }, /max must be a finite number/],
    ];
    for (const [over, message] of cases) {
      const d = { dist: 'lognormal' as const, median: 2, sigma: 0.5, ...over };
      expect(() => lognormal(s, d), JSON.stringify(over)).toThrow(message);
      expect(() => lognormal(s, d)).toThrow(RangeError);
      expect(() => sampler(s, d)).toThrow(message);
      expect(() => moments(d)).toThrow(message);
      expect(() => paramQuantile(d, 0.5)).toThrow(message);
    }
    expect(() => lognormal(s, { median: 2, sigma: 1, maximum: 3 } as never)).toThrow(/maximum/);
  });
  it('a sigma-0 lognormal inside its bounds is its median; min = max is that point', () => {
    expect(lognormal(s, { median: 5, sigma: 0, min: 1, max: 9 })()).toBe(5);
    expect(lognormal(s, { median: 5, sigma: 2, min: 7, max: 7 })()).toBe(7);
    expect(moments({ dist: 'lognormal', median: 5, sigma: 2, min: 7, max: 7 })).toEqual({ mean: 7, variance: 0, min: 7, max: 7 });
  });
});

describe('truncated lognormal: scaling (tornado scales, solveRoute days-scale)', () => {
  it('scaling by k scales median, min and max, so every quantile is k times the original (fast-check)', async () => {
    const { scaled } = await import('../../src/analysis/parameters.js');
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (median, sigma, k, p) => {
        const d: LognormalDist = { dist: 'lognormal', median, sigma, min: median / 3, max: median * 4 };
        const s = scaled(d, k) as LognormalDist;
        expect(s).toEqual({ dist: 'lognormal', median: median * k, sigma, min: (median / 3) * k, max: median * 4 * k });
        expect(closeRel(paramQuantile(s, p), k * paramQuantile(d, p), 1e-12)).toBe(true);
      }),
      { seed: 22, numRuns: 300 },
    );
  });
});
