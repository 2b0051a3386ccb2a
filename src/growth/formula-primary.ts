/**
 * The innermost levels of the formula grammar (./formula-parse.ts): numbers, strings, matrices,
 * objects, brackets and the accessors after a term (`f(…)`, `a[…]`, `a.b`, `a?.b`), as mathjs
 * parses them. Strings, matrices and objects are read only to be refused by name afterwards, as
 * mathjs would read them. `expr` is the grammar's top level (an assignment), for what brackets
 * hold.
 */
import { getToken, kind, NAMED_DELIMITERS, numberOf, syntaxError, Tok, tok, type TokenState } from './formula-tokens.js';

/** A node of a parsed formula; `type` names the mathjs node it stands for. */
export type FormulaNode =
  | { type: 'ConstantNode'; value: number | string | boolean | null | undefined }
  | { type: 'SymbolNode'; name: string }
  | { type: 'ParenthesisNode'; content: FormulaNode }
  | { type: 'OperatorNode'; op: string; fn: string; args: FormulaNode[]; isPercentage?: boolean }
  | { type: 'ConditionalNode'; condition: FormulaNode; trueExpr: FormulaNode; falseExpr: FormulaNode }
  | { type: 'FunctionNode'; fn: FormulaNode; args: FormulaNode[] }
  | { type: 'AccessorNode'; optional: boolean }
  | { type: 'ArrayNode'; items: FormulaNode[] }
  | { type: 'ObjectNode' | 'RangeNode' | 'RelationalNode' | 'AssignmentNode' | 'FunctionAssignmentNode' | 'BlockNode' };

type Expr = (s: TokenState) => FormulaNode;

export const constant = (value: number | string | boolean | null | undefined): FormulaNode => ({ type: 'ConstantNode', value });
export const operator = (op: string, fn: string, args: FormulaNode[], isPercentage?: boolean): FormulaNode => ({ type: 'OperatorNode', op, fn, args, ...(isPercentage ? { isPercentage } : {}) });

/** A comma-separated list up to `close` (the opening bracket already read). */
function list(s: TokenState, expr: Expr, close: string): FormulaNode[] {
  const params: FormulaNode[] = [];
  s.nestingLevel++;
  getToken(s);
  if (tok(s) !== close) {
    params.push(expr(s));
    while (tok(s) === ',') {
      getToken(s);
      params.push(expr(s));
    }
  }
  if (tok(s) !== close) throw syntaxError(s, `Parenthesis ${close} expected`);
  s.nestingLevel--;
  getToken(s);
  return params;
}

