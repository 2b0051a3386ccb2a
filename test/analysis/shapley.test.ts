import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianInputs, shapleyEffectsOf, sobolIndicesOf } from '../../src/analysis/index.js';
import type { ShapleyInputs } from '../../src/analysis/index.js';
import { stream } from '../../src/random/stream.js';

/** The inverse of a small symmetric positive definite matrix, by Gauss–Jordan (independent of the library's Cholesky). */
function inverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    const piv = m[c]![c]!;
    for (let j = 0; j < 2 * n; j++) m[c]![j]! /= piv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      for (let j = 0; j < 2 * n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * The exact Shapley effects of Y = βᵀX, X ~ N(0, Σ): c(J) = E[Var(Y | X₋J)] = β_Jᵀ(Σ_JJ − Σ_J,−J·Σ_−J,−J⁻¹·Σ_−J,J)β_J
 * (the Gaussian conditional covariance), and Sh_i = Σ_{u ∌ i} |u|!(d − |u| − 1)!/d! · (c(u ∪ {i}) − c(u)).
 */
function exactShapley(beta: number[], cov: number[][]): number[] {
  const d = beta.length;
  const cost = (mask: number) => {
    const J = [...Array(d).keys()].filter((i) => mask & (1 << i));
    const K = [...Array(d).keys()].filter((i) => !(mask & (1 << i)));
    if (J.length === 0) return 0;
    const sub = (rows: number[], cols: number[]) => rows.map((r) => cols.map((c) => cov[r]![c]!));
    let cond = sub(J, J);
    if (K.length > 0) {
      const inv = inverse(sub(K, K));
      const jk = sub(J, K);
      cond = cond.map((row, a) => row.map((v, b) => v - jk[a]!.reduce((s, x, p) => s + x * K.reduce((t, _, q) => t + inv[p]![q]! * cov[K[q]!]![J[b]!]!, 0), 0)));
    }
    return J.reduce((s, a, i) => s + J.reduce((t, b, j) => t + beta[a]! * cond[i]![j]! * beta[b]!, 0), 0);
  };
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  return beta.map((_, i) => {
    let sh = 0;
    for (let u = 0; u < 1 << d; u++) {
      if (u & (1 << i)) continue;
      const size = [...Array(d).keys()].filter((k) => u & (1 << k)).length;
      sh += ((fact(size) * fact(d - size - 1)) / fact(d)) * (cost(u | (1 << i)) - cost(u));
    }
    return sh;
  });
}

describe('shapleyEffectsOf: the Gaussian linear model with correlated inputs (Iooss & Prieur 2019)', () => {
  // Y = β1X1 + β2X2 + β3X3, corr(X1, X2) = ρ = 0.5, X3 independent.
  const beta = [1, 1.5, 0.8];
  const sd = [1, 1.2, 1];
  const rho = 0.5;
  const cov = [
    [sd[0]! ** 2, rho * sd[0]! * sd[1]!, 0],
    [rho * sd[0]! * sd[1]!, sd[1]! ** 2, 0],
    [0, 0, sd[2]! ** 2],
  ];
  const names = ['x1', 'x2', 'x3'];
  const exact = exactShapley(beta, cov);

  it("the subset formula agrees with Iooss & Prieur's closed form for two correlated inputs and one independent", () => {
    const [b1, b2, b3] = beta as [number, number, number];
    const [s1, s2, s3] = sd as [number, number, number];
    // Iooss & Prieur (2019), §3.2: Sh1 = β1²σ1²(1 − ρ²/2) + ρβ1β2σ1σ2 + β2²σ2²ρ²/2 (and symmetrically), Sh3 = β3²σ3².
    const sh1 = b1 * b1 * s1 * s1 * (1 - rho * rho / 2) + rho * b1 * b2 * s1 * s2 + (b2 * b2 * s2 * s2 * rho * rho) / 2;
    const sh2 = b2 * b2 * s2 * s2 * (1 - rho * rho / 2) + rho * b1 * b2 * s1 * s2 + (b1 * b1 * s1 * s1 * rho * rho) / 2;
    expect(exact[0]).toBeCloseTo(sh1, 12);
    expect(exact[1]).toBeCloseTo(sh2, 12);
    expect(exact[2]).toBeCloseTo(b3 * b3 * s3 * s3, 12);
  });

  const r = shapleyEffectsOf((x) => beta[0]! * x.x1! + beta[1]! * x.x2! + beta[2]! * x.x3!, { factors: names, ...gaussianInputs(names, { covariance: cov }), permutations: 20_000, varianceSamples: 40_000, seed: 'iooss-prieur' });

  it('each effect within 3 standard errors of the closed form, and each share within 3 SE of Sh_i/Var(Y)', () => {
    const variance = exact.reduce((s, x) => s + x, 0);
    names.forEach((n, i) => {
      const row = r.of(n);
      expect(Math.abs(row.effect.estimate - exact[i]!)).toBeLessThanOrEqual(3 * row.effect.standardError);
      expect(Math.abs(row.share.estimate - exact[i]! / variance)).toBeLessThanOrEqual(3 * row.share.standardError);
    });
    expect(Math.abs(r.variance.estimate - variance)).toBeLessThanOrEqual(3 * r.variance.standardError);
  });

  it('counts its evaluations: N_v + M·(d − 1)·N_o·N_i', () => {
    expect(r.evaluations).toBe(40_000 + 20_000 * 2 * 1 * 3);
    expect(r.permutations).toBe(20_000);
    expect(JSON.parse(JSON.stringify(r)).kind).toBe('shapley-effects');
  });

  it('the reported standard errors (effects and shares) match the spread of the estimates over 24 seeds (ratio within [0.6, 1.5])', () => {
    const runs = Array.from({ length: 24 }, (_, k) => shapleyEffectsOf((x) => beta[0]! * x.x1! + beta[1]! * x.x2! + beta[2]! * x.x3!, { factors: names, ...gaussianInputs(names, { covariance: cov }), permutations: 400, varianceSamples: 2000, seed: `spread-${k}` }));
    names.flatMap((n) => (['effect', 'share'] as const).map((what) => [n, what] as const)).forEach(([n, what]) => {
      const est = runs.map((x) => x.of(n)[what].estimate);
      const mean = est.reduce((s, x) => s + x, 0) / est.length;
      const sd = Math.sqrt(est.reduce((s, x) => s + (x - mean) ** 2, 0) / (est.length - 1));
      const se = Math.sqrt(runs.reduce((s, x) => s + x.of(n)[what].standardError ** 2, 0) / runs.length);
      // With 24 replicates the sample sd is within ±15 % of the truth (1 SE); [0.6, 1.5] is over 2.5 SE either way.
      expect(sd / se).toBeGreaterThan(0.6);
      expect(sd / se).toBeLessThan(1.5);
    });
  });
});

/** Independent uniform inputs on [0, 1): the conditional law is the marginal. */
const uniforms = (names: readonly string[]): ShapleyInputs => ({
  sample: (rng) => Object.fromEntries(names.map((n) => [n, rng()])),
  conditional: (free, _given, rng) => Object.fromEntries(free.map((n) => [n, rng()])),
});

describe('shapleyEffectsOf: independent inputs of an additive model give the first-order Sobol indices', () => {
  const names = ['a', 'b', 'c'];
  const coef = { a: 2, b: 1, c: 0.5 };
  const f = (x: Record<string, number>) => coef.a * x.a! + coef.b * x.b! + coef.c * x.c!;
  const r = shapleyEffectsOf(f, { factors: names, ...uniforms(names), permutations: 20_000, varianceSamples: 40_000, seed: 'additive' });

  it('Sh_i = β_i²/12 (the variance of a uniform), within 3 SE; shares within 3 SE of β_i²/Σβ²', () => {
    const total = (coef.a ** 2 + coef.b ** 2 + coef.c ** 2) / 12;
    for (const n of names) {
      const want = coef[n as keyof typeof coef] ** 2 / 12;
      const row = r.of(n);
      expect(Math.abs(row.effect.estimate - want)).toBeLessThanOrEqual(3 * row.effect.standardError);
      expect(Math.abs(row.share.estimate - want / total)).toBeLessThanOrEqual(3 * row.share.standardError);
    }
  });

  it("the shares agree with sobolIndicesOf's first-order indices within 4 combined standard errors", () => {
    const s = sobolIndicesOf(f, { factors: names, samples: 4096, seed: 'additive' });
    for (const n of names) {
      const a = r.of(n).share;
      const b = s.of(n).firstOrder;
      expect(Math.abs(a.estimate - b.estimate)).toBeLessThanOrEqual(4 * Math.hypot(a.standardError, b.standardError));
    }
  });
});

describe('shapleyEffectsOf: laws', () => {
  it('the effects sum to the variance and the shares to 1, for any model and any correlation (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.95, max: 0.95, noNaN: true }), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 1000 }), (rho, c, seed) => {
        const names = ['p', 'q', 'r'];
        const g = gaussianInputs(names, { covariance: [[1, rho, 0], [rho, 1, 0], [0, 0, 2]] });
        const r = shapleyEffectsOf((x) => c[0]! * x.p! + c[1]! * x.q! * x.r! + c[2]! * Math.abs(x.r!) + 1e-3 * x.p! * x.p!, { factors: names, ...g, permutations: 12, varianceSamples: 50, seed });
        const sum = r.effects.reduce((s, x) => s + x.effect.estimate, 0);
        const shares = r.effects.reduce((s, x) => s + x.share.estimate, 0);
        expect(Math.abs(sum - r.variance.estimate)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.variance.estimate)) * 10);
        expect(Math.abs(shares - 1)).toBeLessThanOrEqual(1e-12);
        for (const x of r.effects) expect(x.effect.standardError).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 },
    );
  });

  it('same seed, same result to the bit; another seed, other numbers', () => {
    const names = ['a', 'b'];
    const o = { factors: names, ...gaussianInputs(names, { covariance: [[1, 0.3], [0.3, 1]] }), permutations: 50, varianceSamples: 100 };
    const f = (x: Record<string, number>) => x.a! * x.b! + x.a!;
    expect(shapleyEffectsOf(f, { ...o, seed: 3 }).toJSON()).toEqual(shapleyEffectsOf(f, { ...o, seed: '3' }).toJSON());
    expect(shapleyEffectsOf(f, { ...o, seed: 4 }).toJSON()).not.toEqual(shapleyEffectsOf(f, { ...o, seed: 3 }).toJSON());
  });

  it('gaussianInputs draws the exact conditional: E[x1 | x2] = ρ·x2 and Var = 1 − ρ², within 4 SE', () => {
    const g = gaussianInputs(['x1', 'x2'], { covariance: [[1, 0.5], [0.5, 1]] });
    const rng = stream('conditional', 'test', 0);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => g.conditional(['x1'], { x2: 2 }, rng).x1!);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean - 1)).toBeLessThanOrEqual(4 * Math.sqrt(0.75 / n));
    expect(Math.abs(v - 0.75)).toBeLessThanOrEqual(4 * 0.75 * Math.sqrt(2 / (n - 1)));
  });
});

