import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.js';
import { ROUTES } from '../../src/transit/routes.js';
import { simulateVolumes } from '../../src/volume/simulate.js';
import { simulateTransit } from '../../src/transit/simulate.js';

const official = PRESETS['official-capacity'];

describe("simulateVolumes(s, { seed, untilStandardError })", () => {
  const r = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.002, maxPaths: 1_000_000 } });

  it('stops at the first block count whose standard error of P(≥ target) is at most the tolerance', () => {
    expect(r.precision.reached).toBe(true);
    expect(r.paths % 16_384).toBe(0);
    const p = r.probabilityAtLeast(2027, 10);
    expect(p.standardError).toBeLessThanOrEqual(0.002);
    expect(r.precision).toMatchObject({ statistic: 'P(volume ≥ 10 Mt in 2027)', tolerance: 0.002, max: 1_000_000, paths: r.paths, estimate: p.estimate, standardError: p.standardError });
    // One block fewer would not have been enough.
    const fewer = simulateVolumes(official, { paths: r.paths - 16_384, seed: 1 });
    expect(fewer.probabilityAtLeast(2027, 10).standardError).toBeGreaterThan(0.002);
  });

  it('is the run of that many paths, bit for bit, and deterministic', () => {
    const same = simulateVolumes(official, { paths: r.paths, seed: 1 });
    expect(r.volume[2]).toEqual(same.volume[2]);
    expect(r.demand[5]).toEqual(same.demand[5]);
    const again = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.002, maxPaths: 1_000_000 } });
    expect(again.toJSON()).toEqual(r.toJSON());
    expect(r.toJSON().precision).toEqual({ ...r.precision });
  });

  it('keep: summary stops at the same paths', () => {
    const s = simulateVolumes(official, { seed: 1, keep: 'summary', untilStandardError: { tolerance: 0.002, maxPaths: 1_000_000 } });
    expect(s.paths).toBe(r.paths);
    expect(s.precision).toEqual(r.precision);
  });

  it('respects and reports the cap', () => {
    const c = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.0005, maxPaths: 40_000 } });
    expect(c.paths).toBe(40_000);
    expect(c.precision.reached).toBe(false);
    expect(c.precision.standardError).toBeGreaterThan(0.0005);
    expect(c.volume[2]).toEqual(simulateVolumes(official, { paths: 40_000, seed: 1 }).volume[2]);
  });

  it('takes a named statistic { year, volumeMt }', () => {
    const n = simulateVolumes(PRESETS.baseline, { seed: 2, untilStandardError: { tolerance: 0.003, maxPaths: 500_000, statistic: { year: 2030, volumeMt: 8 } } });
    expect(n.precision.statistic).toBe('P(volume ≥ 8 Mt in 2030)');
    expect(n.probabilityAtLeast(2030, 8).standardError).toBeLessThanOrEqual(0.003);
  });

  it('refuses paths beside it, a bad tolerance, and a missing statistic without a target', () => {
    expect(() => simulateVolumes(official, { seed: 1, paths: 10, untilStandardError: { tolerance: 0.01, maxPaths: 100 } } as never)).toThrow(/simulateVolumes: give paths or untilStandardError/);
    expect(() => simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0, maxPaths: 100 } })).toThrow(RangeError);
    expect(() => simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: '0.1', maxPaths: 100 } as never })).toThrow(TypeError);
    expect(() => simulateVolumes({ ...official, target: null }, { seed: 1, untilStandardError: { tolerance: 0.01, maxPaths: 100 } })).toThrow(/no target/);
  });
});

describe("simulateTransit(r, { seed, untilStandardError })", () => {
  const route = ROUTES['northern-rail'];
  const t = simulateTransit(route, { seed: 1, untilStandardError: { tolerance: 0.002, maxTrips: 1_000_000, statistic: { days: 20 } } });

  it('stops when the standard error of P(≤ days) is at most the tolerance: the sample of that many trips', () => {
    expect(t.precision.reached).toBe(true);
    expect(t.probabilityWithin(20).standardError).toBeLessThanOrEqual(0.002);
    const same = simulateTransit(route, { trips: t.trips, seed: 1 });
    expect(t.days).toEqual(same.days);
    expect(t.toJSON()).toEqual({ ...same.toJSON(), precision: { ...t.precision } });
    const fewer = simulateTransit(route, { trips: t.trips - 16_384, seed: 1 });
    expect(fewer.probabilityWithin(20).standardError).toBeGreaterThan(0.002);
  });

  it('respects and reports the cap', () => {
    const c = simulateTransit(route, { seed: 1, untilStandardError: { tolerance: 0.0001, maxTrips: 20_000, statistic: { days: 20 } } });
    expect(c.trips).toBe(20_000);
    expect(c.precision.reached).toBe(false);
    expect(c.days).toEqual(simulateTransit(route, { trips: 20_000, seed: 1 }).days);
  });
});
