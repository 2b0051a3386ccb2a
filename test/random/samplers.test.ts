import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  empirical,
  exponential,
  fill,
  gamma,
  lognormal,
  moments,
  normal,
  pert,
  sampler,
  stream,
  triangular,
  uniform,
  type Dist,
} from 'middle-corridor';
import { REF, closeRel, sampleStats } from '../helpers.js';

const N = 400_000;

/** Draws N values of a distribution and checks mean and variance within 4 SE of the closed form. */
function checkMoments(d: Dist, seed: string, want = moments(d)): void {
  const x = fill(sampler(stream(seed, 'moments'), d), new Float64Array(N));
  const s = sampleStats(x);
  expect(Math.abs(s.mean - want.mean), `mean of ${JSON.stringify(d)}`).toBeLessThanOrEqual(4 * s.seMean + 1e-12);
  expect(Math.abs(s.variance - want.variance), `variance of ${JSON.stringify(d)}`).toBeLessThanOrEqual(4 * s.seVariance + 1e-12);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // An unbounded side of the support is null.
  expect(lo).toBeGreaterThanOrEqual(want.min ?? -Infinity);
  expect(hi).toBeLessThanOrEqual(want.max ?? Infinity);
}

describe('closed-form moments (checked against scipy)', () => {
  it('truncated normal: scipy.stats.truncnorm', () => {
    for (const { case: c, mean, variance } of REF.truncatedNormal) {
      const m = moments({ dist: 'normal', ...c });
      expect(closeRel(m.mean, mean, 1e-10), JSON.stringify(c)).toBe(true);
      expect(closeRel(m.variance, variance, 1e-7), JSON.stringify(c)).toBe(true);
    }
  });

  it('truncated normal on an interval narrower than 1e-5 sd: the limit (Φ(b) − Φ(a) cancels there), against mpmath (50 digits)', () => {
    // From test/fixtures/truncnorm-narrow.py (mpmath.quad of x·φ and x²·φ over [a, b], 50 digits).
    for (const [c, mean, variance] of [
      [{ mean: 0, sd: 1, min: 0.3, max: 0.3 + 1e-7 }, 0.30000004999999974034, 8.3333333338125912558e-16],
      [{ mean: 10, sd: 2, min: 13, max: 13.000003 }, 13.000001499999437265, 7.499999997653316467e-13],
      [{ mean: 0, sd: 7.101408313395821e-308, min: 0, max: 5e-324 }, 5e-324, 0],
    ] as const) {
      const m = moments({ dist: 'normal', ...c });
      expect(closeRel(m.mean, mean, 1e-12), JSON.stringify(c)).toBe(true);
      expect(variance === 0 ? m.variance === 0 : closeRel(m.variance, variance, 1e-9), JSON.stringify(c)).toBe(true);
    }
  });

  it('PERT: scipy.stats.beta with α = 1 + λ(mode − min)/(max − min)', () => {
    for (const { case: c, mean, variance } of REF.pert) {
      const m = moments({ dist: 'pert', ...c });
      expect(closeRel(m.mean, mean, 1e-12)).toBe(true);
      expect(closeRel(m.variance, variance, 1e-12)).toBe(true);
    }
  });

  it('lognormal: scipy.stats.lognorm', () => {
    const m = moments({ dist: 'lognormal', ...REF.lognormal.case });
    expect(closeRel(m.mean, REF.lognormal.mean, 1e-13)).toBe(true);
    expect(closeRel(m.variance, REF.lognormal.variance, 1e-13)).toBe(true);
  });
});

