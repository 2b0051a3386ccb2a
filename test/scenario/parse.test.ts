import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, parseScenario, ScenarioError, type ScenarioIssue } from 'middle-corridor';

const base = () => ({
  start: { year: 2025, volumeMt: 4.119 },
  horizon: 2030,
  growth: { model: 'exponential', rate: 0.2 } as Record<string, unknown>,
});
const route = () => ({
  name: 'r',
  legs: [
    { name: 'rail', mode: 'rail', days: { dist: 'triangular', min: 5, mode: 6, max: 12 } },
    { name: 'caspian', mode: 'ferry', days: 1, delay: { probability: 0.1, days: 3 }, queue: { capacityMt: 6, servers: 6, serviceDays: 1 } },
    { name: 'sea', mode: 'sea', days: 5 },
  ] as Record<string, unknown>[],
});

/** The issues a bad document raises (it must raise a ScenarioError). */
function issuesOf(parse: (x: unknown) => unknown, input: unknown): ScenarioIssue[] {
  try {
    parse(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

/** Asserts exactly one issue at `path` whose message matches. */
function rejects(parse: (x: unknown) => unknown, input: unknown, path: string, message: RegExp | string): void {
  const issues = issuesOf(parse, input);
  const fmt = (p: (string | number)[]) => p.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').replace(/^\./, '');
  const hit = issues.find((i) => fmt(i.path) === path);
  expect(hit, `no issue at ${path}; got ${JSON.stringify(issues)}`).toBeDefined();
  if (typeof message === 'string') expect(hit!.message).toBe(message);
  else expect(hit!.message).toMatch(message);
}

describe('parseScenario: a failing example for every rule', () => {
  const S = (patch: (s: ReturnType<typeof base> & Record<string, unknown>) => void) => {
    const s = base() as ReturnType<typeof base> & Record<string, unknown>;
    patch(s);
    return s;
  };

  it('growth rate > −1, with the value given', () => {
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: -1.5 })), 'growth.rate', 'must be > -1 (got -1.5)');
    const e = issuesOf(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: -1.5 })));
    expect(e).toHaveLength(1);
    try {
      parseScenario(S((s) => (s.growth = { model: 'exponential', rate: -1.5 })));
    } catch (err) {
      expect((err as Error).message).toContain('growth.rate: must be > -1 (got -1.5)');
    }
  });

  it('a distribution’s whole support must be allowed', () => {
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: { dist: 'uniform', min: -2, max: 0.5 } })), 'growth.rate.min', /must be > -1 \(got -2\)/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: { dist: 'normal', mean: 0.2, sd: 0.1 } })), 'growth.rate', /normal distribution is unbounded below here: give it min/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'empirical', values: [0.1, -0.2] })), 'volatility.values[1]', /must be >= 0 \(got -0.2\)/);
    rejects(parseScenario, S((s) => (s.disruptions = [{ name: 'd', probability: { dist: 'lognormal', median: 0.1, sigma: 0.5 }, demandFactor: 0.9 }])), 'disruptions[0].probability', /lognormal is unbounded above/);
  });

  it('min <= mode <= max, min <= max, sd >= 0, weights', () => {
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: { dist: 'triangular', min: 0.1, mode: 0.5, max: 0.3 } })), 'growth.rate.mode', /must lie between min and max \(got mode 0.5, min 0.1, max 0.3\)/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: { dist: 'pert', min: 0.4, mode: 0.5, max: 0.3 } })), 'growth.rate.max', /must be >= min/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: { dist: 'uniform', min: 0.4, max: 0.3 } })), 'growth.rate.max', /must be >= min/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'normal', mean: 0.2, sd: -1, min: 0 })), 'volatility.sd', 'must be >= 0 (got -1)');
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'normal', mean: 0.2, sd: 0.1, min: 0.5, max: 0.1 })), 'volatility.max', /must be >= min/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'pert', min: 0, mode: 0.1, max: 0.2, lambda: -2 })), 'volatility.lambda', 'must be >= 0 (got -2)');
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'lognormal', median: 0, sigma: 0.1 })), 'volatility.median', 'must be > 0 (got 0)');
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'empirical', values: [0.1, 0.2], weights: [1] })), 'volatility.weights', /one weight per value/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'empirical', values: [] })), 'volatility.values', /at least one value/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'cauchy', scale: 1 })), 'volatility.dist', /must be one of 'uniform', 'triangular'.* \(got "cauchy"\)/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'uniform', min: 0, max: 1, mode: 0.5 })), 'volatility.mode', /is not a known field \(allowed: dist, min, max\)/);
    rejects(parseScenario, S((s) => (s.volatility = 'high')), 'volatility', /must be a number or a distribution .* \(got "high"\)/);
  });

  it('start.year <= horizon, at most 100 years ahead, whole years', () => {
    rejects(parseScenario, S((s) => (s.horizon = 2020)), 'horizon', 'must be >= start.year 2025 (got 2020)');
    rejects(parseScenario, S((s) => (s.horizon = 2200)), 'horizon', 'must be at most 100 years after start.year 2025 (got 2200)');
    rejects(parseScenario, S((s) => (s.horizon = 2030.5)), 'horizon', 'must be a whole year in [-1000000, 1000000] (got 2030.5)');
    // Past 2^53 two years of a run were the same double: years are bounded.
    rejects(parseScenario, S((s) => ((s.start = { year: 2 ** 53, volumeMt: 4 }), (s.horizon = 2 ** 53 + 2))), 'start.year', 'must be a whole year in [-1000000, 1000000] (got 9007199254740992)');
    rejects(parseScenario, S((s) => (s.target = { year: -1e7, volumeMt: 10 })), 'target.year', /must be a whole year in \[-1000000, 1000000\]/);
    expect(parseScenario(S((s) => ((s.start = { year: -1_000_000, volumeMt: 4 }), (s.horizon = -999_998), (s.target = null)))).horizon).toBe(-999_998);
    rejects(parseScenario, S((s) => (s.start = { year: 2025, volumeMt: 0 })), 'start.volumeMt', 'must be > 0 (got 0)');
    rejects(parseScenario, S((s) => (s.start = { year: 2025 } as typeof s.start)), 'start.volumeMt', /is required/);
  });

  it('finite numbers only', () => {
    rejects(parseScenario, S((s) => (s.start = { year: 2025, volumeMt: Infinity })), 'start.volumeMt', /must be a number > 0 \(got Infinity\)/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'exponential', rate: NaN })), 'growth.rate', /must be a number or a distribution/);
    rejects(parseScenario, S((s) => (s.volatility = { dist: 'uniform', min: 0, max: Infinity })), 'volatility.max', /must be a finite number \(got Infinity\)/);
  });

  it('probabilities in [0, 1]; factors > 0; a disruption must change something; unique names', () => {
    rejects(parseScenario, S((s) => (s.disruptions = [{ name: 'storm', probability: 1.5, capacityFactor: 0.9 }])), 'disruptions[0].probability', 'must be in [0, 1] (got 1.5)');
    rejects(parseScenario, S((s) => (s.disruptions = [{ name: 'storm', probability: 0.1, capacityFactor: 0 }])), 'disruptions[0].capacityFactor', 'must be > 0 (got 0)');
    rejects(parseScenario, S((s) => (s.disruptions = [{ name: 'storm', probability: 0.1 }])), 'disruptions[0]', /needs demandFactor or capacityFactor/);
    rejects(parseScenario, S((s) => (s.disruptions = [{ name: '', probability: 0.1, demandFactor: 0.9 }])), 'disruptions[0].name', /must be a name/);
    rejects(
      parseScenario,
      S((s) => (s.disruptions = [{ name: 'a', probability: 0.1, demandFactor: 0.9 }, { name: 'a', probability: 0.2, demandFactor: 0.8 }])),
      'disruptions[1].name',
      /must be unique/,
    );
  });

  it('capacities and expansions', () => {
    rejects(parseScenario, S((s) => (s.capacity = { baseMt: -6 })), 'capacity.baseMt', 'must be > 0 (got -6)');
    rejects(parseScenario, S((s) => (s.capacity = { baseMt: 6, expansions: [{ year: 2027, addMt: -1 }] })), 'capacity.expansions[0].addMt', 'must be >= 0 (got -1)');
    rejects(parseScenario, S((s) => (s.capacity = { baseMt: 6, expansions: [{ year: 2027, addMt: 4, delayYears: { dist: 'uniform', min: -1, max: 2 } }] })), 'capacity.expansions[0].delayYears.min', /must be >= 0/);
    rejects(parseScenario, S((s) => (s.capacity = { baseMt: 6, expansions: [{ addMt: 4 }] })), 'capacity.expansions[0].year', /is required/);
  });

  it('persistence in [0, 1); target inside the run', () => {
    rejects(parseScenario, S((s) => (s.persistence = 1)), 'persistence', 'must be in [0, 1) (got 1)');
    rejects(parseScenario, S((s) => (s.persistence = { dist: 'uniform', min: 0, max: 0.5 })), 'persistence', /must be a number in \[0, 1\)/);
    rejects(parseScenario, S((s) => (s.target = { year: 2035, volumeMt: 10 })), 'target.year', 'must lie in the run, 2025–2030 (got 2035)');
  });

  it('growth models: names, capacities, rates, piecewise order, formulas', () => {
    rejects(parseScenario, S((s) => (s.growth = { model: 'logistik' })), 'growth.model', /must be one of 'exponential', 'logistic', 'gompertz', 'piecewise', 'expression' \(got "logistik"\)/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'logistic', capacityMt: 0, rate: 0.5, midpointYear: 2026 })), 'growth.capacityMt', 'must be > 0 (got 0)');
    rejects(parseScenario, S((s) => (s.growth = { model: 'gompertz', capacityMt: 10, rate: -0.5, midpointYear: 2026 })), 'growth.rate', 'must be > 0 (got -0.5)');
    rejects(parseScenario, S((s) => (s.growth = { model: 'piecewise', points: [{ year: 2020, volumeMt: 1 }] })), 'growth.points', /at least 2 points/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'piecewise', points: [{ year: 2024, volumeMt: 1 }, { year: 2020, volumeMt: 2 }] })), 'growth.points[1].year', /must be after the previous point's year 2024/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'expression', formula: 'a * exp(b * t) + foo', params: { a: 1, b: 0.1 } })), 'growth.formula', /unknown symbol 'foo'/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'expression', formula: 't', params: { t: 1 } })), 'growth.params.t', /identifier other than t/);
    rejects(parseScenario, S((s) => (s.growth = { model: 'expression', formula: '', params: {} })), 'growth.formula', /must be a formula in t/);
  });

  it('unknown fields are named with what is allowed (typos do not pass silently)', () => {
    rejects(parseScenario, S((s) => (s.volatilty = 0.2)), 'volatilty', /is not a known field \(allowed: name, start, horizon, growth, volatility/);
  });

  it('not an object at all', () => {
    for (const x of [null, 5, 'scenario', []]) rejects(parseScenario, x, '', /must be an object with name, start, horizon/);
    rejects(parseScenario, undefined, '', /is required \(an object with name, start, horizon/);
  });

  it('lists every problem at once', () => {
    const issues = issuesOf(parseScenario, { start: { year: 2025, volumeMt: -1 }, horizon: 'soon', growth: { model: 'exponential', rate: -2 } });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['start.volumeMt', 'horizon', 'growth.rate']);
  });
});

