import { describe, expect, it } from 'vitest';
import { PRESETS, simulateVolumes, type ScenarioInput } from 'middle-corridor';
import { mergeVolumes, placeBrackets, planVolumes, runVolumeBlocks, runVolumePilot } from '../../src/volume/engine.js';
import type { VolumeSummary } from '../../src/volume/summary.js';

const scenario: ScenarioInput = {
  start: { year: 2025, volumeMt: 4.119 },
  horizon: 2031,
  growth: { model: 'exponential', rate: { dist: 'triangular', min: 0.1, mode: 0.3, max: 0.5 } },
  volatility: 0.3,
  capacity: { baseMt: 6, expansions: [{ year: 2027, addMt: { dist: 'uniform', min: 1, max: 3 }, delayYears: { dist: 'uniform', min: 0, max: 2 } }] },
  disruptions: [{ name: 'low water', probability: 0.3, capacityFactor: 0.8 }],
};

describe("keep: 'summary'", () => {
  for (const paths of [40_000, 150_000]) {
    it(`gives the same quantiles, probabilities and first years as the full run (${paths.toLocaleString('en')} paths, ${paths > 65_536 ? 'pilot brackets' : 'direct'})`, () => {
      const full = simulateVolumes(scenario, { paths, seed: 'summary' });
      const sum = simulateVolumes(scenario, { paths, seed: 'summary', keep: 'summary', quantiles: [0.05, 0.25, 0.999], thresholds: [6, 7.5] });
      expect(sum.volume).toEqual([]);
      for (const year of full.years) {
        expect(sum.quantiles(year, [0.05, 0.1, 0.25, 0.5, 0.9, 0.999])).toEqual(full.quantiles(year, [0.05, 0.1, 0.25, 0.5, 0.9, 0.999]));
        for (const x of [6, 7.5, 10]) expect(sum.probabilityAtLeast(year, x)).toEqual(full.probabilityAtLeast(year, x));
        const m = full.mean(year);
        expect(sum.mean(year).estimate).toBeCloseTo(m.estimate, 10);
        expect(sum.mean(year).standardError).toBeCloseTo(m.standardError, 8);
        expect(sum.unmet(year).probability).toEqual(full.unmet(year).probability);
        expect(sum.unmet(year).mean.estimate).toBeCloseTo(full.unmet(year).mean.estimate, 10);
        expect(sum.unmet(year).mean.standardError).toBeCloseTo(full.unmet(year).mean.standardError, 8);
        expect(sum.utilisation(year)!.atCapacity).toEqual(full.utilisation(year)!.atCapacity);
        expect(sum.utilisation(year)!.mean.estimate).toBeCloseTo(full.utilisation(year)!.mean.estimate, 10);
        expect(sum.utilisation(year)!.mean.standardError).toBeCloseTo(full.utilisation(year)!.mean.standardError, 8);
      }
      for (const x of [6, 7.5]) {
        expect(sum.firstYearReaching(x)).toEqual(full.firstYearReaching(x));
        expect(sum.medianFirstYear(x)).toBe(full.medianFirstYear(x));
      }
      expect(sum.summary()).toHaveLength(full.years.length);
    });
  }

  it('matches the full run for a preset with many distributions', () => {
    const full = simulateVolumes(PRESETS.baseline, { paths: 70_000, seed: 3 });
    const sum = simulateVolumes(PRESETS.baseline, { paths: 70_000, seed: 3, keep: 'summary' });
    for (const year of full.years) expect(sum.quantiles(year, [0.1, 0.5, 0.9])).toEqual(full.quantiles(year, [0.1, 0.5, 0.9]));
    expect(sum.probabilityAtLeast(2031, 10)).toEqual(full.probabilityAtLeast(2031, 10));
  });

  it('says what was not kept and how to keep it', () => {
    const sum = simulateVolumes(scenario, { paths: 1000, seed: 1, keep: 'summary' });
    expect(() => sum.quantile(2027, 0.3)).toThrow(/VolumeSummary.quantile: p = 0.3 was not kept; run with keep: 'summary' and quantiles: \[0.3\]/);
    expect(() => sum.probabilityAtLeast(2027, 8)).toThrow(/VolumeSummary.probabilityAtLeast: volumeMt = 8 was not kept/);
    expect(sum.probabilityAtLeast(2027, 10).estimate).toBeGreaterThanOrEqual(0); // the target is always kept
    expect(() => simulateVolumes(scenario, { paths: 10, seed: 1, keep: 'summary', quantiles: [1.5] })).toThrow(/simulateVolumes: quantiles\[0\] must be a number in \[0, 1\]/);
    expect(() => simulateVolumes(scenario, { paths: 10, seed: 1, keep: 'some' as 'all' })).toThrow(/simulateVolumes: keep must be one of 'all', 'summary'/);
  });

  it('recounts a year whose bracket missed, and still gives the exact quantiles', () => {
    const o = { paths: 100_000, seed: 'miss', keep: 'summary' as const };
    const planned = planVolumes(scenario, o);
    const p = placeBrackets(planned, [runVolumePilot(planned)]);
    // Sabotage two years: brackets far from every order statistic, so the full pass misses them.
    const years = p.summary!.years!.map((y, k) => (k === 2 || k === 5 ? { ...y, brackets: y.brackets.map((b) => ({ ...b, lo: 1e6, hi: 2e6 })), ranges: [{ lo: 1e6, hi: 2e6 }] } : y));
    const sabotaged = { ...p, summary: { ...p.summary!, years } };
    const sum = mergeVolumes(sabotaged, [runVolumeBlocks(sabotaged, 0, p.nBlocks)]) as VolumeSummary;
    const full = simulateVolumes(scenario, { paths: 100_000, seed: 'miss' });
    for (const year of full.years) expect(sum.quantiles(year, [0.1, 0.5, 0.9])).toEqual(full.quantiles(year, [0.1, 0.5, 0.9]));
  });
});
