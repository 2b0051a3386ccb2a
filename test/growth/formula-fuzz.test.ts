/**
 * Issue 22 §2: a formula means exactly what mathjs 15 means, or is refused. A differential fuzz:
 * 10,000 seeded random expressions over the whole grammar (every operator, function — with
 * right and wrong arities —, constant, unary sign, precedence without brackets, implicit
 * multiplication, percentages, numbers written `5.`, `.5`, `1e3`, huge and tiny) × 26 values of
 * t (integers, halves, ±0, values a hair off an integer, huge). Each expression is either refused
 * by compileFormula with a FormulaError whose reason is one the docs list (docs/design.md,
 * "Formulas"), or gives at every t exactly mathjs's value (Object.is: the last bit, the sign of
 * zero) — or a RangeError exactly where mathjs has no finite real number (a NaN or ±Infinity
 * result, a complex step, a number of decimals it refuses).
 *
 * mathjs stays the oracle with its own config (relTol 1e-12, absTol 1e-15) and its own
 * round/floor/ceil/mod/comparisons/min/max; only its elementary functions are the library's
 * (as the library computes them portably), and a complex number it would make is reported as
 * such instead of carried on.
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from 'middle-corridor';
import { erf } from '../../src/growth/erf.js';
import { atan, cbrt, cos, cosh, exp, expm1, log, log10, log1p, log2, pow, sin, sinh, tan, tanh } from '../../src/math/index.js';

class Complex extends Error {}

const math = create(all!);
const original = { sqrt: math.sqrt, log: math.log, log1p: math.log1p, log2: math.log2, log10: math.log10, pow: math.pow };
/** mathjs's own decision (real or complex), and the library's value where it is real. */
function real<A extends number[]>(mathjsFn: (...a: A) => unknown, ours: (...a: A) => number) {
  return (...a: A): number => {
    const r = mathjsFn(...a);
    if (math.isComplex(r)) throw new Complex();
    return typeof r === 'number' && !Number.isNaN(r) ? ours(...a) : (r as number);
  };
}
const logOv = real((x: number) => original.log(x), log);
const log1pOv = real((x: number) => original.log1p(x), log1p);
const unary = { exp, expm1, sin, cos, tan, atan, sinh, cosh, tanh, cbrt, erf: (x: number) => erf(x) };
math.import(
  {
    ...Object.fromEntries(Object.entries(unary).map(([name, f]) => [name, math.typed(name, { number: f })])),
    sqrt: math.typed('sqrt', { number: real((x: number) => original.sqrt(x), Math.sqrt) }),
    log: math.typed('log', { number: logOv, 'number, number': (x: number, b: number) => logOv(x) / logOv(b) }),
    log1p: math.typed('log1p', { number: log1pOv, 'number, number': (x: number, b: number) => log1pOv(x) / logOv(b) }),
    log2: math.typed('log2', { number: real((x: number) => original.log2(x), log2) }),
    log10: math.typed('log10', { number: real((x: number) => original.log10(x), log10) }),
    pow: math.typed('pow', { 'number, number': real((x: number, y: number) => original.pow(x, y), pow) }),
  },
  { override: true },
);

