/**
 * Field names in the docs' prose, against the library's types (the contract blocks are
 * test/package/doc-contract.ts's).
 *
 * The prose names fields in two ways, and both are read:
 * - a list of inline code spans, `leg`, `mode`, `mean` (Estimate), `sdDays` — spans separated by
 *   nothing but commas, "and"/"or", slashes and parenthetical notes; `quantile(p)` names
 *   `quantile`, `kind: 'transit'` names `kind`, `'wilson'` is a string value;
 * - the names in one `{ a, b: …, c? }` span, each pair of braces on its own.
 * Every such list of names must be, all of it, the fields of one type reachable from the
 * package's exports (a result, its rows, an option object, a parameter), or exports of the
 * package; a list of string values must be values of one union of string literals. So a doc that
 * says `legs()` gives `leg`, `mode`, `mean`, `sd` fails: no type has all four. A name on its own
 * (`sdDays`, `keep`) must be a name the library has: an export, a field or a string value of a
 * type reachable from the exports, a name some file of src/ exports, a JavaScript global, or one
 * of the other names the docs use (given by the test, each read from where it lives).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './doc-blocks.js';
import { realExports } from './doc-contract.js';

const ENTRIES = ['src/index.ts', 'src/node/index.ts', 'src/render/index.ts', 'src/testing/index.ts', 'src/web/index.ts'];

export interface Vocabulary {
  /** The field names of every object type reachable from the exports. */
  shapes: Set<string>[];
  exports: Set<string>;
  /** The values of every union of string literals reachable from the exports. */
  literals: Set<string>[];
  /** Every name any file of src/ exports (the docs name internals too: `seedFor`, `runDraws`). */
  internal: Set<string>;
}

/** The library's own files, and TypeScript's lib (recorded, not descended into). */
const where = (t: ts.Type): 'ours' | 'lib' | 'other' => {
  const files = (t.aliasSymbol ?? t.getSymbol())?.declarations?.map((d) => d.getSourceFile().fileName) ?? [];
  if (files.some((f) => f.startsWith(join(root, 'src')))) return 'ours';
  if (files.length === 0 || files.some((f) => f.includes('/typescript/lib/'))) return 'lib';
  return 'other';
};

export function vocabulary(checker: ts.TypeChecker, p: ts.Program): Vocabulary {
  const v: Vocabulary = { shapes: [], exports: new Set(), literals: [], internal: new Set() };
  for (const f of p.getSourceFiles()) {
    const m = f.fileName.startsWith(join(root, 'src')) ? checker.getSymbolAtLocation(f) : undefined;
    if (m) checker.getExportsOfModule(m).forEach((x) => v.internal.add(x.name));
  }
  const seen = new Set<ts.Type>();
  const queue: ts.Type[] = [];
  const push = (t: ts.Type | undefined) => {
    if (t && !seen.has(t)) seen.add(t), queue.push(t);
  };
  for (const entry of ENTRIES) {
    for (const [name, sym] of realExports(checker, p, entry)) {
      v.exports.add(name);
      const s = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      if (s.flags & ts.SymbolFlags.Value) push(checker.getTypeOfSymbol(s));
      if (s.flags & ts.SymbolFlags.Type) push(checker.getDeclaredTypeOfSymbol(s));
    }
  }
  while (queue.length > 0) {
    const t = queue.shift()!;
    if (t.isUnion() || t.isIntersection()) {
      const values = t.types.filter((x) => x.isStringLiteral()).map((x) => (x as ts.StringLiteralType).value);
      if (values.length > 0) v.literals.push(new Set(values));
      t.types.forEach(push);
      continue;
    }
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      push(checker.getIndexTypeOfType(t, ts.IndexKind.Number));
      continue;
    }
    if (!(t.flags & ts.TypeFlags.Object) || where(t) === 'other') continue;
    if (t.getSymbol()?.name === 'Promise') {
      push(checker.getAwaitedType(t));
      continue;
    }
    const props = checker.getPropertiesOfType(t).filter((s) => !s.name.startsWith('__@'));
    if (props.length > 0) v.shapes.push(new Set(props.map((s) => s.name)));
    if (where(t) === 'lib' && t.getSymbol()?.name !== '__type') continue;
    props.forEach((s) => push(checker.getTypeOfSymbol(s)));
    for (const sig of [...t.getCallSignatures(), ...t.getConstructSignatures()]) {
      sig.getParameters().forEach((s) => push(checker.getTypeOfSymbol(s)));
      push(sig.getReturnType());
    }
    push(checker.getIndexTypeOfType(t, ts.IndexKind.String) ?? undefined);
  }
  return v;
}

type Item = { name: string } | { value: string };

/** A span as a list item: a name (`a`, `a?`, `a(x)`, `a: …`), a string value (`'x-y'`), or nothing. */
function item(span: string): Item | undefined {
  const s = span.trim();
  // A word in quotes is a value of a union ('wilson'); a number in quotes ('0.5') is an example of bad input.
  const value = /^'([A-Za-z][\w-]*)'$/.exec(s);
  if (value) return { value: value[1]! };
  const name = /^([A-Za-z_$][\w$]*)\??(?:\(.*\))?(?::.*)?$/.exec(s);
  return name ? { name: name[1]! } : undefined;
}

/** What lies between two spans of one list: commas, "and"/"or", slashes, parenthetical notes. */
const SEPARATOR = /^\s*(?:\((?:[^()`]|\([^()`]*\))*\))?\s*[,/]?\s*(?:and|or)?\s*$/;

