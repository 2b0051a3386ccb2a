import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.js';
import { ROUTES } from '../../src/transit/routes.js';
import { simulateVolumes } from '../../src/volume/simulate.js';
import { simulateTransit } from '../../src/transit/simulate.js';
import type { Precision } from '../../src/engine/until.js';

const official = PRESETS['official-capacity'];
const BLOCK = 16_384;

// The rule as docs/design.md ("Precision on demand") states it, written out again here: the
// Wilson bounds from the textbook formula (z = scipy.stats.norm.ppf(0.975)), not the library's.
const Z = 1.959963984540054;
function wilson(k: number, n: number): [number, number] {
  const p = k / n;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / d;
  return [c - h, c + h];
}
function sizeFromPilot(k: number, n: number, tolerance: number): number {
  const [lo, hi] = wilson(k, n);
  const p = Math.min(Math.max(0.5, lo), hi);
  return Math.ceil(Math.max((p * (1 - p)) / tolerance ** 2, 50 / (Math.min(k, n - k) / n)) / BLOCK) * BLOCK;
}
/** The pilot stopped at its first block with 10 hits and 10 misses: one block fewer had too few of one. */
function checkPilot(pr: Precision, hitsIn: (paths: number) => number) {
  expect(hitsIn(pr.pilot.paths)).toBe(pr.pilot.hits);
  expect(Math.min(pr.pilot.hits, pr.pilot.paths - pr.pilot.hits)).toBeGreaterThanOrEqual(10);
  if (pr.pilot.paths > BLOCK) {
    const k = hitsIn(pr.pilot.paths - BLOCK);
    expect(Math.min(k, pr.pilot.paths - BLOCK - k)).toBeLessThan(10);
  }
}

