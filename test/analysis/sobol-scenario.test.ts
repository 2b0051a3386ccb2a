import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankCorrelations, sobolIndices } from '../../src/analysis/index.js';
import { PRESETS } from '../../src/scenario/presets.js';
import type { ScenarioInput } from '../../src/scenario/types.js';
import { spreadAgainstReported } from '../helpers.js';

/**
 * log V_k = log v0 + k·log g + ε_1 + … + ε_k for growth factor g^(t − t0) with g lognormal (log g
 * ~ N(μ, s²)), shocks iid N(0, σ²) (persistence 0) and no capacity: exactly Var = k²s² + kσ², and
 * the two factors do not interact, so S_g = ST_g = k²s²/(k²s² + kσ²) and the shocks' the rest.
 */
const s = 0.1;
const sigma = 0.15;
const k = 3;
const closedForm: ScenarioInput = {
  start: { year: 2025, volumeMt: 4 },
  horizon: 2025 + k,
  growth: { model: 'expression', formula: 'g ^ (t - 2025)', params: { g: { dist: 'lognormal', median: 1.1, sigma: s } } },
  volatility: sigma,
  target: null,
};

describe('sobolIndices: the closed form of a lognormal growth factor and iid shocks (log volume)', () => {
  const exact = (k * k * s * s) / (k * k * s * s + k * sigma * sigma);
  const r = sobolIndices(closedForm, { output: { year: 2025 + k, log: true }, samples: 2 ** 14, seed: 'closed', bootstrap: 400 });

  it('has the factors growth.params.g and shocks', () => {
    expect(r.indices.map((x) => x.factor)).toEqual(['growth.params.g', 'shocks']);
    expect(r.evaluations).toBe(2 ** 14 * 4);
  });

  it('first-order and total indices within 4 bootstrap standard errors of k²s²/(k²s² + kσ²) and its complement', () => {
    const want = { 'growth.params.g': exact, shocks: 1 - exact };
    for (const row of r.indices) {
      const w = want[row.factor as keyof typeof want];
      for (const x of [row.firstOrder, row.total]) {
        expect(Math.abs(x.estimate - w)).toBeLessThanOrEqual(4 * x.standardError);
        expect(x.lower).toBeLessThanOrEqual(x.estimate);
        expect(x.upper).toBeGreaterThanOrEqual(x.estimate);
      }
    }
  });

  it('the variance of log volume is k²s² + kσ² (within 5 %) and the standard errors are small', () => {
    expect(r.variance / (k * k * s * s + k * sigma * sigma)).toBeCloseTo(1, 1);
    for (const row of r.indices) expect(row.firstOrder.standardError).toBeLessThan(0.02);
  });
});

describe('sobolIndices: plain Monte Carlo, so the bootstrap SE matches the spread across 100 seeds', () => {
  it('the variance of each index over the seeds is its mean squared bootstrap SE, within 4 delta-method SEs', () => {
    const runs = Array.from({ length: 100 }, (_, m) => sobolIndices(closedForm, { output: { year: 2025 + k, log: true }, samples: 512, seed: `spread-${m}`, bootstrap: 200 }));
    expect([runs[0]!.sampling, runs[0]!.replicates]).toEqual(['random', 1]);
    for (const factor of ['growth.params.g', 'shocks']) {
      for (const which of ['firstOrder', 'total'] as const) {
        const xs = runs.map((r) => r.of(factor)[which]);
        const { ratio, z } = spreadAgainstReported(xs.map((x) => x.estimate), xs.map((x) => x.standardError));
        expect(Math.abs(z), `${factor} ${which}: variance ratio ${ratio.toFixed(3)}`).toBeLessThan(4);
      }
    }
  });
});

describe('sobolIndices: a factor that does not enter the output', () => {
  it('an expansion after the output year has both indices exactly 0', () => {
    const sc: ScenarioInput = {
      ...PRESETS['official-capacity'],
      capacity: { baseMt: { dist: 'uniform', min: 5, max: 7 }, expansions: [{ year: 2030, addMt: { dist: 'uniform', min: 2, max: 6 } }] },
    };
    const r = sobolIndices(sc, { output: { year: 2027 }, samples: 4096, seed: 2, bootstrap: 50 });
    const row = r.of('capacity.expansions[0].addMt');
    expect(row.firstOrder).toEqual({ estimate: 0, standardError: 0, lower: 0, upper: 0 });
    expect(row.total).toEqual({ estimate: 0, standardError: 0, lower: 0, upper: 0 });
    expect(r.of('capacity.baseMt').total.estimate).toBeGreaterThan(0);
  });
});

