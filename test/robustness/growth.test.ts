/**
 * Issue 10, part 2 (growth, formulas, fits, parsing): each call that misbehaved on main is a test
 * here, named by the call. Every one must end in a finite, correct result or a clear error
 * (ScenarioError with the path; RangeError/TypeError naming the function, the argument and what
 * is allowed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cagr,
  compileFormula,
  fitGrowth,
  fitRandomWalk,
  FormulaError,
  growthCurve,
  parseRoute,
  parseScenario,
  PRESETS,
  requiredGrowth,
  ROUTES,
  ScenarioError,
  TITR_VOLUMES,
  type Observation,
  type ScenarioInput,
} from 'middle-corridor';

const start = { year: 2025, volumeMt: 4.119 };
const scenario = (growth: unknown): unknown => ({ start, horizon: 2030, growth });
const obs = (volumes: number[], years?: number[]): Observation[] =>
  volumes.map((volumeMt, i) => ({ year: years ? years[i]! : 2000 + i, volumeMt, kind: 'reported', source: 'test' }));

/** Runs f; returns its value, which must hold no NaN or ±Infinity, or the error it threw. */
function outcome(f: () => unknown): { value?: unknown; error?: Error } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: e as Error };
  }
}
function finiteEverywhere(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(finiteEverywhere);
  if (x && typeof x === 'object') return Object.values(x).every(finiteEverywhere);
  return true;
}

describe('formulas: own properties only, bounded size, no NaN', () => {
  for (const formula of ['constructor', '__proto__', 'toString(t)', 'valueOf(t)', 'hasOwnProperty(t)']) {
    it(`compileFormula(${JSON.stringify(formula)}, []) and parseScenario refuse it`, () => {
      expect(() => compileFormula(formula, [])).toThrow(FormulaError);
      expect(() => compileFormula(formula, [])).toThrow(/unknown (symbol|function) '(constructor|__proto__|toString|valueOf|hasOwnProperty)'/);
      expect(() => parseScenario(scenario({ model: 'expression', formula, params: {} }))).toThrow(ScenarioError);
      try {
        parseScenario(scenario({ model: 'expression', formula, params: {} }));
      } catch (e) {
        expect((e as ScenarioError).issues[0]!.path).toEqual(['growth', 'formula']);
      }
    });
  }

  it('a parameter named like an Object.prototype property is refused', () => {
    expect(() => compileFormula('constructor * t', ['constructor'])).toThrow(/cannot use "constructor" as a parameter name/);
    expect(() => parseScenario(scenario({ model: 'expression', formula: 'toString * t', params: { toString: 1 } }))).toThrow(ScenarioError);
  });

  it('a 10,000-term formula is a FormulaError / ScenarioError, not a stack overflow', () => {
    const long = Array.from({ length: 10_000 }, () => 't').join(' + ');
    expect(() => compileFormula(long, [])).toThrow(/is too long: at most 1,000 characters \(got 39,997\)/);
    expect(() => parseScenario(scenario({ model: 'expression', formula: long, params: {} }))).toThrow(/growth.formula: is too long/);
  });

  it('deep nesting is refused with its depth', () => {
    const deep = `${'('.repeat(400)}t${')'.repeat(400)}`;
    expect(() => compileFormula(deep, [])).toThrow(/is nested too deeply: at most 50 levels of brackets \(got 400\)/);
    expect(() => parseScenario(scenario({ model: 'expression', formula: deep, params: {} }))).toThrow(ScenarioError);
    // Whatever else fits in 1,000 characters compiles and evaluates, or is a FormulaError.
    for (const f of ['-'.repeat(999) + 't', '2^'.repeat(499) + 't', `${'sqrt('.repeat(50)}t${')'.repeat(50)}`]) {
      const r = outcome(() => compileFormula(f, []).evaluate(2025, {}));
      if (r.error) expect(r.error).toBeInstanceOf(r.error instanceof FormulaError ? FormulaError : RangeError);
      else expect(Number.isFinite(r.value)).toBe(true);
    }
  });

  it("compileFormula('a*t', ['a']).evaluate(2025, {}) names the missing parameter (was NaN)", () => {
    expect(() => compileFormula('a*t', ['a']).evaluate(2025, {})).toThrow(TypeError);
    expect(() => compileFormula('a*t', ['a']).evaluate(2025, {})).toThrow(/parameter 'a' of "a\*t" is missing/);
    expect(() => compileFormula('a*t', ['a']).evaluate(2025, { a: NaN })).toThrow(/parameter 'a' .* must be a finite number \(got NaN\)/);
    expect(() => compileFormula('a*t', ['a']).evaluate(2025, Object.create({ a: 1 }))).toThrow(/missing/);
    expect(() => compileFormula('a*t', ['a']).evaluate(NaN, { a: 1 })).toThrow(/t must be a finite number \(got NaN\)/);
  });

  it('non-finite results are errors', () => {
    expect(() => compileFormula('1 / (t - 2025)', []).evaluate(2025, {})).toThrow(/gives Infinity at t = 2025/);
    expect(() => compileFormula('log(t - 2030)', []).evaluate(2025, {})).toThrow(/gives NaN at t = 2025/);
    expect(() => compileFormula('exp(t)', []).evaluate(2025, {})).toThrow(RangeError);
  });
});

