import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, requiredGrowth, simulateVolumes, type ScenarioInput } from '../../src/index.js';
import { compareScenarios } from '../../src/analysis/compare-scenarios.js';
import { tornado } from '../../src/analysis/tornado.js';
import { solveRoute, solveScenario } from '../../src/analysis/solve.js';
import { parsePath } from '../../src/analysis/path.js';

const simple: ScenarioInput = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2028, growth: { model: 'exponential', rate: { dist: 'normal', mean: 0.25, sd: 0.1, min: -0.5 } }, volatility: 0.3 };

describe('compareScenarios', () => {
  it('a scenario compared with itself gives exactly 0 ± 0 for every statistic', () => {
    const c = compareScenarios(PRESETS.baseline, PRESETS.baseline, { paths: 3000, seed: 4 });
    for (const r of c.rows) {
      for (const d of [r.mean, r.p10, r.p50, r.p90, r.probabilityAtLeast!]) {
        expect(d.difference).toEqual({ estimate: 0, standardError: 0 });
        expect(d.varianceReduction).toBeNull();
      }
    }
  });

  it('the paired difference equals the difference of the two runs, and pairing beats independent runs where draws are shared', () => {
    const a = { ...simple, volatility: 0.35 };
    const c = compareScenarios(a, simple, { paths: 20_000, seed: 9, volumeMt: 6 });
    const ra = simulateVolumes(a, { paths: 20_000, seed: 9 });
    const rb = simulateVolumes(simple, { paths: 20_000, seed: 9 });
    const row = c.year(2028);
    expect(row.mean.difference.estimate).toBeCloseTo(ra.mean(2028).estimate - rb.mean(2028).estimate, 10);
    expect(row.p50.a).toBe(ra.quantile(2028, 0.5));
    // Same rate draws and same shocks: the paired variance is far below the independent one.
    expect(row.mean.varianceReduction!).toBeGreaterThan(5);
    expect(row.probabilityAtLeast!.varianceReduction!).toBeGreaterThan(2);
  });
});

describe('tornado', () => {
  it('a parameter that does not enter the statistic has zero swing; the rows are sorted by swing', () => {
    // The capacity in 2030 cannot change the 2026 volume of an uncapped... use the expansion of 2030 on the 2027 P50.
    const t = tornado(PRESETS.baseline, { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: 4000, seed: 3 });
    const late = t.rows.filter((r) => r.parameter.startsWith('capacity.expansions[2]'));
    expect(late.length).toBe(2);
    for (const r of late) expect(r.swing.difference).toEqual({ estimate: 0, standardError: 0 });
    const swings = t.rows.map((r) => Math.abs(r.swing.difference.estimate));
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    expect(t.rows[0]!.parameter).toBe('growth.rate');
  });

  it('swings do not depend on the order of the parameters in the document (fast-check)', () => {
    const base = tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 1000, seed: 5 });
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1], { minLength: 2, maxLength: 2 }), (order) => {
        const d = PRESETS.baseline.disruptions!;
        const t = tornado({ ...PRESETS.baseline, disruptions: order.map((i) => d[i]!) }, { statistic: { statistic: 'mean', year: 2027 }, paths: 1000, seed: 5 });
        const byName = (x: typeof t) => new Map(x.rows.map((r) => [`${r.p10}|${r.p90}`, r.swing.difference.estimate]));
        expect(byName(t)).toEqual(byName(base));
      }),
      { numRuns: 2 },
    );
  });
});

describe('goal seeking', () => {
  it('on an exponential scenario without shocks it reproduces requiredGrowth', () => {
    const s = solveScenario({ start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.2 } }, { parameter: 'growth.rate', statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, level: 10, range: [0, 1], paths: 100, seed: 1, tolerance: 1e-10 });
    expect(s.value).toBeCloseTo(requiredGrowth({ year: 2025, volumeMt: 4.119 }, { year: 2027, volumeMt: 10 }), 8);
  });

  it('the solved value reproduces the level when simulated (within its Monte Carlo interval)', () => {
    const s = solveScenario(simple, { parameter: 'growth.rate', statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 7 }, level: 0.5, range: [0, 1], paths: 10_000, seed: 2 });
    const shifted = { ...simple, growth: { model: 'exponential' as const, rate: { dist: 'normal' as const, mean: s.value, sd: 0.1, min: -0.5 + (s.value - 0.25) } } };
    const p = simulateVolumes(shifted, { paths: 10_000, seed: 2 }).probabilityAtLeast(2027, 7);
    expect(Math.abs(p.estimate - 0.5)).toBeLessThanOrEqual(4 * p.standardError + 1e-4);
    expect(s.lower).toBeLessThanOrEqual(s.value);
    expect(s.upper).toBeGreaterThanOrEqual(s.value);
  });

  it('says how far the range got and why when the level is out of reach', () => {
    expect(() => solveScenario(PRESETS.baseline, { parameter: 'growth.rate', statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, level: 10, range: [0, 1.5], paths: 2000, seed: 1 }))
      .toThrow(/no growth.rate in \[0, 1.5\] reaches 10: .* the median capacity/);
    const queue = ROUTES['corridor-poti'].legs.find((l) => l.queue)!.name;
    expect(() => solveRoute(ROUTES['corridor-poti'], { parameter: { servers: queue }, statistic: { statistic: 'probabilityWithin', days: 15 }, level: 0.5, range: [1, 50], trips: 500, seed: 1, volumeMt: 4.119 }))
      .toThrow(/legs' minimum days alone add up to 17.5 days/);
  });

  it('finds the scale of the legs’ days that gives a 15-day median, and the solved route has it', () => {
    const r = solveRoute(ROUTES['corridor-poti'], { parameter: 'days-scale', statistic: { statistic: 'quantile', p: 0.5 }, level: 15, range: [0.1, 1], trips: 4000, seed: 3, volumeMt: 4.119 });
    expect(r.value).toBeGreaterThan(0.3);
    expect(r.value).toBeLessThan(0.6);
    // The smallest scale whose median reaches 15 days: just at or above it.
    expect(r.statistic.estimate).toBeGreaterThanOrEqual(15);
    expect(r.statistic.estimate).toBeLessThan(15.01);
  });

  it('reads paths as messages write them', () => {
    expect(parsePath('capacity.expansions[0].addMt')).toEqual(['capacity', 'expansions', 0, 'addMt']);
    expect(() => parsePath('a..b')).toThrow(/cannot read/);
  });
});