/** The names in each pair of braces of a text (`{ a, b: { c; d? } }`: [c, d] and [a, b]), the innermost first. */
function braceLists(text: string): { items: Item[]; text: string }[] {
  const out: { items: Item[]; text: string }[] = [];
  for (let rest = text, inner = /\{([^{}]*)\}/.exec(rest); inner; rest = rest.replace(inner[0], '_'), inner = /\{([^{}]*)\}/.exec(rest)) {
    const names = inner[1]!.split(/[,;]/).map((x) => /^\s*([A-Za-z_$][\w$]*)\??\s*(?::|$)/.exec(x)?.[1]).filter((x) => x !== undefined);
    if (names.length > 0) out.push({ items: names.map((name) => ({ name })), text: inner[0].replace(/\s+/g, ' ') });
  }
  return out;
}

/** The brace lists in the comments of a code block (`// kind 'backtest': rows { year, outturn, … }`). */
export function commentLists(code: string): { line: number; items: Item[]; text: string }[] {
  const comments: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.SingleLineCommentTrivia || k === ts.SyntaxKind.MultiLineCommentTrivia) comments.push(scanner.getTokenText().replace(/^\/\/|^\/\*|\*\/$/g, ''));
  }
  return braceLists(comments.join(' ')).map((b) => ({ line: 0, ...b }));
}

/** The lists of names (and of string values) in the prose of a markdown file, with their lines. */
export function proseLists(file: string): { line: number; items: Item[]; text: string }[] {
  const raw = readFileSync(join(root, file), 'utf8').split('\n');
  let inFence = false;
  const lines = raw.map((l) => {
    if (/^\s*```/.test(l)) return (inFence = !inFence), '';
    return inFence ? '' : l;
  });
  const out: { line: number; items: Item[]; text: string }[] = [];
  // Paragraphs: blank lines and the start of a list item or table row end one.
  const paras: { start: number; text: string }[] = [];
  let cur: string[] = [];
  let first = 0;
  const flush = () => {
    if (cur.length > 0) paras.push({ start: first, text: cur.join('\n') });
    cur = [];
  };
  lines.forEach((l, i) => {
    if (l.trim() === '' || /^\s*(?:[-*|]|\d+\.)\s/.test(l)) flush();
    if (l.trim() === '') return;
    if (cur.length === 0) first = i;
    cur.push(l);
  });
  flush();
  for (const { start, text: para } of paras) {
    const at = (pos: number) => start + 1 + (para.slice(0, pos).match(/\n/g)?.length ?? 0);
    const spans = [...para.matchAll(/`([^`]+)`/g)];
    let run: { items: Item[]; pos: number; text: string[] } | undefined;
    const close = () => {
      if (run && run.items.length > 1) out.push({ line: at(run.pos), items: run.items, text: run.text.join(', ') });
      run = undefined;
    };
    spans.forEach((m, k) => {
      const prev = spans[k - 1];
      const gap = prev ? para.slice(prev.index! + prev[0].length, m.index) : '';
      if (!prev || !SEPARATOR.test(gap)) close();
      for (const b of braceLists(m[1]!)) out.push({ line: at(m.index!), ...b });
      const it = item(m[1]!);
      if (!it) return close();
      run ??= { items: [], pos: m.index!, text: [] };
      run.items.push(it);
      run.text.push(m[1]!);
    });
    close();
  }
  return out;
}

/** The lists of a file that no type of the library holds, as messages; `notFields`: other names the docs use (left out of a list). */
export function checkProse(file: string, v: Vocabulary, notFields: ReadonlySet<string>, lists = proseLists(file)): string[] {
  const problems: string[] = [];
  for (const { line, items, text } of lists) {
    if (items.every((x) => 'name' in x && notFields.has(x.name))) continue;
    const names = items.filter((x) => 'name' in x && !notFields.has(x.name)).map((x) => (x as { name: string }).name);
    const values = items.filter((x) => 'value' in x).map((x) => (x as { value: string }).value);
    const ok = names.length > 0
      ? names.every((n) => v.exports.has(n)) || v.shapes.some((s) => names.every((n) => s.has(n))) || (values.length === 0 && v.literals.some((s) => names.every((n) => s.has(n))))
      : v.literals.some((s) => values.every((x) => s.has(x)));
    if (!ok) problems.push(`${file}${line > 0 ? `:${line}` : ''}: no type of the library has ${names.length > 0 ? 'all of' : 'the values'} ${text}`);
  }
  return problems;
}

/** The names on their own (`sdDays`, `legs()`, `keep?`) in a file's prose that the library does not have. */
export function checkNames(file: string, v: Vocabulary, notFields: ReadonlySet<string>): string[] {
  const known = (n: string) =>
    v.exports.has(n) || v.internal.has(n) || notFields.has(n) || n in globalThis || v.shapes.some((s) => s.has(n)) || v.literals.some((s) => s.has(n));
  const problems: string[] = [];
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .forEach((l, i, lines) => {
      if (/^\s*```/.test(l) || lines.slice(0, i).filter((x) => /^\s*```/.test(x)).length % 2 === 1) return;
      for (const m of l.matchAll(/`([A-Za-z_$][\w$]*)(?:\(\)|\?)?`/g)) if (!known(m[1]!)) problems.push(`${file}:${i + 1}: \`${m[1]}\` is no name of the library`);
    });
  return problems;
}
