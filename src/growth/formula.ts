import { show } from '../args.js';
import { FormulaError } from './formula-error.js';
import { erf } from './erf.js';
import { atan, cbrt, cos, cosh, exp, expm1, log, log10, log1p, log2, pow, sin, sinh, tan, tanh } from '../math/index.js';
import { parseFormula, type FormulaNode } from './formula-parse.js';

/**
 * The compiler of `expression` growth formulas: a formula is parsed once (./formula-parse.ts,
 * mathjs's expression syntax) and turned here into a plain closure over numbers.
 */

/**
 * Functions a formula may call, each on numbers only: the library's own elementary functions
 * (src/math, within 1 ulp), so a formula gives the same bits on every engine; the rest are exact.
 */
const FUNCTIONS: Record<string, (...xs: number[]) => number> = {
  exp,
  expm1,
  log: (x, base) => (base === undefined ? log(x) : log(x) / log(base)),
  log1p,
  log2,
  log10,
  sqrt: Math.sqrt,
  cbrt,
  pow,
  abs: Math.abs,
  sign: Math.sign,
  min: Math.min,
  max: Math.max,
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
  sin,
  cos,
  tan,
  atan,
  sinh,
  cosh,
  tanh,
  erf: (x) => erf(x),
};

const CONSTANTS: Record<string, number> = { e: Math.E, E: Math.E, pi: Math.PI, PI: Math.PI };

const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => pow(a, b),
  mod: (a, b) => a - b * Math.floor(a / b),
  smaller: (a, b) => (a < b ? 1 : 0),
  larger: (a, b) => (a > b ? 1 : 0),
  smallerEq: (a, b) => (a <= b ? 1 : 0),
  largerEq: (a, b) => (a >= b ? 1 : 0),
  equal: (a, b) => (a === b ? 1 : 0),
  unequal: (a, b) => (a !== b ? 1 : 0),
};

/** A formula compiled to a closure: evaluate with the year t and the parameter values. */
export interface CompiledFormula {
  readonly formula: string;
  /** Parameter names the formula uses. */
  readonly uses: readonly string[];
  evaluate(t: number, params: Readonly<Record<string, number>>): number;
}

type Fn = (t: number, p: Readonly<Record<string, number>>) => number;

/**
 * Parses a formula in the variable `t` (the year) and the given parameter names, and compiles it
 * to a closure. Unknown symbols, assignments, strings, matrices, units and property access are
 * refused with a FormulaError that lists what is allowed.
 * @example compileFormula('K / (1 + exp(-r * (t - tm)))', ['K', 'r', 'tm']).evaluate(2025, { K: 10, r: 0.5, tm: 2025 }) // => 5
 */
