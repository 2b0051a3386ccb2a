/**
 * The parser of formulas: mathjs's expression grammar (mathjs 15), level for level, so that a
 * formula means here what it means in mathjs — precedence, right-associative `^` with unary
 * minus looser than it (`-2^2` is -4), implicit multiplication (`2t`, `2 (t + 1)`, `(t)(t)`, and
 * mathjs's "rule 2": `2/3t` is (2/3)·t), the unary percentage (`t + 5%` is t + t·5/100), the
 * conditional `c ? a : b`. It builds a small tree of the same node types as mathjs's; what a
 * formula may not contain (assignments, matrices, objects, ranges, property access, statements)
 * is parsed into a node of its own type, for ./formula.ts to refuse by name. The compiler there
 * turns the tree into closures; tests hold both to mathjs's own `evaluate`.
 */
import { accessors, constant, operator, primary, type FormulaNode } from './formula-primary.js';
import { getToken, getTokenSkipNewline, kind, NAMED_DELIMITERS, syntaxError, Tok, tok, type TokenState } from './formula-tokens.js';

export type { FormulaNode };

type State = TokenState;
type Level = (s: State) => FormulaNode;

const has = (o: object, k: string) => Object.hasOwn(o, k);

/** Parses a formula, or throws a SyntaxError whose message says where (`… (char 5)`). */
export function parseFormula(expression: string): FormulaNode {
  const s: State = { expression, index: 0, token: '', tokenType: Tok.Null, nestingLevel: 0, conditionalLevel: null };
  getToken(s);
  const node = block(s);
  if (tok(s) !== '') throw syntaxError(s, kind(s) === Tok.Delimiter ? `Unexpected operator ${s.token}` : `Unexpected part "${s.token}"`);
  return node;
}

/** Statements separated by newlines or `;` (a BlockNode when there are several). */
function block(s: State): FormulaNode {
  let node: FormulaNode | undefined;
  let blocks = 0;
  if (tok(s) !== '' && tok(s) !== '\n' && tok(s) !== ';') node = assignment(s);
  while (tok(s) === '\n' || tok(s) === ';') {
    if (blocks === 0 && node) blocks++;
    getToken(s);
    if (tok(s) !== '\n' && tok(s) !== ';' && tok(s) !== '') {
      assignment(s);
      blocks++;
    }
  }
  return blocks > 0 ? { type: 'BlockNode' } : (node ?? constant(undefined));
}

function assignment(s: State): FormulaNode {
  const node = conditional(s);
  if (tok(s) !== '=') return node;
  if (node.type === 'SymbolNode' || (node.type === 'FunctionNode' && node.fn.type === 'SymbolNode' && node.args.every((a) => a.type === 'SymbolNode'))) {
    getTokenSkipNewline(s);
    assignment(s);
    return { type: node.type === 'SymbolNode' ? 'AssignmentNode' : 'FunctionAssignmentNode' };
  }
  if (node.type === 'AccessorNode') {
    if (node.optional) throw syntaxError(s, 'Cannot assign to optional chain');
    getTokenSkipNewline(s);
    assignment(s);
    return { type: 'AssignmentNode' };
  }
  throw syntaxError(s, 'Invalid left hand side of assignment operator =');
}

/** `c ? a : b`, right-associative. */
function conditional(s: State): FormulaNode {
  let node = binary(s, 0);
  while (tok(s) === '?') {
    const prev = s.conditionalLevel;
    s.conditionalLevel = s.nestingLevel;
    getTokenSkipNewline(s);
    const trueExpr = assignment(s);
    if (tok(s) !== ':') throw syntaxError(s, 'False part of conditional expression expected');
    s.conditionalLevel = null;
    getTokenSkipNewline(s);
    node = { type: 'ConditionalNode', condition: node, trueExpr, falseExpr: assignment(s) };
    s.conditionalLevel = prev;
  }
  return node;
}

/** The left-associative binary levels, loosest first: or, xor, and, |, ^|, &. */
const LOGICAL: Record<string, string>[] = [{ or: 'or' }, { xor: 'xor' }, { and: 'and' }, { '|': 'bitOr' }, { '^|': 'bitXor' }, { '&': 'bitAnd' }];

