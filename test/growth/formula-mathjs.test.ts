/**
 * The formula parser and compiler (src/growth/formula*.ts) against mathjs 15, a dev dependency
 * kept as the independent reference: random well-formed formulas (trees, printed) evaluate to the
 * same number in both, and what mathjs cannot parse we refuse too.
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from 'middle-corridor';
import { atan, cos, cosh, exp, expm1, log, log10, log1p, log2, pow, sin, sinh, tan, tanh } from '../../src/math/index.js';

// mathjs with its own configuration (relTol 1e-12, absTol 1e-15): the compiler compares, rounds
// and floors within the same tolerances. (test/growth/formula-fuzz.test.ts holds every function
// and operator, with the library's elementary functions given to mathjs, to the last bit.)
const math = create(all!);
// The compiler calls the library's portable elementary functions (the same bits on every engine),
// mathjs calls Math.*: mathjs is given the same functions, so that what is compared is the
// reading of the syntax and the order of the operations, bit for bit.
// (Typed, so that mathjs still turns a boolean argument into a number.)
const unary = { exp, expm1, log1p, log2, log10, sin, cos, tan, atan, sinh, cosh, tanh };
math.import(
  {
    ...Object.fromEntries(Object.entries(unary).map(([name, f]) => [name, math.typed(name, { number: f })])),
    log: math.typed('log', { number: log, 'number, number': (x: number, base: number) => log(x) / log(base) }),
    pow: math.typed('pow', { 'number, number': pow }),
  },
  { override: true },
);

/** Functions whose mathjs and JavaScript definitions agree bit for bit on numbers. */
const SAME = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sqrt', 'abs', 'sign', 'min', 'max', 'sin', 'cos', 'tan', 'atan', 'sinh', 'cosh', 'tanh'];
/** Functions mathjs computes its own way (compared within a tolerance): cbrt, erf. */
const CLOSE = ['cbrt', 'erf'];

const leaf = fc.oneof(
  fc.constantFrom('t', 'a', 'b', 'e', 'pi', 'E', 'PI'),
  fc.constantFrom(0, 1, 2, 0.5, 3, 10, 2025, 1e-3, 1.5e2).map(String),
  fc.double({ min: 0, max: 1e3, noNaN: true }).map((x) => String(x)),
);

const formula: fc.Arbitrary<{ text: string; close: boolean }> = fc.letrec<{ f: { text: string; close: boolean } }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', maxDepth: 5, withCrossShrink: true },
    leaf.map((text) => ({ text, close: false })),
    fc.tuple(tie('f'), fc.constantFrom('+', '-', '*', '/', '^', '<', '>', '<=', '>=', '==', '!='), tie('f')).map(([x, op, y]) => ({ text: `(${x.text}) ${op} (${y.text})`, close: x.close || y.close })),
    tie('f').map((x) => ({ text: `-(${x.text})`, close: x.close })),
    fc.tuple(tie('f'), tie('f'), tie('f')).map(([c, x, y]) => ({ text: `(${c.text}) ? (${x.text}) : (${y.text})`, close: c.close || x.close || y.close })),
    fc.tuple(fc.constantFrom(...SAME, ...CLOSE), tie('f')).map(([fn, x]) => ({ text: `${fn}(${x.text})`, close: x.close || CLOSE.includes(fn) })),
    fc.tuple(fc.constantFrom('min', 'max', 'pow', 'log'), tie('f'), tie('f')).map(([fn, x, y]) => ({ text: `${fn}(${x.text}, ${y.text})`, close: x.close || y.close })),
  ),
})).f;

const scope = fc.record({ t: fc.integer({ min: 1990, max: 2060 }), a: fc.double({ min: -10, max: 10, noNaN: true }), b: fc.double({ min: 0, max: 5, noNaN: true }) });

