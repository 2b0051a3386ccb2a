import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allenCunneenWait,
  compareRoutes,
  erlangC,
  moments,
  parseRoute,
  ROUTES,
  ScenarioError,
  simulateCorridor,
  simulateTransit,
  type LegInput,
  type RouteInput,
} from 'middle-corridor';
import { REF, closeRel, sampleStats } from '../helpers.js';

const queueRoute = (servers: number, over: Partial<LegInput['queue']> = {}): RouteInput => ({
  name: 'queue only',
  legs: [{ name: 'q', mode: 'port', days: 0, queue: { capacityMt: 10, servers, serviceDays: 2, ...over } }],
});

describe('Erlang C and Allen–Cunneen', () => {
  it('erlangC equals the textbook sum (reference.py)', () => {
    for (const { c, a, C } of REF.erlangC) expect(closeRel(erlangC(c, a), C, 1e-12)).toBe(true);
  });
  it('Wq is exact for M/M/1: ρ/(1 − ρ) · service', () => {
    expect(allenCunneenWait({ servers: 1, serviceDays: 2, arrivalCv: 1, serviceCv: 1 }, 0.8)).toBeCloseTo((0.8 / 0.2) * 2, 12);
  });
  it('rejects loads at or above the servers', () => {
    expect(() => erlangC(2, 2)).toThrow(/erlangC: offeredLoad must be a number in \[0, 2\)/);
    expect(() => erlangC(0, 0.1)).toThrow(/erlangC: servers must be a whole number in \[1, 1000\]/);
  });
});

