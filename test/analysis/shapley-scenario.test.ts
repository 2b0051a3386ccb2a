import { describe, expect, it } from 'vitest';
import { shapleyEffects } from '../../src/analysis/index.js';
import { simulateVolumes } from '../../src/volume/simulate.js';
import type { ScenarioInput } from '../../src/scenario/types.js';

/**
 * log V_k = log v0 + k·(log a + log b) + ε_1 + … + ε_k with a, b lognormal (log a = μ + s_a·z_a,
 * log b = μ + s_b·z_b) and iid N(0, σ²) shocks: a Gaussian linear model Y = β1·z_a + β2·z_b + X3,
 * β1 = k·s_a, β2 = k·s_b, X3 ~ N(0, kσ²) independent. With a Spearman ρs between a and b, the
 * Gaussian copula gives the scores the Pearson r = 2·sin(π·ρs/6), and Iooss & Prieur (2019):
 * Sh_a = β1²(1 − r²/2) + rβ1β2 + β2²r²/2, Sh_b likewise, Sh_shocks = kσ².
 */
const k = 3;
const sa = 0.1;
const sb = 0.15;
const sigma = 0.1;
const twoFactor = (spearman: number | null): ScenarioInput => ({
  start: { year: 2025, volumeMt: 4 },
  horizon: 2025 + k,
  growth: {
    model: 'expression',
    formula: 'a ^ (t - 2025) * b ^ (t - 2025)',
    params: { a: { dist: 'lognormal', median: 1.05, sigma: sa }, b: { dist: 'lognormal', median: 1.02, sigma: sb } },
  },
  volatility: sigma,
  target: null,
  ...(spearman === null ? {} : { correlations: [{ between: ['growth.params.a', 'growth.params.b'], spearman }] }),
});
const output = { year: 2025 + k, log: true } as const;

function ioossPrieur(r: number) {
  const b1 = k * sa;
  const b2 = k * sb;
  return {
    'growth.params.a': b1 * b1 * (1 - (r * r) / 2) + r * b1 * b2 + (b2 * b2 * r * r) / 2,
    'growth.params.b': b2 * b2 * (1 - (r * r) / 2) + r * b1 * b2 + (b1 * b1 * r * r) / 2,
    shocks: k * sigma * sigma,
  };
}

describe('shapleyEffects on a scenario: the closed forms of a Gaussian linear log volume', () => {
  it('independent factors: Sh = k²s_a², k²s_b², kσ² (the first-order Sobol indices × variance), within 3 SE', () => {
    const r = shapleyEffects(twoFactor(null), { output, permutations: 300, seed: 'independent' });
    const want = ioossPrieur(0);
    expect(r.effects.map((x) => x.factor)).toEqual(['growth.params.a', 'growth.params.b', 'shocks']);
    for (const row of r.effects) expect(Math.abs(row.effect.estimate - want[row.factor as keyof typeof want])).toBeLessThanOrEqual(3 * row.effect.standardError);
  });

  it('Spearman 0.5 between a and b (normal-score correlation 2·sin(π/12)): within 3 SE of Iooss & Prieur', () => {
    const r = shapleyEffects(twoFactor(0.5), { output, permutations: 300, seed: 'correlated' });
    const want = ioossPrieur(2 * Math.sin(Math.PI / 12));
    const variance = Object.values(want).reduce((s, x) => s + x, 0);
    for (const row of r.effects) {
      const w = want[row.factor as keyof typeof want];
      expect(Math.abs(row.effect.estimate - w)).toBeLessThanOrEqual(3 * row.effect.standardError);
      expect(Math.abs(row.share.estimate - w / variance)).toBeLessThanOrEqual(3 * row.share.standardError);
    }
    expect(Math.abs(r.variance.estimate - variance)).toBeLessThanOrEqual(3 * r.variance.standardError);
    // The sum law on a scenario.
    expect(r.effects.reduce((s, x) => s + x.effect.estimate, 0)).toBeCloseTo(r.variance.estimate, 12);
    expect(r.effects.reduce((s, x) => s + x.share.estimate, 0)).toBeCloseTo(1, 12);
  });
});

describe('shapleyEffects: the copula it assumes and the Iman–Conover the simulation uses', () => {
  it("simulateVolumes' variance of the same output (Iman–Conover, ρs = 0.5) agrees with the closed form of the Gaussian copula within 4 SE", () => {
    const run = simulateVolumes(twoFactor(0.5), { paths: 60_000, seed: 'copula' });
    const y = run.volume[k]!.map((v) => Math.log(v));
    const n = y.length;
    const mean = y.reduce((s, x) => s + x, 0) / n;
    const m2 = y.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    const m4 = y.reduce((s, x) => s + (x - mean) ** 4, 0) / n;
    const want = Object.values(ioossPrieur(2 * Math.sin(Math.PI / 12))).reduce((s, x) => s + x, 0);
    expect(Math.abs((m2 * n) / (n - 1) - want)).toBeLessThanOrEqual(4 * Math.sqrt((m4 - m2 * m2) / n));
  });

  it('the result is data: toJSON, tidy records (effect and share per factor) and CSV', () => {
    const r = shapleyEffects(twoFactor(0.5), { output, permutations: 10, seed: 'data', varianceSamples: 500 });
    expect(r.toRecords().map((x) => `${x.factor}/${x.statistic}`)).toEqual(['growth.params.a/effect', 'growth.params.a/share', 'growth.params.b/effect', 'growth.params.b/share', 'shocks/effect', 'shocks/share']);
    expect(r.toCSV().split('\n')[0]).toBe('factor,statistic,value,standardError');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r.toJSON());
    const display = (r as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for('Jupyter.display')]!.call(r);
    expect(display['text/plain']).toMatch(/^ShapleyEffects: 3 factors/);
    expect(() => r.of('nope')).toThrow(/unknown factor/);
  });
});