/** The refusals docs/design.md lists ("Formulas"), each a FormulaError reason. */
const REFUSALS: [string, RegExp][] = [
  ['syntax mathjs cannot parse either', /^cannot be parsed: /],
  ['a symbol or function outside the allow-list', /^unknown (symbol|function) '/],
  ['an operator outside + - * / ^ % mod .* ./ .^, unary ±, single comparisons', /^operator '.+' is not allowed/],
  ['a chained comparison, assignment, matrix, object, range, block, property', /^(a (RelationalNode|AssignmentNode|FunctionAssignmentNode|ArrayNode|ObjectNode|RangeNode|BlockNode|AccessorNode) is not allowed|only the named functions may be called, not a \w+Node)/],
  ['a constant that is not a number', /^only numbers may appear as constants/],
  ['a call with an arity mathjs refuses (or cbrt with its complex-roots flag)', /^\w+ takes .* arguments? \(got \d+\), as in mathjs$/],
  ['a constant number of decimals mathjs refuses', /^(round|floor|ceil)\(x, n\): n, the number of decimals, must be an integer from 0 to 15/],
  ['an empty formula (mathjs: undefined)', /^must be a non-empty formula in t/],
];

const NUMBERS = ['1E3', '1e+3', '1.e3', '2.5e-3', '007', '0.0', '1e400', '1e-400', '9007199254740993', '0x1.8', '0o17', '0xffi8', '0', '1', '2', '3', '7', '10', '100', '2025', '0.5', '.5', '5.', '2.5', '1.5', '0.1', '0.2', '0.3', '1.005', '1e3', '1.5e-3', '1e-12', '1e-15', '1e300', '1e-300', '1e308', '2.9999999999999996', '0.49999999999999994', '4503599627370497', '0x1f', '0b101'];
const SYMBOLS = ['t', 't', 't', 'a', 'b', 'e', 'E', 'pi', 'PI', 'NaN', 'Infinity'];
const FUNCTIONS: [string, number][] = [['exp', 1], ['expm1', 1], ['log', 1], ['log', 2], ['log1p', 1], ['log1p', 2], ['log2', 1], ['log10', 1], ['sqrt', 1], ['cbrt', 1], ['pow', 2], ['abs', 1], ['sign', 1],
  ['min', 1], ['min', 2], ['min', 3], ['max', 1], ['max', 2], ['max', 3], ['floor', 1], ['floor', 2], ['ceil', 1], ['ceil', 2], ['round', 1], ['round', 2], ['sin', 1], ['cos', 1], ['tan', 1], ['atan', 1], ['sinh', 1], ['cosh', 1], ['tanh', 1], ['erf', 1]];
const BINARY = ['+', '-', '*', '/', '^', '%', ' mod ', '.*', './', '.^', '<', '>', '<=', '>=', '==', '!='];

/** Operators mathjs has and a formula may not use (refused by name). */
const REFUSED_OPERATORS = [' and ', ' or ', ' xor ', ' & ', ' | ', ' << ', ' ?? ', '! + '];
const sp = fc.constantFrom('', ' ');
const number = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }).map(String) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) });
const leaf = fc.oneof({ weight: 3, arbitrary: number }, { weight: 3, arbitrary: fc.constantFrom(...SYMBOLS) }, { weight: 1, arbitrary: fc.constantFrom('x', 'tau', 'true') });

const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    leaf,
    { weight: 1, arbitrary: fc.tuple(tie('e'), fc.constantFrom(...REFUSED_OPERATORS), tie('e')).map(([x, op, y]) => `${x}${op}${y}`) },
    fc.tuple(tie('e'), sp, fc.constantFrom(...BINARY), sp, tie('e')).map(([x, s1, op, s2, y]) => `${x}${s1}${op}${s2}${y}`),
    tie('e').map((x) => `(${x})`),
    fc.tuple(fc.constantFrom('-', '+'), tie('e')).map(([op, x]) => `${op}${x}`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, x, y]) => `(${c}) ? ${x} : ${y}`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, x, y]) => `${c} ? ${x} : ${y}`),
    // juxtaposed terms (implicit multiplication, rule 2 `2/3t`), brackets with newlines, tabs and comments
    fc.tuple(tie('e'), fc.constantFrom('', ' ', '\t'), tie('e')).map(([x, s, y]) => `${x}${s}${y}`),
    fc.tuple(fc.constantFrom('\n', ' # note\n', '\t', ''), tie('e')).map(([w, x]) => `(${w}${x}${w})`),
    fc.tuple(fc.constantFrom('-', '+', '--', '-+', '+-'), sp, tie('e')).map(([op, s, x]) => `${op}${s}${x}`),
    fc.tuple(number, sp, fc.constantFrom('t', 'a', '(t - 2)', 'pi')).map(([n, s, x]) => `${n}${s}${x}`),
    fc.tuple(number, sp).map(([n, s]) => `${n}${s}%`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.constantFrom(0, 0, 0, 0, 0, -1, 1), fc.array(tie('e'), { minLength: 4, maxLength: 4 })).map(
      ([[name, n], wrong, args]) => `${name}(${args.slice(0, Math.max(0, n + wrong)).join(', ')})`,
    ),
    fc.tuple(fc.constantFrom('round', 'floor', 'ceil'), tie('e'), fc.constantFrom('0', '1', '2', '12', '15', '16', '-1', '1.5', 't', 't - 2')).map(([name, x, n]) => `${name}(${x}, ${n})`),
  ),
})).e;

