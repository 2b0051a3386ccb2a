/**
 * The built package, built once for every test file that needs it (the browser tests, the CLI's):
 * `built()` gives a folder holding `node_modules/middle-corridor` — package.json, the stubs and
 * dist/ built by tsup's own config (without declarations) — with the dependencies linked beside
 * it, so that the package is used by name, as an installed package is.
 *
 * The folder is keyed by a hash of what the build reads (src/, tsup.config.ts, package.json,
 * tsconfig*.json): test files in other vitest workers, or later runs with the same sources, find
 * it built. One process builds, under a lock (a directory made atomically); the others wait for
 * its `.done` marker. A lock older than ten minutes is a crashed build's and is taken over.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the built package is. */
export interface Built {
  /** The folder whose node_modules holds the package (run `node` here to import it by name). */
  dir: string;
  /** node_modules/middle-corridor. */
  pkg: string;
  /** The package's dist/. */
  dist: string;
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
}

/** The subpaths' stubs (folders with a package.json, for resolvers without exports), copied beside dist/. */
const STUBS = ['node', 'render', 'testing', 'web'];

/** A hash of every file the build reads. */
function sourceHash(): string {
  const h = createHash('sha256');
  const stubs = STUBS.filter((d) => existsSync(join(root, d))).flatMap((d) => files(join(root, d)));
  const inputs = [...files(join(root, 'src')), ...stubs, ...['tsup.config.ts', 'package.json', 'tsconfig.json', 'tsconfig.node.json'].map((f) => join(root, f))];
  for (const f of inputs) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STALE_MS = 10 * 60_000;

let once: Promise<Built> | null = null;

/** The package built from this checkout's sources (once per set of sources, whatever the number of callers). */
export function built(): Promise<Built> {
  once ??= build();
  return once;
}

async function build(): Promise<Built> {
  const dir = join(tmpdir(), `middle-corridor-built-${sourceHash()}`);
  const pkg = join(dir, 'node_modules', 'middle-corridor');
  const out: Built = { dir, pkg, dist: join(pkg, 'dist') };
  const done = join(dir, '.done');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return out;
    try {
      mkdirSync(lock);
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false }); // gone already when its build just ended
      if (held && Date.now() - held.mtimeMs > STALE_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) return out;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(pkg, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
      for (const stub of STUBS) if (existsSync(join(root, stub))) cpSync(join(root, stub), join(pkg, stub), { recursive: true });
      for (const dep of Object.keys(manifest.dependencies)) {
        mkdirSync(join(dir, 'node_modules', dep, '..'), { recursive: true });
        symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
      }
      const { build: tsup } = await import('tsup');
      await tsup({ outDir: out.dist, dts: false, sourcemap: false, silent: true });
      writeFileSync(done, new Date().toISOString());
      return out;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