/** Calls, indices and properties after a term, chained. */
export function accessors(s: TokenState, node: FormulaNode, expr: Expr): FormulaNode {
  for (;;) {
    let optional = false;
    if (tok(s) === '?.') {
      optional = true;
      getToken(s);
    }
    if (!optional && tok(s) !== '(' && tok(s) !== '[' && tok(s) !== '.') return node;
    if (tok(s) === '(') {
      // (2+3)(4+5) is an implicit multiplication, read by the level above
      if (!(optional || node.type === 'SymbolNode' || node.type === 'AccessorNode')) return node;
      node = { type: 'FunctionNode', fn: node, args: list(s, expr, ')') };
    } else if (tok(s) === '[') {
      list(s, expr, ']');
      node = { type: 'AccessorNode', optional };
    } else {
      if (!optional) getToken(s);
      if (!(kind(s) === Tok.Symbol || (kind(s) === Tok.Delimiter && NAMED_DELIMITERS.has(s.token)))) {
        throw syntaxError(s, `Property name expected after ${optional ? 'optional chain' : 'dot'}`);
      }
      getToken(s);
      node = { type: 'AccessorNode', optional };
    }
  }
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A quoted string (the opening quote is the current token). */
function stringToken(s: TokenState, quote: string): string {
  let str = '';
  const at = () => s.expression.charAt(s.index);
  while (at() !== '' && at() !== quote) {
    if (at() === '\\') {
      s.index++;
      const c = at();
      if (Object.hasOwn(ESCAPES, c)) {
        str += ESCAPES[c];
        s.index++;
      } else if (c === 'u') {
        const hex = s.expression.slice(s.index + 1, s.index + 5);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw syntaxError(s, `Invalid unicode character \\u${hex}`);
        str += String.fromCharCode(parseInt(hex, 16));
        s.index += 5;
      } else throw syntaxError(s, `Bad escape character \\${c}`);
    } else {
      str += at();
      s.index++;
    }
  }
  getToken(s);
  if (tok(s) !== quote) throw syntaxError(s, `End of string ${quote} expected`);
  getToken(s);
  return str;
}

/** A row of a matrix: `a, b, c`. */
function row(s: TokenState, expr: Expr): FormulaNode {
  const items = [expr(s)];
  while (tok(s) === ',') {
    getToken(s);
    if (tok(s) !== ']' && tok(s) !== ';') items.push(expr(s));
  }
  return { type: 'ArrayNode', items };
}

function matrix(s: TokenState, expr: Expr): FormulaNode {
  s.nestingLevel++;
  getToken(s);
  if (tok(s) !== ']') {
    const rows = [row(s, expr)];
    while (tok(s) === ';') {
      getToken(s);
      if (tok(s) !== ']') rows.push(row(s, expr));
    }
    if (tok(s) !== ']') throw syntaxError(s, 'End of matrix ] expected');
    s.nestingLevel--;
    getToken(s);
    const width = (r: FormulaNode) => (r as { items: FormulaNode[] }).items.length;
    for (const r of rows.slice(1)) if (width(r) !== width(rows[0]!)) throw syntaxError(s, `Column dimensions mismatch (${width(r)} !== ${width(rows[0]!)})`);
    return rows.length > 1 ? { type: 'ArrayNode', items: rows } : rows[0]!;
  }
  s.nestingLevel--;
  getToken(s);
  return { type: 'ArrayNode', items: [] };
}

function object(s: TokenState, expr: Expr): FormulaNode {
  s.nestingLevel++;
  do {
    getToken(s);
    if (tok(s) !== '}') {
      if (tok(s) === '"' || tok(s) === "'") stringToken(s, s.token);
      else if (kind(s) === Tok.Symbol || (kind(s) === Tok.Delimiter && NAMED_DELIMITERS.has(s.token))) getToken(s);
      else throw syntaxError(s, 'Symbol or string expected as object key');
      if (tok(s) !== ':') throw syntaxError(s, 'Colon : expected after object key');
      getToken(s);
      expr(s);
    }
  } while (tok(s) === ',');
  if (tok(s) !== '}') throw syntaxError(s, 'Comma , or bracket } expected after object value');
  s.nestingLevel--;
  getToken(s);
  return { type: 'ObjectNode' };
}

/** A string, matrix, object, number or bracketed expression. */
export function primary(s: TokenState, expr: Expr): FormulaNode {
  if (tok(s) === '"' || tok(s) === "'") return accessors(s, constant(stringToken(s, s.token)), expr);
  if (tok(s) === '[') return accessors(s, matrix(s, expr), expr);
  if (tok(s) === '{') return accessors(s, object(s, expr), expr);
  if (kind(s) === Tok.Number) {
    const text = s.token;
    getToken(s);
    return constant(numberOf(text));
  }
  if (tok(s) === '(') {
    s.nestingLevel++;
    getToken(s);
    const content = expr(s);
    if (tok(s) !== ')') throw syntaxError(s, 'Parenthesis ) expected');
    s.nestingLevel--;
    getToken(s);
    return accessors(s, { type: 'ParenthesisNode', content }, expr);
  }
  throw syntaxError(s, tok(s) === '' ? 'Unexpected end of expression' : 'Value expected');
}
