/**
 * Issue 22 §2: mathjs's rounding, comparisons and modulus (src/growth/formula-round.ts) against
 * mathjs 15 itself (a dev dependency, its own code and default tolerances: nothing given to it),
 * on the cases and on random numbers made to sit where the rules bite: a hair off an
 * integer, a half-integer or a 12-decimal boundary, huge, tiny, ±0.
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from 'middle-corridor';
import { ceilByRound, floorByRound, roundBySnap, mathjsCeil, mathjsCeilTo, mathjsFloor, mathjsFloorTo, mathjsMod, mathjsRound, mathjsRoundTo, nearlyEqual, roundDecimal } from '../../src/growth/formula-round.js';

const math = create(all!);
const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);
const same = (a: unknown, b: unknown) => Object.is(a, b);

/** Numbers where the rules bite: k, k ± a few ulps, k + 0.5 ± ulps, k + d·10^-12, plus any double. */
const tricky = fc.oneof(
  fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 0.5, 0.25, 1e-12, 5e-13, 4.9e-13, 1e-15, 1e-16, 0.005, 0.5 - 1e-9, 0.5 + 1e-9, 0.4999999999995, 0.5000000000005, 0.4999999999994, 0.49999999999949, 0.999999999999), fc.integer({ min: -4, max: 4 }), fc.constantFrom(1, -1)).map(([k, f, ulps, s]) => {
    let x = s * (k + f);
    for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? nextUp(x) : -nextUp(-x);
    return x;
  }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2.9999999999999996, 2.49999999999995, 1.005, -2.5, 4503599627370497, 1e11 + 0.4999999, 5e-324),
);

function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return 5e-324;
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] = i[0]! + (x > 0 ? 1n : -1n);
  return b[0]!;
}

