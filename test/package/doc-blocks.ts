/**
 * The fenced code blocks of README.md and docs/*.md, as the docs tests read them.
 *
 * A block's info string is its language, then words that say what the block is:
 * - ```js / ```ts / ```javascript / ```typescript alone: a program, run against the library;
 * - ```ts contract: TypeScript declarations of the public shapes (docs/design.md), checked
 *   against the real types (test/package/doc-contract.ts), never run;
 * - ```ts no-run (or ```js no-run): a fragment not meant to run alone, counted and skipped.
 * Any other word after the language is an error (a typo must not turn a block off).
 * A block with no language right after a program, where the prose between them says it
 * "prints", is that program's output: the run must print exactly it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The languages whose blocks run; `contract` and `no-run` are the marks that stop a block running. */
export const LANGUAGES = new Set(['js', 'javascript', 'ts', 'typescript']);
export const MARKS = new Set(['contract', 'no-run']);

export interface DocBlock {
  /** `docs/design.md:105`: the file and the line of the opening fence. */
  where: string;
  file: string;
  lang: string;
  marks: string[];
  code: string;
  /** The output the doc shows for this program, if it shows one. */
  printed?: string;
}

/** The markdown files the docs tests read: README.md and every docs/*.md. */
export function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

export interface Fence {
  line: number;
  info: string;
  code: string;
  before: string;
}

/** The fenced blocks of a markdown text, each with the prose before it. */
export function fences(text: string): Fence[] {
  const lines = text.split('\n');
  const out: Fence[] = [];
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(.*)$/.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j]!)) body.push(lines[j++]!);
    if (j === lines.length) throw new Error(`line ${i + 1}: a code fence that never closes`);
    out.push({ line: i + 1, info: open[1]!.trim(), code: body.length ? `${body.join('\n')}\n` : '', before: prose.join('\n') });
    prose = [];
    i = j;
  }
  return out;
}

/** Every js/ts block of one markdown file (path relative to the root), with its marks and shown output. */
export function blocksOf(file: string): DocBlock[] {
  const all = fences(readFileSync(join(root, file), 'utf8'));
  const out: DocBlock[] = [];
  for (let k = 0; k < all.length; k++) {
    const f = all[k]!;
    const [lang = '', ...marks] = f.info.split(/\s+/).filter((w) => w !== '');
    if (!LANGUAGES.has(lang.toLowerCase())) continue;
    const where = `${file}:${f.line}`;
    const unknown = marks.filter((m) => !MARKS.has(m));
    if (unknown.length > 0) throw new Error(`${where}: unknown mark ${unknown.join(' ')} after \`\`\`${lang} (allowed: ${[...MARKS].join(', ')})`);
    const next = all[k + 1];
    const shows = next !== undefined && next.info === '' && /\bprints\b/.test(next.before) && marks.length === 0;
    out.push({ where, file, lang: lang.toLowerCase(), marks, code: f.code, ...(shows ? { printed: next.code } : {}) });
  }
  return out;
}

/** Every js/ts block of README.md and docs/*.md. */
export function docBlocks(): DocBlock[] {
  return docFiles().flatMap(blocksOf);
}
