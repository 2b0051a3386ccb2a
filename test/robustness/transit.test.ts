/**
 * Issue 10, transit: every failure found by the adversarial tries is a test here (each describe
 * block quotes the call), plus a property that throws arbitrary values at every options object
 * and at the queue helpers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allenCunneenWait,
  compareRoutes,
  CorridorResult,
  erlangC,
  moments,
  parseRoute,
  PRESETS,
  RouteComparison,
  ROUTE_LIMITS,
  ROUTES,
  ScenarioError,
  simulateCorridor,
  simulateTransit,
  TransitSample,
  type LegInput,
  type RouteInput,
  type ScenarioInput,
} from 'middle-corridor';
import { runTrips } from '../../src/transit/kernel.js';
import { sampleStats } from '../helpers.js';

const issueAt = (f: () => unknown, path: (string | number)[]): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const hit = (e as ScenarioError).issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(hit, `no issue at ${JSON.stringify(path)}: ${(e as Error).message}`).toBeDefined();
    return hit!.message;
  }
  throw new Error('did not throw');
};

const one = (leg: Partial<LegInput>): RouteInput => ({ name: 'r', legs: [{ name: 'a', mode: 'port', days: 1, ...leg }] });
const queued = (queue: Partial<NonNullable<LegInput['queue']>>): RouteInput => one({ queue: { capacityMt: 10, servers: 2, serviceDays: 2, ...queue } });

/** Every number in a JSON value is finite, and no typed array or index-keyed object hides in it. */
function assertPlainFinite(x: unknown, at = '$'): void {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`${at} is ${x}`);
  } else if (Array.isArray(x)) x.forEach((v, i) => assertPlainFinite(v, `${at}[${i}]`));
  else if (x !== null && typeof x === 'object') {
    if (ArrayBuffer.isView(x)) throw new Error(`${at} is a typed array`);
    const keys = Object.keys(x);
    if (keys.length > 20 && keys.every((k) => /^\d+$/.test(k))) throw new Error(`${at} is an index-keyed object`);
    for (const k of keys) assertPlainFinite((x as Record<string, unknown>)[k], `${at}.${k}`);
  }
}
const json = (r: { toJSON(): unknown }) => JSON.parse(JSON.stringify(r)) as unknown;

const FLAT: ScenarioInput = { start: { year: 2025, volumeMt: 4 }, horizon: 2027, growth: { model: 'exponential', rate: 0 }, capacity: { baseMt: 6 } };

describe("simulateTransit(queue with servers: 1e7, …): bounded, and Erlang C once per distinct utilisation", () => {
  it('servers outside [1, 1000] is a ScenarioError at the queue', () => {
    expect(issueAt(() => simulateTransit(queued({ servers: 1e7 }), { trips: 2000, seed: 1, volumeMt: 5 }), ['legs', 0, 'queue', 'servers'])).toBe('must be a whole number in [1, 1000] (got 10000000)');
    expect(issueAt(() => parseRoute(queued({ servers: 0 })), ['legs', 0, 'queue', 'servers'])).toMatch(/\[1, 1000\]/);
  });

  it('1000 servers and 1,000,000 trips at one utilisation: Erlang C is not looped per trip (well under a second)', () => {
    const t0 = performance.now();
    const t = simulateTransit(queued({ servers: 1000, capacityMt: 10 }), { trips: 1_000_000, seed: 1, volumeMt: 9.9 });
    const ms = performance.now() - t0;
    // Per trip, 10^6 × 1000 Erlang-B steps took seconds; once per utilisation it is the draws alone.
    expect(ms).toBeLessThan(1500);
    expect(t.legs()[0]!.waited.estimate).toBeGreaterThan(0);
  });

  it('a corridor run with 1000 servers: once per path-year, and the same trips as a per-trip evaluation', () => {
    const route = queued({ servers: 1000, capacityMt: 10 });
    const c = simulateCorridor({ ...FLAT, growth: { model: 'exponential', rate: 0.3 }, volatility: 0.2 }, route, { paths: 20_000, seed: 2, tripsPerPath: 5 });
    // A year with constant demand equals the standalone run; the memo must not change a bit.
    const flat = simulateCorridor({ start: { year: 2025, volumeMt: 9.5 }, horizon: 2026, growth: { model: 'exponential', rate: 0 } }, route, { paths: 300, seed: 3, tripsPerPath: 2 });
    expect(flat.transit(2026).days).toEqual(simulateTransit(route, { trips: 600, seed: 3, volumeMt: 9.5 }).days);
    expect(c.transit(2027).legs()[0]!.waited.estimate).toBeGreaterThan(0);
  });
});

