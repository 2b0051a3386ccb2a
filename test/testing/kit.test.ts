import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, parseScenario, fitRandomWalk, simulateVolumes, type VolumeResult } from '../../src/index.js';
import { paramArg } from '../../src/random/check.js';
import { moments } from '../../src/random/moments.js';
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

describe('middle-corridor/testing: constraints the library cannot honour are refused, never turned into invalid documents', () => {
  it('scenario, route, param and observations refuse constraints beyond the library limits, naming them', () => {
    expect(() => scenario({ years: [1, 150] })).toThrow(/^scenario: years must be \[lo, hi\] with 0 <= lo <= hi <= 100, whole numbers \(got \[1,150\]\)/);
    expect(() => scenario({ startMt: [0, 1] })).toThrow(/^scenario: startMt must be \[lo, hi\] with 0\.000001 <= lo <= hi <= 1000000/);
    expect(() => scenario({ startMt: [5e-324, 5e-324] })).toThrow(/^scenario: startMt must be \[lo, hi\] with 0\.000001 <= lo/);
    expect(() => scenario({ startMt: [1e-6, 1e-6] })).not.toThrow();
    expect(() => scenario({ maxDisruptions: 150 })).toThrow(/^scenario: maxDisruptions must be a whole number in \[0, 100\] \(got 150\)/);
    expect(() => scenario({ startYear: [2 ** 53, 2 ** 53] })).toThrow(RangeError);
    expect(() => scenario({ growth: [] })).toThrow(TypeError);
    expect(() => scenario({ growth: ['linear' as never] })).toThrow(/growth must be a non-empty array of 'exponential', 'logistic', 'gompertz', 'piecewise' \(got "linear"\)/);
    expect(() => scenario({ yeras: [1, 2] } as never)).toThrow(/scenario: unknown option 'yeras'/);
    expect(() => route({ legs: [0, 3] })).toThrow(/^route: legs must be \[lo, hi\] with 1 <= lo <= hi <= 100, whole numbers \(got \[0,3\]\)/);
    expect(() => route({ legs: [1, 200] })).toThrow(RangeError);
    expect(() => route({ maxDays: 5000 })).toThrow(/^route: maxDays must be a number in \(0, 3650\] \(got 5000\)/);
    expect(() => route({ maxDays: 0 })).toThrow(RangeError);
    expect(() => param({ min: -1e308, max: 1e308 })).toThrow(/^param: needs min <= max, both in \[-1e\+150, 1e\+150\]/);
    expect(() => param({ min: 2, max: 1 })).toThrow(RangeError);
    expect(() => param({ min: 0, max: 1, dists: ['cauchy' as never] })).toThrow(/dists must be a non-empty array/);
    expect(() => observations({ years: [0, 3] })).toThrow(RangeError);
  });

  it('at the edges of what is allowed, every generated document still parses, and parameters keep finite moments', () => {
    fc.assert(fc.property(scenario({ years: [100, 100], startMt: [1e5, 1e6], maxDisruptions: 100, startYear: [999_890, 999_900] }), (s) => void parseScenario(s)), { numRuns: 30 });
    fc.assert(fc.property(route({ legs: [100, 100], maxDays: 3650 }), (r) => void parseRoute(r)), { numRuns: 20 });
    fc.assert(
      fc.property(param({ min: -1e150, max: 1e150 }), (p) => {
        const m = moments(paramArg('test', 'p', p));
        expect(Number.isFinite(m.mean) && Number.isFinite(m.variance)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('middle-corridor/testing: documents at the edges of the constraints parse and simulate', () => {
  it('the smallest start volume: every logistic and Gompertz capacity stays above it, every document parses', () => {
    fc.assert(fc.property(scenario({ startMt: [1e-6, 1e-6], growth: ['logistic', 'gompertz'] }), (s) => {
      expect((s.growth as { capacityMt: number }).capacityMt).toBeGreaterThan(s.start.volumeMt);
      parseScenario(s);
    }), { numRuns: 300, seed: 1 });
  });

  it('the largest start volume over 100 years: every document simulates (piecewise points cover the run), and volume stays within capacity', () => {
    const edge = scenario({ startMt: [1e6, 1e6], years: [100, 100] });
    fc.assert(fc.property(edge, (s) => {
      if (s.growth.model === 'piecewise') expect(s.growth.points.at(-1)!.year).toBe(s.horizon);
      const r = simulateVolumes(s, { paths: 50, seed: 'edge' });
      for (const v of r.volume) for (const x of v) expect(x).toBeLessThan(1e100);
    }), { numRuns: 30, seed: 2 });
    fc.assert(volumeWithinCapacity(edge), { numRuns: 10, seed: 3 });
  });

  it('piecewise points are whole years in strictly increasing order from two years before the start to the horizon', () => {
    fc.assert(fc.property(scenario({ growth: ['piecewise'], years: [0, 100] }), (s) => {
      if (s.growth.model !== 'piecewise') throw new Error(`asked for piecewise growth, got ${s.growth.model}`);
      const ys = s.growth.points.map((p) => p.year);
      expect(ys[0]).toBe(s.start.year - 2);
      expect(ys.at(-1)).toBe(s.horizon);
      ys.forEach((y, i) => i > 0 && expect(y).toBeGreaterThan(ys[i - 1]!));
    }), { numRuns: 500, seed: 4 });
  });
});

describe('middle-corridor/testing: the laws check their arguments', () => {
  const laws = { volumeWithinCapacity, probabilityMonotoneInGrowth, capacityMonotoneInDelay, blockSizeInvariant, seedFixesNumbers, addingALegNeverShortens } as Record<string, (a: unknown, o?: unknown) => unknown>;
  for (const [name, law] of Object.entries(laws)) {
    it(`${name} refuses unknown options, a simulate that is not a function, and a first argument that is not an arbitrary`, () => {
      const arb = name === 'addingALegNeverShortens' ? route() : scenario();
      expect(() => law(arb, { runs: 5 })).toThrow(new RegExp(`^${name}: unknown option 'runs' \\(allowed: simulate\\)`));
      expect(() => law(arb, { runs: 5 })).toThrow(TypeError);
      expect(() => law(arb, { simulate: 5 })).toThrow(new RegExp(`^${name}: simulate must be a function`));
      expect(() => law(arb, null)).toThrow(new RegExp(`^${name}: options must be an object`));
      for (const bad of [5, null, undefined, {}, [scenario()], { generate: 1, shrink: 1, canShrinkWithoutContext: 1 }]) {
        expect(() => law(bad)).toThrow(new RegExp(`^${name}: the first argument must be a fast-check arbitrary`));
        expect(() => law(bad)).toThrow(TypeError);
      }
      expect(() => law(arb, { simulate: undefined })).not.toThrow();
      expect(() => law(arb)).not.toThrow();
    });
  }
});

describe('middle-corridor/testing: no law passes vacuously', () => {
  it('a law fails on a wrapper that returns NaN days or no paths, instead of comparing nothing', () => {
    const nanDays = fc.check(addingALegNeverShortens(route({ legs: [2, 3] }), { simulate: (_r, o) => ({ days: new Float64Array(o.trips).fill(Number.NaN) }) }), { numRuns: 5 });
    expect(String(nanDays.errorInstance)).toMatch(/trip 0 without the last leg took NaN days/);
    const noTrips = fc.check(addingALegNeverShortens(route({ legs: [2, 3] }), { simulate: () => ({ days: new Float64Array(0) }) }), { numRuns: 5 });
    expect(String(noTrips.errorInstance)).toMatch(/has 0 trips, not 300/);
    const empty: VolumeSimulator = (s, o) => {
      const r = simulateVolumes(s, o) as VolumeResult;
      return { years: r.years, demand: [], capacity: [], volume: [], probabilityAtLeast: r.probabilityAtLeast.bind(r) };
    };
    for (const law of [volumeWithinCapacity, seedFixesNumbers, blockSizeInvariant] as const) {
      const r = fc.check(law(scenario({ years: [1, 2] }), { simulate: empty }) as fc.IProperty<unknown[]>, { numRuns: 3 });
      expect(String(r.errorInstance)).toMatch(/the run's volume has 0 years/);
    }
  });

  it('a law that needs a kind of input fails when the generator gives too few of them (fast-check pre-conditions)', () => {
    const r = fc.check(probabilityMonotoneInGrowth(scenario({ growth: ['logistic'] })), { numRuns: 20 });
    expect(r.failed).toBe(true);
    expect(r.numSkips).toBeGreaterThan(0);
    expect(r.numRuns).toBe(0);
    const legs = fc.check(addingALegNeverShortens(route({ legs: [1, 1] })), { numRuns: 20 });
    expect(legs.failed).toBe(true);
    const expansions = fc.check(capacityMonotoneInDelay(scenario({ capacity: false })), { numRuns: 20 });
    expect(expansions.failed).toBe(true);
  });

  it('the growth law compares probabilities that are not all 0 or 1: it catches a wrapper that lowers P at a middle threshold', () => {
    // A wrapper that scales volume down as the rate rises — by (1 + rate)^10, more than the rate
    // raises it over the run's ≤ 4 years, so every path falls for any bump > 0: a law that compared
    // only P = 0 or 1 would miss it.
    const falling: VolumeSimulator = (s, o) => {
      const rate = s.growth.model === 'exponential' && typeof s.growth.rate === 'number' ? s.growth.rate : 0;
      const r = simulateVolumes(s, o) as VolumeResult;
      const volume = r.volume.map((v) => v.map((x) => x / Math.pow(1 + rate, 10)));
      const probabilityAtLeast = (year: number, x: number) => {
        const v = volume[r.years.indexOf(year)]!;
        return { estimate: v.filter((y) => y >= x).length / v.length, standardError: 0 };
      };
      return { years: r.years, demand: r.demand, capacity: r.capacity, volume, probabilityAtLeast };
    };
    const exp = scenario({ growth: ['exponential'], years: [2, 4], capacity: false }).map((s) => ({ ...s, volatility: 0.3, growth: { model: 'exponential' as const, rate: 0.2 } }));
    const r = fc.check(probabilityMonotoneInGrowth(exp, { simulate: falling }), { numRuns: 30 });
    expect(r.failed).toBe(true);
    expect(String(r.errorInstance)).toMatch(/fell from/);
  });
});