describe('growthCurve validates every parameter and never returns NaN or ±Infinity', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['exponential rate −2', () => growthCurve({ model: 'exponential', rate: -2 }, start), /growthCurve: model.rate must be a finite number > -1 \(got -2\)/],
    ['exponential rate NaN', () => growthCurve({ model: 'exponential', rate: NaN }, start), /growthCurve: model.rate must be a finite number > -1 \(got NaN\)/],
    ['logistic capacity −5', () => growthCurve({ model: 'logistic', capacityMt: -5, rate: 1 }, start), /growthCurve: model.capacityMt must be a finite number > 0 \(got -5\)/],
    ['logistic rate −1', () => growthCurve({ model: 'logistic', capacityMt: 10, rate: -1 }, start), /growthCurve: model.rate must be a finite number > 0 \(got -1\)/],
    ['gompertz rate NaN', () => growthCurve({ model: 'gompertz', capacityMt: 10, rate: NaN, midpointYear: 2030 }), /growthCurve: model.rate must be a finite number > 0 \(got NaN\)/],
    ['midpointYear Infinity', () => growthCurve({ model: 'gompertz', capacityMt: 10, rate: 1, midpointYear: Infinity }), /growthCurve: model.midpointYear must be a finite number \(got Infinity\)/],
    ['capacity below the anchor', () => growthCurve({ model: 'logistic', capacityMt: 3, rate: 1 }, start), /growthCurve: model.capacityMt must exceed anchor.volumeMt 4.119/],
    ['both rate and midpointYear with an anchor', () => growthCurve({ model: 'logistic', capacityMt: 10, rate: 1, midpointYear: 2027 }, start), /exactly one of rate or midpointYear \(got both\)/],
    ['neither without an anchor', () => growthCurve({ model: 'logistic', capacityMt: 10, rate: 1 }), /without an anchor a logistic model needs both rate and midpointYear/],
    ['midpoint on the wrong side', () => growthCurve({ model: 'logistic', capacityMt: 10, midpointYear: 2020 }, start), /model.midpointYear 2020 must be after the start year 2025/],
    ['anchor volume 0', () => growthCurve({ model: 'exponential', rate: 0.1 }, { year: 2025, volumeMt: 0 }), /growthCurve: anchor.volumeMt must be a finite number > 0 \(got 0\)/],
    ['unknown model', () => growthCurve({ model: 'cubic' } as never, start), /growthCurve: model.model must be one of 'exponential'/],
    ['a string rate', () => growthCurve({ model: 'exponential', rate: '0.1' } as never, start), /growthCurve: model.rate must be a finite number > -1 \(got "0.1"\)/],
  ];
  for (const [name, f, message] of cases) {
    it(name, () => {
      expect(f).toThrow(message);
    });
  }

  it('extreme years: a finite correct value, or a RangeError naming growthCurve', () => {
    expect(() => growthCurve({ model: 'exponential', rate: 2 }, start)(1e6)).toThrow(/growthCurve: the curve overflows a double at year 1000000/);
    expect(() => growthCurve({ model: 'exponential', rate: 2 }, start)(NaN)).toThrow(/growthCurve: year must be a finite number \(got NaN\)/);
    expect(() => growthCurve({ model: 'exponential', rate: 2 }, start)('2030' as never)).toThrow(TypeError);
    expect(growthCurve({ model: 'logistic', capacityMt: 10, rate: 0.5 }, start)(1e300)).toBeCloseTo(10, 12);
    expect(growthCurve({ model: 'logistic', capacityMt: 10, rate: 0.5 }, start)(-1e300)).toBe(0);
    expect(growthCurve({ model: 'gompertz', capacityMt: 10, rate: 0.5 }, start)(-1e300)).toBe(0);
    expect(growthCurve({ model: 'logistic', capacityMt: 1e300, rate: 1e300 }, { year: 0, volumeMt: 1e-300 })(1)).toBeCloseTo(1e300, -290);
  });

  it('arbitrary parameters (fast-check): a finite value or a RangeError/TypeError naming growthCurve', () => {
    const num = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, 1e-308, NaN, Infinity, -Infinity), fc.integer({ min: 1900, max: 2200 }));
    const model = fc.oneof(
      fc.record({ model: fc.constant('exponential'), rate: num }),
      fc.record({ model: fc.constantFrom('logistic', 'gompertz'), capacityMt: num, rate: num, midpointYear: num }, { requiredKeys: ['model'] }),
      fc.record({ model: fc.constant('piecewise'), points: fc.array(fc.record({ year: num, volumeMt: num }), { maxLength: 4 }) }),
    );
    const anchor = fc.option(fc.record({ year: num, volumeMt: num }), { nil: undefined });
    fc.assert(
      fc.property(model, anchor, num, (m, a, t) => {
        const r = outcome(() => growthCurve(m as never, a)(t));
        if (r.error) {
          expect(r.error.message).toMatch(/^growthCurve: /);
          expect(r.error instanceof RangeError || r.error instanceof TypeError).toBe(true);
        } else {
          expect(Number.isFinite(r.value as number)).toBe(true);
          expect(r.value as number).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fitGrowth', () => {
  it("fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: 10 }, bounds: { capacityMt: [20, 30] } }) is refused (was: reports 10, fits with 20)", () => {
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: 10 }, bounds: { capacityMt: [20, 30] } })).toThrow(RangeError);
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: 10 }, bounds: { capacityMt: [20, 30] } })).toThrow(
      /fitGrowth: fixed.capacityMt 10 lies outside bounds.capacityMt \[20, 30\]/,
    );
  });

  it("exponential fixed.rate outside its bounds is refused", () => {
    expect(() => fitGrowth(TITR_VOLUMES, 'exponential', { fixed: { rate: 0.5 }, bounds: { rate: [0.1, 0.2] } })).toThrow(/fitGrowth: fixed.rate 0.5 lies outside bounds.rate \[0.1, 0.2\]/);
    // Inside its bounds it is simply fixed.
    const f = fitGrowth(TITR_VOLUMES, 'exponential', { fixed: { rate: 0.15 }, bounds: { rate: [0.1, 0.2] } });
    expect(f.parameters.find((p) => p.name === 'rate')!.estimate).toBe(0.15);
    expect((f.model as { rate: number }).rate).toBe(0.15);
  });

  it('aic on an exact fit is finite (the residual variance is floored at the log data’s resolution) and says so', () => {
    const exact = obs([2, 2.6, 3.38, 4.394, 5.7122]);
    const f = fitGrowth(exact, 'exponential');
    expect(Number.isFinite(f.aic)).toBe(true);
    expect(Number.isFinite(f.aicc!)).toBe(true);
    const perfect = obs([1, 2, 4, 8, 16]);
    const g = fitGrowth(perfect, 'exponential');
    expect(Number.isFinite(g.aic)).toBe(true);
    expect(g.warnings.join('\n')).toMatch(/exact to double precision.*aic uses the floor/);
    expect(finiteEverywhere(g.toJSON())).toBe(true);
  });

  it('a Gompertz (and every) fit to 1e-300…1e300 data: finite results or a clear error', () => {
    const wild = obs([1e-300, 1e-200, 1e-100, 1, 1e100, 1e200, 1e300]);
    for (const kind of ['exponential', 'logistic', 'gompertz'] as const) {
      const r = outcome(() => fitGrowth(wild, kind));
      if (r.error) {
        expect(r.error).toBeInstanceOf(RangeError);
        expect(r.error.message).toMatch(new RegExp(`^fitGrowth: the ${kind} fit did not converge from any start: its curve overflows a double`));
      } else {
        const f = r.value as ReturnType<typeof fitGrowth>;
        expect(finiteEverywhere(f.toJSON()), kind).toBe(true);
        expect(Number.isFinite(f.predict(2003))).toBe(true);
      }
    }
    const zigzag = obs([1e-300, 1e300, 1, 1e-100, 1e200, 5, 1e300]);
    for (const kind of ['exponential', 'logistic', 'gompertz'] as const) {
      const r = outcome(() => fitGrowth(zigzag, kind));
      if (r.error) expect(r.error.message).toMatch(/^fitGrowth: /);
      else expect(finiteEverywhere((r.value as ReturnType<typeof fitGrowth>).toJSON())).toBe(true);
    }
  });

  it('observations without kind do not say "(got 0)"; a NaN year does not say "two observations for NaN"', () => {
    const noKind = TITR_VOLUMES.map(({ year, volumeMt }) => ({ year, volumeMt })) as unknown as Observation[];
    expect(() => fitGrowth(noKind, 'exponential')).toThrow(/fitGrowth: observations\[0\].kind must be one of 'reported', 'estimate', 'target' \(got nothing\)/);
    expect(() => fitGrowth(obs([1, 2, 3, 4], [2000, NaN, 2002, NaN]), 'exponential')).toThrow(/fitGrowth: observations\[1\].year must be a finite number \(got NaN\)/);
    expect(() => fitGrowth('TITR' as never, 'exponential')).toThrow(/fitGrowth: observations must be an array/);
  });

  it('is plain data: kind growth-fit, family, toJSON without functions; model is the anchored scenario form', () => {
    const f = fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: 10 } });
    expect(f.kind).toBe('growth-fit');
    expect(f.family).toBe('logistic');
    expect(f.model).toEqual({ model: 'logistic', capacityMt: 10, rate: f.parameters[1]!.estimate });
    const json = f.toJSON();
    expect(JSON.parse(JSON.stringify(f))).toEqual(json);
    expect(JSON.stringify(json).length).toBeLessThan(4000);
    // The scenario form reproduces the fitted path, and simulating it starts at the anchor.
    const c = growthCurve(f.model, f.anchor);
    for (const y of [2019, 2022, 2025, 2027, 2040]) expect(Math.abs(c(y) - f.predict(y))).toBeLessThanOrEqual(1e-12 * f.predict(y));
    expect(parseScenario({ start: f.anchor, horizon: 2030, growth: f.model }).growth).toEqual(f.model);
  });
});