describe("simulateTransit(one({ days: 1e200 }), …).legs()[0].sdDays and other overflows: refused by the route's limits", () => {
  it.each([
    ['days: 1e200', one({ days: 1e200 }), ['legs', 0, 'days'], 'must be in [0, 3650] (got 1e+200)'],
    ['days: 1e308', one({ days: 1e308 }), ['legs', 0, 'days'], 'must be in [0, 3650] (got 1e+308)'],
    ['days: triangular up to 1e308', one({ days: { dist: 'triangular', min: 1, mode: 2, max: 1e308 } }), ['legs', 0, 'days', 'max'], /must be in \[0, 3650\] \(got 1e\+308\)/],
    ['days: normal without max', one({ days: { dist: 'normal', mean: 5, sd: 1, min: 0 } }), ['legs', 0, 'days'], /give it max/],
    ['delay days: 1e308', one({ delay: { probability: 0.5, days: 1e308 } }), ['legs', 0, 'delay', 'days'], /in \[0, 3650\]/],
    ['arrivalCv: 1e200', queued({ arrivalCv: 1e200 }), ['legs', 0, 'queue', 'arrivalCv'], 'must be in [0, 100] (got 1e+200)'],
    ['serviceCv: 101', queued({ serviceCv: 101 }), ['legs', 0, 'queue', 'serviceCv'], 'must be in [0, 100] (got 101)'],
    ['serviceDays: 1e308', queued({ serviceDays: 1e308 }), ['legs', 0, 'queue', 'serviceDays'], 'must be in (0, 365] (got 1e+308)'],
  ] as const)('%s', (_what, route, path, message) => {
    const m = issueAt(() => simulateTransit(route, { trips: 100, seed: 1, volumeMt: 5 }), [...path]);
    if (typeof message === 'string') expect(m).toBe(message);
    else expect(m).toMatch(message);
  });

  it('at every limit at once (100 legs of 3650 days plus 3650-day delays, cv 100, 365 service days, one server at ρ → 1) every trip and statistic is finite', () => {
    const legs: LegInput[] = Array.from({ length: 100 }, (_, i) => ({
      name: `leg ${i}`,
      mode: 'port',
      days: { dist: 'uniform', min: 3000, max: 3650 },
      delay: { probability: 1, days: 3650 },
      queue: { capacityMt: 1e-300, servers: 1, serviceDays: 365, arrivalCv: 100, serviceCv: 100, maxUtilisation: 1 - 2 ** -53 },
    }));
    const t = simulateTransit({ name: 'extreme', legs }, { trips: 20_000, seed: 'limits', volumeMt: 1e308 });
    expect(t.days.every(Number.isFinite)).toBe(true);
    expect(t.saturated.estimate).toBe(1);
    for (const l of t.legs()) expect(Number.isFinite(l.sdDays) && Number.isFinite(l.varianceShare)).toBe(true);
    assertPlainFinite(json(t));
    expect(Number.isFinite(t.quantile(0.5))).toBe(true);
  });

  it('ordinary routes are unchanged by the limits: leg statistics are finite and the variance shares sum to 1', () => {
    const t = simulateTransit(ROUTES['corridor-poti'], { trips: 50_000, seed: 'ordinary', volumeMt: 5.5 });
    expect(t.legs().reduce((s, l) => s + l.varianceShare, 0)).toBeCloseTo(1, 10);
    assertPlainFinite(json(t));
  });
});