function binary(s: State, level: number): FormulaNode {
  const next: Level = level + 1 < LOGICAL.length ? (t) => binary(t, level + 1) : relational;
  const ops = LOGICAL[level]!;
  let node = next(s);
  while (has(ops, s.token)) {
    const op = s.token;
    getTokenSkipNewline(s);
    node = operator(op, ops[op]!, [node, next(s)]);
  }
  return node;
}

const RELATIONAL: Record<string, string> = { '==': 'equal', '!=': 'unequal', '<': 'smaller', '>': 'larger', '<=': 'smallerEq', '>=': 'largerEq' };

/** One comparison is an OperatorNode; a chain (`a < b < c`) a RelationalNode. */
function relational(s: State): FormulaNode {
  const params = [shift(s)];
  const ops: string[] = [];
  while (has(RELATIONAL, s.token)) {
    ops.push(s.token);
    getTokenSkipNewline(s);
    params.push(shift(s));
  }
  if (params.length === 1) return params[0]!;
  return params.length === 2 ? operator(ops[0]!, RELATIONAL[ops[0]!]!, params) : { type: 'RelationalNode' };
}

const SHIFT: Record<string, string> = { '<<': 'leftShift', '>>': 'rightArithShift', '>>>': 'rightLogShift' };

function shift(s: State): FormulaNode {
  let node = conversion(s);
  while (has(SHIFT, s.token)) {
    const op = s.token;
    getTokenSkipNewline(s);
    node = operator(op, SHIFT[op]!, [node, conversion(s)]);
  }
  return node;
}

/** Unit conversion, `a to b` or `a in b` (and `2 in` for inches, a symbol here). */
function conversion(s: State): FormulaNode {
  let node = range(s);
  while (tok(s) === 'to' || tok(s) === 'in') {
    const op = s.token;
    getTokenSkipNewline(s);
    if (op === 'in' && '])},;'.includes(s.token)) node = operator('*', 'multiply', [node, { type: 'SymbolNode', name: 'in' }]);
    else node = operator(op, 'to', [node, range(s)]);
  }
  return node;
}

function range(s: State): FormulaNode {
  let node: FormulaNode;
  if (tok(s) === ':') {
    if (s.conditionalLevel === s.nestingLevel) throw syntaxError(s, 'The true-expression of a conditional operator may not be empty');
    node = constant(1);
  } else node = addSubtract(s);
  if (tok(s) === ':' && s.conditionalLevel !== s.nestingLevel) {
    let n = 1;
    while (tok(s) === ':' && n < 3) {
      getTokenSkipNewline(s);
      if (!(tok(s) === ')' || tok(s) === ']' || tok(s) === ',' || tok(s) === '')) addSubtract(s);
      n++;
    }
    return { type: 'RangeNode' };
  }
  return node;
}

function addSubtract(s: State): FormulaNode {
  let node = multiplyDivide(s);
  while (tok(s) === '+' || tok(s) === '-') {
    const op = s.token;
    getTokenSkipNewline(s);
    const right = multiplyDivide(s);
    node = operator(op, op === '+' ? 'add' : 'subtract', [node, right.type === 'OperatorNode' && right.isPercentage ? operator('*', 'multiply', [node, right]) : right]);
  }
  return node;
}

const MULTIPLY: Record<string, string> = { '*': 'multiply', '.*': 'dotMultiply', '/': 'divide', './': 'dotDivide', '%': 'mod', mod: 'mod' };

function multiplyDivide(s: State): FormulaNode {
  let node = implicitMultiplication(s);
  while (has(MULTIPLY, s.token)) {
    const op = s.token;
    getTokenSkipNewline(s);
    node = operator(op, MULTIPLY[op]!, [node, implicitMultiplication(s)]);
  }
  return node;
}

const isConstant = (n: FormulaNode) => n.type === 'ConstantNode';