/** mathjs's value as a number, or undefined when it is not a real number (a complex, NaN, ±Infinity). */
function reference(text: string, s: { t: number; a: number; b: number }): number | undefined {
  let v: unknown;
  try {
    v = math.evaluate(text, { ...s });
  } catch {
    return undefined; // e.g. a complex plus a boolean: mathjs has no rule for it
  }
  const x = typeof v === 'boolean' ? Number(v) : v;
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

describe('formulas against mathjs', () => {
  it('random formulas give the same number as mathjs evaluate (or both no finite real number)', () => {
    fc.assert(
      fc.property(formula, scope, ({ text, close }, s) => {
        const expected = reference(text, s);
        const f = compileFormula(text, ['a', 'b']);
        if (expected === undefined) {
          // No finite real number in mathjs (a complex, NaN or ±Infinity): the compiler refuses it
          // with a RangeError.
          expect(() => f.evaluate(s.t, s), text).toThrow(RangeError);
          return;
        }
        let got: number;
        try {
          got = f.evaluate(s.t, s);
        } catch (e) {
          // Only a step with no real value (a log of a negative number, …), where this mathjs, given
          // plain log and pow, goes on with a NaN that a comparison or a condition then swallows.
          expect(e).toBeInstanceOf(RangeError);
          expect((e as Error).message, text).toMatch(/is not a real number/);
          return;
        }
        if (close) expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
        else expect(Object.is(got, expected) || (got === 0 && expected === 0), `${text} at ${JSON.stringify(s)}: ${got} vs ${expected}`).toBe(true);
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it('reads mathjs syntax as mathjs does: precedence, implicit multiplication, rule 2, percentages, radix literals', () => {
    const s = { t: 2030, a: 1.5, b: 0.25 };
    const cases = ['-2^2', '2^-3^2', '2^3^2', '-t^2', '2t^2', '2 t', '2(t - 2000)', '(t - 2000)(t - 2001)', '(t)2', '2/3t', '-2/3t', '2/3(t)', 't/2t',
      't + 5%', '5% + t', '50%', '-a % 3', 'a mod b', 't % 7', '1e-3 t', '.5t', '5.', '1.e3', '0x1f', '0b101', '0o17', '0x1.8', '0xffi8', 'pi t', '1e', 'e^2',
      't > 2025 ? a : b', 't > 2040 ? a : t > 2020 ? b : 1', 'a < b', 'a == a', '+t', '--t', 't # a comment', '(\n t \n)', 'log(t, 2)', 'max(a, b, 2)',
      '\u03b1 * t', 'exp(b)(2)', 'a t b'];
    for (const text of cases) {
      const names = text.includes('\u03b1') ? ['a', 'b', '\u03b1'] : ['a', 'b'];
      const vars = { ...s, '\u03b1': 2 };
      expect(compileFormula(text, names).evaluate(s.t, vars), text).toBe(Number(math.evaluate(text, { ...vars })));
    }
  });

  it('refuses what mathjs cannot parse, as a FormulaError saying where', () => {
    const bad = ['t +', 'x+', '2 3', '1..2', '1e+', '(t', 't)', 'sqrt(t', '[1, 2', '{a: }', '"abc', "'x", 't ? 1', 't ? : 1', 'a b c ==', '1 = 2', 'f(1) = 2',
      't @ 2', '2 ** 3', 'a.', 'a?.', '"\\q"', '[1, 2; 3]', 't\\2', '1e5.5', 'max(1,,2)', ',', '', ' '];
    for (const text of bad) {
      if (text.trim() !== '') expect(() => math.parse(text), text).toThrow();
      expect(() => compileFormula(text, ['a', 'b']), text).toThrow(FormulaError);
    }
    // The message keeps mathjs's own wording and position.
    expect(() => compileFormula('t +', [])).toThrow('compileFormula: cannot be parsed: Unexpected end of expression (char 4)');
    expect(() => compileFormula('[1,2;3]', [])).toThrow('cannot be parsed: Column dimensions mismatch (1 !== 2) (char 8)');
  });

  it('refuses by name what mathjs parses but a formula may not hold', () => {
    const refused: [string, RegExp][] = [
      ['x = 3', /AssignmentNode is not allowed/], ['f(x) = x', /FunctionAssignmentNode is not allowed/], ['[1, 2]', /ArrayNode is not allowed/],
      ['{a: 1}', /ObjectNode is not allowed/], ['1:3', /RangeNode is not allowed/], ['1 < t < 3', /RelationalNode is not allowed/], ['t; t', /BlockNode is not allowed/],
      ['t\n', /BlockNode is not allowed/], ['a.b', /AccessorNode is not allowed/], ['a[1]', /AccessorNode is not allowed/], ['a?.b', /AccessorNode is not allowed/],
      ['"text"', /only numbers/], ['true', /only numbers/], ['null', /only numbers/], ['t!', /operator '!' is not allowed/], ["t'", /operator ''' is not allowed/],
      ['t and 1', /operator 'and' is not allowed/], ['not t', /operator 'not' is not allowed/], ['t ?? 1', /operator '\?\?' is not allowed/], ['t & 1', /operator '&' is not allowed/],
      ['t << 1', /operator '<<' is not allowed/], ['5 cm', /unknown symbol 'cm'/], ['2 in', /unknown symbol 'in'/], ['t to cm', /operator 'to' is not allowed/], ['sqrt 4', /unknown symbol 'sqrt'/],
      ['foo(t)', /unknown function 'foo'/], ['a.b(1)', /only the named functions may be called, not a AccessorNode/], ['t ^| 2', /operator '\^\|' is not allowed/],
      ['sqrt(4, 2, 3)', /sqrt takes 1 argument \(got 3\), as in mathjs/], ['max()', /max takes at least 1 argument \(got 0\)/], ['cbrt(8, 1)', /cbrt takes 1 argument/],
    ];
    for (const [text, message] of refused) {
      expect(() => math.parse(text), text).not.toThrow();
      expect(() => compileFormula(text, ['a']), text).toThrow(message);
    }
  });
});