describe('simulateCorridor(scenario whose capacity is NaN or 0, route on the scenario capacity): refused, never a silent zero wait', () => {
  const route = ROUTES['corridor-poti'];

  it('capacity 0 (baseMt 1e-300 × capacityFactor 1e-300) is refused with the year and path', () => {
    const s: ScenarioInput = { ...FLAT, capacity: { baseMt: 1e-300 }, disruptions: [{ name: 'cut', probability: 1, capacityFactor: 1e-300 }] };
    expect(() => simulateCorridor(s, route, { paths: 50, seed: 1, useScenarioCapacity: true })).toThrow(/capacity/i);
  });

  it('an overflowing capacity factor (1e308) is refused, not run with no wait', () => {
    const s: ScenarioInput = { ...FLAT, capacity: { baseMt: 10 }, disruptions: [{ name: 'boom', probability: 0.5, capacityFactor: 1e308 }] };
    expect(() => simulateCorridor(s, route, { paths: 50, seed: 1, useScenarioCapacity: true })).toThrow(/capacity/i);
  });

  it('the kernel itself refuses a NaN or non-positive capacity and a NaN or infinite volume, naming the leg', () => {
    const r = parseRoute({ name: 'r', legs: [{ name: 'port', mode: 'port', days: 1, queue: { servers: 2, serviceDays: 1 } }] });
    for (const [volume, capacity] of [
      [5, NaN],
      [5, 0],
      [5, -1],
      [5, Infinity],
      [NaN, 6],
      [Infinity, 6],
      [-1, 6],
    ]) {
      expect(() => runTrips(r, 's', 10, [{ volumeMt: () => volume!, capacityMt: () => capacity! }])).toThrow(/legs\[0\] \(port\)\.queue: the (capacity|volume)/);
    }
  });

  it('a lognormal leg with sigma 1000 (unbounded above, issue 22) is truncated at ROUTE_LIMITS.days: every trip finite, at most 3650, the mean as its closed form (mpmath: 2.8969921566855)', () => {
    const r = parseRoute(one({ days: { dist: 'lognormal', median: 5, sigma: 1000 } }));
    expect(r.legs[0]!.days).toEqual({ dist: 'lognormal', median: 5, sigma: 1000, max: ROUTE_LIMITS.days });
    const m = moments(r.legs[0]!.days);
    expect(Math.abs(m.mean - 2.8969921566855417) / 2.8969921566855417).toBeLessThan(1e-10);
    const t = simulateTransit(r, { trips: 100_000, seed: 1, volumeMt: 5 });
    const s = sampleStats(t.days);
    expect(t.days.every((x) => x >= 0 && x <= ROUTE_LIMITS.days)).toBe(true);
    expect(Math.abs(s.mean - m.mean)).toBeLessThan(4 * Math.sqrt(m.variance / t.days.length));
  });

  it("a queue's own capacityMt distribution that reaches 0 or overflows (lognormal sigma 1000) is refused", () => {
    const r = one({ queue: { capacityMt: { dist: 'lognormal', median: 6, sigma: 1000 }, servers: 2, serviceDays: 1 } });
    expect(() => simulateTransit(r, { trips: 1000, seed: 1, volumeMt: 5 })).toThrow(/capacity must be a finite number > 0 .*narrow it/);
  });
});