describe('fitRandomWalk', () => {
  it('an Infinity volume is refused', () => {
    expect(() => fitRandomWalk(obs([1, 2, Infinity, 4]))).toThrow(/fitRandomWalk: observations\[2\].volumeMt must be a finite number > 0 \(got Infinity\)/);
  });

  it('volumes from 1e-300 to 1e300: finite results or a RangeError', () => {
    const smooth = fitRandomWalk(obs([1e-300, 1e-100, 1e100, 1e300]));
    expect(finiteEverywhere(smooth)).toBe(true);
    expect(smooth.logGrowth).toBeCloseTo(Math.log(1e200), 9);
    expect(() => fitRandomWalk(obs([1e-300, 1e300, 1e-300, 1e300]))).not.toThrow();
    expect(finiteEverywhere(fitRandomWalk(obs([1e-300, 1e300, 1e-300, 1e300])))).toBe(true);
    expect(() => fitRandomWalk(obs([1e-300, 1e300, 1e-300, 1e300], [2000, 2000.0001, 2000.0002, 2000.0003]))).toThrow(/fitRandomWalk: the growth of these observations is beyond a double/);
  });

  it('a NaN year is named, not "two observations for NaN"', () => {
    expect(() => fitRandomWalk(obs([1, 2, 3, 4], [2000, NaN, 2002, 2003]))).toThrow(/fitRandomWalk: observations\[1\].year must be a finite number \(got NaN\)/);
  });
});