describe('shapleyEffectsOf and gaussianInputs: bad input is a clear error', () => {
  const names = ['a', 'b'];
  const g = uniforms(names);
  const f = (x: Record<string, number>) => x.a! + x.b!;
  it('refuses missing or wrong options, naming them', () => {
    expect(() => shapleyEffectsOf(f, { factors: names, sample: g.sample, permutations: 10, seed: 1 } as never)).toThrow(/conditional/);
    expect(() => shapleyEffectsOf(f, { factors: names, ...g, permutations: 10, seed: 1, inner: 1 })).toThrow(RangeError);
    expect(() => shapleyEffectsOf(f, { factors: names, ...g, permutations: 1, seed: 1 })).toThrow(/permutations/);
    expect(() => shapleyEffectsOf(f, { factors: ['a', 'a'], ...g, permutations: 10, seed: 1 })).toThrow(/distinct/);
    expect(() => shapleyEffectsOf(f, { factors: names, ...g, permutations: 10, seed: 1, samples: 5 } as never)).toThrow(/samples/);
  });
  it("refuses a user's sampler that leaves out a factor or gives a non-finite value, and a constant output", () => {
    expect(() => shapleyEffectsOf(f, { factors: names, sample: () => ({ a: 1 }), conditional: g.conditional, permutations: 10, seed: 1 })).toThrow(/sample\(rng\)\.b/);
    expect(() => shapleyEffectsOf(f, { factors: names, sample: g.sample, conditional: (free) => Object.fromEntries(free.map((n) => [n, NaN])), permutations: 10, seed: 1 })).toThrow(RangeError);
    expect(() => shapleyEffectsOf(() => 2, { factors: names, ...g, permutations: 10, seed: 1 })).toThrow(/does not vary/);
  });
  it('gaussianInputs refuses a covariance that is not square, symmetric and positive definite', () => {
    expect(() => gaussianInputs(names, { covariance: [[1, 0.5]] })).toThrow(TypeError);
    expect(() => gaussianInputs(names, { covariance: [[1, 0.5], [0.4, 1]] })).toThrow(/symmetric/);
    expect(() => gaussianInputs(names, { covariance: [[1, 1], [1, 1]] })).toThrow(/positive definite/);
    expect(() => gaussianInputs(names, { covariance: [[1, 0], [0, 1]], mean: [0] })).toThrow(/mean/);
    expect(() => gaussianInputs(names, { covariance: [[1, 0], [0, 1]] }).conditional(['z'], { a: 1, b: 1 }, () => 0.5)).toThrow(/unknown factor/);
  });
  it('gaussianInputs names a hole in a sparse or ragged covariance (or mean) instead of failing natively', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [[[1, 0], ,], [, [0, 1]], [[1, ,], [0, 1]], [[1, 0], [0, 1, 2]], [[1, 0], [0]]];
    for (const covariance of sparse) expect(() => gaussianInputs(names, { covariance: covariance as never })).toThrow(/^gaussianInputs: covariance/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => gaussianInputs(names, { covariance: [[1, ,], [0, 1]] as never })).toThrow('gaussianInputs: covariance[0][1] must be a finite number');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => gaussianInputs(names, { covariance: [[1, 0], [0, 1]], mean: [0, ,] as never })).toThrow(/^gaussianInputs: mean\[1\]/);
  });
});
