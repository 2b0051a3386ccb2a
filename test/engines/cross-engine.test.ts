/**
 * The same bits on every engine: test/engines/fingerprint.mjs runs a fixed set of seeded runs
 * (volumes full and summary, every sampler, transit, corridor, a fit and a forecast) through the
 * built package and prints a hash of every output byte; Node (V8), Deno (a newer V8) and Bun
 * (JavaScriptCore) must print the same hashes. `deno` and `bun` are devDependencies (each npm
 * package ships its engine's binary).
 *
 * The package is built once (tsup's own config, without declarations) into a temporary
 * `node_modules/middle-corridor`, and imported from there by name, as an installed package is.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'middle-corridor-engines-'));
const pkg = join(dir, 'node_modules', 'middle-corridor');
const script = join(dir, 'fingerprint.mjs');

beforeAll(async () => {
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
  for (const dep of Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies)) {
    symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
  // Deno resolves bare names from node_modules when the folder has a package.json.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'engines', private: true, type: 'module' }));
  copyFileSync(join(root, 'test/engines/fingerprint.mjs'), script);
  await build({ outDir: join(pkg, 'dist'), dts: false, sourcemap: false, silent: true });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Fingerprint {
  count: number;
  hashes: Record<string, string>;
}

function run(engine: string, command: string, args: string[]): Fingerprint {
  const r = spawnSync(command, [...args, script], { cwd: dir, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } });
  if (r.status !== 0) throw new Error(`${engine} failed (status ${r.status}):\n${r.stderr}\n${r.stdout}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Fingerprint;
}

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

describe('the same seeded runs give the same bytes on Node, Deno and Bun', () => {
  let node: Fingerprint;

  it('Node (V8) runs the whole set', () => {
    node = run('node', process.execPath, []);
    expect(node.count).toBeGreaterThanOrEqual(18);
    expect(Object.keys(node.hashes)).toHaveLength(node.count);
    // Distinct runs give distinct hashes (the hash sees the data).
    expect(new Set(Object.values(node.hashes)).size).toBe(node.count);
  });

  it('Deno (V8 of another version) prints the same hashes', () => {
    const deno = run('deno', bin('deno'), ['run', '--quiet', '--allow-read', '--allow-env', '--allow-sys']);
    expect(deno.hashes).toEqual(node.hashes);
  });

  it('Bun (JavaScriptCore) prints the same hashes', () => {
    const bun = run('bun', bin('bun'), ['run']);
    expect(bun.hashes).toEqual(node.hashes);
  });
});
