/**
 * The explorer's state (examples/explorer/state.ts), in Node: what its link holds, and the
 * scenario and route it stands for. The page itself is tested in Chromium (test/web/explorer.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, PRESETS, ROUTES, type Param, type PresetName } from 'middle-corridor';
import { BOUNDS, centre, decodeState, defaults, encodeState, recentre, routeOf, scenarioOf, shift, type ExplorerState, type RouteName } from '../../examples/explorer/state.js';

const presets = Object.keys(PRESETS) as PresetName[];
const routes = Object.keys(ROUTES) as RouteName[];
// −0 is written 0 by JSON; the page's inputs never hold it (they read −0 as 0).
const within = ([lo, hi]: readonly [number, number]) => fc.double({ min: lo, max: hi, noNaN: true }).map((x) => x + 0);

/** Any state the page can hold: a preset and a route, and every input within its bounds. */
const states: fc.Arbitrary<ExplorerState> = fc
  .record({ preset: fc.constantFrom(...presets), route: fc.constantFrom(...routes), seed: fc.oneof(fc.string({ minLength: 1 }), fc.integer()), paths: fc.integer({ min: BOUNDS.paths[0], max: BOUNDS.paths[1] }) })
  .chain(({ preset, route, seed, paths }) => {
    const d = defaults(preset, route);
    return fc.record({
      preset: fc.constant(preset),
      route: fc.constant(route),
      seed: fc.constant(seed),
      paths: fc.constant(paths),
      rate: d.rate === null ? fc.constant(null) : within(BOUNDS.rate),
      capacityMt: d.capacityMt === null ? fc.constant(null) : within(BOUNDS.capacityMt),
      delays: fc.tuple(...d.delays.map(() => within(BOUNDS.delays))),
      volatility: within(BOUNDS.volatility),
      servers: d.servers === null ? fc.constant(null) : fc.integer({ min: BOUNDS.servers[0], max: BOUNDS.servers[1] }),
      within: within(BOUNDS.within),
    });
  });

describe('the link', () => {
  it('law: decodeState(encodeState(s)) is s, every double to the bit', () => {
    fc.assert(
      fc.property(states, (s) => {
        expect(decodeState(encodeState(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('law: every state stands for a scenario and a route that parse', () => {
    fc.assert(
      fc.property(states, (s) => {
        parseScenario(scenarioOf(s));
        expect(routeOf(s).legs.length).toBe(ROUTES[s.route].legs.length);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a bad field, naming it and what is allowed', () => {
    const ok = defaults('baseline', 'corridor-poti');
    const bad = (patch: Record<string, unknown>) => () => decodeState(encodeState({ ...ok, ...patch } as ExplorerState));
    expect(bad({ paths: 10 })).toThrow(new RangeError("the link's paths must be a whole number in [1000, 200000] (got 10)"));
    expect(bad({ preset: 'boom' })).toThrow(/^the link's preset must be one of announced, baseline, stall, official-capacity, red-sea-diversion \(got "boom"\)$/);
    expect(bad({ delays: [0] })).toThrow("the link's delays must be a list of 3 numbers, one per expansion of baseline (got [0])");
    expect(bad({ extra: 1 })).toThrow(/^the link's state has unknown fields extra/);
    expect(() => decodeState(encodeState({ ...defaults('announced', 'suez-sea'), rate: 0.2 }))).toThrow("the link's rate must be null: the preset or route has no such assumption (got 0.2)");
    expect(bad({ seed: '' })).toThrow("the link's seed must be a finite number or a text that is not empty (got \"\")");
    expect(() => decodeState('#%7Bnot json')).toThrow(TypeError);
  });
});

describe('the scenario a state stands for', () => {
  it('law: the defaults of a preset and a route are that preset and that route, unchanged', () => {
    for (const p of presets) for (const r of routes) {
      expect(scenarioOf(defaults(p, r))).toEqual(PRESETS[p]);
      expect(routeOf(defaults(p, r))).toBe(ROUTES[r]);
    }
  });

  it('law: recentre puts the centre exactly where asked, and shift moves it by the amount', () => {
    const params = fc.oneof(
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.record({ dist: fc.constant('normal' as const), mean: fc.double({ min: -1, max: 1, noNaN: true }), sd: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b, c]) => {
        const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return { dist: 'triangular' as const, min, mode, max };
      }),
    );
    fc.assert(
      fc.property(params, fc.double({ min: -5, max: 5, noNaN: true }), (p: Param, to) => {
        expect(centre(recentre(p, to))).toBe(to);
        expect(centre(shift(p, to))).toBeCloseTo(centre(p)! + to, 12);
      }),
    );
  });

  it('an input moves its assumption only (written out by hand)', () => {
    const s = scenarioOf({ ...defaults('baseline', 'corridor-poti'), rate: 0.2, capacityMt: 9, delays: [0, 1, 0] });
    expect(s.growth).toEqual({ model: 'exponential', rate: { dist: 'normal', mean: 0.2, sd: 0.2538, min: -0.5 } });
    expect(s.capacity!.baseMt).toEqual({ dist: 'triangular', min: 8.5, mode: 9, max: 9.5 });
    expect(s.capacity!.expansions![1]!.delayYears).toEqual({ dist: 'triangular', min: 1, mode: 1.5, max: 3 });
    expect(s.capacity!.expansions![0]).toBe(PRESETS.baseline.capacity!.expansions![0]);
    expect(s.disruptions).toBe(PRESETS.baseline.disruptions);
    const r = routeOf({ ...defaults('baseline', 'corridor-btk'), servers: 9 });
    expect(r.legs[2]!.queue).toEqual({ ...ROUTES['corridor-btk'].legs[2]!.queue, servers: 9 });
    expect(r.legs[0]).toBe(ROUTES['corridor-btk'].legs[0]);
  });
});