describe('parseScenario: valid input', () => {
  it('fills in the defaults and returns a frozen scenario; parsing it again is a no-op', () => {
    const s = parseScenario(base());
    expect(s).toMatchObject({ volatility: 0, persistence: 0, capacity: null, disruptions: [], target: { year: 2027, volumeMt: 10 } });
    expect(Object.isFrozen(s.start)).toBe(true);
    expect(parseScenario(s)).toBe(s);
    const noTarget = parseScenario({ ...base(), start: { year: 2028, volumeMt: 5 }, horizon: 2035 });
    expect(noTarget.target).toBeNull();
    const full = parseScenario({
      ...base(),
      capacity: { baseMt: { dist: 'triangular', min: 5, mode: 6, max: 7 }, expansions: [{ year: 2027, addMt: 4 }] },
      disruptions: [{ name: 'low water', probability: { dist: 'uniform', min: 0.1, max: 0.3 }, capacityFactor: { dist: 'uniform', min: 0.75, max: 0.9 } }],
    });
    expect(full.capacity!.expansions[0]).toEqual({ year: 2027, addMt: 4, delayYears: 0 });
    expect(full.disruptions[0]!.demandFactor).toBeNull();
  });

  it('a look-alike object is validated, not trusted', () => {
    const fake = Object.freeze({ ...base(), kind: 'scenario', start: { year: 2025, volumeMt: -1 } });
    expect(() => parseScenario(fake)).toThrow(ScenarioError);
  });
});

