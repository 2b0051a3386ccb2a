/**
 * The TSDoc examples are tests (as mathjs runs its doc examples): every `@example` whose last
 * line reads `expression // => value` or `statement // throws Name: message` is run against the
 * public API, and the written result must match. In a written value, `0.5469…` means "these
 * digits, then any", and a lone `…` stands for anything (e.g. more fields).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as api from 'middle-corridor';

const root = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Example {
  where: string;
  setup: string[];
  expr: string;
  kind: 'value' | 'throws';
  expected: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of files(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const re = /@example([\s\S]*?)(?=\n\s*\*\s*@|\*\/)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lines = m[1]!
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, '').trimEnd())
        .filter((l) => l.trim() !== '');
      // Continuation lines that start with `// ` belong to the value written above them.
      const body: string[] = [];
      for (const l of lines) {
        if (/^\s*\/\/ (?!=>|throws)/.test(l) && body.length > 0 && /\/\/ (=>|throws)/.test(body[body.length - 1]!)) {
          body[body.length - 1] += ` ${l.replace(/^\s*\/\/\s*/, '')}`;
        } else body.push(l);
      }
      const line = (text.slice(0, m.index).match(/\n/g)?.length ?? 0) + 1;
      const setup: string[] = [];
      for (const l of body) {
        let v = /^(.*?)\s*\/\/ => (.*)$/.exec(l);
        let t = /^(.*?)\s*\/\/ throws (.*)$/.exec(l);
        // A result on a line of its own belongs to the statement above it.
        if ((v && v[1]!.trim() === '') || (t && t[1]!.trim() === '')) {
          const prev = setup.pop() ?? '';
          if (v) v = [v[0], prev, v[2]!] as unknown as RegExpExecArray;
          if (t) t = [t[0], prev, t[2]!] as unknown as RegExpExecArray;
        }
        if (v && v[1]!.trim() !== '') {
          out.push({ where: `${relative(root, file)}:${line}`, setup: [...setup], expr: v[1]!.replace(/;$/, ''), kind: 'value', expected: v[2]!.trim() });
        } else if (t && t[1]!.trim() !== '') {
          out.push({ where: `${relative(root, file)}:${line}`, setup: [...setup], expr: t[1]!.replace(/;$/, ''), kind: 'throws', expected: t[2]!.trim() });
        } else if (!/^\s*\/\//.test(l)) setup.push(l.replace(/\s*\/\/.*$/, ''));
      }
    }
  }
  return out;
}

/** The written value as a pattern over the rendered actual value. */
function pattern(expected: string): RegExp {
  const parts = expected.split(/(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?…|…)/);
  const src = parts
    .map((p) => {
      if (p === '…') return '.*';
      const num = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)…$/.exec(p);
      if (num) return `${num[1]!.replace(/[.+]/g, '\\$&')}\\d*(?:e[+-]?\\d+)?`;
      return p.replace(/\s+/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${src}$`);
}

const render = (x: unknown) => inspect(x, { breakLength: Infinity, compact: true, depth: 4, customInspect: false }).replace(/\s+/g, '');

const all = examples();
const names = Object.keys(api);
const values = Object.values(api);

describe('TSDoc examples', () => {
  it('there are examples to run', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  for (const ex of all) {
    it(`${ex.where}: ${ex.expr.slice(0, 60)}`, () => {
      const body = `${ex.setup.join('\n')}\nreturn (${ex.expr});`;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const run = () => new Function(...names, body)(...values);
      if (ex.kind === 'throws') {
        const [name, ...msg] = ex.expected.split(': ');
        let thrown: unknown;
        try {
          run();
        } catch (e) {
          thrown = e;
        }
        expect(thrown, 'expected a throw').toBeInstanceOf(Error);
        expect((thrown as Error).name).toBe(name);
        expect((thrown as Error).message).toContain(msg.join(': '));
      } else {
        expect(render(run())).toMatch(pattern(ex.expected));
      }
    });
  }
});
