import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, log, pow, sin } from '../../src/math/index.js';
import { ANNOUNCED_TRAJECTORY, cagr, compileFormula, FormulaError, growthCurve, logGrowthRatio, requiredGrowth, TITR_VOLUMES, type FixedGrowthModel, type GrowthModel } from 'middle-corridor';
import { REF, closeRel } from '../helpers.js';

const at = (obs: typeof TITR_VOLUMES, year: number) => obs.find((o) => o.year === year && o.kind === 'reported')!;

describe('cagr and required growth (reference: test/fixtures/reference.py)', () => {
  it('2020 → 2024 is 54.69 %/yr on the ministry series and 51.24 %/yr on the article’s', () => {
    expect(cagr(at(TITR_VOLUMES, 2020), at(TITR_VOLUMES, 2024))).toBeCloseTo(REF.cagr.ministry, 14);
    expect(cagr(at(TITR_VOLUMES, 2020), at(TITR_VOLUMES, 2024))).toBeCloseTo(0.5469, 4);
    expect(cagr(ANNOUNCED_TRAJECTORY[0]!, ANNOUNCED_TRAJECTORY[1]!)).toBeCloseTo(REF.cagr.article, 14);
    expect(cagr(ANNOUNCED_TRAJECTORY[0]!, ANNOUNCED_TRAJECTORY[1]!)).toBeCloseTo(0.5124, 4); // the 0.5125 is rounded up
  });

  it('10 Mt in 2027 needs 55.8 %/yr from the 2025 outturn and 38.7 %/yr from the article’s 5.2 Mt', () => {
    expect(requiredGrowth(at(TITR_VOLUMES, 2025), { year: 2027, volumeMt: 10 })).toBeCloseTo(REF.cagr.required_from_outturn, 14);
    expect(requiredGrowth({ year: 2025, volumeMt: 5.2 }, { year: 2027, volumeMt: 10 })).toBeCloseTo(REF.cagr.required_from_article, 14);
  });

  it('an exponential path at the CAGR goes through both points (law)', () => {
    const pt = fc.record({ year: fc.integer({ min: 1990, max: 2100 }), volumeMt: fc.double({ min: 1e-3, max: 1e3, noNaN: true }) });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        fc.pre(a.year < b.year);
        const rate = cagr(a, b);
        const v = growthCurve({ model: 'exponential', rate }, a);
        // Conditioning: rate carries an absolute rounding error of ~ε, i.e. a relative error of
        // ε/(1 + rate) in the growth factor, which k = |Δyears| compounding steps multiply by k.
        const k = b.year - a.year;
        const tol = 8 * Number.EPSILON * (1 + k / (1 + rate)) * (1 + Math.abs(Math.log(b.volumeMt / a.volumeMt)));
        expect(closeRel(v(b.year), b.volumeMt, tol), `rate ${rate}, ${k} years`).toBe(true);
      }),
    );
  });

  it('rejects equal years, non-positive volumes and a `to` or target at or before the start, naming both years', () => {
    expect(() => cagr({ year: 2020, volumeMt: 1 }, { year: 2020, volumeMt: 2 })).toThrow(/cagr: to.year must be after from.year \(got from.year 2020, to.year 2020\)/);
    expect(() => cagr({ year: 2022, volumeMt: 1 }, { year: 2020, volumeMt: 4 })).toThrow(/cagr: to.year must be after from.year \(got from.year 2022, to.year 2020\)/);
    expect(() => cagr({ year: 2022, volumeMt: 1 }, { year: 2020, volumeMt: 4 })).toThrow(RangeError);
    expect(() => requiredGrowth({ year: 2025, volumeMt: 4 }, { year: 2025, volumeMt: 10 })).toThrow(/requiredGrowth: target.year must be after from.year \(got from.year 2025, target.year 2025\)/);
    expect(() => cagr({ year: 2020, volumeMt: 0 }, { year: 2021, volumeMt: 2 })).toThrow(/cagr: from.volumeMt must be a finite number > 0 \(got 0\)/);
    expect(() => requiredGrowth({ year: 2025, volumeMt: 4 }, { year: 2024, volumeMt: 10 })).toThrow(/target.year must be after from.year \(got from.year 2025, target.year 2024\)/);
  });
});

