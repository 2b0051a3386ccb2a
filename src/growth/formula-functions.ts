/**
 * What a formula's functions and operators compute (./formula.ts compiles calls to these): mathjs
 * 15's meaning on real numbers, with the library's portable elementary functions (src/math, the
 * same bits on every engine) where mathjs calls Math.*. Comparisons, round, floor, ceil, mod, min
 * and max keep mathjs's tolerances (./formula-round.ts). Where mathjs would go on with a complex
 * number (sqrt or log of a negative, a negative number to a fractional power), a formula stops
 * with a {@link FormulaStepError}: a formula computes on real numbers only.
 */
import { atan, cbrt, cos, cosh, exp, expm1, log, log10, log1p, log2, pow, sin, sinh, tan, tanh } from '../math/index.js';
import { erf } from './erf.js';
import { isDecimals, mathjsCeil, mathjsCeilTo, mathjsFloor, mathjsFloorTo, mathjsMod, mathjsRound, mathjsRoundTo, nearlyEqual } from './formula-round.js';

/** A step of a formula that has no real value (`notReal`: the library's value would be NaN), or arguments mathjs refuses at run time; ./formula.ts adds the formula and t. */
export class FormulaStepError extends RangeError {
  constructor(
    message: string,
    readonly notReal = false,
  ) {
    super(message);
  }
}

const notReal = (what: string): never => {
  throw new FormulaStepError(`${what} is not a real number (a formula computes on real numbers; mathjs would go on with a complex number)`, true);
};

const decimals = (name: string, n: number): number => {
  if (!isDecimals(n)) throw new FormulaStepError(`${name}(x, n): n, the number of decimals, must be an integer from 0 to 15 (got ${n})`);
  return n;
};

/** mathjs's sqrt: NaN stays NaN, a negative number has no real root. */
const sqrtReal = (x: number) => (x >= 0 || x !== x ? Math.sqrt(x) : notReal(`sqrt(${x})`));
/** mathjs's log: of a negative number or NaN, complex. */
const logReal = (x: number) => (x >= 0 ? log(x) : notReal(`log(${x})`));

/** x to the power y as mathjs's pow: real unless x < 0 (or NaN) and y is not an integer. */
export function powReal(x: number, y: number): number {
  if (Number.isInteger(y) || x >= 0) return pow(x, y);
  if ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity)) return 0;
  return notReal(`${x < 0 || Object.is(x, -0) ? `(${x})` : x}^${y}`);
}

/** mathjs's max and min: NaN if any argument is NaN, else the first argument no other is larger (smaller) than, within the tolerance. */
function extreme(larger: boolean) {
  return (...xs: number[]): number => {
    let r = xs[0]!;
    for (let i = 0; i < xs.length; i++) {
      const v = xs[i]!;
      if (v !== v) r = v;
      else if (i > 0 && (larger ? v > r : v < r) && !nearlyEqual(v, r)) r = v;
    }
    return r;
  };
}

/** A function a formula may call: how many arguments mathjs accepts, and what it computes. */
export interface FormulaFunction {
  readonly min: number;
  readonly max: number;
  readonly fn: (...xs: number[]) => number;
}

const one = (fn: (x: number) => number): FormulaFunction => ({ min: 1, max: 1, fn });
const oneOrTwo = (fn: (x: number, y?: number) => number): FormulaFunction => ({ min: 1, max: 2, fn: fn as (...xs: number[]) => number });

/**
 * The functions a formula may call, with the arities mathjs accepts on numbers (cbrt's second
 * argument, which asks for all three complex roots, is left out). No own property of
 * Object.prototype is a key (the table is looked up with Object.hasOwn).
 */
export const FUNCTIONS: Readonly<Record<string, FormulaFunction>> = {
  exp: one(exp),
  expm1: one(expm1),
  log: oneOrTwo((x, base) => (base === undefined ? logReal(x) : logReal(x) / logReal(base))),
  log1p: oneOrTwo((x, base) => {
    const v = x >= -1 ? log1p(x) : notReal(`log1p(${x})`);
    return base === undefined ? v : v / logReal(base);
  }),
  log2: one((x) => (x >= 0 ? log2(x) : notReal(`log2(${x})`))),
  log10: one((x) => (x >= 0 ? log10(x) : notReal(`log10(${x})`))),
  sqrt: one(sqrtReal),
  cbrt: one(cbrt),
  pow: { min: 2, max: 2, fn: (x, y) => powReal(x!, y!) },
  abs: one(Math.abs),
  sign: one(Math.sign),
  min: { min: 1, max: Infinity, fn: extreme(false) },
  max: { min: 1, max: Infinity, fn: extreme(true) },
  floor: oneOrTwo((x, n) => (n === undefined ? mathjsFloor(x) : mathjsFloorTo(x, decimals('floor', n)))),
  ceil: oneOrTwo((x, n) => (n === undefined ? mathjsCeil(x) : mathjsCeilTo(x, decimals('ceil', n)))),
  round: oneOrTwo((x, n) => (n === undefined ? mathjsRound(x) : mathjsRoundTo(x, decimals('round', n)))),
  sin: one(sin),
  cos: one(cos),
  tan: one(tan),
  atan: one(atan),
  sinh: one(sinh),
  cosh: one(cosh),
  tanh: one(tanh),
  erf: one((x) => erf(x)),
};

/** The functions whose second argument is a number of decimals (an integer 0–15). */
export const DECIMALS_ARGUMENT: ReadonlySet<string> = new Set(['round', 'floor', 'ceil']);
export { isDecimals };

/**
 * The binary operators on numbers as mathjs computes them; comparisons give 1 or 0 (mathjs's
 * true or false, which are 1 and 0 in arithmetic) within mathjs's tolerance, and NaN compares
 * as mathjs's does (only `!=` holds). The element-wise `.*`, `./`, `.^` are `*`, `/`, `^` on
 * numbers.
 */
export const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  dotMultiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  dotDivide: (a, b) => a / b,
  pow: powReal,
  dotPow: powReal,
  mod: mathjsMod,
  smaller: (a, b) => (a < b && !nearlyEqual(a, b) ? 1 : 0),
  larger: (a, b) => (a > b && !nearlyEqual(a, b) ? 1 : 0),
  smallerEq: (a, b) => (a <= b || nearlyEqual(a, b) ? 1 : 0),
  largerEq: (a, b) => (a >= b || nearlyEqual(a, b) ? 1 : 0),
  equal: (a, b) => (nearlyEqual(a, b) ? 1 : 0),
  unequal: (a, b) => (nearlyEqual(a, b) ? 0 : 1),
};