describe('cagr and requiredGrowth overflow', () => {
  it('cagr(1e-300 → 1e300 in 1 year) is a RangeError naming cagr, not Infinity', () => {
    expect(() => cagr({ year: 2020, volumeMt: 1e-300 }, { year: 2021, volumeMt: 1e300 })).toThrow(/^cagr: the growth from 1e-300 Mt in 2020 to 1e\+300 Mt in 2021 is beyond a double/);
    expect(() => requiredGrowth({ year: 2020, volumeMt: 1e-300 }, { year: 2021, volumeMt: 1e300 })).toThrow(/^requiredGrowth: the growth/);
    // Over more years the same ratio is a finite rate.
    expect(Math.abs(cagr({ year: 2020, volumeMt: 1e-300 }, { year: 2120, volumeMt: 1e300 }) - (1e6 - 1))).toBeLessThan(1e-12 * 1e6); // 1e600 in 100 years: ×1e6 a year
    expect(cagr({ year: 2020, volumeMt: 1e300 }, { year: 2021, volumeMt: 1e-300 })).toBe(-1);
  });

  it('wrong kinds are TypeErrors naming the function', () => {
    expect(() => cagr(null as never, start)).toThrow(/^cagr: from must be an object \{ year, volumeMt \}/);
    expect(() => requiredGrowth(start, { year: '2027', volumeMt: 10 } as never)).toThrow(/^requiredGrowth: target.year must be a finite number \(got "2027"\)/);
  });
});

