import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankCorrelations, shapleyEffects, sobolIndices, tornado } from '../../src/analysis/index.js';
import type { ScenarioInput } from '../../src/scenario/types.js';

/**
 * Issue 21 §2's reproducer: uniform growth.rate and capacity.baseMt, the capacity far above the
 * volume (so the 2027 volume is a strictly increasing function of growth.rate alone).
 */
const independent: ScenarioInput = {
  start: { year: 2025, volumeMt: 4 },
  horizon: 2030,
  growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.05, max: 0.25 } },
  volatility: 0,
  target: null,
  capacity: { baseMt: { dist: 'uniform', min: 100, max: 120 } },
};
const withSpearman = (spearman: number): ScenarioInput => ({ ...independent, correlations: [{ between: ['growth.rate', 'capacity.baseMt'], spearman }] });

describe('rankCorrelations on a correlated scenario reads the draws the run used', () => {
  it("the reproducer: ρ(growth.rate) is 1 with a near-zero correlation entry (the output is increasing in it alone)", () => {
    const r = rankCorrelations(withSpearman(0.01), { output: { year: 2027 }, paths: 5000, seed: 1 });
    expect(r.rows[0]!.factor).toBe('growth.rate');
    expect(r.rows[0]!.spearman.estimate).toBe(1);
  });

  it('over several stream blocks: ρ(capacity.baseMt, output) is the Spearman imposed between the two draws (0.6), within 4 SE', () => {
    // The output is increasing in growth.rate alone, so its ranks are growth.rate's: ρ(baseMt, output) = ρs(baseMt, growth.rate).
    const r = rankCorrelations(withSpearman(0.6), { output: { year: 2027 }, paths: 40_000, seed: 'blocks' });
    const byName = Object.fromEntries(r.rows.map((x) => [x.factor, x.spearman]));
    expect(byName['growth.rate']!.estimate).toBe(1);
    const cap = byName['capacity.baseMt']!;
    expect(Math.abs(cap.estimate - 0.6)).toBeLessThanOrEqual(4 * cap.standardError);
  });
});

describe('tornado on a correlated scenario', () => {
  const statistic = { statistic: 'mean', year: 2027 } as const;

  it('no longer throws, and (the documented meaning) each row is that of the scenario without the held parameter’s entries', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.9, max: 0.9, noNaN: true }), (rho) => {
        const t = tornado(withSpearman(rho), { statistic, paths: 600, seed: 2 });
        const u = tornado(independent, { statistic, paths: 600, seed: 2 });
        // Two parameters, one entry: holding either drops the entry, so the held runs are those of the independent scenario.
        expect(t.rows.map((r) => ({ ...r }))).toEqual(u.rows.map((r) => ({ ...r })));
      }),
      { numRuns: 8 },
    );
  });

  it('with three correlated parameters the other two keep their entry between themselves', () => {
    const three: ScenarioInput = {
      ...independent,
      growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.05, max: 0.5 } },
      capacity: { baseMt: { dist: 'uniform', min: 5, max: 8 }, expansions: [{ year: 2026, addMt: { dist: 'uniform', min: 0, max: 3 } }] },
      correlations: [
        { between: ['growth.rate', 'capacity.baseMt'], spearman: 0.5 },
        { between: ['capacity.baseMt', 'capacity.expansions[0].addMt'], spearman: -0.7 },
      ],
    };
    const t = tornado(three, { statistic, paths: 2000, seed: 3 });
    const byName = Object.fromEntries(t.rows.map((r) => [r.parameter, r]));
    // Holding growth.rate leaves capacity.baseMt with addMt at −0.7: the same runs as the scenario with only that entry.
    const rest = tornado({ ...three, correlations: [three.correlations![1]!] }, { statistic, paths: 2000, seed: 3 });
    expect({ ...byName['growth.rate'] }).toEqual({ ...rest.rows.find((r) => r.parameter === 'growth.rate') });
    // Holding capacity.baseMt drops both entries.
    const none = tornado({ ...three, correlations: undefined }, { statistic, paths: 2000, seed: 3 });
    expect({ ...byName['capacity.baseMt'] }).toEqual({ ...none.rows.find((r) => r.parameter === 'capacity.baseMt') });
    // A real effect in the right direction: more growth and more capacity, more volume.
    expect(byName['growth.rate']!.swing.difference.estimate).toBeGreaterThan(0);
    expect(byName['capacity.baseMt']!.swing.difference.estimate).toBeGreaterThan(0);
  });
});

describe('sobolIndices refuses a correlated scenario', () => {
  it('a RangeError that says why, names the pair, and points to shapleyEffects', () => {
    const call = () => sobolIndices(withSpearman(0.01), { output: { year: 2027 }, samples: 64, seed: 1, bootstrap: 10 });
    expect(call).toThrow(RangeError);
    expect(call).toThrow(/assume independent factors/);
    expect(call).toThrow(/growth\.rate with capacity\.baseMt/);
    expect(call).toThrow(/shapleyEffects/);
  });

  it('the same scenario without correlations still gives its indices (growth.rate explains everything)', () => {
    const r = sobolIndices(independent, { output: { year: 2027 }, samples: 1024, seed: 1, bootstrap: 50 });
    const g = r.of('growth.rate');
    expect(Math.abs(g.firstOrder.estimate - 1)).toBeLessThanOrEqual(4 * g.firstOrder.standardError + 1e-9);
    expect(r.of('capacity.baseMt').total.estimate).toBe(0);
  });
});

describe("shapleyEffects on issue 21's reproducer", () => {
  const D = withSpearman(0.01);

  it('growth.rate has (nearly) all the variance: the output is a function of it alone, and capacity.baseMt shares only through the 0.01 correlation (≤ r²/2 ≈ 6e-5)', () => {
    const r = shapleyEffects(D, { output: { year: 2027 }, permutations: 200, seed: 1 });
    const g = r.of('growth.rate').share;
    expect(Math.abs(g.estimate - 1)).toBeLessThanOrEqual(3 * g.standardError + 1e-4);
    const c = r.of('capacity.baseMt').share;
    expect(Math.abs(c.estimate)).toBeLessThanOrEqual(3 * c.standardError + 1e-4);
  });

  it('deterministic for a seed', () => {
    const o = { output: { year: 2027 }, permutations: 20, seed: 'same', varianceSamples: 500 };
    expect(shapleyEffects(D, o).toJSON()).toEqual(shapleyEffects(D, o).toJSON());
  });

  it('bad options are clear errors', () => {
    expect(() => shapleyEffects(D, { output: { year: 2031 }, permutations: 20, seed: 1 })).toThrow(/output\.year/);
    expect(() => shapleyEffects(D, { output: { year: 2027 }, permutations: 20, seed: 1, outer: 20_000 })).toThrow(/outer/);
    expect(() => shapleyEffects(D, { output: { year: 2027 }, permutations: 20, seed: 1, statistic: 'mean' } as never)).toThrow(/statistic/);
    const fixed: ScenarioInput = { start: { year: 2025, volumeMt: 4 }, horizon: 2030, growth: { model: 'exponential', rate: 0.1 }, volatility: 0, target: null };
    expect(() => shapleyEffects(fixed, { output: { year: 2027 }, permutations: 20, seed: 1 })).toThrow(/no uncertain input/);
  });
});
