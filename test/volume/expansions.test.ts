import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, simulateVolumes, type ScenarioInput } from 'middle-corridor';
import { sameBits } from '../helpers.js';

/**
 * An expansion arrives at `year + delayYears` (years from 1 January of `year`) and adds, to each
 * year Y's capacity, addMt × clamp(Y + 1 − (year + delay), 0, 1): the share of Y after it
 * arrives (docs/volume-model.md).
 */

type Param = NonNullable<ScenarioInput['volatility']>;
const T = (min: number, mode: number, max: number): Param => ({ dist: 'triangular', min, mode, max });

/** A scenario with demand shocks, a capacity disruption and two expansions, the first as given. */
const make = (first: { year: number; addMt: Param; delayYears?: Param }, x: { base: number; horizon: number; p: number }): ScenarioInput => ({
  start: { year: 2025, volumeMt: 4.119 },
  horizon: x.horizon,
  growth: { model: 'exponential', rate: { dist: 'normal', mean: 0.3, sd: 0.1, min: -0.5 } },
  volatility: 0.4,
  capacity: { baseMt: { dist: 'uniform', min: x.base, max: x.base + 2 }, expansions: [first, { year: 2028, addMt: T(1, 2, 3), delayYears: T(0, 0.5, 2) }] },
  disruptions: [{ name: 'low water', probability: x.p, capacityFactor: { dist: 'uniform', min: 0.6, max: 0.9 } }],
});

const world = fc.record({ base: fc.double({ min: 1, max: 10, noNaN: true }), horizon: fc.integer({ min: 2026, max: 2034 }), p: fc.double({ min: 0, max: 1, noNaN: true }) });
const addMt = fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), fc.constant(T(0.5, 1, 1.4)));

/** Every array of two runs is the same, bit for bit. */
function sameRun(a: ReturnType<typeof simulateVolumes>, b: ReturnType<typeof simulateVolumes>): boolean {
  return a.years.every((_, k) => sameBits(a.demand[k]!, b.demand[k]!) && sameBits(a.capacity[k]!, b.capacity[k]!) && sameBits(a.volume[k]!, b.volume[k]!));
}

describe('an expansion arrives at year + delayYears (known values)', () => {
  const capacities = (delayYears: number) => {
    const r = simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2031, growth: { model: 'exponential', rate: 0.3 }, capacity: { baseMt: 6, expansions: [{ year: 2027, addMt: 2, delayYears }] } }, { paths: 3, seed: 1 });
    return r.years.map((_, k) => r.capacity[k]![0]!);
  };

  it('delay 0.25 adds three quarters of addMt in its year and all of it after; 1.5 half in the next year', () => {
    expect(capacities(0)).toEqual([6, 6, 8, 8, 8, 8, 8]);
    expect(capacities(0.25)).toEqual([6, 6, 7.5, 8, 8, 8, 8]);
    expect(capacities(1.5)).toEqual([6, 6, 6, 7, 8, 8, 8]);
    expect(capacities(0.999)).toEqual([6, 6, 6 + 2 * (1 - 0.999), 8, 8, 8, 8]);
    expect(capacities(3)).toEqual([6, 6, 6, 6, 6, 8, 8]);
    expect(capacities(1e300)).toEqual([6, 6, 6, 6, 6, 6, 6]);
  });
});