/** A small random scenario: a normal rate, volatility, an uncertain capacity and up to two disruptions. */
const scenarios = fc.record({
  mean: fc.double({ min: -0.1, max: 0.4, noNaN: true }),
  sd: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
  vol: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  base: fc.double({ min: 3, max: 12, noNaN: true }),
  probs: fc.array(fc.double({ min: 0.05, max: 0.9, noNaN: true }), { minLength: 1, maxLength: 2 }),
}).map(({ mean, sd, vol, base, probs }): ScenarioInput => ({
  start: { year: 2025, volumeMt: 4 },
  horizon: 2028,
  growth: { model: 'exponential', rate: { dist: 'normal', mean, sd, min: -0.5 } },
  volatility: vol,
  capacity: { baseMt: { dist: 'uniform', min: base, max: base * 1.5 }, expansions: [] },
  disruptions: probs.map((p, i) => ({ name: `d${i}`, probability: { dist: 'uniform', min: p / 2, max: p }, capacityFactor: { dist: 'uniform', min: 0.5, max: 0.9 } })),
  target: null,
}));

describe('sobolIndices: laws (fast-check)', () => {
  it('every index lies in [0, 1] within its interval and 4 standard errors', () => {
    fc.assert(
      fc.property(scenarios, (sc) => {
        const r = sobolIndices(sc, { output: { year: 2028 }, samples: 1024, seed: 3, bootstrap: 100 });
        for (const row of r.indices) {
          for (const x of [row.firstOrder, row.total]) {
            expect(x.upper + 4 * x.standardError + 1e-9).toBeGreaterThanOrEqual(0);
            expect(x.lower - 4 * x.standardError - 1e-9).toBeLessThanOrEqual(1);
            expect(x.estimate).toBeGreaterThanOrEqual(Math.min(0, x.lower) - 4 * x.standardError - 1e-9);
            expect(x.estimate).toBeLessThanOrEqual(Math.max(1, x.upper) + 4 * x.standardError + 1e-9);
          }
          expect(row.total.estimate).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 4 },
    );
  });

  it('the indices do not depend on the order of the disruptions or of the document keys', () => {
    fc.assert(
      fc.property(scenarios, (sc) => {
        const reversed: ScenarioInput = Object.fromEntries(Object.entries({ ...sc, disruptions: [...sc.disruptions!].reverse() }).reverse()) as unknown as ScenarioInput;
        const o = { output: { year: 2028 }, samples: 512, seed: 4, bootstrap: 20 } as const;
        const a = sobolIndices(sc, o);
        const b = sobolIndices(reversed, o);
        const n = sc.disruptions!.length;
        // disruptions[j] of one is disruptions[n − 1 − j] of the other.
        const rename = (f: string) => f.replace(/^disruptions\[(\d+)\]/, (_, j) => `disruptions[${n - 1 - Number(j)}]`);
        for (const row of a.indices) {
          const other = b.of(rename(row.factor));
          expect(other.firstOrder.estimate).toBeCloseTo(row.firstOrder.estimate, 9);
          expect(other.total.estimate).toBeCloseTo(row.total.estimate, 9);
        }
        expect(b.indices.length).toBe(a.indices.length);
      }),
      { numRuns: 4 },
    );
  });
});

describe('sobolIndices: arguments', () => {
  it('refuses an output year outside the run, unknown keys and a scenario without uncertainty', () => {
    expect(() => sobolIndices(closedForm, { output: { year: 2040 }, samples: 100, seed: 1 })).toThrow(/sobolIndices: output.year must be a whole number in \[2025, 2028\]/);
    expect(() => sobolIndices(closedForm, { output: { year: 2027 }, samples: 100, seed: 1, paths: 5 } as never)).toThrow(TypeError);
    expect(() => sobolIndices({ start: { year: 2025, volumeMt: 4 }, horizon: 2027, growth: { model: 'exponential', rate: 0.1 } }, { output: { year: 2027 }, samples: 100, seed: 1 })).toThrow(/no uncertain input/);
  });
});

describe('rankCorrelations', () => {
  it('recovers the run\'s own draws: growth.rate is the strongest on the baseline, ρ in [−1, 1]', () => {
    const r = rankCorrelations(PRESETS.baseline, { output: { year: 2027 }, paths: 20_000, seed: 1 });
    expect(r.rows[0]!.factor).toBe('growth.rate');
    expect(r.rows[0]!.spearman.estimate).toBeGreaterThan(0.3);
    for (const row of r.rows) expect(Math.abs(row.spearman.estimate)).toBeLessThanOrEqual(1);
    expect(JSON.parse(JSON.stringify(r)).kind).toBe('rank-correlations');
  });

  it('the closed form: the Spearman of g with log volume is that of a bivariate normal with ρ = S_g^½', () => {
    const r = rankCorrelations(closedForm, { output: { year: 2025 + k, log: true }, paths: 50_000, seed: 2 });
    const rho = Math.sqrt((k * k * s * s) / (k * k * s * s + k * sigma * sigma));
    const spearmanOfNormal = (6 / Math.PI) * Math.asin(rho / 2);
    const row = r.rows[0]!;
    expect(row.factor).toBe('growth.params.g');
    expect(Math.abs(row.spearman.estimate - spearmanOfNormal)).toBeLessThanOrEqual(4 * row.spearman.standardError);
  });
});