describe('options of fitGrowth and fitRandomWalk are closed records', () => {
  it('unknown keys are refused, naming the allowed ones', () => {
    expect(() => fitGrowth(TITR_VOLUMES, 'exponential', { form: 2020 } as never)).toThrow(/fitGrowth: unknown option 'form' \(allowed: from, through, kinds, fixed, bounds\)/);
    expect(() => fitRandomWalk(TITR_VOLUMES, { thru: 2024 } as never)).toThrow(/fitRandomWalk: unknown option 'thru' \(allowed: from, through, kinds\)/);
    expect(() => fitGrowth(TITR_VOLUMES, 'exponential', null as never)).toThrow(TypeError);
    expect(() => fitGrowth(TITR_VOLUMES, 'exponential', { kinds: ['outturn'] } as never)).toThrow(/fitGrowth: kinds\[0\] must be one of 'reported', 'estimate', 'target' \(got "outturn"\)/);
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: '10' } } as never)).toThrow(/fitGrowth: fixed.capacityMt must be a finite number \(got "10"\)/);
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { bounds: { capacityMt: [5] } } as never)).toThrow(/fitGrowth: bounds.capacityMt must be \[lower, upper\]/);
  });

  it('arbitrary option values (fast-check): a fit, or a TypeError/RangeError naming the function', () => {
    const anything = fc.oneof(fc.anything(), fc.double(), fc.constantFrom(null, undefined, NaN, Infinity, '2024', 10n, [], {}));
    const key = fc.constantFrom('from', 'through', 'kinds', 'fixed', 'bounds', 'form', 'volumeMT');
    const opts = fc.dictionary(key, anything, { maxKeys: 3 });
    fc.assert(
      fc.property(opts, fc.constantFrom('exponential', 'logistic', 'gompertz') as fc.Arbitrary<'exponential' | 'logistic' | 'gompertz'>, (o, kind) => {
        for (const [fn, run] of [
          ['fitGrowth', () => fitGrowth(TITR_VOLUMES, kind, o as never)],
          ['fitRandomWalk', () => fitRandomWalk(TITR_VOLUMES, o as never)],
        ] as const) {
          const r = outcome(run);
          if (r.error) {
            expect(r.error instanceof TypeError || r.error instanceof RangeError, r.error.message).toBe(true);
            expect(r.error.message.startsWith(`${fn}: `), r.error.message).toBe(true);
          } else {
            const v = r.value as { toJSON?: () => unknown };
            expect(finiteEverywhere(v.toJSON ? v.toJSON() : v)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Parsing

const finiteD = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** A parameter whose whole support lies in [lo, hi] (lo > 0 where positivity is needed). */
const param = (lo: number, hi: number) =>
  fc.oneof(
    finiteD(lo, hi),
    fc.tuple(finiteD(lo, hi), finiteD(lo, hi)).map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.tuple(finiteD(lo, hi), finiteD(lo, hi), finiteD(lo, hi)).map((xs) => {
      const [a, m, b] = xs.sort((x, y) => x - y);
      return { dist: 'triangular' as const, min: a!, mode: m!, max: b! };
    }),
    fc.tuple(finiteD(lo, hi), finiteD(0, 1)).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd, min: lo, max: hi })),
    fc.array(finiteD(lo, hi), { minLength: 1, maxLength: 4 }).map((values) => ({ dist: 'empirical' as const, values })),
  );

/** Valid scenarios of every shape the schema allows. */
const validScenario: fc.Arbitrary<ScenarioInput> = fc
  .record(
    {
      name: fc.string({ maxLength: 8 }),
      year: fc.integer({ min: 1990, max: 2100 }),
      v0: finiteD(0.01, 100),
      years: fc.integer({ min: 0, max: 30 }),
      growthKind: fc.constantFrom('exponential', 'logistic-rate', 'gompertz-rate', 'logistic-mid', 'piecewise', 'expression'),
      rate: param(0.01, 1),
      capacity: fc.option(fc.record({ baseMt: param(0.5, 50), expansions: fc.array(fc.record({ dy: fc.integer({ min: 0, max: 10 }), addMt: param(0, 5) }, { requiredKeys: ['dy', 'addMt'] }), { maxLength: 3 }) }), { nil: undefined }),
      disruptions: fc.array(fc.record({ probability: param(0, 1), demandFactor: param(0.5, 1.5) }), { maxLength: 3 }),
      volatility: fc.option(param(0, 0.5), { nil: undefined }),
      persistence: fc.option(finiteD(0, 0.9), { nil: undefined }),
      target: fc.option(fc.constantFrom<'none' | 'given'>('none', 'given'), { nil: undefined }),
    },
    { requiredKeys: ['year', 'v0', 'years', 'growthKind', 'rate', 'disruptions'] },
  )
  .map((x) => {
    const growth =
      x.growthKind === 'exponential'
        ? { model: 'exponential' as const, rate: x.rate }
        : x.growthKind === 'logistic-rate'
          ? { model: 'logistic' as const, capacityMt: 3 * x.v0, rate: x.rate }
          : x.growthKind === 'gompertz-rate'
            ? { model: 'gompertz' as const, capacityMt: { dist: 'uniform' as const, min: 1.5 * x.v0, max: 5 * x.v0 }, rate: x.rate }
            : x.growthKind === 'logistic-mid'
              ? { model: 'logistic' as const, capacityMt: { dist: 'uniform' as const, min: 2.5 * x.v0, max: 5 * x.v0 }, midpointYear: { dist: 'uniform' as const, min: x.year + 1, max: x.year + 10 } }
              : x.growthKind === 'piecewise'
                ? { model: 'piecewise' as const, points: [{ year: x.year - 2, volumeMt: x.v0 / 2 }, { year: x.year + 3, volumeMt: x.v0 * 2 }] }
                : { model: 'expression' as const, formula: 'a * exp(0.1 * (t - 2000))', params: { a: x.rate } };
    const s: ScenarioInput = { start: { year: x.year, volumeMt: x.v0 }, horizon: x.year + x.years, growth };
    if (x.name !== undefined) s.name = x.name;
    if (x.capacity) s.capacity = { baseMt: x.capacity.baseMt, expansions: x.capacity.expansions.map((e) => ({ year: x.year + e.dy, addMt: e.addMt })) };
    s.disruptions = x.disruptions.map((d, i) => ({ name: `d${i}`, probability: d.probability, demandFactor: d.demandFactor }));
    if (x.volatility !== undefined) s.volatility = x.volatility;
    if (x.persistence !== undefined) s.persistence = x.persistence;
    if (x.target === 'given') s.target = { year: x.year + x.years, volumeMt: 10 };
    if (x.target === 'none') s.target = null;
    return s;
  });

const validRoute = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 6 }).filter((n) => n.trim() !== ''),
    source: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    legs: fc.array(
      fc.record(
        {
          days: param(0, 10),
          delay: fc.record({ probability: finiteD(0, 1), days: param(0, 5) }),
          queue: fc.record({ capacityMt: param(1, 20), servers: fc.integer({ min: 1, max: 8 }), serviceDays: finiteD(0.1, 2) }, { requiredKeys: ['servers', 'serviceDays'] }),
          source: fc.string({ maxLength: 6 }),
        },
        { requiredKeys: ['days'] },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((r) => ({ name: r.name, ...(r.source === undefined ? {} : { source: r.source }), legs: r.legs.map((l, i) => ({ name: `leg ${i}`, mode: 'rail' as const, ...l })) }));

const jsonRoundTrip = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

describe('parsing is idempotent (a parsed document parses to itself)', () => {
  it('presets and ROUTES: parse(parse(x)), parse(JSON(parse(x))) and parse(structuredClone(parse(x))) deep-equal parse(x)', () => {
    for (const p of Object.values(PRESETS)) {
      const a = parseScenario(p);
      expect(parseScenario(a)).toBe(a);
      expect(parseScenario(jsonRoundTrip(a))).toEqual(a);
      expect(parseScenario(structuredClone(a))).toEqual(a);
    }
    for (const r of Object.values(ROUTES)) {
      const a = parseRoute(r);
      expect(parseRoute(a)).toBe(a);
      expect(parseRoute(jsonRoundTrip(a))).toEqual(a);
      expect(parseRoute(structuredClone(a))).toEqual(a);
    }
  });

  it('generated scenarios (fast-check)', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const a = parseScenario(s);
        expect(parseScenario(jsonRoundTrip(a))).toEqual(a);
        expect(parseScenario(structuredClone(a))).toEqual(a);
        expect(parseScenario(parseScenario(jsonRoundTrip(a)))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('generated routes (fast-check)', () => {
    fc.assert(
      fc.property(validRoute, (r) => {
        const a = parseRoute(r);
        expect(parseRoute(jsonRoundTrip(a))).toEqual(a);
        expect(parseRoute(structuredClone(a))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('null means absent where a parsed document writes it; target: null means no target', () => {
    const s = parseScenario({ start, horizon: 2030, growth: { model: 'exponential', rate: 0.1 }, name: null, capacity: null, target: null, kind: 'scenario' });
    expect(s).toMatchObject({ name: null, capacity: null, target: null });
    expect(parseScenario({ start, horizon: 2030, growth: { model: 'exponential', rate: 0.1 } }).target).toEqual({ year: 2027, volumeMt: 10 });
    expect(() => parseScenario({ start, horizon: 2030, growth: { model: 'exponential', rate: 0.1 }, kind: 'route' })).toThrow(/kind: must be 'scenario' when given \(got "route"\)/);
    // -0 is written as 0, so that a JSON round trip (which cannot keep -0) parses to the same document.
    const z = parseScenario({ start, horizon: 2030, growth: { model: 'exponential', rate: -0 } });
    expect(Object.is((z.growth as { rate: number }).rate, 0)).toBe(true);
  });
});

describe('limits: long arrays are refused before their elements are validated', () => {
  it('10^6 invalid disruptions fail in well under a second, with one issue', () => {
    const disruptions = Array.from({ length: 1_000_000 }, () => ({ name: 1 }));
    const t = performance.now();
    let error: ScenarioError | undefined;
    try {
      parseScenario({ ...PRESETS.baseline, disruptions });
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(performance.now() - t).toBeLessThan(500);
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error!.issues).toEqual([{ path: ['disruptions'], message: 'must hold at most 100 disruptions (got 1000000)' }]);
  });

  it('at most 100 expansions and 1,000 piecewise points', () => {
    expect(() => parseScenario({ ...PRESETS.baseline, capacity: { baseMt: 6, expansions: Array.from({ length: 101 }, () => ({ year: 2027, addMt: 1 })) } })).toThrow(
      /capacity.expansions: must hold at most 100 expansions \(got 101\)/,
    );
    const points = Array.from({ length: 1001 }, (_, i) => ({ year: 2000 + i, volumeMt: 1 }));
    expect(() => parseScenario({ ...PRESETS.baseline, growth: { model: 'piecewise', points } })).toThrow(/growth.points: must hold at most 1000 points \{ year, volumeMt \} \(got 1001\)/);
    expect(parseScenario({ ...PRESETS.baseline, growth: { model: 'piecewise', points: points.slice(0, 1000) } }).growth.model).toBe('piecewise');
  });

  it('a ScenarioError lists at most 20 issues, then "… and N more problems"; issues keeps them all (up to 1,000)', () => {
    const disruptions = Array.from({ length: 100 }, () => ({ name: '', probability: 2, demandFactor: 0.9 }));
    let error: ScenarioError | undefined;
    try {
      parseScenario({ ...PRESETS.baseline, disruptions });
    } catch (e) {
      error = e as ScenarioError;
    }
    // Per disruption: the empty name and the probability; then 99 repeated names.
    expect(error!.issues).toHaveLength(299);
    expect(error!.issueCount).toBe(299);
    const lines = error!.message.split('\n');
    expect(lines[0]).toBe('invalid scenario (299 problems):');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[21]).toBe('  … and 279 more problems');
    // Beyond 1,000 issues only the first 1,000 are kept; the count is still exact.
    const many = new ScenarioError('scenario', Array.from({ length: 5000 }, (_, i) => ({ path: ['x', i], message: 'bad' })));
    expect(many.issues).toHaveLength(1000);
    expect(many.issueCount).toBe(5000);
    expect(many.message.split('\n').at(-1)).toBe('  … and 4980 more problems');
  });
});

describe('no NaN or ±Infinity from the fits and curves, whatever the data (fast-check)', () => {
  const volume = fc.oneof(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true }), fc.constantFrom(0, -1, NaN, Infinity, 5e-324, 1.7e308));
  const year = fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.constantFrom(NaN, 1e308, -1e308));
  const record = fc.array(fc.record({ year, volumeMt: volume, kind: fc.constantFrom('reported', 'reported', 'estimate', 'target', undefined) }), { maxLength: 9 });

  it('fitGrowth and fitRandomWalk: finite results or a RangeError/TypeError naming the function', () => {
    fc.assert(
      fc.property(record, fc.constantFrom('exponential', 'logistic', 'gompertz') as fc.Arbitrary<'exponential' | 'logistic' | 'gompertz'>, (rec, kind) => {
        for (const [fn, run] of [
          ['fitGrowth', () => fitGrowth(rec as Observation[], kind).toJSON()],
          ['fitRandomWalk', () => fitRandomWalk(rec as Observation[])],
        ] as const) {
          const r = outcome(run);
          if (r.error) {
            expect(r.error instanceof TypeError || r.error instanceof RangeError, r.error.message).toBe(true);
            expect(r.error.message.startsWith(`${fn}: `), r.error.message).toBe(true);
          } else expect(finiteEverywhere(r.value), JSON.stringify(r.value)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('cagr, requiredGrowth and compiled formulas: finite results or errors naming the function', () => {
    const pt = fc.record({ year, volumeMt: volume });
    fc.assert(
      fc.property(pt, pt, fc.double(), fc.double(), (a, b, t, p) => {
        for (const [fn, run] of [
          ['cagr', () => cagr(a, b)],
          ['requiredGrowth', () => requiredGrowth(a, b)],
          ['compileFormula', () => compileFormula('a * exp(0.1 * (t - 2000)) / (t - 2020)', ['a']).evaluate(t, { a: p })],
        ] as const) {
          const r = outcome(run);
          if (r.error) expect(r.error.message.startsWith(`${fn}: `), r.error.message).toBe(true);
          else expect(Number.isFinite(r.value), `${fn} gave ${r.value}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
