import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sobolIndicesOf, type SobolIndices } from '../../src/analysis/sobol.js';
import { spreadAgainstReported } from '../helpers.js';

/** Ishigami (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on [−π, π]. */
const ishigami = (a: number, b: number) => (u: Record<string, number>) => {
  const x1 = -Math.PI + 2 * Math.PI * u.x1!;
  const x2 = -Math.PI + 2 * Math.PI * u.x2!;
  const x3 = -Math.PI + 2 * Math.PI * u.x3!;
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
};

/** The analytic indices (Sobol & Levitan 1999; Saltelli et al. 2008 §4.4). */
function ishigamiIndices(a: number, b: number) {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a * a / 8;
  const v13 = (b * b * pi4 * pi4 * 8) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Whether each estimate is within 4 of its standard errors of the truth, and inside its interval's ends. */
function expectNearTruth(r: SobolIndices, truth: { S1: number[]; ST: number[] }, within: number) {
  r.indices.forEach((row, i) => {
    for (const [est, want] of [
      [row.firstOrder, truth.S1[i]!],
      [row.total, truth.ST[i]!],
    ] as const) {
      expect(Math.abs(est.estimate - want), `${row.factor}`).toBeLessThan(within);
      expect(Math.abs(est.estimate - want), `${row.factor}`).toBeLessThan(4 * est.standardError);
      expect(est.lower).toBeLessThanOrEqual(est.estimate);
      expect(est.upper).toBeGreaterThanOrEqual(est.estimate);
    }
  });
}

/** The estimates and standard errors of every index (S1 and ST of each factor) over seeds 0 … M − 1. */
function acrossSeeds(M: number, run: (seed: string) => SobolIndices): { estimates: number[][]; errors: number[][] } {
  const estimates: number[][] = Array.from({ length: 6 }, () => []);
  const errors: number[][] = Array.from({ length: 6 }, () => []);
  for (let m = 0; m < M; m++) {
    run(`spread-${m}`).indices.forEach((row, i) => {
      [row.firstOrder, row.total].forEach((x, j) => {
        estimates[2 * i + j]!.push(x.estimate);
        errors[2 * i + j]!.push(x.standardError);
      });
    });
  }
  return { estimates, errors };
}

describe('sobolIndicesOf on the Ishigami function (a = 7, b = 0.1)', () => {
  const truth = ishigamiIndices(7, 0.1);
  const r = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 2 ** 12, seed: 'ishigami' });

  it('the analytic values are the published ones', () => {
    expect(truth.S1.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(truth.ST.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('scrambled Sobol (the default, 10 replicates of N = 2^12): every estimate within 0.01 of the truth and within 4 SE', () => {
    expect(r.sampling).toBe('sobol-scrambled');
    expect(r.replicates).toBe(10);
    expectNearTruth(r, truth, 0.01);
  });

  it('the interval is the t interval of 9 degrees of freedom: mean ± 2.262 SE (scipy t.ppf(0.975, 9) = 2.2621571627982)', () => {
    for (const row of r.indices) {
      for (const x of [row.firstOrder, row.total]) {
        expect(x.upper - x.estimate).toBeCloseTo(2.2621571627982 * x.standardError, 12);
        expect(x.estimate - x.lower).toBeCloseTo(2.2621571627982 * x.standardError, 12);
      }
    }
  });

  it('the unscrambled sequence with bootstrap errors: within 0.02 of the truth at N = 2^14, and within 4 bootstrap SE', () => {
    const det = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 2 ** 14, seed: 'ishigami', bootstrap: 300, sampling: 'sobol' });
    expect([det.sampling, det.replicates]).toEqual(['sobol', 1]);
    expectNearTruth(det, truth, 0.02);
  });

  it("the unscrambled design's bootstrap SE overstates its error: more than twice the sd of one scrambled design of the same N (issue 21 §5)", () => {
    const det = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 4096, seed: 'over', bootstrap: 200, sampling: 'sobol' });
    // One replicate's sd is √R · SE of the mean of R.
    const one = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 4096, seed: 'over', replicates: 20 });
    det.indices.forEach((row, i) => {
      const scr = one.indices[i]!;
      expect(row.firstOrder.standardError, row.factor).toBeGreaterThan(2 * Math.sqrt(20) * scr.firstOrder.standardError);
      expect(row.total.standardError, row.factor).toBeGreaterThan(2 * Math.sqrt(20) * scr.total.standardError);
    });
  });

  it('counts R·N·(k + 2) evaluations and serialises to plain data', () => {
    expect(r.evaluations).toBe(10 * 2 ** 12 * 5);
    const json = JSON.parse(JSON.stringify(r));
    expect(json.kind).toBe('sobol-indices');
    expect([json.sampling, json.replicates]).toEqual(['sobol-scrambled', 10]);
    expect(json.indices).toHaveLength(3);
  });
});

