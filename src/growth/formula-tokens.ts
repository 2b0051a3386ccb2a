/**
 * The tokeniser of formulas (./formula-parse.ts): mathjs's expression syntax, token for token, so
 * that a formula written for mathjs reads the same here — numbers (`1e-3`, `.5`, `0x1f`), names
 * (Latin, Greek and the mathematical alphanumerics), operators and named operators, comments
 * (`# …`), and newlines, which separate statements outside brackets. Syntax errors read as
 * mathjs's (`Unexpected end of expression (char 4)`).
 */

/** Token types. */
export const Tok = { Null: 0, Delimiter: 1, Number: 2, Symbol: 3 } as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

export interface TokenState {
  readonly expression: string;
  index: number;
  token: string;
  tokenType: Tok;
  /** Depth of (), [] and {}: newlines inside them are whitespace. */
  nestingLevel: number;
  /** While a conditional's true part is read at this nesting level, `:` ends it (not a range). */
  conditionalLevel: number | null;
}

const DELIMITERS = new Set([',', '(', ')', '[', ']', '{', '}', '"', "'", ';', '+', '-', '*', '.*', '/', './', '%', '^', '.^', '~', '!', '&', '|', '^|', '=', ':', '?', '?.', '??', '==', '!=', '<', '>', '<=', '>=', '<<', '>>', '>>>']);
/** The current token and its type (functions, so that checks after a getToken are not narrowed away). */
export const tok = (s: TokenState): string => s.token;
export const kind = (s: TokenState): Tok => s.tokenType;

/** Operators written as words. */
export const NAMED_DELIMITERS = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);

export const isDigit = (c: string) => c >= '0' && c <= '9';
const isDecimalMark = (c: string, next: string) => c === '.' && next !== '/' && next !== '*' && next !== '^';
const isLatinOrGreek = (c: string) => /^[a-zA-Z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]$/.test(c);
const isMathSymbol = (high: string, low: string) =>
  /^[\uD835]$/.test(high) && /^[\uDC00-\uDFFF]$/.test(low) && /^[^\uDC55\uDC9D\uDCA0\uDCA1\uDCA3\uDCA4\uDCA7\uDCA8\uDCAD\uDCBA\uDCBC\uDCC4\uDD06\uDD0B\uDD0C\uDD15\uDD1D\uDD3A\uDD3F\uDD45\uDD47-\uDD49\uDD51\uDEA6\uDEA7\uDFCC\uDFCD]$/.test(low);
const isAlpha = (c: string, prev: string, next: string) => isLatinOrGreek(c) || isMathSymbol(c, next) || isMathSymbol(prev, c);
const isWhitespace = (c: string, nesting: number) => c === ' ' || c === '\t' || c === '\u00A0' || (c === '\n' && nesting > 0);

/** A syntax error at the current token, its column counted from 1 as mathjs counts it. */
export function syntaxError(s: TokenState, message: string): SyntaxError {
  return new SyntaxError(`${message} (char ${s.index - s.token.length + 1})`);
}

