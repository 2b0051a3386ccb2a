/**
 * Progress and Ctrl-C in the command line (src/cli/progress.ts, thread.ts, job.ts): every long
 * command draws its bar on a terminal (a pseudo-terminal from util-linux `script` here), none when
 * piped or with --quiet; Ctrl-C aborts the call in flight — a one-thread call on its own thread as
 * well as a pool's run — so the command exits 130 soon after, leaving no file and no temp file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPackage, startCli } from './built.js';

let pkg = '';
const work = mkdtempSync(join(tmpdir(), 'mc-interrupt-'));
beforeAll(async () => {
  pkg = await builtPackage();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts the command in a fresh folder, sends SIGINT after `ms`, and reports how it ended. */
async function interrupt(args: string[], ms: number) {
  const dir = mkdtempSync(join(work, 'run-'));
  const child = startCli(pkg, args, dir);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const closed = new Promise<[number | null, string | null]>((r) => child.on('close', (c, s) => r([c, s])));
  await new Promise((r) => setTimeout(r, ms));
  const sent = Date.now();
  child.kill('SIGINT');
  const [code, signal] = await closed;
  return { code, signal, stderr, after: Date.now() - sent, files: readdirSync(dir), dir };
}

describe('Ctrl-C aborts the run in flight: exit 130, no file left', () => {
  // Each would run for tens of seconds: ended within a few seconds of the signal, the call was aborted
  // (a one-thread call on a blocked thread could not have heard the signal otherwise).
  const cases: [string, string[]][] = [
    ['a one-thread call (tornado, on its own thread)', ['tornado', '--preset', 'baseline', '--statistic', 'mean:2027', '--paths', '500000', '--out', 't.csv']],
    ['a one-thread call (evaluate)', ['evaluate', '--paths', '800000', '--out', 'e.json']],
    ['a run to a tolerance (volumes --until-se)', ['volumes', '--preset', 'baseline', '--until-se', '0.00001', '--paths', '5e7', '--keep', 'summary', '--out', 'v.csv']],
    ['a run on --workers 1', ['volumes', '--preset', 'baseline', '--paths', '5e7', '--keep', 'summary', '--workers', '1', '--out', 'w.csv']],
  ];
  for (const [what, args] of cases) {
    it(what, async () => {
      const r = await interrupt(args, 2500);
      expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: 130, signal: null });
      expect(r.stderr).toContain('interrupted');
      expect(r.files).toEqual([]);
      expect(existsSync(join(r.dir, args[args.length - 1]!))).toBe(false);
      expect(r.after).toBeLessThan(4000);
    }, 60_000);
  }
});

describe('the progress bar', () => {
  const bin = () => join(pkg, 'node_modules', 'middle-corridor', 'dist', 'cli', 'bin.js');
  /** The command on a pseudo-terminal: what its terminal showed. */
  const onTerminal = (args: string[]) => {
    const command = [process.execPath, bin(), ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('is drawn on a terminal for the one-thread commands and the pool\'s, and not with --quiet', () => {
    for (const [label, args] of [
      ['tornado', ['tornado', '--preset', 'baseline', '--statistic', 'mean:2027', '--paths', '100000', '--out', 'bar-t.csv']],
      ['sobol', ['sobol', '--preset', 'official-capacity', '--year', '2027', '--samples', '50000', '--bootstrap', '20', '--out', 'bar-s.csv']],
      ['corridor', ['corridor', 'official-capacity', 'corridor-poti', '--paths', '100000', '--workers', '2', '--out', 'bar-c.csv']],
    ] as const) {
      expect(onTerminal([...args]), label).toMatch(new RegExp(`${label} \\[[#-]+\\] \\d+%`));
      expect(onTerminal([...args, '--quiet']), label).not.toMatch(/\[[#-]+\] \d+%/);
    }
  }, 240_000);
});
