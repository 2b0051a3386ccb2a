/**
 * A seed fixes every number on every engine: ECMAScript leaves Math.exp, log, pow, sin, … (and
 * the `**` operator) implementation-approximated, so V8 and JavaScriptCore may differ in the last
 * bits. The library computes them with its own functions in src/math/ (from +, −, ×, /, sqrt and
 * integer operations, which IEEE 754 fixes exactly); test/engines/cross-engine.test.ts checks the
 * outcome on three engines, this test the cause in every source file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The code of a file without its comments and string contents (a message may name Math.log). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

const APPROXIMATED = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot'];
const mathCall = new RegExp(`Math\\.(${APPROXIMATED.join('|')})\\b`, 'g');
// `a ** b` is Math.pow; only a power of two with a literal exponent (exact everywhere) is allowed.
const powerOfTwo = /\b2 \*\* -?\d+\b/g;

const sources = files(join(root, 'src'))
  .filter((p) => !p.startsWith(join(root, 'src', 'math') + '/'))
  .map((p) => ({ path: relative(root, p), code: code(readFileSync(p, 'utf8')) }));

describe('no seeded number passes through an implementation-approximated operation', () => {
  it(`no Math.${APPROXIMATED.join('/')} in src/ outside src/math/`, () => {
    const found = sources.flatMap((f) => [...f.code.matchAll(mathCall)].map((m) => `${f.path}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('no ** operator in src/ other than 2 ** <integer literal>', () => {
    const found = sources.flatMap((f) =>
      f.code
        .split('\n')
        .filter((line) => /\*\*/.test(line) && line.replace(powerOfTwo, '').includes('**'))
        .map((line) => `${f.path}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('the checks see what they guard against', () => {
    expect(code('const y = Math.log(x); // Math.exp')).toMatch(mathCall);
    expect(code("throw new Error('Math.exp')")).not.toMatch(mathCall);
    expect('a ** b'.replace(powerOfTwo, '')).toContain('**');
    expect('2 ** x'.replace(powerOfTwo, '')).toContain('**');
    expect('2 ** 30 + 2 ** -52'.replace(powerOfTwo, '')).not.toContain('**');
  });
});