describe('every sampler matches its mean and variance within 4 SE (fixed seeds)', () => {
  const cases: Dist[] = [
    { dist: 'uniform', min: -2, max: 5 },
    { dist: 'triangular', min: 1, mode: 2, max: 6 },
    { dist: 'triangular', min: 0, mode: 0, max: 1 },
    { dist: 'triangular', min: 0, mode: 1, max: 1 },
    { dist: 'pert', min: 1, mode: 2, max: 6 },
    { dist: 'pert', min: 0, mode: 0.1, max: 1, lambda: 4 },
    { dist: 'pert', min: 10, mode: 30, max: 40, lambda: 2 },
    { dist: 'normal', mean: 3, sd: 2 },
    { dist: 'lognormal', median: 3, sigma: 0.4 },
    { dist: 'empirical', values: [1, 2, 7], weights: [0.2, 0.5, 0.3] },
    { dist: 'empirical', values: [4, 8, 15, 16, 23, 42] },
  ];
  cases.forEach((d, i) => it(`${d.dist} #${i}`, () => checkMoments(d, `case-${i}`)));

  it('a truncated normal whose bounds collapse to one point in units of sd draws that point (it recursed forever)', () => {
    // Found by the testing kit's law "adding a leg never shortens a trip" with an unfixed seed.
    const draw = normal(stream(1, 'collapsed'), { mean: 2.5e-323, sd: 14, min: 0, max: 6e-323 });
    for (let i = 0; i < 100; i++) {
      const x = draw();
      expect(x >= 0 && x <= 6e-323).toBe(true);
    }
    const mirrored = normal(stream(1, 'collapsed'), { mean: -2.5e-323, sd: 14, min: -6e-323, max: 0 });
    expect(mirrored() <= 0).toBe(true);
  });

  it('truncated normals in every regime of Robert’s algorithm', () => {
    REF.truncatedNormal.forEach(({ case: c }: { case: object }, i: number) => checkMoments({ dist: 'normal', ...c } as Dist, `tn-${i}`));
  });

  it('gamma(shape) has mean and variance shape, below and above 1', () => {
    for (const shape of [0.3, 1, 2.5, 40]) {
      const x = fill(gamma(stream('gamma', String(shape)), shape), new Float64Array(N));
      const s = sampleStats(x);
      expect(Math.abs(s.mean - shape)).toBeLessThan(4 * s.seMean);
      expect(Math.abs(s.variance - shape)).toBeLessThan(4 * s.seVariance);
    }
  });

  it('exponential(mean) and bernoulli(p)', () => {
    const e = sampleStats(fill(exponential(stream('exp', 'x'), 2.5), new Float64Array(N)));
    expect(Math.abs(e.mean - 2.5)).toBeLessThan(4 * e.seMean);
    expect(Math.abs(e.variance - 6.25)).toBeLessThan(4 * e.seVariance);
    const b = sampleStats(fill(bernoulli(stream('bern', 'x'), 0.07), new Float64Array(N)));
    expect(Math.abs(b.mean - 0.07)).toBeLessThan(4 * Math.sqrt((0.07 * 0.93) / N));
  });

  it('empirical draws each value with its weight (within 4 SE per value)', () => {
    const values = [10, 20, 30, 40];
    const weights = [1, 0, 3, 6];
    const x = fill(empirical(stream('emp', 'x'), { values, weights }), new Float64Array(N));
    values.forEach((v, i) => {
      const p = weights[i]! / 10;
      let k = 0;
      for (const y of x) if (y === v) k++;
      expect(Math.abs(k / N - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / N));
    });
  });
});