describe('growth models (docs/design.md, "Median path")', () => {
  const anchor = { year: 2025, volumeMt: 4.119 };

  it('exponential: v0·(1 + rate)^k', () => {
    const v = growthCurve({ model: 'exponential', rate: 0.25 }, anchor);
    expect(v(2025)).toBe(4.119);
    expect(v(2027)).toBeCloseTo(4.119 * 1.25 ** 2, 12);
    expect(v(2020)).toBeCloseTo(4.119 / 1.25 ** 5, 12);
  });

  it('logistic and Gompertz: the absolute curve (rate and midpointYear) and the anchored one (docs/design.md)', () => {
    const lg: GrowthModel = { model: 'logistic', capacityMt: 12, rate: 0.6, midpointYear: 2026 };
    const gz: GrowthModel = { model: 'gompertz', capacityMt: 12, rate: 0.6, midpointYear: 2026 };
    const m1 = (t: number) => 12 / (1 + Math.exp(-0.6 * (t - 2026)));
    const m2 = (t: number) => 12 * Math.exp(-Math.exp(-0.6 * (t - 2026)));
    // Anchored: through (2025, 4.119), plateau 12.
    const a1 = (t: number) => 12 / (1 + (12 / 4.119 - 1) * Math.exp(-0.6 * (t - 2025)));
    const a2 = (t: number) => 12 * Math.exp(Math.log(4.119 / 12) * Math.exp(-0.6 * (t - 2025)));
    for (const t of [2000, 2020, 2026, 2030, 2090]) {
      expect(closeRel(growthCurve(lg)(t), m1(t), 1e-13)).toBe(true);
      expect(closeRel(growthCurve(gz)(t), m2(t), 1e-13)).toBe(true);
      expect(closeRel(growthCurve({ model: 'logistic', capacityMt: 12, rate: 0.6 }, anchor)(t), a1(t), 1e-12)).toBe(true);
      expect(closeRel(growthCurve({ model: 'gompertz', capacityMt: 12, rate: 0.6 }, anchor)(t), a2(t), 1e-12)).toBe(true);
    }
    expect(growthCurve(lg)(2026)).toBeCloseTo(6, 12);
    // Far beyond the midpoint the logistic must not overflow to NaN.
    expect(growthCurve({ ...lg, rate: 50 } as GrowthModel)(1000)).toBeGreaterThanOrEqual(0);
  });

  it('piecewise: log-linear between points, the nearest segment’s rate beyond them', () => {
    const pw: GrowthModel = { model: 'piecewise', points: [{ year: 2020, volumeMt: 0.86 }, { year: 2024, volumeMt: 4.5 }, { year: 2025, volumeMt: 5.2 }, { year: 2027, volumeMt: 10 }] };
    const v = growthCurve(pw);
    expect(v(2024)).toBeCloseTo(4.5, 13);
    expect(v(2022)).toBeCloseTo(Math.sqrt(0.86 * 4.5), 13);
    expect(v(2026)).toBeCloseTo(Math.sqrt(5.2 * 10), 13);
    expect(v(2029)).toBeCloseTo(10 * (10 / 5.2), 12);
    expect(v(2018)).toBeCloseTo(0.86 / Math.sqrt(4.5 / 0.86), 12);
  });

  it('expression: a mathjs formula compiled once to a closure, no mathjs per evaluation', () => {
    const ex: GrowthModel = { model: 'expression', formula: 'a * exp(b * (t - 2025)) + c^2', params: { a: 4, b: 0.1, c: 1 } };
    const v = growthCurve(ex);
    expect(v(2025)).toBeCloseTo(5, 14);
    expect(v(2030)).toBeCloseTo(4 * Math.exp(0.5) + 1, 13);
  });

  it('log growth ratios are differences of log levels and anchor-invariant (law)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 3, noNaN: true }),
        fc.integer({ min: 1950, max: 2100 }),
        fc.integer({ min: 1950, max: 2100 }),
        fc.integer({ min: 1950, max: 2100 }),
        (rate, a, b, c) => {
          const m: FixedGrowthModel = { model: 'exponential', rate };
          const lhs = logGrowthRatio(m, a, c);
          const rhs = logGrowthRatio(m, a, b) + logGrowthRatio(m, b, c);
          expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(lhs)));
        },
      ),
    );
  });

  it('refuses distributions, a missing anchor for the exponential, and bad points', () => {
    expect(() => growthCurve({ model: 'exponential', rate: { dist: 'uniform', min: 0, max: 1 } })).toThrow(TypeError);
    expect(() => growthCurve({ model: 'exponential', rate: 0.1 })).toThrow(/needs an anchor/);
    expect(() => growthCurve({ model: 'piecewise', points: [{ year: 2020, volumeMt: 1 }] })).toThrow(/at least 2 points/);
    expect(() => growthCurve({ model: 'piecewise', points: [{ year: 2020, volumeMt: 1 }, { year: 2019, volumeMt: 2 }] })).toThrow(/must be after/);
    expect(() => growthCurve({ model: 'expression', formula: '-t', params: {} })(2025)).toThrow(/positive and finite/);
    expect(() => growthCurve({ model: 'exponential', rate: 0.1 }, anchor)(NaN)).toThrow(/year must be a finite number/);
  });
});