/** Reads the next token into `s.token` and `s.tokenType` ('' with Delimiter at the end). */
export function getToken(s: TokenState): void {
  s.tokenType = Tok.Null;
  s.token = '';
  const e = s.expression;
  const at = (k = 0) => e.charAt(s.index + k);
  const alpha = () => isAlpha(at(), e.charAt(s.index - 1), at(1));
  const take = () => {
    s.token += at();
    s.index++;
  };
  for (;;) {
    if (at() === '#') while (at() !== '\n' && at() !== '') s.index++;
    if (isWhitespace(at(), s.nestingLevel)) s.index++;
    else break;
  }
  if (at() === '') {
    s.tokenType = Tok.Delimiter;
    return;
  }
  if (at() === '\n' && !s.nestingLevel) {
    s.tokenType = Tok.Delimiter;
    take();
    return;
  }
  for (const n of [3, 2, 1]) {
    const c = e.substr(s.index, n);
    if (c.length === n && DELIMITERS.has(c) && (c !== '?.' || !isDigit(at(2)))) {
      s.tokenType = Tok.Delimiter;
      s.token = c;
      s.index += n;
      return;
    }
  }
  if (isDigit(at()) || at() === '.') {
    s.tokenType = Tok.Number;
    const radix = e.substr(s.index, 2);
    if (radix === '0b' || radix === '0o' || radix === '0x') {
      take();
      take();
      while (alpha() || isDigit(at())) take();
      if (at() === '.') {
        take();
        while (alpha() || isDigit(at())) take();
      } else if (at() === 'i') {
        take();
        while (isDigit(at())) take();
      }
      return;
    }
    if (at() === '.') {
      take();
      if (!isDigit(at())) {
        s.tokenType = Tok.Delimiter; // a lone dot: property access
        return;
      }
    } else {
      while (isDigit(at())) take();
      if (isDecimalMark(at(), at(1))) take();
    }
    while (isDigit(at())) take();
    if (at() === 'E' || at() === 'e') {
      if (isDigit(at(1)) || at(1) === '-' || at(1) === '+') {
        take();
        if (at() === '+' || at() === '-') take();
        if (!isDigit(at())) throw syntaxError(s, `Digit expected, got "${at()}"`);
        while (isDigit(at())) take();
        if (isDecimalMark(at(), at(1))) throw syntaxError(s, `Digit expected, got "${at()}"`);
      } else if (isDecimalMark(at(1), at(2))) {
        s.index++;
        throw syntaxError(s, `Digit expected, got "${at()}"`);
      }
    }
    return;
  }
  if (alpha()) {
    while (alpha() || isDigit(at())) take();
    s.tokenType = NAMED_DELIMITERS.has(s.token) ? Tok.Delimiter : Tok.Symbol;
    return;
  }
  while (at() !== '') take();
  throw syntaxError(s, `Syntax error in part "${s.token}"`);
}

/** The next token, newlines skipped. */
export function getTokenSkipNewline(s: TokenState): void {
  do getToken(s);
  while (s.token === '\n');
}

/**
 * base^n for a power-of-two base (2, 8, 16) and a whole n, by squaring: every step is an exact
 * power of two (until it overflows to Infinity), so the same on every engine, unlike `**`.
 */
function powerOfTwoBase(base: number, n: number): number {
  if (n < 0) return 1 / powerOfTwoBase(base, -n);
  if (n > 2048) return Infinity; // beyond any double (and n may be Infinity: no loop on it)
  let r = 1;
  for (let b = base, k = n; k > 0; b *= b, k = Math.floor(k / 2)) if (k % 2 === 1) r *= b;
  return r;
}

/** The value of a number token, as mathjs reads it (radix literals with a point or a word size too). */
export function numberOf(text: string): number {
  const radix = /(0[box])([0-9a-fA-F]*)\.([0-9a-fA-F]*)/.exec(text);
  if (radix) {
    const base = radix[1] === '0b' ? 2 : radix[1] === '0o' ? 8 : 16;
    let v = parseInt(radix[2]!, base);
    for (let i = 0; i < radix[3]!.length; i++) v += parseInt(radix[3]![i]!, base) / powerOfTwoBase(base, i + 1);
    if (Number.isNaN(v)) throw new SyntaxError(`String "${text}" is not a valid number`);
    return v;
  }
  const sized = /(0[box][0-9a-fA-F]*)i([0-9]*)/.exec(text);
  const x = sized ? sized[1]! : text;
  const v = Number(x);
  if (Number.isNaN(v)) throw new SyntaxError(`String "${x}" is not a valid number`);
  if (!sized) return v;
  const size = Number(sized[2]);
  if (v > powerOfTwoBase(2, size) - 1) throw new SyntaxError(`String "${x}" is out of range`);
  return v >= powerOfTwoBase(2, size - 1) ? v - powerOfTwoBase(2, size) : v;
}
