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

  it('no Node module imported outside src/node/ and src/cli/ (the command line)', () => {
    const nodeImport = /from\s+['"](node:[\w/]+|fs|path|os|worker_threads|child_process|crypto)['"]|require\(['"](node:|fs|path|crypto)/;
    const offenders = sources.filter((f) => !f.path.startsWith(join('src', 'node')) && !f.path.startsWith(join('src', 'cli')) && nodeImport.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
    expect(sources.some((f) => f.path.startsWith(join('src', 'cli')) && nodeImport.test(f.text))).toBe(true); // the pattern does match what it guards against
  });

  it('yaml is loaded on call by the scenario files alone (src/node/files.ts), cli-progress by the command line\'s bar alone', () => {
    const loading = (pkg: string) => sources.filter((f) => new RegExp(`(from\\s+|import\\(\\s*|require\\(\\s*)['"]${pkg}['"]`).test(f.text)).map((f) => f.path);
    expect(loading('yaml')).toEqual([join('src', 'node', 'files.ts')]);
    expect(loading('cli-progress')).toEqual([join('src', 'cli', 'progress.ts')]);
    for (const f of sources) expect(f.text, f.path).not.toMatch(/^import\s+(?!type\b)[^;]*['"](yaml|cli-progress)['"]/m); // dynamic only
  });

  it('zod enters through one adapter file; mathjs not at all (a dev dependency: the tests\' reference)', () => {
    const importing = (pkg: string) => sources.filter((f) => new RegExp(`(from\\s+|import\\(\\s*|require\\(\\s*)['"]${pkg}(/[^'"]*)?['"]`).test(f.text)).map((f) => f.path);
    expect(importing('mathjs')).toEqual([]);
    expect(importing('zod')).toEqual([join('src', 'scenario', 'schema-primitives.ts')]);
  });

  it('vega, vega-lite and resvg are imported only under src/render/ (optional peers, loaded on call)', () => {
    const renderer = /(from\s+|import\(\s*|require\(\s*)['"](vega|vega-lite|vega-[\w-]+|@resvg\/resvg-js)['"]/;
    const offenders = sources.filter((f) => !f.path.startsWith(join('src', 'render')) && renderer.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
    const render = sources.filter((f) => f.path.startsWith(join('src', 'render')));
    expect(render.some((f) => renderer.test(f.text))).toBe(true); // the pattern does match what it guards against
    for (const f of render) expect(f.text, f.path).not.toMatch(/^import\s+(?!type\b)[^;]*['"](vega|vega-lite|@resvg\/resvg-js)['"]/m); // dynamic only
  });

  it('fast-check is imported only under src/testing/ (middle-corridor/testing)', () => {
    const checker = /(from\s+|import\(\s*)['"]fast-check['"]/;
    expect(sources.filter((f) => !f.path.startsWith(join('src', 'testing')) && checker.test(f.text)).map((f) => f.path)).toEqual([]);
    expect(sources.some((f) => f.path.startsWith(join('src', 'testing')) && checker.test(f.text))).toBe(true);
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
    expect(pkg.files).toEqual(['dist', 'node', 'render', 'testing', 'web', 'docs/*.md', 'docs/img/*.svg', 'docs/img/explorer.png', 'CHANGELOG.md', 'examples/notebook.ipynb', 'examples/cluster/*']); // node/, render/, testing/, web/: the subpaths' stubs for resolvers without exports (node10); examples/cluster/: docs/scale.md's cluster files; explorer.png: the README's picture of the explorer
    expect(Object.keys(pkg.exports['.'].import)[0]).toBe('types');
    expect(Object.keys(pkg.exports['.'].require)[0]).toBe('types');
    expect(pkg.license).toBe('MIT');
  });

  it('vega, vega-lite, resvg and fast-check are optional peers (and dev dependencies), never dependencies', () => {
    for (const name of ['vega', 'vega-lite', '@resvg/resvg-js', 'fast-check']) {
      expect(pkg.dependencies?.[name], name).toBeUndefined();
      expect(pkg.peerDependencies[name], name).toBeDefined();
      expect(pkg.peerDependenciesMeta[name], name).toEqual({ optional: true });
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
    expect(Object.keys(pkg.exports['./render'].import)[0]).toBe('types');
    expect(Object.keys(pkg.exports['./render'].require)[0]).toBe('types');
    expect(Object.keys(pkg.exports['./testing'].import)[0]).toBe('types');
  });

  it('mathjs is a dev dependency only (the reference the formula parser and the linear algebra are tested against)', () => {
    expect(pkg.dependencies.mathjs).toBeUndefined();
    expect(pkg.peerDependencies.mathjs).toBeUndefined();
    expect(pkg.devDependencies.mathjs).toBeDefined();
  });
});
