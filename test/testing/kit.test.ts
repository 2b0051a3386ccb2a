import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, parseScenario, fitRandomWalk, simulateVolumes, type VolumeResult } from '../../src/index.js';
import {
  addingALegNeverShortens,
  blockSizeInvariant,
  capacityMonotoneInDelay,
  observations,
  param,
  probabilityMonotoneInGrowth,
  route,
  scenario,
  seedFixesNumbers,
  volumeWithinCapacity,
  type VolumeSimulator,
} from '../../src/testing/index.js';

describe('middle-corridor/testing: arbitraries generate only valid documents', () => {
  it('every generated scenario parses (10^4 runs)', () => {
    fc.assert(fc.property(scenario(), (s) => void parseScenario(s)), { numRuns: 10_000 });
  });
  it('every generated route parses (10^4 runs)', () => {
    fc.assert(fc.property(route(), (r) => void parseRoute(r)), { numRuns: 10_000 });
  });
  it('constraints hold: horizon range, capacity, growth models, leg counts', () => {
    fc.assert(
      fc.property(scenario({ years: [3, 5], capacity: true, growth: ['logistic'] }), (s) => {
        expect(s.horizon - s.start.year).toBeGreaterThanOrEqual(3);
        expect(s.horizon - s.start.year).toBeLessThanOrEqual(5);
        expect(s.capacity).toBeDefined();
        expect(s.growth.model).toBe('logistic');
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(route({ legs: [2, 3], queues: false }), (r) => {
      expect(r.legs.length).toBeGreaterThanOrEqual(2);
      expect(r.legs.every((l) => l.queue === undefined)).toBe(true);
    }), { numRuns: 300 });
  });
  it('parameters stay inside their bounds, and records fit', () => {
    fc.assert(fc.property(param({ min: 2, max: 3 }), (p) => void parseScenario({ start: { year: 2025, volumeMt: 1 }, horizon: 2026, growth: { model: 'exponential', rate: 0.1 }, capacity: { baseMt: p } })), { numRuns: 2000 });
    fc.assert(fc.property(observations(), (obs) => {
      expect(Number.isFinite(fitRandomWalk(obs).volatility)).toBe(true);
    }), { numRuns: 500 });
  });
});

describe('middle-corridor/testing: the laws hold for generated inputs', () => {
  it('volume never exceeds capacity or demand', () => {
    fc.assert(volumeWithinCapacity(scenario({ years: [1, 6] })), { numRuns: 40 });
  });
  it('P(volume >= x) does not fall when the growth rate rises (common random numbers)', () => {
    fc.assert(probabilityMonotoneInGrowth(scenario({ growth: ['exponential'], years: [1, 5] })), { numRuns: 40 });
  });
  it('an expansion that arrives later never adds capacity (common random numbers)', () => {
    fc.assert(capacityMonotoneInDelay(scenario({ capacity: true, years: [1, 5] })), { numRuns: 60 });
  });
  it('the delay law catches a wrapper whose expansions count from the delay backwards', () => {
    // The wrapper runs each expansion with a numeric delay d at max(0, 3 − d): a later expansion arrives sooner.
    const flip = (d: unknown) => (typeof d === 'number' ? Math.max(0, 3 - d) : d) as number;
    const backwards: VolumeSimulator = (s, o) =>
      simulateVolumes({ ...s, capacity: s.capacity && { ...s.capacity, expansions: s.capacity.expansions?.map((e) => ({ ...e, delayYears: flip(e.delayYears) })) } }, o) as VolumeResult;
    // One expansion of 2 Mt the year after the start, four years simulated: every run with a delay
    // below 3 is a counterexample (the law's bump is at least 1/64), so 50 runs find one whatever the seed.
    const one = scenario({ capacity: true, years: [4, 4] }).map((s) => ({ ...s, capacity: { ...s.capacity!, expansions: [{ year: s.start.year + 1, addMt: 2 }] } }));
    const r = fc.check(capacityMonotoneInDelay(one, { simulate: backwards }), { numRuns: 50 });
    expect(r.failed).toBe(true);
    expect(String(r.errorInstance)).toMatch(/raised path \d+ in \d+: capacity/);
  });
  it('the same seed fixes every number; the block size changes none', () => {
    fc.assert(seedFixesNumbers(scenario({ years: [1, 4] })), { numRuns: 20 });
    fc.assert(blockSizeInvariant(scenario({ years: [1, 3], maxDisruptions: 1 })), { numRuns: 3 });
  });
  it('adding a leg never shortens a trip', () => {
    fc.assert(addingALegNeverShortens(route({ legs: [2, 5] })), { numRuns: 40 });
  });
  it('a law catches a wrapper that breaks it (the laws can fail)', () => {
    // A wrapper that reports volume 1 % above what was simulated breaks volume <= capacity.
    const inflating: VolumeSimulator = (s, o) => {
      const r = simulateVolumes(s, o) as VolumeResult;
      return { ...r, years: r.years, demand: r.demand, capacity: r.capacity, probabilityAtLeast: r.probabilityAtLeast.bind(r), volume: r.volume.map((v) => v.map((x) => x * 1.01)) };
    };
    const r = fc.check(volumeWithinCapacity(scenario({ capacity: true, years: [1, 3] }), { simulate: inflating }), { numRuns: 50 });
    expect(r.failed).toBe(true);
    expect(String(r.errorInstance)).toMatch(/exceeds demand/);
  });
});