describe('parseRoute', () => {
  const R = (patch: (r: ReturnType<typeof route>) => void) => {
    const r = route();
    patch(r);
    return r;
  };

  it('rejects bad legs with the leg’s path', () => {
    rejects(parseRoute, R((r) => (r.legs[2]!.days = { dist: 'triangular', min: 1, mode: 7, max: 5 })), 'legs[2].days.mode', 'must lie between min and max (got mode 7, min 1, max 5)');
    rejects(parseRoute, R((r) => (r.legs[0]!.days = -1)), 'legs[0].days', 'must be in [0, 3650] (got -1)');
    rejects(parseRoute, R((r) => (r.legs[0]!.mode = 'bus')), 'legs[0].mode', /must be one of 'rail', 'road', 'ferry', 'sea', 'port', 'border' \(got "bus"\)/);
    rejects(parseRoute, R((r) => ((r.legs[1]!.queue as Record<string, unknown>).servers = 0)), 'legs[1].queue.servers', 'must be a whole number in [1, 1000] (got 0)');
    rejects(parseRoute, R((r) => ((r.legs[1]!.queue as Record<string, unknown>).servers = 2.5)), 'legs[1].queue.servers', 'must be a whole number in [1, 1000] (got 2.5)');
    rejects(parseRoute, R((r) => ((r.legs[1]!.queue as Record<string, unknown>).serviceDays = 0)), 'legs[1].queue.serviceDays', 'must be in (0, 365] (got 0)');
    rejects(parseRoute, R((r) => ((r.legs[1]!.queue as Record<string, unknown>).maxUtilisation = 1)), 'legs[1].queue.maxUtilisation', 'must be in (0, 1) (got 1)');
    rejects(parseRoute, R((r) => ((r.legs[1]!.queue as Record<string, unknown>).arrivalCv = -1)), 'legs[1].queue.arrivalCv', 'must be in [0, 100] (got -1)');
    rejects(parseRoute, R((r) => ((r.legs[1]!.delay as Record<string, unknown>).probability = 2)), 'legs[1].delay.probability', 'must be in [0, 1] (got 2)');
    rejects(parseRoute, R((r) => (r.legs[2]!.name = 'rail')), 'legs[2].name', /must be unique/);
    rejects(parseRoute, R((r) => (r.legs = [])), 'legs', /at least one leg/);
    rejects(parseRoute, { legs: route().legs }, 'name', /is required/);
  });

  it('fills queue defaults', () => {
    const r = parseRoute(route());
    expect(r.legs[1]!.queue).toEqual({ capacityMt: 6, servers: 6, serviceDays: 1, arrivalCv: 1, serviceCv: 1, maxUtilisation: 0.98 });
    expect(r.legs[0]!.queue).toBeNull();
    expect(r.legs[0]!.delay).toBeNull();
  });
});

