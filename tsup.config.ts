import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

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

// One build for every entry, with code splitting (ESM and CJS): the code the entries share lives
// in chunks beside them, so `middle-corridor/node` runs the main entry's own classes (its results
// are `instanceof VolumeResult`, its errors `instanceof ScenarioError`) instead of a bundled copy.
// Dependencies stay external: users' bundlers dedupe zod.
export default defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'node/worker': 'src/node/worker.ts', 'render/index': 'src/render/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  splitting: true,
  // The worker is started by file name, never imported: no declarations for it.
  dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'render/index': 'src/render/index.ts', 'testing/index': 'src/testing/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The core imports no Node module (test/package/purity.test.ts); only src/node does.
  platform: 'node',
  // No shims: tsup's would put one `import.meta.url` in a shared chunk, the chunk's own URL.
  // src/node/pool.ts finds its file by `__filename` in CommonJS and `import.meta.url` in ESM,
  // so the CommonJS build has no use for `import.meta` (a syntax error there).
  esbuildOptions(o, { format }) {
    if (format === 'cjs') o.define = { ...o.define, 'import.meta.url': 'undefined' };
  },
  tsconfig: 'tsconfig.node.json',
  esbuildPlugins: [fastCheckPeer],
  // middle-corridor/render loads vega, vega-lite and resvg (optional peers) when called.
  // middle-corridor/testing needs fast-check (an optional peer).
  external: ['zod', 'seedrandom', 'vega', 'vega-lite', '@resvg/resvg-js', 'fast-check'],
});
