import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.js';
import { ROUTES } from '../../src/transit/routes.js';
import { simulateVolumes } from '../../src/volume/simulate.js';
import { simulateTransit } from '../../src/transit/simulate.js';
import type { Precision } from '../../src/engine/precision.js';
import { precisionOf, runPilot, runSize } from '../../src/engine/until.js';

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
/** The size the pilot's k in n asks for (before rounding up to whole blocks). */
function neededFromPilot(k: number, n: number, tolerance: number): number {
  const [lo, hi] = wilson(k, n);
  const p = Math.min(Math.max(0.5, lo), hi);
  return Math.ceil(Math.max((p * (1 - p)) / tolerance ** 2, 50 / (Math.min(k, n - k) / n)));
}
const sizeFromPilot = (k: number, n: number, tolerance: number) => Math.ceil(neededFromPilot(k, n, tolerance) / BLOCK) * BLOCK;
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

  it('a cap below one block but above what the tolerance needs is reached: blocks round the size up, never the need', () => {
    const c = simulateVolumes(official, { seed: 1, untilStandardError: { tolerance: 0.05, maxPaths: 1000 } });
    expect(neededFromPilot(c.precision.pilot.hits, c.precision.pilot.paths, 0.05)).toBeLessThanOrEqual(1000);
    expect(c.paths).toBe(1000);
    expect(c.precision.reached).toBe(true);
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

describe('the rule (src/engine/until.ts), as laws', () => {
  const pilots = fc.integer({ min: 20, max: 5_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
  const tolerances = fc.double({ min: 1e-5, max: 0.5, noNaN: true });

  it('law: a sized run is whole blocks (or the cap), its SE is at most the tolerance at every p the pilot’s Wilson interval allows, and it expects ≥ 50 events of each kind', () => {
    fc.assert(
      fc.property(pilots, tolerances, fc.integer({ min: 1, max: 50_000_000 }), ([k, n], tolerance, max) => {
        const { paths, needed } = runSize(tolerance, max, BLOCK, { hits: k, n });
        if (Math.min(k, n - k) < 10) {
          expect([paths, needed]).toEqual([max, Infinity]);
          return;
        }
        expect(needed).toBe(neededFromPilot(k, n, tolerance));
        expect(paths).toBe(Math.min(sizeFromPilot(k, n, tolerance), max));
        const [lo, hi] = wilson(k, n);
        for (const p of [lo, hi, k / n, (lo + hi) / 2]) expect(Math.sqrt((p * (1 - p)) / needed)).toBeLessThanOrEqual(tolerance * (1 + 1e-12));
        expect((needed * Math.min(k, n - k)) / n).toBeGreaterThanOrEqual(50);
      }),
      { numRuns: 2000 },
    );
  });

  it('law: reached is never true on 0 ± 0 or 1 ± 0, nor when the run was cut at the cap; the interval holds the estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), tolerances, fc.boolean(), ([k, n], tolerance, capped) => {
        const pr = precisionOf('P', tolerance, n, { hits: 10, n: 100, seed: 's' }, capped ? n + 1 : n, k, n);
        expect(pr.estimate).toBe(k / n);
        expect(pr.interval.lower <= pr.estimate && pr.estimate <= pr.interval.upper).toBe(true);
        if (k === 0 || k === n || capped) expect(pr.reached).toBe(false);
        else expect(pr.reached).toBe(pr.standardError <= tolerance);
      }),
      { numRuns: 2000 },
    );
  });

  it('law: the pilot stops at the first block with 10 events and 10 non-events, or at the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 4000 }), (hitsPerBlock, max) => {
        const size = 100;
        const seen: number[] = [];
        const got = runPilot(max, size, (b) => {
          seen.push(b);
          const n = Math.min(size, max - b * size);
          return { hits: Math.min(hitsPerBlock[b % hitsPerBlock.length]!, n), n };
        });
        expect(seen).toEqual(seen.map((_, i) => i));
        let hits = 0;
        let n = 0;
        for (let b = 0; ; b++) {
          const m = Math.min(size, max - b * size);
          hits += Math.min(hitsPerBlock[b % hitsPerBlock.length]!, m);
          n += m;
          if ((hits >= 10 && n - hits >= 10) || n >= max) break;
        }
        expect(got).toEqual({ hits, n });
      }),
      { numRuns: 500 },
    );
  });

  it("the numbers do not depend on blockSize, and progress reaches the run's paths", () => {
    const done: number[] = [];
    const a = simulateVolumes(official, { seed: 5, untilStandardError: { tolerance: 0.004, maxPaths: 200_000 }, onProgress: (d) => done.push(d.done / d.total) });
    const b = simulateVolumes(official, { seed: 5, blockSize: 16_384, untilStandardError: { tolerance: 0.004, maxPaths: 200_000 } });
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(done.at(-1)).toBe(1);
  });
});
