import { show } from '../args.js';
import { FormulaError } from './formula-error.js';
import { BINARY, DECIMALS_ARGUMENT, FormulaStepError, FUNCTIONS, isDecimals } from './formula-functions.js';
import { parseFormula, type FormulaNode } from './formula-parse.js';

/**
 * The compiler of `expression` growth formulas: a formula is parsed once (./formula-parse.ts,
 * mathjs's expression syntax) and turned here into a plain closure over numbers, which computes
 * what mathjs 15 computes (./formula-functions.ts) or is refused: at compilation for what mathjs
 * parses but a formula may not hold (docs/design.md, "Formulas"), at evaluation for a step with
 * no real value or a non-finite result.
 */

const CONSTANTS: Record<string, number> = { e: Math.E, E: Math.E, pi: Math.PI, PI: Math.PI };

const arity = (min: number, max: number) =>
  max === Infinity ? `at least ${min} argument${min === 1 ? '' : 's'}` : min === max ? `${min} argument${min === 1 ? '' : 's'}` : `${min} or ${max} arguments`;

/** The value of a number written as such (`2`, `-1`, `(+1.5)`), else undefined. */
function constantValue(node: FormulaNode): number | undefined {
  if (node.type === 'ConstantNode') return typeof node.value === 'number' ? node.value : undefined;
  if (node.type === 'ParenthesisNode') return constantValue(node.content);
  if (node.type === 'OperatorNode' && node.args.length === 1 && (node.fn === 'unaryMinus' || node.fn === 'unaryPlus')) {
    const v = constantValue(node.args[0]!);
    return v === undefined ? undefined : node.fn === 'unaryMinus' ? -v : v;
  }
  return undefined;
}

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
 * to a closure that computes what mathjs 15's `evaluate` computes (its tolerances in
 * comparisons, round, floor, ceil and mod included) with the library's portable elementary
 * functions. What mathjs parses but a formula may not hold — unknown symbols, assignments,
 * strings, matrices, units, property access, chained comparisons, logical and bitwise operators,
 * a call with a number of arguments mathjs refuses — is a FormulaError that says why and what is
 * allowed; `evaluate` throws a RangeError where the value is not a finite real number (where
 * mathjs would make a complex number, too). docs/design.md, "Formulas", lists every refusal.
 * @example compileFormula('K / (1 + exp(-r * (t - tm)))', ['K', 'r', 'tm']).evaluate(2025, { K: 10, r: 0.5, tm: 2025 }) // => 5
 * @example compileFormula('round(-2.5) + (0.1 + 0.2 == 0.3) + (t mod 0)', []).evaluate(2, {}) // => 0
 * @example compileFormula('sqrt(4, 2)', []) // throws FormulaError: compileFormula: sqrt takes 1 argument (got 2), as in mathjs
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
    if (n === 't') throw new FormulaError(`cannot use "t" as a parameter name (t is the year)`);
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
        if (args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus')) {
          const a = build(args[0]!);
          return fn === 'unaryMinus' ? (t, p) => -a(t, p) : a;
        }
        if (args.length === 2 && Object.hasOwn(BINARY, fn)) {
          const op = BINARY[fn]!;
          const a = build(args[0]!);
          const b = build(args[1]!);
          return (t, p) => op(a(t, p), b(t, p));
        }
        throw new FormulaError(`operator '${node.op}' is not allowed (allowed: + - * / ^ % mod .* ./ .^, unary - and +, and single comparisons < > <= >= == !=)`);
      }
      case 'ConditionalNode': {
        const c = build(node.condition);
        const a = build(node.trueExpr);
        const b = build(node.falseExpr);
        // mathjs's test of a number: true unless 0 or NaN
        return (t, p) => (c(t, p) ? a(t, p) : b(t, p));
      }
      case 'FunctionNode': {
        const { fn, args } = node;
        if (fn.type !== 'SymbolNode') throw new FormulaError(`only the named functions may be called, not a ${fn.type} (${allowed()})`);
        const name = fn.name;
        // mathjs looks a name up among the variables first: a parameter called like a function is a number
        if (names.has(name)) throw new FormulaError(`unknown function '${name}': it is a parameter, a number, which mathjs would not call (${allowed()})`);
        if (!Object.hasOwn(FUNCTIONS, name)) throw new FormulaError(`unknown function '${name}' (${allowed()})`);
        const { min, max, fn: f } = FUNCTIONS[name]!;
        if (args.length < min || args.length > max) {
          throw new FormulaError(`${name} takes ${arity(min, max)} (got ${args.length}), as in mathjs`);
        }
        const n = args[1] && constantValue(args[1]);
        if (DECIMALS_ARGUMENT.has(name) && n !== undefined && !isDecimals(n)) {
          throw new FormulaError(`${name}(x, n): n, the number of decimals, must be an integer from 0 to 15 (got ${n}), as in mathjs`);
        }
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
  const where = (params: Readonly<Record<string, number>>) => (used.length ? ` (${used.map((n) => `${n} = ${params[n]}`).join(', ')})` : '');
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
    let v: number;
    try {
      v = fn(t, params);
    } catch (e) {
      if (e instanceof FormulaStepError) throw new RangeError(`compileFormula: ${show(formula)} ${e.notReal ? 'gives NaN ' : ''}at t = ${t}${where(params)}: ${e.message}`);
      throw e;
    }
    if (!Number.isFinite(v)) {
      throw new RangeError(`compileFormula: ${show(formula)} gives ${show(v)} at t = ${t}${where(params)}; a formula must give a finite number`);
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
