/**
 * The browser harness: the system's Chromium (Debian's, at /usr/bin/chromium: `.ci/run` installs
 * it where missing; no browser is ever downloaded) driven by playwright-core, and a tiny static
 * server (node:http) serving the built package's files and the test pages, each under the headers
 * a test asks for (a strict content-security policy; COOP/COEP for a cross-origin isolated page).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type BuildOptions, type PluginBuild } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { built, type Built } from '../package/built.js';

/** Where the system's Chromium is (CHROMIUM overrides). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when Chromium is installed. */
export function missingBrowser(): string | null {
  return existsSync(CHROMIUM) ? null : `Chromium is not installed at ${CHROMIUM} (bash .ci/run installs Debian's chromium package; set CHROMIUM to another path)`;
}

/** The strict policy every page is served with: scripts and workers from the page's origin only, no eval, no inline script. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";

/** A file the server serves: its bytes and type, and the headers of the folder it is in. */
export interface Served {
  body: string | Buffer;
  type: string;
}

/** A folder of the server: its files by name, folders on disk by prefix, and the headers every response in it carries. */
export interface Site {
  headers: Record<string, string>;
  files: Record<string, Served>;
  dirs?: Record<string, string>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.cjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8' };

/** A file under one of the site's folders on disk (never outside it), or undefined. */
function fromDisk(site: Site, path: string): Served | undefined {
  for (const [prefix, dir] of Object.entries(site.dirs ?? {})) {
    if (!path.startsWith(prefix)) continue;
    const file = resolve(dir, path.slice(prefix.length));
    if (!file.startsWith(`${dir}/`) || !existsSync(file) || !statSync(file).isFile()) return undefined;
    return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  }
  return undefined;
}

/** Headers that make a page cross-origin isolated (SharedArrayBuffer available). */
export const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' };

/** Serves `sites` (by folder: `/<folder>/<file>`) on 127.0.0.1 at a free port. */
export async function serve(sites: Record<string, Site>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const [, folder, ...rest] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const site = sites[folder ?? ''];
    const file = site && (site.files[rest.join('/')] ?? fromDisk(site, rest.join('/')));
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!site || !file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store', ...site.headers }).end(file.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** A page's HTML: a title and one module script from the page's origin (and an import map, inline, when given). */
export function html(title: string, script: string, imports?: Record<string, string>): Served {
  const map = imports ? `<script type="importmap">${JSON.stringify({ imports })}</script>` : '';
  return { type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${map}</head><body><script type="module" src="${script}"></script></body></html>` };
}

/** A package's folder under node_modules (its real path: the links resolved). */
export const nodeModule = (name: string) => realpathSync(fileURLToPath(new URL(`../../node_modules/${name}`, import.meta.url)));

/** Bundles `entry` for the browser as one ES module (the built package found by name under `b`). */
export async function bundle(b: Built, entry: string, extra: BuildOptions = {}): Promise<Served> {
  // The package by name from the built folder (as installed), whatever the entry's own folder holds.
  const installed = {
    name: 'installed-middle-corridor',
    setup(build: PluginBuild) {
      build.onResolve({ filter: /^middle-corridor(\/|$)/ }, (a) => (a.resolveDir === b.dir ? undefined : build.resolve(a.path, { resolveDir: b.dir, kind: a.kind })));
    },
  };
  const out = await esbuild({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', plugins: [installed], ...extra });
  return { type: 'text/javascript', body: Buffer.from(out.outputFiles![0]!.contents) };
}

/** A file of the built package. */
export const distFile = (b: Built, path: string): Served => ({ type: 'text/javascript', body: readFileSync(join(b.dist, path)) });

/** The test folder's file `name` as a path. */
export const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Chromium, headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/** A page's console errors, page errors and CSP violations, collected as they come. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export { built };