export function compileFormula(formula: string, paramNames: readonly string[]): CompiledFormula {
  if (typeof formula !== 'string') throw new TypeError(`compileFormula: formula must be a string, a formula in t (got ${show(formula)})`);
  if (formula.trim() === '') throw new FormulaError('must be a non-empty formula in t');
  if (!Array.isArray(paramNames)) throw new TypeError(`compileFormula: paramNames must be an array of names (got ${show(paramNames)})`);
  for (let i = 0; i < paramNames.length; i++) {
    if (typeof paramNames[i] !== 'string') throw new TypeError(`compileFormula: paramNames[${i}] must be a name (got ${show(paramNames[i])})`);
  }
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`is too long: at most ${MAX_FORMULA_LENGTH.toLocaleString('en')} characters (got ${formula.length.toLocaleString('en')}); write the growth as a shorter formula`);
  }
  const depth = nesting(formula);
  if (depth > MAX_FORMULA_DEPTH) throw new FormulaError(`is nested too deeply: at most ${MAX_FORMULA_DEPTH} levels of brackets (got ${depth})`);
  for (const n of paramNames) {
    if (n in Object.prototype) throw new FormulaError(`cannot use ${JSON.stringify(n)} as a parameter name (it is a property of every JavaScript object)`);
  }
  let root: FormulaNode;
  try {
    root = parseFormula(formula);
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError(`is too complex to parse (${e.message}); write it with fewer nested terms`);
    throw new FormulaError(`cannot be parsed: ${(e as Error).message}`);
  }
  const names = new Set(paramNames);
  const uses = new Set<string>();
  const allowed = () =>
    `allowed: t, ${paramNames.length > 0 ? `the params ${paramNames.join(', ')}, ` : ''}the constants e and pi, and the functions ${Object.keys(FUNCTIONS).join(', ')}`;

  const build = (node: FormulaNode): Fn => {
    switch (node.type) {
      case 'ConstantNode': {
        const v = node.value;
        if (typeof v !== 'number') throw new FormulaError(`only numbers may appear as constants (got ${JSON.stringify(v)})`);
        return () => v;
      }
      case 'ParenthesisNode':
        return build(node.content);
      case 'SymbolNode': {
        const name = node.name;
        if (name === 't') return (t) => t;
        if (names.has(name)) {
          uses.add(name);
          return (_t, p) => p[name]!;
        }
        if (Object.hasOwn(CONSTANTS, name)) {
          const c = CONSTANTS[name]!;
          return () => c;
        }
        throw new FormulaError(`unknown symbol '${name}' (${allowed()})`);
      }
      case 'OperatorNode': {
        const { fn, args } = node;
        if (args.length === 1) {
          const a = build(args[0]!);
          if (fn === 'unaryMinus') return (t, p) => -a(t, p);
          if (fn === 'unaryPlus') return a;
        } else if (args.length === 2 && Object.hasOwn(BINARY, fn)) {
          const op = BINARY[fn]!;
          const a = build(args[0]!);
          const b = build(args[1]!);
          return (t, p) => op(a(t, p), b(t, p));
        }
        throw new FormulaError(`operator '${node.op}' is not allowed (allowed: + - * / ^ % and comparisons)`);
      }
      case 'ConditionalNode': {
        const c = build(node.condition);
        const a = build(node.trueExpr);
        const b = build(node.falseExpr);
        // A NaN condition (e.g. a log of a negative number) is refused like a NaN result, never
        // read as true or false.
        return (t, p) => {
          const v = c(t, p);
          if (v !== v) throw new RangeError(`compileFormula: ${show(formula)} has a condition that is NaN at t = ${t}; a formula must give finite numbers`);
          return v !== 0 ? a(t, p) : b(t, p);
        };
      }
      case 'FunctionNode': {
        const { fn, args } = node;
        if (fn.type !== 'SymbolNode') throw new FormulaError(`only the named functions may be called, not a ${fn.type} (${allowed()})`);
        const name = fn.name;
        if (!Object.hasOwn(FUNCTIONS, name)) throw new FormulaError(`unknown function '${name}' (${allowed()})`);
        const f = FUNCTIONS[name]!;
        const built = args.map(build);
        if (built.length === 1) {
          const a = built[0]!;
          return (t, p) => f(a(t, p));
        }
        if (built.length === 2) {
          const [a, b] = built as [Fn, Fn];
          return (t, p) => f(a(t, p), b(t, p));
        }
        return (t, p) => f(...built.map((g) => g(t, p)));
      }
      default:
        throw new FormulaError(`a ${node.type} is not allowed in a formula (${allowed()})`);
    }
  };

  let fn: Fn;
  try {
    fn = build(root);
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError(`is too complex to compile (${e.message}); write it with fewer nested terms`);
    throw e;
  }
  const used = [...uses];
  const evaluate = (t: number, params: Readonly<Record<string, number>>): number => {
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new (typeof t === 'number' ? RangeError : TypeError)(`compileFormula: evaluate(t): t must be a finite number (got ${show(t)})`);
    }
    if (params === null || typeof params !== 'object') throw new TypeError(`compileFormula: evaluate: params must be an object with ${used.join(', ') || 'no fields'} (got ${show(params)})`);
    for (const n of used) {
      const x = Object.hasOwn(params, n) ? params[n] : undefined;
      if (typeof x !== 'number') throw new TypeError(`compileFormula: evaluate: parameter '${n}' of ${show(formula)} is ${x === undefined ? 'missing' : `not a number (got ${show(x)})`}`);
      if (!Number.isFinite(x)) throw new RangeError(`compileFormula: evaluate: parameter '${n}' of ${show(formula)} must be a finite number (got ${show(x)})`);
    }
    const v = fn(t, params);
    if (!Number.isFinite(v)) {
      throw new RangeError(`compileFormula: ${show(formula)} gives ${show(v)} at t = ${t}${used.length ? ` (${used.map((n) => `${n} = ${params[n]}`).join(', ')})` : ''}; a formula must give a finite number`);
    }
    return v;
  };
  return Object.freeze({ formula, uses: Object.freeze(used), evaluate });
}

/** The longest formula accepted, in characters: parsing is recursive, so length bounds its depth. */
export const MAX_FORMULA_LENGTH = 1000;
/** The deepest nesting of brackets accepted. */
export const MAX_FORMULA_DEPTH = 50;

/** The deepest nesting of (), [] and {} in a text. */
function nesting(text: string): number {
  let d = 0;
  let max = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++d);
    else if (c === ')' || c === ']' || c === '}') d--;
  }
  return max;
}