describe('laws of the delay (fast-check, whole seeded runs)', () => {
  it('delay 0 (a number, or a distribution with all its mass at 0) ≡ the expansion on schedule, bit for bit', () => {
    fc.assert(
      fc.property(world, addMt, fc.integer({ min: 2026, max: 2030 }), fc.integer({ min: 2, max: 2000 }), (x, add, year, paths) => {
        const onTime = simulateVolumes(make({ year, addMt: add }, x), { paths, seed: 'on-time' });
        for (const delayYears of [0, T(0, 0, 0), { dist: 'empirical', values: [0] } as Param]) {
          if (!sameRun(onTime, simulateVolumes(make({ year, addMt: add, delayYears }, x), { paths, seed: 'on-time' }))) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('a whole delay d ≡ the expansion d years later, bit for bit', () => {
    fc.assert(
      fc.property(world, addMt, fc.integer({ min: 2026, max: 2030 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 2000 }), (x, add, year, d, paths) => {
        const later = simulateVolumes(make({ year: year + d, addMt: add }, x), { paths, seed: 'later' });
        for (const delayYears of [d, { dist: 'empirical', values: [d] } as Param]) {
          if (!sameRun(later, simulateVolumes(make({ year, addMt: add, delayYears }, x), { paths, seed: 'later' }))) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('capacity is non-increasing in the delay, on every path and year (and so is volume)', () => {
    fc.assert(
      fc.property(world, addMt, fc.integer({ min: 2026, max: 2030 }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, add, year, d1, d2) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const a = simulateVolumes(make({ year, addMt: add, delayYears: lo }, x), { paths: 400, seed: 'mono' });
        const b = simulateVolumes(make({ year, addMt: add, delayYears: hi }, x), { paths: 400, seed: 'mono' });
        return a.years.every((_, k) => b.capacity[k]!.every((c, i) => c <= a.capacity[k]![i]!) && b.volume[k]!.every((v, i) => v <= a.volume[k]![i]!));
      }),
      { numRuns: 60 },
    );
  });

  it('between whole years the added capacity is addMt × (1 − the delay’s fraction), continuous in the delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (whole, frac, add) => {
        const delayYears = whole + frac;
        const r = simulateVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2032, growth: { model: 'exponential', rate: 0 }, capacity: { baseMt: 6, expansions: [{ year: 2026, addMt: add, delayYears }] } }, { paths: 2, seed: 1 });
        r.years.forEach((year, k) => {
          const share = Math.min(1, Math.max(0, year + 1 - 2026 - delayYears));
          expect(r.capacity[k]![0]!).toBeCloseTo(k === 0 ? 6 : 6 + add * share, 12);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('the baseline preset’s 2026 expansion (issue 21 §1)', () => {
  // Its delay is triangular(0, 0, 2): density (2 − d)/2 on [0, 2], CDF 1 − (2 − d)²/4. It adds to
  // 2026 capacity iff d < 1, with probability 3/4; its share of 2026 is s = max(0, 1 − d), with
  // P(s ≥ 1/2) = P(d ≤ 1/2) = 1 − 1.5²/4 = 7/16 and E[s] = ∫₀¹ (1 − d)(2 − d)/2 dd = 5/12.
  const n = 20_000;
  const year = 2026;
  const without = (s: ScenarioInput): ScenarioInput => ({ ...s, capacity: { ...s.capacity!, expansions: s.capacity!.expansions!.map((e, i) => (i === 0 ? { ...e, addMt: 0 } : e)) } });

  it('is in 2026 capacity on 3/4 of the paths (within 4 SE), as shipped', () => {
    const s = PRESETS.baseline;
    expect(s.capacity!.expansions![0]!.year).toBe(year);
    const a = simulateVolumes(s, { paths: n, seed: 'issue-21' });
    const b = simulateVolumes(without(s), { paths: n, seed: 'issue-21' });
    const k = a.yearIndex(year);
    let inside = 0;
    for (let i = 0; i < n; i++) if (a.capacity[k]![i]! > b.capacity[k]![i]!) inside++;
    expect(Math.abs(inside / n - 3 / 4)).toBeLessThan(4 * Math.sqrt((3 / 16) / n));
  });

  it('adds its share of 2026: P(share ≥ 1/2) = 7/16 and mean share 5/12 (within 4 SE)', () => {
    // addMt 1 and no disruptions, so the 2026 capacity gained is the share itself.
    const s: ScenarioInput = { ...PRESETS.baseline, disruptions: [], capacity: { ...PRESETS.baseline.capacity!, expansions: PRESETS.baseline.capacity!.expansions!.map((e, i) => (i === 0 ? { ...e, addMt: 1 } : e)) } };
    const a = simulateVolumes(s, { paths: n, seed: 'share' });
    const b = simulateVolumes(without(s), { paths: n, seed: 'share' });
    const k = a.yearIndex(year);
    let sum = 0;
    let sum2 = 0;
    let half = 0;
    for (let i = 0; i < n; i++) {
      const share = a.capacity[k]![i]! - b.capacity[k]![i]!;
      sum += share;
      sum2 += share * share;
      if (share >= 0.5) half++;
    }
    const mean = sum / n;
    const se = Math.sqrt((sum2 / n - mean * mean) / (n - 1));
    expect(Math.abs(mean - 5 / 12)).toBeLessThan(4 * se);
    expect(Math.abs(half / n - 7 / 16)).toBeLessThan(4 * Math.sqrt(((7 / 16) * (9 / 16)) / n));
  });

  it('with delayYears 0 it is in 2026 capacity on every path', () => {
    const s = PRESETS.baseline;
    const onTime: ScenarioInput = { ...s, capacity: { ...s.capacity!, expansions: s.capacity!.expansions!.map((e, i) => (i === 0 ? { ...e, delayYears: 0 } : e)) } };
    const a = simulateVolumes(onTime, { paths: 2000, seed: 'issue-21' });
    const b = simulateVolumes(without(onTime), { paths: 2000, seed: 'issue-21' });
    const k = a.yearIndex(year);
    expect(a.capacity[k]!.every((c, i) => c > b.capacity[k]![i]!)).toBe(true);
  });
});