describe('laws', () => {
  // Ordinary ranges, and tiny ones near 0 where products of the span underflow (found by this law).
  const value = fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e-150, max: 1e-150, noNaN: true }));
  const bounds = fc.tuple(value, value, value).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);

  it('draws stay inside the support of every distribution', () => {
    fc.assert(
      fc.property(bounds, fc.string(), ([a, b, c], seed) => {
        const s = stream(`law-${seed}`, 'support');
        const draws = [
          [uniform(s, { min: a, max: c }), a, c],
          [triangular(s, { min: a, mode: b, max: c }), a, c],
          [pert(s, { min: a, mode: b, max: c }), a, c],
          [normal(s, { mean: b, sd: 1 + Math.abs(b), min: a, max: c }), a, c],
          [normal(s, { mean: 0, sd: 1, min: a }), a, Infinity],
          [lognormal(s, { median: 1 + Math.abs(a), sigma: 0.5 }), 0, Infinity],
        ] as const;
        for (const [draw, lo, hi] of draws) {
          for (let i = 0; i < 50; i++) {
            const x = draw();
            if (!(x >= lo && x <= hi)) throw new Error(`draw ${x} outside [${lo}, ${hi}]`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('triangular stays in its support where products of the span underflow (the counterexample fast-check found)', () => {
    for (const d of [
      { min: 0, mode: 0, max: 8.526297711387559e-162 },
      { min: -3e-160, mode: 1e-170, max: 2e-161 },
      { min: 0.1, mode: 0.3, max: 0.3 },
    ]) {
      const draw = triangular(stream('tiny', 'x'), d);
      let outside = 0;
      for (let i = 0; i < 20_000; i++) {
        const x = draw();
        if (!(x >= d.min && x <= d.max)) outside++;
      }
      expect(outside, JSON.stringify(d)).toBe(0);
    }
  });

  it('the same seed gives the same draws for every sampler', () => {
    fc.assert(
      fc.property(bounds, fc.string(), ([a, b, c], seed) => {
        const d: Dist = { dist: 'pert', min: a, mode: b, max: c };
        const x = fill(sampler(stream(seed || 's', 'same'), d), new Float64Array(20));
        const y = fill(sampler(stream(seed || 's', 'same'), d), new Float64Array(20));
        expect(Array.from(x)).toEqual(Array.from(y));
      }),
      { numRuns: 100 },
    );
  });

  it('bad parameters are rejected at bind time with a RangeError that says what is allowed', () => {
    const s = stream(1, 'bad');
    expect(() => uniform(s, { min: 2, max: 1 })).toThrow(/uniform: needs min <= max \(got min 2, max 1\)/);
    expect(() => triangular(s, { min: 0, mode: 5, max: 1 })).toThrow(/triangular: needs min <= mode <= max/);
    expect(() => pert(s, { min: 0, mode: 0.5, max: 1, lambda: -1 })).toThrow(/lambda must be >= 0/);
    expect(() => normal(s, { mean: 0, sd: -1 })).toThrow(/sd must be >= 0/);
    expect(() => normal(s, { mean: 0, sd: 1, min: 2, max: 1 })).toThrow(/needs min <= max/);
    expect(() => normal(s, { mean: 5, sd: 0, min: 0, max: 1 })).toThrow(/sd 0 the mean must lie in/);
    expect(() => lognormal(s, { median: 0, sigma: 1 })).toThrow(/median must be > 0/);
    expect(() => empirical(s, { values: [] })).toThrow(/values must not be empty/);
    expect(() => empirical(s, { values: [1, 2], weights: [1] })).toThrow(/one entry per value/);
    expect(() => empirical(s, { values: [1, 2], weights: [0, 0] })).toThrow(/positive, finite sum/);
    expect(() => bernoulli(s, 1.5)).toThrow(/p must be in \[0, 1\]/);
    expect(() => exponential(s, -1)).toThrow(/mean must be >= 0/);
    expect(() => gamma(s, 0)).toThrow(/shape must be > 0/);
    expect(() => uniform(s, { min: NaN, max: 1 })).toThrow(/min must be a finite number \(got NaN\)/);
    expect(() => sampler(s, Infinity)).toThrow(/finite/);
    expect(() => sampler(s, { dist: 'cauchy' } as unknown as Dist)).toThrow(TypeError);
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        fc.pre(a > b);
        expect(() => uniform(s, { min: a, max: b })).toThrow(RangeError);
        expect(() => triangular(s, { min: a, mode: a, max: b })).toThrow(RangeError);
      }),
    );
  });

  it('degenerate parameters give a constant', () => {
    const s = stream(1, 'const');
    expect(uniform(s, { min: 3, max: 3 })()).toBe(3);
    expect(triangular(s, { min: 3, mode: 3, max: 3 })()).toBe(3);
    expect(normal(s, { mean: 3, sd: 0 })()).toBe(3);
    expect(lognormal(s, { median: 3, sigma: 0 })()).toBe(3);
    expect(sampler(s, 7.5)()).toBe(7.5);
  });
});
