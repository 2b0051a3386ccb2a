/**
 * The explorer page (examples/explorer/): built with esbuild into examples/explorer/dist/ and
 * served by a small node:http server under the strict content-security policy the browser tests
 * use (scripts and workers from the page's origin only, no eval, no inline script or style).
 *
 *   npm run explorer:build     # writes examples/explorer/dist/
 *   npm run explorer           # builds, then serves it and prints the URL (PORT=8725 by default)
 *
 * The page bundles the library from this checkout's sources (`middle-corridor` and
 * `middle-corridor/web` by name, as a user's bundler finds them in the package); the web pool's
 * worker is built beside it as one module (worker.js), where the pool looks for it. Vega is a
 * chunk of its own, loaded after the first numbers (the first load does not carry it).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The page's sources. */
export const EXPLORER_SRC = join(root, 'examples', 'explorer');
/** Where `npm run explorer:build` writes the page. */
export const EXPLORER_DIST = join(EXPLORER_SRC, 'dist');

/** The policy the page is served with: the browser tests' own (test/web/harness.ts's STRICT_CSP; a test holds them equal). */
export const EXPLORER_CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";

/** The package's entries by name, from this checkout's sources. */
const ENTRIES: Record<string, string> = { 'middle-corridor': 'src/index.ts', 'middle-corridor/web': 'src/web/index.ts' };
const bySource: Plugin = {
  name: 'middle-corridor-sources',
  setup(b) {
    b.onResolve({ filter: /^middle-corridor(\/web)?$/ }, (a) => ({ path: join(root, ENTRIES[a.path]!) }));
  },
};

/**
 * Builds the page into `outdir` (emptied first): index.html, explorer.css, main.js and its chunks,
 * worker.js (the pool's) and tornado-worker.js (the tornado's P10 and P90). Returns the folder and
 * the files of the first load: the page, its style sheet, the scripts main.js imports statically
 * and the pool's worker (not what comes on demand: Vega's chunk, the tornado's worker).
 */
export async function buildExplorer(outdir = EXPLORER_DIST): Promise<{ dir: string; firstLoad: string[] }> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, logLevel: 'warning', legalComments: 'none' } as const;
  const page = await build({ ...common, entryPoints: [join(EXPLORER_SRC, 'main.ts')], outdir, splitting: true, chunkNames: 'chunk-[hash]', metafile: true, plugins: [bySource] });
  await build({ ...common, entryPoints: [join(root, 'src/web/worker.ts')], outfile: join(outdir, 'worker.js') });
  await build({ ...common, entryPoints: [join(EXPLORER_SRC, 'tornado-worker.ts')], outfile: join(outdir, 'tornado-worker.js'), plugins: [bySource] });
  for (const f of ['index.html', 'explorer.css']) copyFileSync(join(EXPLORER_SRC, f), join(outdir, f));
  // main.js and what it imports statically, transitively (esbuild's metafile: paths from the cwd).
  const outputs = page.metafile.outputs;
  const key = (f: string) => Object.keys(outputs).find((k) => resolve(k) === join(outdir, f))!;
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of outputs[k]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(key('main.js'));
  const scripts = [...seen].map((k) => relative(outdir, resolve(k)));
  return { dir: outdir, firstLoad: ['index.html', 'explorer.css', ...scripts, 'worker.js'] };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

/** Serves `dir` on 127.0.0.1 (`port` 0: a free one) under {@link EXPLORER_CSP}; `/` is index.html. */
export async function serveExplorer(dir = EXPLORER_DIST, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // no icon, and no 404 in the page's console
      return;
    }
    const file = resolve(dir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(`${dir}/`) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Security-Policy': EXPLORER_CSP }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Security-Policy': EXPLORER_CSP }).end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const { port: at } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${at}/`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { dir: out } = await buildExplorer();
  console.error(`built ${out}`);
  if (process.argv.includes('--serve')) {
    const { url } = await serveExplorer(out, Number(process.env.PORT ?? 8725));
    console.log(`The explorer: ${url} (Ctrl-C stops the server)`);
  }
}