describe('parseScenario on arbitrary input (property)', () => {
  const hasBadNumber = (x: unknown): boolean =>
    typeof x === 'number' ? !Number.isFinite(x) : x !== null && typeof x === 'object' ? Object.values(x).some(hasBadNumber) : false;

  const dist = fc.oneof(
    fc.record({ dist: fc.constant('uniform'), min: fc.double(), max: fc.double() }),
    fc.record({ dist: fc.constant('triangular'), min: fc.double(), mode: fc.double(), max: fc.double() }),
    fc.record({ dist: fc.constant('normal'), mean: fc.double(), sd: fc.double() }, { requiredKeys: ['dist'] }),
    fc.record({ dist: fc.constantFrom('lognormal', 'pert', 'empirical', 'weird'), median: fc.double(), sigma: fc.double(), values: fc.array(fc.double()) }, { requiredKeys: ['dist'] }),
  );
  const param = fc.oneof(fc.double(), dist, fc.jsonValue());
  const nearScenario = fc.record(
    {
      name: fc.oneof(fc.string(), fc.integer()),
      start: fc.record({ year: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.double()), volumeMt: param }, { requiredKeys: [] }),
      horizon: fc.oneof(fc.integer({ min: 1900, max: 2200 }), fc.double()),
      growth: fc.oneof(
        fc.record({ model: fc.constantFrom('exponential', 'logistic', 'gompertz', 'nope'), rate: param, capacityMt: param, midpointYear: param }, { requiredKeys: ['model'] }),
        fc.record({ model: fc.constant('piecewise'), points: fc.array(fc.record({ year: fc.integer({ min: 1990, max: 2100 }), volumeMt: fc.double() })) }),
        fc.record({ model: fc.constant('expression'), formula: fc.oneof(fc.string(), fc.constantFrom('a*t', 'exp(t)', 'x+', 'f(x)=1', 'a.b', '[1]')), params: fc.dictionary(fc.string(), param) }),
      ),
      volatility: param,
      persistence: param,
      capacity: fc.record({ baseMt: param, expansions: fc.array(fc.record({ year: fc.integer(), addMt: param, delayYears: param }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      disruptions: fc.array(fc.record({ name: fc.string(), probability: param, demandFactor: param, capacityFactor: param }, { requiredKeys: [] })),
      target: fc.record({ year: fc.integer(), volumeMt: fc.double() }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );

  it('either returns a scenario with no NaN or Infinity, or throws ScenarioError — never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), nearScenario), (input) => {
        let result: unknown;
        try {
          result = parseScenario(input);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          expect(e.issues.length).toBeGreaterThan(0);
          for (const i of e.issues) expect(i.message.length).toBeGreaterThan(5);
          return;
        }
        expect(hasBadNumber(result)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseRoute likewise', () => {
    const leg = fc.record({ name: fc.string(), mode: fc.constantFrom('rail', 'sea', 'x'), days: param, delay: fc.record({ probability: fc.double(), days: param }), queue: fc.record({ servers: fc.oneof(fc.integer(), fc.double()), serviceDays: fc.double(), capacityMt: param }, { requiredKeys: [] }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ name: fc.string(), legs: fc.array(leg) }, { requiredKeys: [] })), (input) => {
        try {
          expect(hasBadNumber(parseRoute(input))).toBe(false);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