describe('closed forms (docs/design.md, "Transit")', () => {
  const n = 200_000;

  it('independent triangular and uniform legs: the mean is the sum of means, the variance the sum of variances (4 SE)', () => {
    const legs: LegInput[] = [
      { name: 'a', mode: 'rail', days: { dist: 'triangular', min: 2, mode: 2, max: 4 } },
      { name: 'b', mode: 'rail', days: { dist: 'triangular', min: 5, mode: 6, max: 12 } },
      { name: 'c', mode: 'sea', days: { dist: 'uniform', min: 5, max: 14 } },
    ];
    const t = simulateTransit({ name: 'r', legs }, { trips: n, seed: 'sums' });
    const s = sampleStats(t.days);
    const want = legs.map((l) => moments(l.days));
    expect(Math.abs(s.mean - want.reduce((a, m) => a + m.mean, 0))).toBeLessThan(4 * s.seMean);
    expect(Math.abs(s.variance - want.reduce((a, m) => a + m.variance, 0))).toBeLessThan(4 * s.seVariance);
    expect(t.mean.estimate).toBeCloseTo(s.mean, 10);
    expect(t.mean.standardError).toBeCloseTo(s.seMean, 10);
    const shares = t.legs().map((l) => l.varianceShare);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  for (const [c, rho] of [
    [1, 0.5],
    [1, 0.9],
    [3, 0.7],
    [6, 0.95],
  ] as const) {
    it(`M/M/${c} at ρ = ${rho}: P(wait) is Erlang C and the mean wait is Wq (4 SE)`, () => {
      const t = simulateTransit(queueRoute(c), { trips: n, seed: `mmc-${c}-${rho}`, volumeMt: 10 * rho });
      const C = erlangC(c, c * rho);
      const wq = allenCunneenWait({ servers: c, serviceDays: 2, arrivalCv: 1, serviceCv: 1 }, rho);
      const waited = 1 - t.probabilityWithin(0).estimate;
      expect(Math.abs(waited - C)).toBeLessThan(4 * Math.sqrt((C * (1 - C)) / n));
      const s = sampleStats(t.days);
      expect(Math.abs(s.mean - wq)).toBeLessThan(4 * s.seMean);
      expect(t.legs()[0]!.waited.estimate).toBeCloseTo(waited, 12);
    });
  }

  it('G/G/c: the mean wait scales with (ca² + cs²)/2', () => {
    const t = simulateTransit(queueRoute(2, { arrivalCv: 1.5, serviceCv: 0.5 }), { trips: n, seed: 'ggc', volumeMt: 8 });
    const s = sampleStats(t.days);
    expect(Math.abs(s.mean - allenCunneenWait({ servers: 2, serviceDays: 2, arrivalCv: 1.5, serviceCv: 0.5 }, 0.8))).toBeLessThan(4 * s.seMean);
  });

  it('a delay with probability p adds p·E[delay] to the mean (4 SE)', () => {
    const t = simulateTransit({ name: 'r', legs: [{ name: 'a', mode: 'ferry', days: 1, delay: { probability: 0.3, days: { dist: 'uniform', min: 2, max: 4 } } }] }, { trips: n, seed: 'delay' });
    const s = sampleStats(t.days);
    expect(Math.abs(s.mean - (1 + 0.3 * 3))).toBeLessThan(4 * s.seMean);
    expect(Math.abs(t.legs()[0]!.delayed.estimate - 0.3)).toBeLessThan(4 * Math.sqrt(0.21 / n));
  });

  it('utilisation at or above the cap is capped, reported as saturated, and stays finite', () => {
    const t = simulateTransit(queueRoute(2), { trips: 10_000, seed: 'sat', volumeMt: 50 });
    expect(t.saturated).toEqual({ estimate: 1, standardError: 0 });
    expect(t.legs()[0]!.saturated).toEqual(t.saturated);
    const capped = simulateTransit(queueRoute(2), { trips: 10_000, seed: 'sat', volumeMt: 9.8 });
    expect(Array.from(t.days)).toEqual(Array.from(capped.days));
    expect(t.days.every(Number.isFinite)).toBe(true);
  });
});

describe('agreement with the numpy reference (test/fixtures/numpy-transit.json)', () => {
  const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/numpy-transit.json', import.meta.url)), 'utf8'));
  const t = simulateTransit(fixture.case.route as RouteInput, { trips: 400_000, seed: 'numpy-check', volumeMt: fixture.case.volumeMt });
  const res = fixture.results;

  it('P(≤ within) and the share saturated agree within 4 combined SE', () => {
    const w = t.probabilityWithin(res.within);
    expect(Math.abs(w.estimate - res.pWithin)).toBeLessThan(4 * Math.hypot(w.standardError, res.pWithinSE));
    const seSat = Math.sqrt(res.saturated * (1 - res.saturated) * (1 / t.trips + 1 / fixture.n));
    expect(Math.abs(t.saturated.estimate - res.saturated)).toBeLessThan(4 * seSat);
  });

  it('numpy’s P50, P90, P95 sit at our 50th, 90th, 95th percentiles (4 combined SE)', () => {
    for (const [p, q] of [
      [0.5, res.p50],
      [0.9, res.p90],
      [0.95, res.p95],
    ] as const) {
      const f = t.probabilityWithin(q).estimate;
      expect(Math.abs(f - p)).toBeLessThan(4 * Math.sqrt(p * (1 - p) * (1 / t.trips + 1 / fixture.n)));
    }
  });
});

describe('laws (fast-check)', () => {
  const tri = fc
    .tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }))
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number])
    .map(([min, mode, max]) => ({ dist: 'triangular' as const, min, mode, max }));
  const leg = (name: string) =>
    fc.record({
      days: tri,
      p: fc.double({ min: 0, max: 1, noNaN: true }),
      servers: fc.integer({ min: 1, max: 8 }),
      cap: fc.double({ min: 0.5, max: 20, noNaN: true }),
      queue: fc.boolean(),
    }).map((x): LegInput => ({
      name,
      mode: 'rail',
      days: x.days,
      delay: { probability: x.p, days: { dist: 'uniform', min: 0, max: 5 } },
      ...(x.queue ? { queue: { capacityMt: x.cap, servers: x.servers, serviceDays: 1.5, arrivalCv: 1.2 } } : {}),
    }));

  it('adding a leg never shortens any trip (same seed)', () => {
    fc.assert(
      fc.property(fc.array(leg('x'), { minLength: 1, maxLength: 4 }), leg('extra'), fc.double({ min: 0, max: 30, noNaN: true }), (legs, extra, volumeMt) => {
        const named = legs.map((l, i) => ({ ...l, name: `leg ${i}` }));
        const a = simulateTransit({ name: 'a', legs: named }, { trips: 300, seed: 'add', volumeMt });
        const b = simulateTransit({ name: 'b', legs: [...named.slice(0, 1), extra, ...named.slice(1)] }, { trips: 300, seed: 'add', volumeMt });
        for (let i = 0; i < 300; i++) if (!(b.days[i]! >= a.days[i]! - 1e-9)) throw new Error(`trip ${i} got shorter`);
      }),
      { numRuns: 60 },
    );
  });

  it('the wait is non-decreasing in volume, trip by trip, and finite for any utilisation', () => {
    fc.assert(
      fc.property(leg('q'), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (l, v1, v2) => {
        const route = { name: 'r', legs: [{ ...l, queue: { capacityMt: 6, servers: 3, serviceDays: 2 } }] };
        const [lo, hi] = v1 < v2 ? [v1, v2] : [v2, v1];
        const a = simulateTransit(route, { trips: 300, seed: 'mono', volumeMt: lo });
        const b = simulateTransit(route, { trips: 300, seed: 'mono', volumeMt: hi });
        for (let i = 0; i < 300; i++) {
          if (!(Number.isFinite(b.days[i]!) && b.days[i]! >= a.days[i]!)) throw new Error(`trip ${i}: ${a.days[i]} then ${b.days[i]}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('same seed → identical trips', () => {
    fc.assert(
      fc.property(fc.array(leg('x'), { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 700 }), (legs, trips) => {
        const route = { name: 'r', legs: legs.map((l, i) => ({ ...l, name: `l${i}` })) };
        expect(simulateTransit(route, { trips, seed: 9, volumeMt: 3 }).days).toEqual(simulateTransit(route, { trips, seed: 9, volumeMt: 3 }).days);
      }),
      { numRuns: 30 },
    );
  });

  it('a corridor run with constant demand equals the standalone run at that volume', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 12, noNaN: true }), fc.integer({ min: 2, max: 300 }), fc.integer({ min: 1, max: 3 }), (v, paths, tripsPerPath) => {
        const route = ROUTES['corridor-poti'];
        const c = simulateCorridor({ start: { year: 2025, volumeMt: v }, horizon: 2027, growth: { model: 'exponential', rate: 0 } }, route, { paths, seed: 'couple', tripsPerPath });
        const alone = simulateTransit(route, { trips: paths * tripsPerPath, seed: 'couple', volumeMt: v });
        for (const year of [2025, 2026, 2027]) expect(c.transit(year).days).toEqual(alone.days);
      }),
      { numRuns: 25 },
    );
  });
});

describe('routes, comparison and coupling', () => {
  it('every built-in route parses, and every leg names a source or says it is an estimate', () => {
    for (const r of Object.values(ROUTES)) {
      const p = parseRoute(r);
      expect(p.source).toBeTruthy();
      for (const l of p.legs) expect(l.source).toMatch(/estimate|https?:\/\//);
    }
    expect(parseRoute(ROUTES['corridor-poti']).legs.find((l) => l.queue)!.name).toMatch(/Caspian/);
  });

  it('compareRoutes: one row per route, paired differences from the first', () => {
    const cmp = compareRoutes([ROUTES['corridor-poti'], ROUTES['corridor-btk'], ROUTES['suez-sea']], { trips: 20_000, seed: 'cmp' });
    expect(cmp.kind).toBe('route-comparison');
    expect(cmp.seed).toBe('cmp');
    const rows = cmp.rows;
    expect(rows.map((r) => r.route)).toEqual(['corridor-poti', 'corridor-btk', 'suez-sea']);
    expect(rows[0]!.difference).toBeNull();
    expect(rows[1]!.difference!.estimate).toBeCloseTo(rows[1]!.mean.estimate - rows[0]!.mean.estimate, 9);
    expect(rows[1]!.probabilityWithin).toEqual(simulateTransit(ROUTES['corridor-btk'], { trips: 20_000, seed: 'cmp' }).probabilityWithin(15));
    expect(JSON.parse(JSON.stringify(cmp))).toEqual({ kind: 'route-comparison', seed: 'cmp', trips: 20_000, within: 15, volumeMt: null, rows });
    // The three shared legs carry about 73 % of each route's variance and draw the same numbers,
    // so the paired SE is about √0.27 ≈ 0.52 of the unpaired one; it must at least be well below.
    const unpaired = Math.hypot(simulateTransit(ROUTES['corridor-poti'], { trips: 20_000, seed: 'cmp' }).mean.standardError, simulateTransit(ROUTES['corridor-btk'], { trips: 20_000, seed: 'cmp' }).mean.standardError);
    expect(rows[1]!.difference!.standardError).toBeLessThan(0.7 * unpaired);
    expect(rows[0]!.sources.length).toBeGreaterThan(3);
  });

  it('the corridor’s minimum trip is 17.5 days, so P(≤ 15 days) is exactly 0 under its priors', () => {
    const t = simulateTransit(ROUTES['corridor-poti'], { trips: 50_000, seed: 'min' });
    expect(Math.min(...t.days.subarray(0, 50_000))).toBeGreaterThanOrEqual(17.5);
    expect(t.probabilityWithin(15)).toEqual({ estimate: 0, standardError: 0 });
  });

  it('coupled: queues follow each path’s demand over the scenario capacity when asked', () => {
    const s = { start: { year: 2025, volumeMt: 4 }, horizon: 2026, growth: { model: 'exponential' as const, rate: 0.5 }, capacity: { baseMt: 6 } };
    const c = simulateCorridor(s, ROUTES['corridor-poti'], { paths: 2000, seed: 'cap', useScenarioCapacity: true });
    // 2026: demand 6 on capacity 6 → ρ = 1 → capped: every trip saturated.
    expect(c.transit(2026).saturated.estimate).toBe(1);
    expect(c.transit(2025).saturated.estimate).toBe(0);
    expect(c.summary().map((r) => r.year)).toEqual([2025, 2026]);
  });
});

describe('bad input', () => {
  it('a queue with a volume but no capacity names the leg', () => {
    const r: RouteInput = { name: 'r', legs: [{ name: 'rail', mode: 'rail', days: 1 }, { name: 'port', mode: 'port', days: 1, queue: { servers: 2, serviceDays: 1 } }] };
    expect(() => simulateTransit(r, { trips: 10, seed: 1, volumeMt: 3 })).toThrow(/legs\[1\] \(port\)\.queue: a volume is given but the queue has no capacityMt/);
    expect(() => simulateCorridor({ start: { year: 2025, volumeMt: 3 }, horizon: 2026, growth: { model: 'exponential', rate: 0 } }, r, { paths: 5, seed: 1 })).toThrow(/legs\[1\] \(port\)\.queue: has no capacityMt and the scenario has no capacity/);
    expect(simulateTransit(r, { trips: 10, seed: 1 }).mean).toEqual({ estimate: 2, standardError: 0 }); // without a volume the queue adds nothing
  });

  it('days < 0 and servers that are not positive whole numbers are refused with the leg’s path', () => {
    expect(() => simulateTransit({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: -1 }] }, { trips: 2, seed: 1 })).toThrow(ScenarioError);
    try {
      simulateTransit({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: 1, queue: { capacityMt: 5, servers: 1.5, serviceDays: 1 } }] }, { trips: 2, seed: 1 });
    } catch (e) {
      expect((e as ScenarioError).issues[0]!.path).toEqual(['legs', 0, 'queue', 'servers']);
    }
  });

  it('trips, volume, tripsPerPath and the threshold are checked', () => {
    const r = ROUTES['suez-sea'];
    expect(() => simulateTransit(r, { trips: 0, seed: 1 })).toThrow(/simulateTransit: trips must be a whole number in \[2, 50000000\]/);
    expect(() => simulateTransit(r, { trips: 10, seed: 1, volumeMt: -1 })).toThrow(/simulateTransit: volumeMt must be a finite number >= 0/);
    expect(() => simulateTransit(r, { trips: 10, seed: 1 }).quantile(2)).toThrow(/TransitSample.quantile: p must be a number in \[0, 1\]/);
    expect(() => simulateTransit(r, { trips: 10, seed: 1 }).probabilityWithin(NaN)).toThrow(/TransitSample.probabilityWithin: days must be a finite number/);
    expect(() => compareRoutes([], { trips: 10, seed: 1 })).toThrow(/compareRoutes: routes must hold 1 to 100 routes/);
    expect(() => simulateCorridor({ start: { year: 2025, volumeMt: 3 }, horizon: 2026, growth: { model: 'exponential', rate: 0 } }, r, { paths: 5, seed: 1, tripsPerPath: 0 })).toThrow(/simulateCorridor: tripsPerPath must be a whole number/);
  });
});

describe('compareRoutes: every statistic paired against the first route', () => {
  it('differences equal the difference of the statistics, pairing beats independent runs, and a route against itself is 0 ± 0', () => {
    const c = compareRoutes([ROUTES['corridor-poti'], ROUTES['corridor-btk'], ROUTES['corridor-poti']], { trips: 20_000, seed: 3, within: 35, volumeMt: 4.119 });
    const [a, b, self] = c.rows;
    expect(a!.differences).toBeNull();
    const d = b!.differences!;
    expect(d.p50.difference.estimate).toBeCloseTo(b!.p50 - a!.p50, 12);
    expect(d.p90.difference.estimate).toBeCloseTo(b!.p90 - a!.p90, 12);
    expect(d.probabilityWithin.difference.estimate).toBeCloseTo(b!.probabilityWithin.estimate - a!.probabilityWithin.estimate, 12);
    expect(d.mean.difference.estimate).toBeCloseTo(b!.difference!.estimate, 12);
    // The two corridor routes share their eastern legs: pairing removes most of the variance.
    expect(d.mean.varianceReduction!).toBeGreaterThan(2);
    for (const x of Object.values(self!.differences!)) expect(x.difference).toEqual({ estimate: 0, standardError: 0 });
  });
});
