/**
 * The shell blocks of README.md and docs/*.md that call the command line run, as a reader would
 * paste them: ```sh blocks with a command line `npx middle-corridor …` (or `middle-corridor …`),
 * each as one `sh -e` script in an empty folder, with `middle-corridor` on the PATH as the built
 * package's bin and `npx` running it. Where the doc shows the output after the block ("It
 * prints"), the last command prints exactly that. A block that cannot run here says `sh no-run`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFiles, fences } from '../package/doc-blocks.js';
import { builtPackage, root } from './built.js';

const work = mkdtempSync(join(tmpdir(), 'mc-docs-sh-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let bin = '';
beforeAll(async () => {
  const pkg = await builtPackage();
  bin = join(work, 'bin');
  mkdirSync(bin);
  const shim = join(bin, 'middle-corridor');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(pkg, 'node_modules', 'middle-corridor', 'dist', 'cli', 'bin.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
}, 300_000);

const command = (l: string) => l.replace(/#.*$/, '').trim();
const blocks = docFiles().flatMap((file) => {
  const all = fences(readFileSync(join(root, file), 'utf8'));
  return all.flatMap((f, k) => {
    const [lang, ...marks] = f.info.split(/\s+/);
    const calls = f.code.split('\n').some((l) => /^(\w+=\S*\s+)*(npx\s+)?middle-corridor\b/.test(command(l)));
    if (lang !== 'sh' || marks.includes('no-run') || !calls) return [];
    const next = all[k + 1];
    const printed = next !== undefined && next.info === '' && /\bprints\b/.test(next.before) ? next.code : undefined;
    return [{ where: `${file}:${f.line}`, code: f.code, printed }];
  });
});

describe('the command lines of README.md and docs/*.md', () => {
  it('there are some, the README\'s quick start among them', () => {
    expect(blocks.map((b) => b.where.split(':')[0])).toContain('README.md');
    expect(blocks.some((b) => b.printed !== undefined)).toBe(true);
  });
  for (const b of blocks) {
    it(`${b.where} runs${b.printed !== undefined ? ' and prints what the doc shows' : ''}`, () => {
      const dir = mkdtempSync(join(work, 'block-'));
      const script = `npx() { "$@"; }\n${b.code}`;
      const r = spawnSync('sh', ['-e', '-c', script], { cwd: dir, encoding: 'utf8', timeout: 600_000, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } });
      expect(r.status, r.stderr).toBe(0);
      if (b.printed !== undefined) expect(r.stdout).toBe(b.printed);
    });
  }
});
