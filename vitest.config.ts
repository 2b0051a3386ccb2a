import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
// The package's name resolves to this checkout's source (subpaths first: the longest match wins).
const alias = [
  { find: 'middle-corridor/testing', replacement: here('./src/testing/index.ts') },
  { find: 'middle-corridor/node', replacement: here('./src/node/index.ts') },
  { find: 'middle-corridor/render', replacement: here('./src/render/index.ts') },
  { find: 'middle-corridor/web', replacement: here('./src/web/index.ts') },
  { find: /^middle-corridor$/, replacement: here('./src/index.ts') },
];

/**
 * Tests that start processes, worker pools, browsers or builds: the slow ones, which `npm run test:fast`
 * leaves out. `npm test` runs both projects. The fast project's files share one module graph per
 * worker (`isolate: false`: the library is imported once, not once per file — 97 s → 56 s on the
 * 2-core machine); its tests keep no state between files (the pools and processes are in SLOW).
 */
const SLOW = ['test/engines/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/package/tarball.test.ts', 'test/package/typedoc.test.ts', 'test/package/examples.test.ts', 'test/package/entries.test.ts', 'test/node/**/*.test.ts', 'test/robustness/node.test.ts', 'test/engine/**/*.test.ts', 'test/notebook/**/*.test.ts', 'test/forecast/coverage.test.ts', 'test/web/**/*.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // The benchmarks (`npm run bench`) belong to one project, so that they run once.
      { resolve: { alias }, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, setupFiles: ['test/setup.ts'], testTimeout: 60_000, isolate: false, benchmark: { include: ['bench/**/*.bench.ts'] } } },
      { resolve: { alias }, test: { name: 'slow', include: SLOW, setupFiles: ['test/setup.ts'], testTimeout: 120_000, benchmark: { include: [] } } },
    ],
  },
});
