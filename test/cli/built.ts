/**
 * The built command line, shared by the CLI's test files: the package is built once per version of
 * its sources (tsup's own config, without declarations) into a temporary
 * `node_modules/middle-corridor`, as an installed package is, and its `bin` run from there. A lock
 * (a folder made atomically) lets one test file build while the others wait for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : [p];
  });
}

/** The hash of what the build reads. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...sources(join(root, 'src')).sort(), join(root, 'tsup.config.ts'), join(root, 'package.json'), join(root, 'tsconfig.node.json')]) h.update(f).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The folder holding node_modules/middle-corridor, built (or being built by another file: waited for). */
export async function builtPackage(): Promise<string> {
  const dir = join(tmpdir(), `middle-corridor-cli-${sourceHash()}`);
  const done = join(dir, 'built');
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(done); waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // A lock left by a process that died (older than the longest build) is taken over.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 240_000) throw new Error(`the CLI build (${lock}) did not finish in 4 minutes`);
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(done)) build(dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

function build(dir: string): void {
  // Builds of other sources go once they are an hour old (another checkout's run may still use a newer one).
  for (const f of readdirSync(tmpdir())) {
    const other = join(tmpdir(), f);
    if (/^middle-corridor-cli-[0-9a-f]{16}$/.test(f) && other !== dir && Date.now() - statSync(other).mtimeMs > 3_600_000) rmSync(other, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  const pkg = join(dir, 'node_modules', 'middle-corridor');
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  // The dependencies, and the optional render peers (report's charts), as a user who installed them has.
  for (const dep of [...Object.keys(manifest.dependencies), 'vega', 'vega-lite', '@resvg']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  const script = `import { build } from 'tsup'; await build({ outDir: ${JSON.stringify(join(pkg, 'dist'))}, dts: false, sourcemap: false, silent: true });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`the CLI build failed: ${r.stderr}`);
  writeFileSync(join(dir, 'built'), new Date().toISOString());
}

/** What a run of the command line gave. */
export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `middle-corridor ...args` from the built package (the bin file, as npx would), in `cwd`. */
export function cli(dir: string, args: readonly string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Ran> {
  const bin = join(dir, 'node_modules', 'middle-corridor', 'dist', 'cli', 'bin.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: o.cwd ?? dir, env: { ...process.env, NO_COLOR: '1', ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(o.input ?? '');
  });
}

/** Starts `middle-corridor ...args` and hands back the process (for signals). */
export function startCli(dir: string, args: readonly string[], cwd: string) {
  const bin = join(dir, 'node_modules', 'middle-corridor', 'dist', 'cli', 'bin.js');
  return spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}
