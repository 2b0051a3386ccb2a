import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
// The package's name resolves to this checkout's source (subpaths first: the longest match wins).
const alias = [
  { find: 'middle-corridor/testing', replacement: here('./src/testing/index.ts') },
  { find: 'middle-corridor/node', replacement: here('./src/node/index.ts') },
  { find: 'middle-corridor/render', replacement: here('./src/render/index.ts') },
  { find: /^middle-corridor$/, replacement: here('./src/index.ts') },
];

/**
 * Tests that start processes, worker pools or builds: the slow ones, which `npm run test:fast`
 * leaves out. `npm test` runs both projects. The fast project's files share one module graph per
 * worker (`isolate: false`: the library is imported once, not once per file — 97 s → 56 s on the
 * 2-core machine); its tests keep no state between files (the pools and processes are in SLOW).
 */
const SLOW = ['test/engines/**/*.test.ts', 'test/package/tarball.test.ts', 'test/package/typedoc.test.ts', 'test/package/examples.test.ts', 'test/package/entries.test.ts', 'test/node/**/*.test.ts', 'test/robustness/node.test.ts', 'test/engine/**/*.test.ts', 'test/notebook/**/*.test.ts', 'test/forecast/coverage.test.ts'];

/**
 * The slow files that take longest, longest first (measured: 47, 31 and 14 s on one core). They
 * start first, so that the short files fill the other core at the end instead of one long file
 * running alone.
 */
const LONGEST = ['test/forecast/coverage.test.ts', 'test/engine/until.test.ts', 'test/package/examples.test.ts'];

/**
 * The order files start in: the slow project's before the fast one's (the fast files then follow
 * one another on the two workers that imported the library, and a slow file never comes between
 * them: it would end the shared worker), the LONGEST in their order, then vitest's own order
 * (longest first where its cache knows the durations, larger files first where it does not).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST.findIndex((name) => f.moduleId.endsWith(name));
      return i === -1 ? LONGEST.length : i;
    };
    const fast = (f: TestSpecification) => +(f.project.name === 'fast');
    return sorted.sort((a, b) => fast(a) - fast(b) || rank(a) - rank(b)); // stable: ties keep vitest's order
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    // vitest's default is one worker fewer than the cores: on a 2-core machine one worker, which
    // ran the whole suite on one core (192 s). Two workers at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    projects: [
      // The benchmarks (`npm run bench`) belong to one project, so that they run once.
      { resolve: { alias }, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, setupFiles: ['test/setup.ts'], testTimeout: 60_000, isolate: false, benchmark: { include: ['bench/**/*.bench.ts'] } } },
      { resolve: { alias }, test: { name: 'slow', include: SLOW, setupFiles: ['test/setup.ts'], testTimeout: 120_000, benchmark: { include: [] } } },
    ],
  },
});