describe("simulateVolumes(s, { seed, untilStandardError })", () => {
  const r = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.002, maxPaths: 1_000_000 } });
  const p = r.probabilityAtLeast(2027, 10);

  it('sizes the run from a pilot on its own seed, by the stated rule', () => {
    const pr = r.precision;
    expect(pr.pilot.seed).toBe('1|until-pilot');
    checkPilot(pr, (paths) => simulateVolumes(official, { paths, seed: '1|until-pilot' }).probabilityAtLeast(2027, 10).estimate * paths);
    expect(r.paths).toBe(sizeFromPilot(pr.pilot.hits, pr.pilot.paths, 0.002));
    expect(pr.reached).toBe(true);
    expect(p.standardError).toBeLessThanOrEqual(0.002);
  });

  it('reports the run’s own estimate, standard error and 95 % Wilson interval', () => {
    expect(r.precision).toMatchObject({ statistic: 'P(volume ≥ 10 Mt in 2027)', tolerance: 0.002, max: 1_000_000, paths: r.paths, estimate: p.estimate, standardError: p.standardError });
    expect(r.precision.hits).toBe(p.estimate * r.paths);
    const [lo, hi] = wilson(r.precision.hits, r.paths);
    expect(r.precision.interval.level).toBe(0.95);
    expect(r.precision.interval.method).toBe('wilson');
    expect(r.precision.interval.lower).toBeCloseTo(lo, 14);
    expect(r.precision.interval.upper).toBeCloseTo(hi, 14);
  });

  it('is the run of that many paths, bit for bit, and deterministic', () => {
    const same = simulateVolumes(official, { paths: r.paths, seed: 1 });
    expect(r.volume[2]).toEqual(same.volume[2]);
    expect(r.demand[5]).toEqual(same.demand[5]);
    const again = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.002, maxPaths: 1_000_000 } });
    expect(again.toJSON()).toEqual(r.toJSON());
    expect(r.toJSON().precision).toEqual(r.precision);
    expect(Object.isFrozen(r.precision) && Object.isFrozen(r.precision.interval) && Object.isFrozen(r.precision.pilot)).toBe(true);
  });

  it('keep: summary sizes the same run, and keeps the statistic’s threshold', () => {
    const s = simulateVolumes(official, { seed: 1, keep: 'summary', untilStandardError: { tolerance: 0.002, maxPaths: 1_000_000 } });
    expect(s.paths).toBe(r.paths);
    expect(s.precision).toEqual(r.precision);
    const t = simulateVolumes(PRESETS.baseline, { seed: 3, keep: 'summary', untilStandardError: { tolerance: 0.005, maxPaths: 500_000, statistic: { year: 2029, volumeMt: 7 } } });
    expect(t.probabilityAtLeast(2029, 7).estimate).toBe(t.precision.estimate);
    expect(simulateVolumes(PRESETS.baseline, { seed: 3, untilStandardError: { tolerance: 0.005, maxPaths: 500_000, statistic: { year: 2029, volumeMt: 7 } } }).precision).toEqual(t.precision);
  });

  it('respects and reports the cap: the run of the cap, not reached', () => {
    const c = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.0005, maxPaths: 40_000 } });
    expect(c.paths).toBe(40_000);
    expect(c.precision.reached).toBe(false);
    expect(c.volume[2]).toEqual(simulateVolumes(official, { paths: 40_000, seed: 1 }).volume[2]);
  });

  it('never reports 0 ± 0 or 1 ± 0 as reached: an event never (always) seen runs to the cap, with a one-sided Wilson bound', () => {
    for (const [volumeMt, hits] of [[1000, 0], [0, 40_000]] as const) {
      const e = simulateVolumes(official, { seed: 4, keep: 'summary', untilStandardError: { tolerance: 0.01, maxPaths: 40_000, statistic: { year: 2026, volumeMt } } });
      expect(e.precision).toMatchObject({ paths: 40_000, hits, standardError: 0, reached: false, pilot: { paths: 40_000, hits } });
      // Wilson at 0 of n: [0, z²/(n + z²)]; at n of n: [n/(n + z²), 1].
      const bound = (Z * Z) / (40_000 + Z * Z);
      expect(e.precision.interval.lower).toBeCloseTo(hits === 0 ? 0 : 1 - bound, 15);
      expect(e.precision.interval.upper).toBeCloseTo(hits === 0 ? bound : 1, 15);
    }
  });

  it('the issue’s rare event (P ≈ 2e-4): the pilot runs blocks until 10 hits, the run expects 50', () => {
    const opts = { seed: 'until-1', keep: 'summary', untilStandardError: { tolerance: 1e-4, maxPaths: 2e6, statistic: { year: 2027, volumeMt: 177 } } } as const;
    const e = simulateVolumes(PRESETS.announced, opts);
    expect(e.precision.pilot.paths).toBeGreaterThan(BLOCK);
    checkPilot(e.precision, (paths) => simulateVolumes(PRESETS.announced, { paths, seed: 'until-1|until-pilot', keep: 'summary', thresholds: [177] }).probabilityAtLeast(2027, 177).estimate * paths);
    expect(e.paths).toBe(sizeFromPilot(e.precision.pilot.hits, e.precision.pilot.paths, 1e-4));
    expect(e.paths).toBeGreaterThanOrEqual((50 * e.precision.pilot.paths) / e.precision.pilot.hits);
    expect(e.precision.reached).toBe(true);
  });

  it('takes a named statistic { year, volumeMt }', () => {
    const n = simulateVolumes(PRESETS.baseline, { seed: 2, untilStandardError: { tolerance: 0.003, maxPaths: 500_000, statistic: { year: 2030, volumeMt: 8 } } });
    expect(n.precision.statistic).toBe('P(volume ≥ 8 Mt in 2030)');
    expect(n.paths).toBe(sizeFromPilot(n.precision.pilot.hits, n.precision.pilot.paths, 0.003));
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

  it('sizes the sample from a pilot on its own seed: the sample of that many trips', () => {
    const pr = t.precision;
    checkPilot(pr, (trips) => simulateTransit(route, { trips, seed: '1|until-pilot' }).probabilityWithin(20).estimate * trips);
    expect(t.trips).toBe(sizeFromPilot(pr.pilot.hits, pr.pilot.paths, 0.002));
    expect(pr.reached).toBe(true);
    const p = t.probabilityWithin(20);
    expect(p.standardError).toBeLessThanOrEqual(0.002);
    expect(pr).toMatchObject({ paths: t.trips, hits: p.estimate * t.trips, estimate: p.estimate, standardError: p.standardError });
    const same = simulateTransit(route, { trips: t.trips, seed: 1 });
    expect(t.days).toEqual(same.days);
    expect(t.toJSON()).toEqual({ ...same.toJSON(), precision: { ...t.precision } });
  });

  it('respects and reports the cap', () => {
    const c = simulateTransit(route, { seed: 1, untilStandardError: { tolerance: 0.0001, maxTrips: 20_000, statistic: { days: 20 } } });
    expect(c.trips).toBe(20_000);
    expect(c.precision.reached).toBe(false);
    expect(c.days).toEqual(simulateTransit(route, { trips: 20_000, seed: 1 }).days);
  });
});
