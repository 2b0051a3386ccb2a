import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sobolIndicesOf } from '../../src/analysis/sobol.js';

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

describe('sobolIndicesOf on the Ishigami function (a = 7, b = 0.1)', () => {
  const truth = ishigamiIndices(7, 0.1);
  const r = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 2 ** 14, seed: 'ishigami', bootstrap: 300 });

  it('the analytic values are the published ones', () => {
    expect(truth.S1.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(truth.ST.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('every estimate is within 0.02 of the truth at N = 2^14, and within 4 bootstrap SE', () => {
    r.indices.forEach((row, i) => {
      for (const [est, want] of [
        [row.firstOrder, truth.S1[i]!],
        [row.total, truth.ST[i]!],
      ] as const) {
        expect(Math.abs(est.estimate - want), `${row.factor}`).toBeLessThan(0.02);
        expect(Math.abs(est.estimate - want), `${row.factor}`).toBeLessThan(4 * est.standardError);
        expect(est.lower).toBeLessThanOrEqual(est.estimate);
        expect(est.upper).toBeGreaterThanOrEqual(est.estimate);
      }
    });
  });

  it('counts N·(k + 2) evaluations and serialises to plain data', () => {
    expect(r.evaluations).toBe(2 ** 14 * 5);
    const json = JSON.parse(JSON.stringify(r));
    expect(json.kind).toBe('sobol-indices');
    expect(json.indices).toHaveLength(3);
  });
});

describe('sobolIndicesOf laws', () => {
  it('an additive function: first order equals total, and the indices are the variance shares', () => {
    const r = sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 8192, seed: 3, bootstrap: 200 });
    // Var(a) : Var(2b) = 1 : 4.
    for (const [name, share] of [['a', 0.2], ['b', 0.8]] as const) {
      const row = r.of(name);
      expect(Math.abs(row.firstOrder.estimate - share)).toBeLessThan(4 * row.firstOrder.standardError);
      expect(Math.abs(row.total.estimate - share)).toBeLessThan(4 * row.total.standardError);
    }
  });

  it('a factor that does not enter the function has total index exactly 0', () => {
    const r = sobolIndicesOf((x) => Math.exp(x.a!), { factors: ['a', 'unused'], samples: 1024, seed: 9, bootstrap: 50 });
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

  it('with Sobol sampling a reordering moves the estimates only within their errors', () => {
    const a = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x1', 'x2', 'x3'], samples: 4096, seed: 2, bootstrap: 100 });
    const b = sobolIndicesOf(ishigami(7, 0.1), { factors: ['x3', 'x1', 'x2'], samples: 4096, seed: 2, bootstrap: 100 });
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
  });
});