/** 26 values of t: integers, halves, ±0, a hair off an integer, huge and tiny. */
const TS = [0, -0, 1, 2, 3, 7, -1, -2.5, 2.5, 0.5, -0.5, 1.5, 2025, 2030.5, 2.9999999999999996, 3.0000000000000004, -2.9999999999999996, 0.30000000000000004, 1e-13, -1e-16, 1e15 + 0.5, 1e21, 1e300, -1e300, 123456789012.7, 5e-324];
const PARAMS = [{ a: 1.5, b: 0.25 }, { a: -2, b: 3 }, { a: 0, b: 1e-12 }, { a: 0.1, b: -0.5 }];

type Outcome = { value: number } | { error: unknown };
function run(f: () => unknown): Outcome {
  try {
    const v = f();
    return { value: typeof v === 'boolean' ? Number(v) : (v as number) };
  } catch (error) {
    return { error };
  }
}

/** Why the library's outcome at one t disagrees with mathjs's, or undefined when it agrees. */
function disagreement(ours: Outcome, theirs: Outcome): string | undefined {
  if ('value' in theirs) {
    const v = theirs.value;
    if (typeof v !== 'number') return `mathjs gives a ${typeof v}`;
    if (Number.isFinite(v)) return 'value' in ours && Object.is(ours.value, v) ? undefined : `mathjs ${Object.is(v, -0) ? '-0' : v}, ours ${'value' in ours ? ours.value : String(ours.error)}`;
    // A NaN or ±Infinity result: refused at evaluation, as docs/design.md says
    return 'error' in ours && ours.error instanceof RangeError && /a formula must give a finite number/.test(ours.error.message) ? undefined : `mathjs ${v}, ours ${'value' in ours ? ours.value : String(ours.error)}`;
  }
  if ('value' in ours) return `mathjs throws ${String(theirs.error)}, ours ${ours.value}`;
  if (!(ours.error instanceof RangeError)) return `ours throws a ${String(ours.error)}`;
  if (theirs.error instanceof Complex) return /is not a real number/.test(ours.error.message) ? undefined : `mathjs makes a complex number, ours ${ours.error.message}`;
  // Both refuse: mathjs throws only for a number of decimals it does not accept
  return /number of decimals/i.test(String(theirs.error)) && /the number of decimals, must be an integer from 0 to 15/.test(ours.error.message) ? undefined : `mathjs throws ${String(theirs.error)}, ours ${ours.error.message}`;
}

// A longer run: FORMULA_FUZZ_RUNS=200000 FORMULA_FUZZ_SEED=7 npx vitest run test/growth/formula-fuzz.test.ts
const RUNS = Number(process.env.FORMULA_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FORMULA_FUZZ_SEED ?? 22);

