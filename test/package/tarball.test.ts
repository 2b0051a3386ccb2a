/**
 * The package ships what it links: every relative link of the README and of the docs it ships
 * (docs/*.md, their images, the CHANGELOG, the notebook) resolves to a file in the tarball, so a
 * reader of the registry page or of node_modules/middle-corridor finds it. The file list is npm's
 * own (`npm pack --dry-run --json`, scripts off: nothing is built).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('every relative link in the shipped README and docs resolves inside the tarball', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
  const docs = [...files].filter((f) => f.endsWith('.md'));
  expect(docs).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/design.md', 'docs/api.md']));
  const broken: string[] = [];
  let links = 0;
  for (const doc of docs) {
    const text = readFileSync(join(root, doc), 'utf8');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!.split('#')[0]!;
      if (target === '' || /^[a-z]+:/i.test(target)) continue; // an anchor or an absolute URL
      links++;
      const path = normalize(join(dirname(doc), target)).replaceAll('\\', '/');
      if (!files.has(path)) broken.push(`${doc}: ${m[1]} (${path} is not in the tarball)`);
    }
  }
  expect(links).toBeGreaterThan(15);
  expect(broken).toEqual([]);
});
