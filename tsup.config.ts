import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

// middle-corridor/testing loads fast-check (an optional peer) through src/testing/fast-check-peer.ts,
// whose top-level await CommonJS cannot have: the CommonJS build takes fast-check-peer.cjs.ts, which
// `require`s it. Either way a missing fast-check is an error that says what to install.
const peerCjs = fileURLToPath(new URL('./src/testing/fast-check-peer.cjs.ts', import.meta.url));
const fastCheckPeer = {
  name: 'fast-check-peer',
  // tsup builds CommonJS with splitting as ESM and converts it after, so the format is its define.
  setup(build: { initialOptions: { define?: Record<string, string> }; onResolve(o: { filter: RegExp }, f: () => { path: string }): void }) {
    if (build.initialOptions.define?.TSUP_FORMAT === '"cjs"') build.onResolve({ filter: /\/fast-check-peer\.js$/ }, () => ({ path: peerCjs }));
  },
};

const shared: Options = {
  sourcemap: true,
  target: 'es2022',
  // The core imports no Node module (test/package/purity.test.ts); only src/node does.
  platform: 'node',
  tsconfig: 'tsconfig.node.json',
  // middle-corridor/render loads vega, vega-lite and resvg (optional peers) when called.
  // middle-corridor/testing needs fast-check (an optional peer). Dependencies stay external: users'
  // bundlers dedupe zod.
  // yaml (scenario files, src/node/files.ts) and cli-progress (the command line's bar) are loaded on call.
  external: ['zod', 'seedrandom', 'vega', 'vega-lite', '@resvg/resvg-js', 'fast-check', 'yaml', 'cli-progress'],
  // `npm run build` empties dist/ first (scripts/clean-dist.mjs): the two builds below write
  // beside each other, and tsup's clean, run by each, could race the other's output.
  clean: false,
};

/** The public entries, by their path in dist/. */
const entries = { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'render/index': 'src/render/index.ts', 'testing/index': 'src/testing/index.ts' };
/**
 * The browser's entry. Browsers and bundlers import its ES module, which finds its worker by
 * `import.meta.url`; its CommonJS build exists for resolvers (and Node's require), and says so
 * when asked to start a worker.
 */
const webEntries = { 'web/index': 'src/web/index.ts' };

export default defineConfig([
  // ES modules: one output module per source module (no bundling), as a user's bundler then sees
  // the sources themselves: with `"sideEffects": false` it keeps only the modules a page reaches
  // (`quantile` alone is a few KB; a bundle of chunks would keep every statement a chunk holds).
  // The entries share modules, so `middle-corridor/node` runs the main entry's own classes.
  // The command line (package.json "bin": dist/cli/bin.js, its shebang kept) is built here only:
  // an ES module, never required, so the CommonJS build below leaves it out.
  {
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.d.ts', '!src/testing/fast-check-peer.cjs.ts', '!src/web/worker.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { ...entries, ...webEntries } },
  },
  // The web worker: one self-contained module (seedrandom's key schedule inlined), so that a
  // browser starts it from dist/ as it is — a module worker has no import map — and a CDN or a
  // bundler serves it as one file. It holds the run side of the engines only (no zod, no parser).
  {
    ...shared,
    entry: { 'web/worker': 'src/web/worker.ts' },
    format: ['esm'],
    platform: 'browser',
    bundle: true,
    splitting: false,
    external: [],
    noExternal: ['seedrandom'],
    minify: true,
    sourcemap: false,
  },
  // CommonJS: one build for every entry with code splitting: the code the entries share lives in
  // chunks beside them, so `middle-corridor/node` runs the main entry's own classes (its results
  // are `instanceof VolumeResult`, its errors `instanceof ScenarioError`) instead of a bundled copy.
  {
    ...shared,
    // The worker is started by file name, never imported: an entry without declarations.
    entry: { ...entries, ...webEntries, 'node/worker': 'src/node/worker.ts' },
    format: ['cjs'],
    splitting: true,
    dts: { entry: { ...entries, ...webEntries } },
    // No shims: tsup's would put one `import.meta.url` in a shared chunk, the chunk's own URL.
    // src/node/pool.ts finds its file by `import.meta.url` in ESM and `__filename` in CommonJS,
    // so the CommonJS build has no use for `import.meta` (a syntax error there).
    esbuildOptions(o) {
      o.define = { ...o.define, 'import.meta.url': 'undefined' };
    },
    esbuildPlugins: [fastCheckPeer],
  },
]);
