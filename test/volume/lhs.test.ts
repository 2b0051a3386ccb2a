import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.js';
import { simulateVolumes } from '../../src/volume/simulate.js';
import { planVolumes, runVolumeBlocks, mergeVolumes } from '../../src/volume/engine.js';
import { replicateStarts } from '../../src/volume/replicates.js';

const official = PRESETS['official-capacity'];

describe("simulateVolumes(s, { sampling: 'lhs' })", () => {
  it('stratifies each parameter within each replicate: one draw in each of its equal-probability strata', () => {
    // growth.rate is normal(0.3256, 0.2538) truncated at −0.5; with volatility 0 the 2026 volume is v0·(1 + r), monotone in r.
    const s = { ...official, volatility: 0, capacity: null };
    const r = simulateVolumes(s, { paths: 16_384, seed: 1, sampling: 'lhs' });
    const plain = simulateVolumes(s, { paths: 16_384, seed: 1 });
    const rep = replicateStarts(16_384);
    expect(rep.length - 1).toBe(8);
    // The replicate means of the growth rate vary far less than with plain sampling.
    const spread = (v: Float64Array) => {
      const m = rep.slice(0, -1).map((a, i) => v.slice(a, rep[i + 1]).reduce((x, y) => x + y, 0) / (rep[i + 1]! - a));
      return Math.max(...m) - Math.min(...m);
    };
    expect(spread(r.volume[1]!)).toBeLessThan(spread(plain.volume[1]!) / 5);
    expect(r.sampling).toBe('lhs');
    expect(plain.sampling).toBe('random');
  });

  it('has at least 8 replicates per block, of at most 2,048 paths', () => {
    expect(replicateStarts(1000)).toEqual([0, 125, 250, 375, 500, 625, 750, 875, 1000]);
    const s = replicateStarts(40_000);
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeLessThanOrEqual(2048);
    expect(s.length - 1).toBe(8 + 8 + 8);
  });

  it('reports a standard error from the replicates that matches the spread over seeds (within a factor 1.5)', () => {
    const means: number[] = [];
    const ses: number[] = [];
    for (let k = 0; k < 30; k++) {
      const r = simulateVolumes(official, { paths: 16_384, seed: `s${k}`, sampling: 'lhs' });
      const m = r.mean(2027);
      means.push(m.estimate);
      ses.push(m.standardError);
    }
    const mu = means.reduce((a, b) => a + b) / means.length;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - mu) ** 2, 0) / (means.length - 1));
    const rms = Math.sqrt(ses.reduce((a, b) => a + b * b, 0) / ses.length);
    expect(rms / sd).toBeGreaterThan(1 / 1.5);
    expect(rms / sd).toBeLessThan(1.5);
  });

  it('is deterministic, the same for every chunk size and through the engine; the shocks are unchanged', () => {
    const a = simulateVolumes(official, { paths: 40_000, seed: 2, sampling: 'lhs' });
    const b = simulateVolumes(official, { paths: 40_000, seed: 2, sampling: 'lhs', blockSize: 16_384 });
    expect(b.volume[3]).toEqual(a.volume[3]);
    const plan = planVolumes(official, { paths: 40_000, seed: 2, sampling: 'lhs' });
    const merged = mergeVolumes(plan, [runVolumeBlocks(plan, 0, 1), runVolumeBlocks(plan, 1, plan.nBlocks)]);
    expect(merged.toJSON()).toEqual(a.toJSON());
    // A scenario without distributions: identical to plain sampling.
    const fixed = { ...official, growth: { model: 'exponential' as const, rate: 0.3 } };
    expect(simulateVolumes(fixed, { paths: 20_000, seed: 2, sampling: 'lhs' }).volume[4]).toEqual(simulateVolumes(fixed, { paths: 20_000, seed: 2 }).volume[4]);
  });

  it('refuses keep summary, correlations and a bad value', () => {
    expect(() => simulateVolumes(official, { paths: 100, seed: 1, sampling: 'lhs', keep: 'summary' })).toThrow(/sampling 'lhs' takes keep 'all'/);
    expect(() => simulateVolumes(official, { paths: 100, seed: 1, sampling: 'sobol' as never })).toThrow(RangeError);
    expect(() => simulateVolumes({ ...PRESETS.baseline, correlations: [{ between: ['growth.rate', 'capacity.baseMt'], spearman: 0.3 }] }, { paths: 100, seed: 1, sampling: 'lhs' })).toThrow(/correlations/);
  });
});