/** `2t`, `(2+3)t`, `a b`, `(2+3)2`, `2(3+4)`, `(3+4)(1+2)`. */
function implicitMultiplication(s: State): FormulaNode {
  let node = rule2(s);
  let last = node;
  for (;;) {
    const unaryMinusConstant = node.type === 'OperatorNode' && node.fn === 'unaryMinus' && isConstant(node.args[0]!);
    if (
      kind(s) === Tok.Symbol ||
      (tok(s) === 'in' && (isConstant(node) || unaryMinusConstant)) ||
      (kind(s) === Tok.Number && !isConstant(last) && (last.type !== 'OperatorNode' || last.op === '!')) ||
      tok(s) === '('
    ) {
      last = rule2(s);
      node = operator('*', 'multiply', [node, last]);
    } else return node;
  }
}

const rule2Node = (n: FormulaNode) => isConstant(n) || (n.type === 'OperatorNode' && n.args.length === 1 && isConstant(n.args[0]!) && '-+~'.includes(n.op));

/** mathjs's "rule 2": `number / number symbol` divides first (`2/3t` is (2/3)·t). */
function rule2(s: State): FormulaNode {
  let node = unaryPercentage(s);
  let last = node;
  while (tok(s) === '/' && rule2Node(last)) {
    const before = { ...s };
    getTokenSkipNewline(s);
    if (kind(s) !== Tok.Number) {
      Object.assign(s, before);
      break;
    }
    const atNumber = { ...s };
    getTokenSkipNewline(s);
    if (kind(s) === Tok.Symbol || tok(s) === '(' || tok(s) === 'in') {
      Object.assign(s, atNumber);
      last = unaryPercentage(s);
      node = operator('/', 'divide', [node, last]);
    } else {
      Object.assign(s, before);
      break;
    }
  }
  return node;
}

/** `5%` is 5/100 when no term follows the `%` (else `%` is the modulus). */
function unaryPercentage(s: State): FormulaNode {
  const node = unary(s);
  if (tok(s) !== '%') return node;
  const before = { ...s };
  getTokenSkipNewline(s);
  try {
    unary(s);
    Object.assign(s, before);
    return node;
  } catch {
    return operator('/', 'divide', [node, constant(100)], true);
  }
}

const UNARY: Record<string, string> = { '-': 'unaryMinus', '+': 'unaryPlus', '~': 'bitNot', not: 'not' };

function unary(s: State): FormulaNode {
  if (!has(UNARY, s.token)) return pow(s);
  const op = s.token;
  getTokenSkipNewline(s);
  return operator(op, UNARY[op]!, [unary(s)]);
}

/** `^`, right-associative, its exponent a unary term (`2^-3`). */
function pow(s: State): FormulaNode {
  let node = nullish(s);
  if (tok(s) === '^' || tok(s) === '.^') {
    const op = s.token;
    getTokenSkipNewline(s);
    node = operator(op, op === '^' ? 'pow' : 'dotPow', [node, unary(s)]);
  }
  return node;
}

function nullish(s: State): FormulaNode {
  let node = postfix(s);
  while (tok(s) === '??') {
    getTokenSkipNewline(s);
    node = operator('??', 'nullish', [node, postfix(s)]);
  }
  return node;
}

/** Factorial `x!` and transpose `x'`. */
function postfix(s: State): FormulaNode {
  let node = symbol(s);
  while (tok(s) === '!' || tok(s) === "'") {
    const op = s.token;
    getToken(s);
    node = accessors(s, operator(op, op === '!' ? 'factorial' : 'ctranspose', [node]), assignment);
  }
  return node;
}

const NAMED_CONSTANTS: Record<string, FormulaNode> = { true: constant(true), false: constant(false), null: constant(null), undefined: constant(undefined), NaN: constant(NaN), Infinity: constant(Infinity) };

function symbol(s: State): FormulaNode {
  if (kind(s) === Tok.Symbol || (kind(s) === Tok.Delimiter && NAMED_DELIMITERS.has(s.token))) {
    const name = s.token;
    getToken(s);
    return accessors(s, has(NAMED_CONSTANTS, name) ? NAMED_CONSTANTS[name]! : { type: 'SymbolNode', name }, assignment);
  }
  return primary(s, assignment);
}
