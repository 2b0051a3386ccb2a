/**
 * What parsing refuses so that the run never has to: volumes above MAX_VOLUME_MT (start, base
 * capacity, expansions), empirical weights whose sum is not a positive finite double, and a
 * growth parameter named `__proto__` (which a record built on a plain object would drop).
 * Each refusal is a ScenarioError naming the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_VOLUME_MT, PRESETS, ScenarioError, parseRoute, parseScenario, simulateVolumes, type ScenarioInput } from '../../src/index.js';

const base = (over: Partial<ScenarioInput> = {}): ScenarioInput => ({
  start: { year: 2025, volumeMt: 4 },
  horizon: 2030,
  growth: { model: 'exponential', rate: 0.1 },
  volatility: 0.2,
  ...over,
});

/** The issues of parsing `doc`, as "path: message" lines (none when it parses). */
function issues(doc: unknown): string[] {
  try {
    parseScenario(doc);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
}

const TOO_LARGE = 'must be at most 1e+100 Mt (MAX_VOLUME_MT)';

describe('volumes above MAX_VOLUME_MT are refused at parse, naming the field', () => {
  it('start.volumeMt 1e300 (the run blamed growth and volatility on path 0)', () => {
    expect(issues(base({ start: { year: 2025, volumeMt: 1e300 } }))).toEqual([`start.volumeMt: ${TOO_LARGE} (got 1e+300)`]);
    expect(() => simulateVolumes(base({ start: { year: 2025, volumeMt: 1e300 } }), { paths: 10, seed: 1 })).toThrow(/start\.volumeMt: must be at most 1e\+100 Mt/);
  });

  it('capacity.baseMt and expansions[].addMt: numbers, and every distribution shape by the values it states', () => {
    const big = 1e101;
    const cases: [ScenarioInput['capacity'], string][] = [
      [{ baseMt: big }, 'capacity.baseMt'],
      [{ baseMt: { dist: 'uniform', min: 1, max: big } }, 'capacity.baseMt.max'],
      [{ baseMt: { dist: 'triangular', min: 1, mode: 2, max: big } }, 'capacity.baseMt.max'],
      [{ baseMt: { dist: 'pert', min: 1, mode: 2, max: big } }, 'capacity.baseMt.max'],
      [{ baseMt: { dist: 'normal', mean: big, sd: 1, min: 1 } }, 'capacity.baseMt.mean'],
      [{ baseMt: { dist: 'normal', mean: 5, sd: 1, min: 1, max: big } }, 'capacity.baseMt.max'],
      [{ baseMt: { dist: 'lognormal', median: big, sigma: 0.1 } }, 'capacity.baseMt.median'],
      [{ baseMt: { dist: 'lognormal', median: 5, sigma: 0.1, max: big } }, 'capacity.baseMt.max'],
      [{ baseMt: { dist: 'empirical', values: [5, big] } }, 'capacity.baseMt.values.1'],
      [{ baseMt: 6, expansions: [{ year: 2027, addMt: 1 }, { year: 2027, addMt: big }] }, 'capacity.expansions.1.addMt'],
      [{ baseMt: 6, expansions: [{ year: 2027, addMt: { dist: 'uniform', min: 0, max: big } }] }, 'capacity.expansions.0.addMt.max'],
    ];
    for (const [capacity, path] of cases) expect(issues(base({ capacity })), path).toEqual([`${path}: ${TOO_LARGE} (got 1e+101)`]);
  });

  it('MAX_VOLUME_MT itself, and everyday capacities (untruncated lognormals included), are accepted: the limit is the only new rule', () => {
    expect(MAX_VOLUME_MT).toBe(1e100);
    expect(issues(base({ start: { year: 2025, volumeMt: MAX_VOLUME_MT }, capacity: { baseMt: MAX_VOLUME_MT, expansions: [{ year: 2026, addMt: MAX_VOLUME_MT }] } }))).toEqual([]);
    expect(issues(base({ capacity: { baseMt: { dist: 'lognormal', median: 6, sigma: 0.3 } } }))).toEqual([]);
    expect(issues(base({ capacity: { baseMt: { dist: 'normal', mean: 6, sd: 1, min: 1 } } }))).toEqual([]);
    for (const name of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) expect(issues(PRESETS[name]), name).toEqual([]);
  });

  it('property: a number is accepted as a start volume, base capacity or expansion exactly when it is in range', () => {
    const volume = fc.oneof(fc.double({ min: 1e-300, max: 1e100, noNaN: true }), fc.double({ min: 1e100, max: 1e308, noNaN: true }));
    fc.assert(
      fc.property(volume, fc.constantFrom('start', 'base', 'add'), (x, where) => {
        const doc =
          where === 'start' ? base({ start: { year: 2025, volumeMt: x } }) : where === 'base' ? base({ capacity: { baseMt: x } }) : base({ capacity: { baseMt: 6, expansions: [{ year: 2026, addMt: x }] } });
        const found = issues(doc);
        if (x <= MAX_VOLUME_MT) expect(found).toEqual([]);
        else expect(found).toHaveLength(1);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('empirical weights are checked at parse, with the field path', () => {
  const rate = (weights: number[]) => base({ growth: { model: 'exponential', rate: { dist: 'empirical', values: [0.1, 0.2], weights } } });

  it('weights whose sum overflows (1e308 + 1e308) are refused at parse, not by the sampler at run time', () => {
    expect(issues(rate([1e308, 1e308]))).toEqual(['growth.rate.weights: must have a positive, finite sum (got Infinity)']);
    expect(() => simulateVolumes(rate([1e308, 1e308]), { paths: 10, seed: 1 })).toThrow(ScenarioError);
    expect(issues(rate([0, 0]))).toEqual(['growth.rate.weights: must have a positive, finite sum (got 0)']);
  });

  it('weights whose sum is a finite double are accepted, and the run draws from them', () => {
    expect(issues(rate([1e308, 7e307]))).toEqual([]);
    const r = simulateVolumes({ ...rate([1e308, 0]), volatility: 0 }, { paths: 20, seed: 1 });
    expect(r.quantile(2026, 0.5)).toBeCloseTo(4 * 1.1, 12); // all the weight on 0.1
  });

  it("the same rule everywhere a distribution is allowed (a disruption's probability, a route leg's days)", () => {
    const d = base({ disruptions: [{ name: 'x', probability: { dist: 'empirical', values: [0.1, 0.2], weights: [1e308, 1e308] }, demandFactor: 0.9 }] });
    expect(issues(d)).toEqual(['disruptions.0.probability.weights: must have a positive, finite sum (got Infinity)']);
    const leg = { name: 'rail', mode: 'rail' as const, days: { dist: 'empirical' as const, values: [3, 4], weights: [1e308, 1e308] } };
    expect(() => parseRoute({ name: 'r', legs: [leg] })).toThrow(/legs\[0\]\.days\.weights: must have a positive, finite sum \(got Infinity\)/);
  });
});

describe("a growth parameter named '__proto__' is refused, not dropped", () => {
  const growth = (params: string) => JSON.parse(`{"model":"expression","formula":"a * exp(0.1 * (t - 2025))","params":${params}}`);

  it('JSON.parse(\'{"__proto__":2,"a":1}\') as params: a ScenarioError naming growth.params.__proto__', () => {
    const found = issues(base({ growth: growth('{"__proto__":2,"a":1}') }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^growth\.params\.__proto__: is a reserved name, not a parameter name/);
    expect(issues(base({ growth: growth('{"__proto__":{"a":1},"a":1}') }))).toHaveLength(1);
  });

  it('the same params without it parse, and parse to themselves', () => {
    const s = parseScenario(base({ growth: growth('{"a":1}') }));
    expect(s.growth).toEqual({ model: 'expression', formula: 'a * exp(0.1 * (t - 2025))', params: { a: 1 } });
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('the strict objects of a scenario refuse an own __proto__ key as an unknown field (nothing else is dropped)', () => {
    const doc = JSON.parse(JSON.stringify(base()));
    doc.start = JSON.parse('{"__proto__":{"x":1},"year":2025,"volumeMt":4}');
    expect(issues(doc)).toEqual([expect.stringMatching(/^start\.__proto__: is not a known field/)]);
  });
});
