import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const sources = files(src).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));

describe('the core runs unchanged in a browser, and a seed fixes every number', () => {
  it('no Math.random anywhere in src/', () => {
    expect(sources.filter((f) => /Math\.random/.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('no Node module imported outside src/node/', () => {
    const nodeImport = /from\s+['"](node:[\w/]+|fs|path|os|worker_threads|child_process|crypto)['"]|require\(['"](node:|fs|path|crypto)/;
    const offenders = sources.filter((f) => !f.path.startsWith(join('src', 'node')) && nodeImport.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('mathjs and zod each enter through one adapter file (STYLE.md §7)', () => {
    const importing = (pkg: string) => sources.filter((f) => new RegExp(`from ['"]${pkg}['"]`).test(f.text)).map((f) => f.path);
    expect(importing('mathjs')).toEqual([join('src', 'growth', 'mathjs.ts')]);
    expect(importing('zod')).toEqual([join('src', 'scenario', 'schema.ts')]);
  });

  it('the public index re-exports by name, never `export *`', () => {
    const index = readFileSync(join(src, 'index.ts'), 'utf8');
    expect(index).not.toMatch(/export \*/);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  it('is an ESM package without side effects that ships only dist, types first in exports', () => {
    expect(pkg.name).toBe('middle-corridor');
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(['dist', 'node']); // node/: the subpath's stub for resolvers without exports (node10)
    expect(Object.keys(pkg.exports['.'].import)[0]).toBe('types');
    expect(Object.keys(pkg.exports['.'].require)[0]).toBe('types');
    expect(pkg.license).toBe('MIT');
  });
});
