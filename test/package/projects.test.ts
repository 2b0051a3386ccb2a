/**
 * The fast project stays fast as the suite grows: a test file that starts a process, a worker
 * pool, a build or a browser is in the slow project (test/projects.ts), whose files each get a
 * process of their own; the fast project's files share one module graph per worker and keep no
 * state between files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LONGEST, SLOW } from '../projects.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith('.test.ts') ? [relative(root, p).split('\\').join('/')] : [];
  });
}

/** A glob of SLOW as a RegExp: `**∕` any folders (none included), `*` any name part. */
const pattern = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(?:[^/]+/)*')}$`);
const slowPatterns = SLOW.map(pattern);
const isSlow = (file: string) => slowPatterns.some((p) => p.test(file));

/** What starts a process, a pool, a build or a browser, in a file's text (imports or calls). */
const STARTS: [string, RegExp][] = [
  ['a process', /['"](node:)?(child_process|cluster)['"]/],
  ['a worker', /['"](node:)?worker_threads['"]|\bnew Worker\(/],
  ['a worker pool', /\bsimulate\w*Parallel\s*\(/],
  ['a build', /['"](tsup|esbuild|typedoc)['"]/],
  ['a browser', /['"](playwright|playwright-core)['"]/],
];
const starts = (file: string) => STARTS.filter(([, re]) => re.test(readFileSync(join(root, file), 'utf8'))).map(([what]) => what);

const files = testFiles(join(root, 'test'));

describe('the fast and slow test projects', () => {
  it('SLOW and LONGEST name test files that exist, with globs of ** and * only', () => {
    for (const glob of SLOW) {
      expect(glob, glob).toMatch(/^test\/[\w\-./*]+\.test\.ts$/);
      expect(files.filter((f) => pattern(glob).test(f)).length, glob).toBeGreaterThan(0);
    }
    for (const file of LONGEST) {
      expect(files, file).toContain(file);
      expect(isSlow(file), file).toBe(true);
    }
  });

  it('the glob reading matches files in subfolders and only there', () => {
    expect(pattern('test/node/**/*.test.ts').test('test/node/parallel.test.ts')).toBe(true);
    expect(pattern('test/node/**/*.test.ts').test('test/node/a/b/parallel.test.ts')).toBe(true);
    expect(pattern('test/node/**/*.test.ts').test('test/nodes/parallel.test.ts')).toBe(false);
    expect(pattern('test/package/entries.test.ts').test('test/package/entriesXtest.ts')).toBe(false);
  });

  it('no fast test file starts a process, a worker pool, a build or a browser', () => {
    const fast = files.filter((f) => !isSlow(f));
    expect(fast.length).toBeGreaterThan(50);
    expect(fast.map((f) => ({ file: f, starts: starts(f) })).filter((f) => f.starts.length > 0)).toEqual([]);
  });

  it('the slow files that do are seen doing it (the check above can fail)', () => {
    expect(starts('test/robustness/node.test.ts')).toEqual(expect.arrayContaining(['a process', 'a worker pool']));
    expect(starts('test/engines/cross-engine.test.ts')).toEqual(expect.arrayContaining(['a process', 'a build']));
    expect(starts('test/robustness/volume.test.ts')).toEqual(['a worker pool']);
  });
});