interface Tally {
  problems: string[];
  refused: Map<string, number>;
  outcomes: Map<string, number>;
  compared: number;
}

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Each text compiled by the library and by mathjs, then evaluated by both at each t; every disagreement written down. */
function compare(texts: readonly string[], ts: readonly number[]): Tally {
  const tally: Tally = { problems: [], refused: new Map(), outcomes: new Map(), compared: 0 };
  const { problems } = tally;
  texts.forEach((text, k) => {
    const scope = PARAMS[k % PARAMS.length]!;
    let ours: ReturnType<typeof compileFormula> | undefined;
    try {
      ours = compileFormula(text, ['a', 'b']);
    } catch (e) {
      const reason = e instanceof FormulaError ? e.reason : String(e);
      const kind = REFUSALS.find(([, re]) => re.test(reason));
      if (!kind) return void problems.push(`${JSON.stringify(text)}: refused for an undocumented reason: ${reason}`);
      count(tally.refused, kind[0]);
      let parsed = true;
      try {
        math.parse(text);
      } catch {
        parsed = false;
      }
      if ((kind === REFUSALS[0]) !== !parsed) problems.push(`${JSON.stringify(text)}: ${parsed ? 'mathjs parses it, we' : 'mathjs cannot parse it, we'} say: ${reason}`);
      if (kind === REFUSALS[5] || kind === REFUSALS[6]) {
        // mathjs refuses these too, when it evaluates them (not in a branch it does not take, nor on a complex number)
        const r = run(() => math.evaluate(text, { t: 2, ...scope }));
        if ('value' in r && typeof r.value === 'number' && !text.includes('?')) problems.push(`${JSON.stringify(text)}: mathjs gives ${r.value}, we say: ${reason}`);
      }
      return;
    }
    let code: { evaluate(scope: object): unknown };
    try {
      code = math.compile(text);
    } catch (e) {
      return void problems.push(`${JSON.stringify(text)}: we compile it, mathjs cannot parse it (${String(e)})`);
    }
    for (const t of ts) {
      const theirs = run(() => code.evaluate({ t, ...scope }));
      count(tally.outcomes, 'value' in theirs ? (Number.isFinite(theirs.value) ? 'finite' : 'not finite') : theirs.error instanceof Complex ? 'complex' : 'mathjs throws');
      const why = disagreement(run(() => ours.evaluate(t, scope)), theirs);
      if (why) problems.push(`${JSON.stringify(text)} at t = ${Object.is(t, -0) ? '-0' : t}, ${JSON.stringify(scope)}: ${why}`);
      tally.compared++;
    }
  });
  return tally;
}

/** Token soup: random runs of the grammar's pieces, most of them not formulas, to hold the parser to mathjs's. */
const SOUP = ['t', 'a', 'b', '2', '0.5', '5.', '.5', '1e3', '1e', 'e', 'pi', 'NaN', '+', '-', '*', '/', '^', '%', ' mod ', '.*', './', '.^', '(', ')', ',', '<', '==', '>=', '!=',
  '?', ':', ' ', 'sqrt', 'log', 'max', 'round', 'floor', '\n', '#c\n', '!', '&', 'x', '2t', '.', ';', '[', ']', "'", ' in ', ' to ', 'in', 'cm'];
const soup = fc.array(fc.constantFrom(...SOUP), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

describe('formulas mean exactly what mathjs means, or are refused (differential fuzz)', () => {
  it(`${RUNS.toLocaleString('en')} random expressions × 26 values of t: zero disagreements besides the documented refusals`, () => {
    const { problems, refused, outcomes, compared } = compare(fc.sample(expression, { seed: SEED, numRuns: RUNS }), TS);
    expect(problems.slice(0, 30), `${problems.length} disagreements`).toEqual([]);
    // Not vacuous: most expressions compile and are compared at every t; every kind of refusal occurs.
    expect(compared).toBeGreaterThan(26 * RUNS * 0.5);
    // … and every kind of outcome at evaluation is met many times
    for (const kind of ['finite', 'not finite', 'complex', 'mathjs throws']) expect(outcomes.get(kind) ?? 0, `${kind}: ${JSON.stringify([...outcomes])}`).toBeGreaterThan(RUNS * (kind === 'finite' ? 10 : 0.05));
    expect([...refused.keys()].sort(), JSON.stringify([...refused])).toEqual(REFUSALS.slice(0, 7).map(([k]) => k).sort());
  });

  it(`${(2 * RUNS).toLocaleString('en')} token soups: parsed as mathjs parses them (or refused as it refuses them), then the same values`, () => {
    const { problems, refused, compared } = compare(fc.sample(soup, { seed: SEED + 1, numRuns: 2 * RUNS }), [0, -0, 2, 2.5, -3, 2025.5]);
    expect(problems.slice(0, 30), `${problems.length} disagreements`).toEqual([]);
    expect(compared).toBeGreaterThan(RUNS * 0.2); // about 3 % of the soups are formulas
    expect(refused.get(REFUSALS[0]![0]) ?? 0).toBeGreaterThan(RUNS * 0.2);
  });
});