describe('formulas', () => {
  it('reject unknown symbols and functions, listing what is allowed', () => {
    expect(() => compileFormula('a * t + foo', ['a'])).toThrow(/unknown symbol 'foo' \(allowed: t, the params a, the constants e and pi/);
    expect(() => compileFormula('evaluate("1")', [])).toThrow(FormulaError);
    expect(() => compileFormula('x = 3', [])).toThrow(/AssignmentNode is not allowed/);
    expect(() => compileFormula('[1, 2]', [])).toThrow(/ArrayNode is not allowed/);
    expect(() => compileFormula('"text"', [])).toThrow(/only numbers/);
    expect(() => compileFormula('a.b', ['a'])).toThrow(FormulaError);
    expect(() => compileFormula('t +', [])).toThrow(/cannot be parsed/);
    expect(() => compileFormula('', [])).toThrow(/non-empty/);
  });

  it('evaluate operators, conditionals and functions like JavaScript does', () => {
    const f = compileFormula('t > 2025 ? max(a, 2) * log(t - 2000, 5) : -a % 3', ['a']);
    expect(f.evaluate(2030, { a: 1 })).toBeCloseTo(2 * (Math.log(30) / Math.log(5)), 14);
    expect(f.evaluate(2020, { a: 1 })).toBe(2); // mathjs mod: -1 mod 3 = 2
    expect(f.uses).toEqual(['a']);
  });

  it('read a condition as mathjs does (0 and NaN are false) and refuse a step with no real value', () => {
    const f = compileFormula('log(a - t) ? 1 : 2', ['a']);
    expect(f.evaluate(2030, { a: 2031 })).toBe(2); // log(1) = 0: false
    expect(() => f.evaluate(2030, { a: 2000 })).toThrow(/at t = 2030 \(a = 2000\): log\(-30\) is not a real number/);
    expect(compileFormula('0/0 ? 1 : 2', []).evaluate(2030, {})).toBe(2); // mathjs: !!NaN is false
  });

  it('read radix literals with any word size at once (a 900-digit size once looped forever)', () => {
    expect(compileFormula('0x1i' + '9'.repeat(900), []).evaluate(2030, {})).toBe(1);
    expect(compileFormula('0xffi8', []).evaluate(2030, {})).toBe(-1);
    expect(compileFormula('0x1.8', []).evaluate(2030, {})).toBe(1.5);
    expect(() => compileFormula('0x1i0', [])).toThrow(/out of range/);
  });

  it('call the library’s portable functions, the same bits on every engine', () => {
    expect(compileFormula('exp(t / 1000) + pow(t, 0.3) + sin(t) + log(t, 10)', []).evaluate(2027, {})).toBe(exp(2.027) + pow(2027, 0.3) + sin(2027) + log(2027) / log(10));
  });
});