describe('sobolIndicesOf: the reported standard error against the spread across 150 seeds (Ishigami, N = 256)', () => {
  // Honest errors give a variance ratio of 1; |z| < 4 is the 4-SE band of its sampling error.
  // The unscrambled design's bootstrap SE (the default before) would give a ratio of 0: its
  // points are the same for every seed.
  it('scrambled Sobol: the spread of the mean of 10 replicates matches its reported SE, index by index', () => {
    const { estimates, errors } = acrossSeeds(150, (seed) => sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 256, seed }));
    estimates.forEach((e, i) => {
      const { ratio, z } = spreadAgainstReported(e, errors[i]!);
      expect(Math.abs(z), `index ${i}: variance ratio ${ratio.toFixed(3)}`).toBeLessThan(4);
    });
  });

  it('plain Monte Carlo: the bootstrap SE matches the spread', () => {
    const { estimates, errors } = acrossSeeds(150, (seed) => sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 256, seed, sampling: 'random', bootstrap: 200 }));
    estimates.forEach((e, i) => {
      const { ratio, z } = spreadAgainstReported(e, errors[i]!);
      expect(Math.abs(z), `index ${i}: variance ratio ${ratio.toFixed(3)}`).toBeLessThan(4);
    });
  });
});

describe('sobolIndicesOf laws', () => {
  it('an additive function: first order equals total, and the indices are the variance shares', () => {
    const r = sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 1024, seed: 3 });
    // Var(a) : Var(2b) = 1 : 4.
    for (const [name, share] of [['a', 0.2], ['b', 0.8]] as const) {
      const row = r.of(name);
      expect(Math.abs(row.firstOrder.estimate - share)).toBeLessThan(4 * row.firstOrder.standardError);
      expect(Math.abs(row.total.estimate - share)).toBeLessThan(4 * row.total.standardError);
    }
  });

  it('scrambled replicates: a seed fixes every number; the level moves only the t interval, which nests (fast-check)', () => {
    const g = (x: Record<string, number>) => x.a! * x.a! + x.a! * x.b!;
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.integer()), fc.integer({ min: 2, max: 12 }), fc.double({ min: 0.5, max: 0.98, noNaN: true }), (seed, replicates, level) => {
        const o = { factors: ['a', 'b'], samples: 64, seed, replicates };
        const r = sobolIndicesOf(g, o);
        expect(JSON.stringify(sobolIndicesOf(g, o))).toBe(JSON.stringify(r));
        expect(sobolIndicesOf(g, { ...o, seed: `${seed}'` }).of('a').total.estimate).not.toBe(r.of('a').total.estimate);
        const wide = sobolIndicesOf(g, { ...o, confidence: 0.99 });
        const narrow = sobolIndicesOf(g, { ...o, confidence: level });
        for (const name of ['a', 'b']) {
          const [w, n, x] = [wide.of(name).total, narrow.of(name).total, r.of(name).total];
          expect([w.estimate, w.standardError, n.estimate, n.standardError]).toEqual([x.estimate, x.standardError, x.estimate, x.standardError]);
          expect(w.lower).toBeLessThanOrEqual(n.lower);
          expect(w.upper).toBeGreaterThanOrEqual(n.upper);
        }
        expect(r.evaluations).toBe(replicates * 64 * 4);
      }),
      { numRuns: 30 },
    );
  });

  it('a factor that does not enter the function has total index exactly 0', () => {
    const r = sobolIndicesOf((x) => Math.exp(x.a!), { factors: ['a', 'unused'], samples: 256, seed: 9 });
    expect(r.of('unused').total.estimate).toBe(0);
    expect(r.of('unused').firstOrder.estimate).toBe(0);
  });

  it('with random sampling the indices do not depend on the order of the factors, to the bit (fast-check)', () => {
    const base = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 512, seed: 'order', bootstrap: 20, sampling: 'random' });
    fc.assert(
      fc.property(fc.shuffledSubarray(['x1', 'x2', 'x3'], { minLength: 3, maxLength: 3 }), (order) => {
        const r = sobolIndicesOf(ishigami(7, 0.1), { factors: order, samples: 512, seed: 'order', bootstrap: 20, sampling: 'random' });
        for (const name of order) {
          expect(r.of(name).firstOrder.estimate).toBe(base.of(name).firstOrder.estimate);
          expect(r.of(name).total.estimate).toBe(base.of(name).total.estimate);
        }
      }),
      { numRuns: 6 },
    );
  });

  it('with scrambled Sobol sampling a reordering moves the estimates only within their errors', () => {
    const a = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 1024, seed: 2 });
    const b = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x3', 'x1', 'x2'], samples: 1024, seed: 2 });
    for (const name of ['x1', 'x2', 'x3']) {
      const [x, y] = [a.of(name).total, b.of(name).total];
      expect(Math.abs(x.estimate - y.estimate)).toBeLessThan(4 * Math.hypot(x.standardError, y.standardError));
    }
  });

  it('random sampling also reaches the analytic indices within 4 bootstrap SE', () => {
    const truth = ishigamiIndices(7, 0.1);
    const r = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 2 ** 14, seed: 'mc', bootstrap: 300, sampling: 'random' });
    r.indices.forEach((row, i) => {
      expect(Math.abs(row.firstOrder.estimate - truth.S1[i]!)).toBeLessThan(4 * row.firstOrder.standardError);
      expect(Math.abs(row.total.estimate - truth.ST[i]!)).toBeLessThan(4 * row.total.standardError);
    });
  });

  it('refuses a constant output, a non-finite output, unknown options and duplicate factors', () => {
    expect(() => sobolIndicesOf(() => 1, { factors: ['a'], samples: 64, seed: 1 })).toThrow(/sobolIndicesOf: the output does not vary/);
    expect(() => sobolIndicesOf(() => NaN, { factors: ['a'], samples: 64, seed: 1 })).toThrow(/sobolIndicesOf: f\(.*\) must be a finite number/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, sample: 3 } as never)).toThrow(/unknown option 'sample'/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a', 'a'], samples: 64, seed: 1 })).toThrow(/distinct/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: '64', seed: 1 } as never)).toThrow(TypeError);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, bootstrap: 100 })).toThrow(/sobolIndicesOf: bootstrap applies to sampling 'sobol' or 'random'/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, sampling: 'random', replicates: 8 })).toThrow(/sobolIndicesOf: replicates applies to sampling 'sobol-scrambled' only/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, replicates: 1 })).toThrow(/sobolIndicesOf: replicates must be a whole number in \[2, 1000\] \(got 1\)/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, replicates: 2.5 })).toThrow(RangeError);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, replicates: '8' } as never)).toThrow(TypeError);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a'], samples: 64, seed: 1, sampling: 'owen' } as never)).toThrow(/sampling/);
    expect(() => sobolIndicesOf((x) => x.a!, { factors: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], samples: 2 ** 23 + 1, seed: 1 })).toThrow(/^sobolIndicesOf: sampling 'sobol-scrambled' holds 2 × factors × samples = 134,217,744 .* at most 134,217,728/);
  });
});