describe('mathjs rounding, comparisons and modulus', () => {
  it("the issue's cases compute what mathjs computes", () => {
    const cases = ['round(2.5, 1)', 'round(-2.5)', 'round(2.5)', 'round(-0.4)', 'round(-0)', 'round(1.005, 2)', 'round(2.49999999999995)', 'floor(2.9999999999999996)', 'ceil(3.0000000000000004)',
      'floor(-2.9999999999999996)', 'floor(2.567, 2)', 'ceil(2.561, 2)', '0.1 + 0.2 == 0.3', '0.1 + 0.2 != 0.3', '1 < 1 + 1e-13', '1 <= 1 - 1e-13', '5 mod 0', '-5 mod 0', '-1 mod 3', '5 mod -3',
      '7.5 mod 2.5', '(NaN > 1) + 0', '(NaN < 1) + 0', '(NaN == NaN) + 0', '(NaN != NaN) + 0', '(NaN <= NaN) + 0', 'NaN ? 1 : 2', 'max(1, 1 + 1e-13)', 'min(-0, 0)', 'max(0, -0)',
      '5.*t', '5.^2', '5./2', '5.%2', '2 .* 3', 'log1p(3, 2)', 'log(8, 2)', 'sign(-0)', 'sqrt(-0)', '(-8)^3', '(-0.5)^Infinity', '2^-Infinity', 'sqrt(NaN) > 1 ? 1 : 2', 'erf(-0)', 'erf(0)'];
    for (const text of cases) {
      const expected = num(math.evaluate(text, { t: 3 }));
      expect(same(compileFormula(text, []).evaluate(3, {}), expected), `${text}: mathjs ${String(expected)}`).toBe(true);
    }
  });

  it('arities mathjs refuses are FormulaErrors at compilation; its complex numbers RangeErrors at evaluation', () => {
    for (const text of ['sqrt(4, 2, 3)', 'exp(1, 2)', 'abs(t, 5)', 'log(t, 2, 3)', 'pow(2)', 'min()', 'round(1, 2, 3)', 'erf()']) {
      expect(() => math.evaluate(text, { t: 3 }), text).toThrow(/Too (many|few) arguments/);
      expect(() => compileFormula(text, []), text).toThrow(FormulaError);
      expect(() => compileFormula(text, []), text).toThrow(/takes .* \(got \d\), as in mathjs/);
    }
    for (const text of ['round(t, 1.5)', 'floor(t, 16)', 'ceil(t, -1)']) {
      expect(() => math.evaluate(text, { t: 3 }), text).toThrow(/decimals/);
      expect(() => compileFormula(text, []), text).toThrow(/must be an integer from 0 to 15/);
    }
    expect(() => compileFormula('round(2, t)', []).evaluate(2.5, {})).toThrow(/at t = 2.5: round\(x, n\): n, the number of decimals, must be an integer from 0 to 15 \(got 2.5\)/);
    for (const text of ['sqrt(t - 5)', 'log(-t)', 'log2(-t)', 'log10(-t)', 'log1p(-t)', '(-t)^0.5', 'pow(-t, 1/3)', 'abs(sqrt(-t))', 'log(t, -2)', 'log(0/0)']) {
      expect(math.isComplex(math.evaluate(text.replace('abs', '')!, { t: 3 })), text).toBe(true);
      expect(() => compileFormula(text, []).evaluate(3, {}), text).toThrow(/is not a real number \(a formula computes on real numbers; mathjs would go on with a complex number\)/);
    }
  });

  it('a parameter shadows a constant as in mathjs, is never called as a function, and is never named t', () => {
    expect(compileFormula('e * pi', ['e']).evaluate(2025, { e: 2 })).toBe(math.evaluate('e * pi', { e: 2 }));
    expect(() => math.evaluate('max(1, 2)', { max: 3 })).toThrow();
    expect(() => compileFormula('max(1, 2)', ['max'])).toThrow(/unknown function 'max': it is a parameter, a number, which mathjs would not call/);
    expect(compileFormula('max * 2', ['max']).evaluate(2025, { max: 3 })).toBe(6);
    expect(() => compileFormula('t', ['t'])).toThrow(/cannot use "t" as a parameter name \(t is the year\)/);
  });

  it('round, floor, ceil and mod give mathjs’s value to the bit, with and without decimals', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 0, max: 15 }), (x, n) => {
        expect(same(mathjsRound(x), num(math.round(x))), `round(${x})`).toBe(true);
        expect(same(mathjsFloor(x), math.floor(x)), `floor(${x})`).toBe(true);
        expect(same(mathjsCeil(x), math.ceil(x)), `ceil(${x})`).toBe(true);
        expect(same(mathjsRoundTo(x, n), math.round(x, n)), `round(${x}, ${n})`).toBe(true);
        expect(same(mathjsFloorTo(x, n), math.floor(x, n)), `floor(${x}, ${n})`).toBe(true);
        expect(same(mathjsCeilTo(x, n), math.ceil(x, n)), `ceil(${x}, ${n})`).toBe(true);
        expect(same(roundDecimal(x, 12), math.round(x, 12)), `roundDecimal(${x}, 12)`).toBe(true);
      }),
      { numRuns: 3000, seed: 22 },
    );
  });

  it('mod and the comparisons give mathjs’s value, the tolerance included', () => {
    fc.assert(
      fc.property(tricky, fc.oneof(tricky, fc.constantFrom(0, 1, 2.5, -3, 1e-12, 0.1)), (x, y) => {
        expect(same(mathjsMod(x, y), math.mod(x, y)), `mod(${x}, ${y})`).toBe(true);
        expect(nearlyEqual(x, y), `equal(${x}, ${y})`).toBe(math.equal(x, y));
        const near = y === 0 ? x : x + x * 1e-13; // within the relative tolerance
        expect(nearlyEqual(x, near)).toBe(math.equal(x, near));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  it('the shortcuts of round (away from ½) and of floor and ceil (below 1e11) are mathjs’s full rules (law)', () => {
    fc.assert(
      fc.property(tricky, (x) => {
        expect(same(mathjsRound(x), roundBySnap(x)), `round(${x})`).toBe(true);
        expect(same(mathjsFloor(x), floorByRound(x)), `floor(${x})`).toBe(true);
        expect(same(mathjsCeil(x), ceilByRound(x)), `ceil(${x})`).toBe(true);
      }),
      { numRuns: 20_000, seed: 24 },
    );
  });

  it('laws: round is odd, floor ≤ ceil, both whole, mod keeps the divisor’s sign (law)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (x, y) => {
        expect(mathjsRound(-x) === -mathjsRound(x)).toBe(true); // the sign of a zero aside (mathjs's round(−1e-300) is +0)
        expect(mathjsFloor(x)).toBeLessThanOrEqual(mathjsCeil(x));
        expect(Number.isInteger(mathjsFloor(x)) && Number.isInteger(mathjsCeil(x))).toBe(true);
        expect(mathjsCeil(x) - mathjsFloor(x)).toBeLessThanOrEqual(1);
        const m = mathjsMod(x, y);
        // x − y·floor(x / y): in [0, y), give or take the floor's tolerance (1e-12 of x/y, or 1e-15) and rounding
        expect(m).toBeGreaterThanOrEqual(-(1e-12 + 4 * Number.EPSILON) * Math.abs(x) - 1e-15 * y);
        expect(m).toBeLessThanOrEqual(y + Math.abs(x) * Number.EPSILON * 4);
      }),
      { numRuns: 2000, seed: 25 },
    );
  });
});