describe('simulateCorridor(…, { paths: 5_000_000, tripsPerPath: 20 }): refused at once, saying how much', () => {
  it('more than 50 million trips a year', () => {
    const t0 = performance.now();
    expect(() => simulateCorridor(PRESETS.baseline, ROUTES['corridor-poti'], { paths: 5_000_000, seed: 1, tripsPerPath: 20 })).toThrow(
      /simulateCorridor: paths × tripsPerPath must be at most 50,000,000 trips a year \(got 5,000,000 × 20 = 100,000,000\): use fewer/,
    );
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('more memory than 4 GB: the message says how much and what to do', () => {
    const s: ScenarioInput = { ...FLAT, horizon: 2125 };
    const t0 = performance.now();
    expect(() => simulateCorridor(s, ROUTES['corridor-poti'], { paths: 2_000_000, seed: 1, tripsPerPath: 2 })).toThrow(
      /simulateCorridor: 2,000,000 paths × 2 trips × 101 years needs 3.23 GB for the trips and 4.85 GB for the volumes \(at most 4.00 GB\): use fewer paths or tripsPerPath, or a shorter horizon/,
    );
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('parseRoute({ legs: 10^6 legs }): at most 100 legs, refused before the legs are validated', () => {
  it('a million bad legs fail fast with one issue', () => {
    const legs = Array.from({ length: 1_000_000 }, () => ({ bad: true }));
    const t0 = performance.now();
    try {
      parseRoute({ name: 'r', legs });
      throw new Error('accepted');
    } catch (e) {
      expect((e as ScenarioError).issues).toEqual([{ path: ['legs'], message: 'must hold at most 100 legs (got 1000000)' }]);
    }
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('100 legs pass, 101 do not', () => {
    const legs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `l${i}`, mode: 'rail' as const, days: 1 }));
    expect(parseRoute({ name: 'r', legs: legs(100) }).legs).toHaveLength(100);
    expect(issueAt(() => parseRoute({ name: 'r', legs: legs(101) }), ['legs'])).toBe('must hold at most 100 legs (got 101)');
  });
});

describe('parseRoute(JSON.parse(JSON.stringify(parseRoute(r)))): a parsed route parses again to the same route', () => {
  it.each(Object.keys(ROUTES))('%s, through JSON and structuredClone', (name) => {
    const p = parseRoute(ROUTES[name as keyof typeof ROUTES]);
    expect(parseRoute(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(parseRoute(structuredClone(p))).toEqual(p);
  });
});

describe("simulateTransit(route, { trips, seed, volumeMT: 5 }) and other options: closed records, kinds checked, errors name the function", () => {
  const r = queued({});
  it('unknown keys are refused, naming the allowed ones', () => {
    expect(() => simulateTransit(r, { trips: 10, seed: 1, volumeMT: 5 } as never)).toThrow(new TypeError("simulateTransit: unknown option 'volumeMT' (allowed: trips, seed, volumeMt, onProgress, signal)"));
    expect(() => simulateCorridor(FLAT, r, { paths: 10, seed: 1, trips: 3 } as never)).toThrow(/simulateCorridor: unknown option 'trips' \(allowed: paths, seed, tripsPerPath, useScenarioCapacity, onProgress, signal\)/);
    expect(() => compareRoutes([r], { trips: 10, seed: 1, volume: 3 } as never)).toThrow(/compareRoutes: unknown option 'volume' \(allowed: trips, seed, within, volumeMt, onProgress, signal\)/);
  });

  it('wrong kinds are TypeErrors, bad values RangeErrors', () => {
    expect(() => simulateTransit(r, { trips: '1000', seed: 1 } as never)).toThrow(TypeError);
    expect(() => simulateTransit(r, { trips: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => simulateTransit(r, { trips: 10, seed: null } as never)).toThrow(/simulateTransit: seed/);
    expect(() => simulateTransit(r, { trips: 10, seed: 1, volumeMt: '5' } as never)).toThrow(new TypeError('simulateTransit: volumeMt must be a finite number (got "5")'));
    expect(() => simulateTransit(r, { trips: 10, seed: 1, volumeMt: NaN })).toThrow(RangeError);
    expect(() => simulateCorridor(FLAT, r, { paths: 10, seed: 1, tripsPerPath: null } as never)).toThrow(new TypeError('simulateCorridor: tripsPerPath must be a whole number in [1, 50000000] (got null)'));
    expect(() => simulateCorridor(FLAT, r, { paths: 10, seed: 1, useScenarioCapacity: 'yes' } as never)).toThrow(new TypeError('simulateCorridor: useScenarioCapacity must be true or false (got "yes")'));
    expect(() => compareRoutes([r], { trips: 10, seed: 1, within: '15' } as never)).toThrow(new TypeError('compareRoutes: within must be a finite number (got "15")'));
    expect(() => compareRoutes(r as never, { trips: 10, seed: 1 })).toThrow(/compareRoutes: routes must be a non-empty array/);
  });

  it('undefined options to compareRoutes, simulateTransit, simulateCorridor: a TypeError naming the function', () => {
    expect(() => compareRoutes([r], undefined as never)).toThrow(new TypeError('compareRoutes: options must be an object with trips, seed (got nothing)'));
    expect(() => simulateTransit(r, undefined as never)).toThrow(new TypeError('simulateTransit: options must be an object with trips, seed (got nothing)'));
    expect(() => simulateCorridor(FLAT, r, undefined as never)).toThrow(new TypeError('simulateCorridor: options must be an object with paths, seed (got nothing)'));
  });
});

describe("allenCunneenWait({ …, serviceDays: NaN }, ρ) and erlangC: throw instead of NaN", () => {
  it('NaN, Infinity and out-of-range fields are RangeErrors naming the function and the field', () => {
    expect(() => allenCunneenWait({ servers: 1, serviceDays: NaN, arrivalCv: 1, serviceCv: 1 }, 0.5)).toThrow(new RangeError('allenCunneenWait: serviceDays must be a number in (0, 365] (got NaN)'));
    expect(() => allenCunneenWait({ servers: 1, serviceDays: 1, arrivalCv: Infinity, serviceCv: 1 }, 0.5)).toThrow(/allenCunneenWait: arrivalCv/);
    expect(() => allenCunneenWait({ servers: 1e7, serviceDays: 1 }, 0.5)).toThrow(/allenCunneenWait: servers must be a whole number in \[1, 1000\]/);
    expect(() => allenCunneenWait({ servers: 1, serviceDays: 1 }, 1)).toThrow(/allenCunneenWait: utilisation must be a number in \[0, 1\)/);
    expect(() => allenCunneenWait(null as never, 0.5)).toThrow(TypeError);
    expect(() => erlangC(1e7, 1)).toThrow(/erlangC: servers must be a whole number in \[1, 1000\]/);
    expect(() => erlangC(2, NaN)).toThrow(RangeError);
  });
  it('the defaults are M/M/c (cv 1)', () => {
    expect(allenCunneenWait({ servers: 3, serviceDays: 2 }, 0.7)).toBe(allenCunneenWait({ servers: 3, serviceDays: 2, arrivalCv: 1, serviceCv: 1 }, 0.7));
  });
});

describe("accessors never coerce: t.quantile(null), t.quantile('0.5'), c.transit('2027')", () => {
  const t = simulateTransit(ROUTES['suez-sea'], { trips: 1000, seed: 1 });
  const c = simulateCorridor(FLAT, ROUTES['corridor-poti'], { paths: 100, seed: 1, useScenarioCapacity: true });
  it.each([
    ['quantile(null)', () => t.quantile(null as never), TypeError],
    ["quantile('0.5')", () => t.quantile('0.5' as never), TypeError],
    ['quantile(1.5)', () => t.quantile(1.5), RangeError],
    ["quantiles(['0.5'])", () => t.quantiles(['0.5'] as never), TypeError],
    ["quantiles('0.5')", () => t.quantiles('0.5' as never), TypeError],
    ["probabilityWithin('15')", () => t.probabilityWithin('15' as never), TypeError],
    ['probabilityWithin(Infinity)', () => t.probabilityWithin(Infinity), RangeError],
    ["transit('2027')", () => c.transit('2027' as never), TypeError],
    ['transit(2027.5)', () => c.transit(2027.5), RangeError],
    ['transit(2031)', () => c.transit(2031), RangeError],
    ["summary('15')", () => c.summary('15' as never), TypeError],
  ] as const)('%s', (_what, f, kind) => {
    expect(f).toThrow(kind);
  });
});

describe('results are data: kind, seed, Estimate shapes and a small toJSON()', () => {
  it('TransitSample: kind transit, mean and saturated are Estimates, toJSON a few KB for 200,000 trips', () => {
    const t = simulateTransit(ROUTES['corridor-poti'], { trips: 200_000, seed: 'data', volumeMt: 5.9 });
    expect(t).toBeInstanceOf(TransitSample);
    expect(t.kind).toBe('transit');
    expect(t.seed).toBe('data');
    expect(Object.keys(t.mean).sort()).toEqual(['estimate', 'standardError']);
    expect(Object.keys(t.saturated).sort()).toEqual(['estimate', 'standardError']);
    const text = JSON.stringify(t);
    expect(text.length).toBeLessThan(8_000);
    const j = JSON.parse(text);
    expect(j).toMatchObject({ kind: 'transit', seed: 'data', trips: 200_000, volumeMt: 5.9, year: null, mean: t.mean, saturated: t.saturated });
    expect(j.legs).toEqual(t.legs());
    expect(j.within).toEqual({ days: 15, probability: t.probabilityWithin(15) });
    expect(j.quantiles.find((q: { p: number }) => q.p === 0.9).days).toBe(t.quantile(0.9));
    expect(parseRoute(j.route)).toEqual(t.route);
    assertPlainFinite(j);
  });

  it("saturated means one thing everywhere: the share of trips whose queue hit maxUtilisation (per leg too)", () => {
    const t = simulateTransit(ROUTES['corridor-poti'], { trips: 10_000, seed: 's', volumeMt: 7 });
    const caspian = t.legs().find((l) => l.leg.startsWith('Caspian'))!;
    expect(t.saturated).toEqual({ estimate: 1, standardError: 0 });
    expect(caspian.saturated).toEqual(t.saturated);
    for (const l of t.legs()) if (l !== caspian && l.leg !== caspian.leg) expect(l.saturated.estimate).toBe(0);
  });

  it('CorridorResult: kind corridor, seed, and toJSON keeps every year’s transit statistics at a few numbers each', () => {
    const c = simulateCorridor(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 20_000, seed: 'cj', useScenarioCapacity: true });
    expect(c).toBeInstanceOf(CorridorResult);
    expect(c.kind).toBe('corridor');
    expect(c.seed).toBe('cj');
    const text = JSON.stringify(c);
    expect(text.length).toBeLessThan(60_000);
    const j = JSON.parse(text);
    expect(j.kind).toBe('corridor');
    expect(j.years.map((y: { year: number }) => y.year)).toEqual(c.years);
    expect(j.within).toBe(15);
    expect(j.scenario).toEqual(JSON.parse(JSON.stringify(c.volumes.scenario)));
    for (const y of j.years) {
      const t = c.transit(y.year);
      expect(y.mean).toEqual(t.mean);
      expect(y.saturated).toEqual(t.saturated);
      expect([y.p10, y.p50, y.p90]).toEqual(t.quantiles([0.1, 0.5, 0.9]));
      expect(y.probabilityWithin).toEqual(t.probabilityWithin(15));
      expect(Object.keys(y)).toEqual(['year', 'demandP50', 'mean', 'p10', 'p50', 'p90', 'probabilityWithin', 'saturated']);
    }
    const row = c.summary().find((r) => r.year === 2027)!;
    expect(row.mean).toEqual(c.transit(2027).mean);
    expect(row.probabilityWithin).toEqual(c.transit(2027).probabilityWithin(15));
    assertPlainFinite(j);
  });

  it('a 101-year corridor run’s toJSON stays small: a few numbers a year (was 190 KB with every leg of every year)', () => {
    const s = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2125, growth: { model: 'logistic', capacityMt: 20, rate: 0.3 }, volatility: 0.1, capacity: { baseMt: 12 } } as const;
    const c = simulateCorridor(s, ROUTES['corridor-poti'], { paths: 20, tripsPerPath: 2, seed: 'long' });
    const j = c.toJSON();
    expect(j.years).toHaveLength(101);
    const fixed = JSON.stringify({ ...j, years: [] }).length; // route and scenario, whatever the years
    // Eight fields a year: 2 plain numbers of up to 22 characters, 3 Estimates of up to 70, and the keys.
    expect((JSON.stringify(j).length - fixed) / 101).toBeLessThan(400);
    expect(JSON.stringify(j).length).toBeLessThan(50_000);
  });

  it('compareRoutes returns a RouteComparison with rows { route, mean, p50, p90, probabilityWithin, difference }', () => {
    const cmp = compareRoutes(Object.values(ROUTES), { trips: 5000, seed: 'rows', volumeMt: 4 });
    expect(cmp).toBeInstanceOf(RouteComparison);
    expect(cmp.kind).toBe('route-comparison');
    expect(cmp.seed).toBe('rows');
    for (const row of cmp.rows) expect(Object.keys(row).sort()).toEqual(['difference', 'differences', 'distribution', 'mean', 'p50', 'p90', 'probabilityWithin', 'route', 'sources']);
    expect(cmp.rows[0]!.difference).toBeNull();
    const j = json(cmp);
    // A few KB whatever the number of trips: 5 routes, each with its statistics, sources and 21-level distribution.
    expect(JSON.stringify(j).length).toBeLessThan(16_000);
    assertPlainFinite(j);
  });
});

describe('property: arbitrary values at every options object and at the queue helpers', () => {
  const nasty = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 53, 50_000_001, 1e15, '1000', '0.5', null, true, 10n, Symbol('s'), [], {}, () => 1);
  // Mostly right values, so that runs get through often enough for the results to be walked.
  const value = (ok: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: ok, weight: 6 }, { arbitrary: nasty, weight: 1 }, { arbitrary: fc.anything(), weight: 1 });
  const seed = value(fc.oneof(fc.string({ minLength: 1, maxLength: 5 }), fc.integer()));
  const extraKey = fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.constantFrom('volumeMT', 'workers', 'keep', 'toString', '__proto__', 'constructor'), weight: 1 });
  const withKey = (o: Record<string, unknown>, k: string | undefined, v: unknown) => {
    const out = { ...o };
    if (k !== undefined) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
    return out;
  };
  const optionsOf = (record: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(
      { arbitrary: fc.tuple(fc.record(record), extraKey, fc.anything()).map(([o, k, v]) => withKey(o as Record<string, unknown>, k, v)), weight: 6 },
      { arbitrary: fc.tuple(fc.record(record, { requiredKeys: [] }), extraKey, fc.anything()).map(([o, k, v]) => withKey(o as Record<string, unknown>, k, v)), weight: 2 },
      { arbitrary: fc.anything(), weight: 1 },
      { arbitrary: nasty, weight: 1 },
    );
  const route = queued({ capacityMt: 6, servers: 3 });
  const fnName = /^(simulateTransit|simulateCorridor|compareRoutes|erlangC|allenCunneenWait|TransitSample\.\w+|CorridorResult\.\w+): /;

  /** Either a result whose toJSON has no NaN or ±Infinity, or a TypeError/RangeError naming the function, or a ScenarioError. */
  let results = 0;
  function outcome(f: () => { toJSON(): unknown } | number): void {
    let r: { toJSON(): unknown } | number;
    try {
      r = f();
    } catch (e) {
      if (e instanceof ScenarioError) return;
      if (!(e instanceof TypeError || e instanceof RangeError)) throw new Error(`not a TypeError, RangeError or ScenarioError: ${String(e)}`);
      if (!fnName.test(e.message)) throw new Error(`the message does not name the function: ${e.message}`);
      return;
    }
    results++;
    if (typeof r === 'number') {
      if (!Number.isFinite(r)) throw new Error(`returned ${r}`);
    } else assertPlainFinite(json(r));
  }

  it('simulateTransit', () => {
    results = 0;
    fc.assert(
      fc.property(optionsOf({ trips: value(fc.integer({ min: 1, max: 300 })), seed, volumeMt: value(fc.double({ min: 0, max: 1e308, noNaN: true })) }), (o) => {
        outcome(() => simulateTransit(route, o as never));
      }),
      { numRuns: 300 },
    );
    expect(results).toBeGreaterThan(30); // results were walked, not only errors
  });

  it('simulateCorridor', () => {
    results = 0;
    fc.assert(
      fc.property(
        optionsOf({ paths: value(fc.integer({ min: 1, max: 50 })), seed, tripsPerPath: value(fc.integer({ min: 1, max: 4 })), useScenarioCapacity: value(fc.boolean()) }),
        (o) => {
          outcome(() => simulateCorridor(FLAT, route, o as never));
        },
      ),
      { numRuns: 200 },
    );
    expect(results).toBeGreaterThan(20);
  });

  it('compareRoutes', () => {
    results = 0;
    fc.assert(
      fc.property(
        optionsOf({ trips: value(fc.integer({ min: 1, max: 200 })), seed, within: value(fc.double({ noNaN: false })), volumeMt: value(fc.double({ min: 0, max: 100, noNaN: true })) }),
        (o) => {
          outcome(() => compareRoutes([route, ROUTES['suez-sea']], o as never));
        },
      ),
      { numRuns: 300 },
    );
    expect(results).toBeGreaterThan(30);
  });

  it('erlangC and allenCunneenWait', () => {
    results = 0;
    const servers = value(fc.integer({ min: 1, max: 1000 }));
    const num = value(fc.double({ min: 0, max: 1000, noNaN: true }));
    fc.assert(
      fc.property(servers, num, (c, a) => outcome(() => erlangC(c as never, a as never))),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        optionsOf({ servers, serviceDays: value(fc.double({ min: 0, max: 365, noNaN: true })), arrivalCv: value(fc.double({ min: 0, max: 100, noNaN: true })), serviceCv: value(fc.double({ min: 0, max: 100, noNaN: true })) }),
        value(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (q, rho) => outcome(() => allenCunneenWait(q as never, rho as never)),
      ),
      { numRuns: 400 },
    );
    expect(results).toBeGreaterThan(80);
  });

  it('accessors of a transit sample and a corridor result', () => {
    const t = simulateTransit(route, { trips: 200, seed: 1, volumeMt: 5 });
    const c = simulateCorridor(FLAT, route, { paths: 20, seed: 1 });
    const wrap = (f: () => unknown) => () => {
      const v = f();
      return { toJSON: () => v };
    };
    fc.assert(
      fc.property(value(fc.double({ min: 0, max: 1, noNaN: true })), value(fc.integer({ min: 2025, max: 2027 })), (x, year) => {
        outcome(wrap(() => t.quantile(x as never)));
        outcome(wrap(() => t.quantiles([x] as never)));
        outcome(wrap(() => t.probabilityWithin(x as never)));
        outcome(wrap(() => c.transit(year as never).toJSON()));
        outcome(wrap(() => c.summary(x as never)));
      }),
      { numRuns: 300 },
    );
  });
});
