import { describe, expect, it } from 'vitest';
import { shapleyEffects } from '../../src/analysis/index.js';
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
