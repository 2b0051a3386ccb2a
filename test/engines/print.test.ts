/**
 * `console.log(result)` reads well on every engine: Node, Deno and Bun all call
 * `Symbol.for('nodejs.util.inspect.custom')`, so a VolumeResult of 100,000 paths prints its few
 * summary lines (not 800,000 numbers) and an Estimate prints as "value ± SE" — the same text on
 * the three engines (the numbers are the same to the bit). The library is bundled once with
 * esbuild (one ESM file, no build of the package) and run by each engine's own binary
 * (devDependencies `deno` and `bun`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'middle-corridor-print-'));
const script = join(dir, 'print.mjs');

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'src/index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'middle-corridor.mjs'), logLevel: 'silent' });
  writeFileSync(
    script,
    [
      "import { PRESETS, simulateVolumes } from './middle-corridor.mjs';",
      "const v = simulateVolumes(PRESETS['official-capacity'], { paths: 100_000, seed: 2027 });",
      'console.log(v);',
      "console.log('---');",
      'console.log(v.probabilityAtLeast(2027, 10));',
      "console.log('---');",
      'console.log({ p: v.mean(2027) });',
    ].join('\n'),
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]): string {
  const r = spawnSync(command, [...args, script], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } });
  if (r.status !== 0) throw new Error(`${command} failed (status ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

describe('console.log of a result is a short summary on Node, Deno and Bun', () => {
  let node = '';

  it('Node: the summary lines, an Estimate as value ± SE', () => {
    node = run(process.execPath, []);
    const [result, p, nested] = node.split('---\n') as [string, string, string];
    expect(result.length).toBeLessThan(1000);
    expect(result.startsWith('VolumeResult official-capacity: 100,000 paths, seed 2027, 2025–2032\n')).toBe(true);
    expect(result).toContain('P(≥ 10 Mt) 32.7 % ± 0.15');
    expect(p).toBe('0.327 ± 0.0015\n');
    expect(nested).toMatch(/^\{ p: \d\.\d+ ± 0\.\d+ \}\n$/);
  }, 120_000);

  it('Deno prints the same text', () => {
    expect(run(bin('deno'), ['run', '--quiet'])).toBe(node);
  }, 120_000);

  it('Bun prints the summary and the Estimate the same (its console lays out objects its own way)', () => {
    const bun = run(bin('bun'), []);
    const [result, p] = bun.split('---\n') as [string, string, string];
    expect(result.length).toBeLessThan(1000);
    expect(result).toBe(node.split('---\n')[0]);
    expect(p).toBe('0.327 ± 0.0015\n');
    expect(bun).toContain(node.split('---\n')[2]!.replace(/^\{ p: | \}\n$/g, ''));
  }, 120_000);
});
