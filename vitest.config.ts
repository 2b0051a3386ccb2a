import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { LONGEST, SLOW } from './test/projects.js';

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

export default defineConfig(({ mode }) => ({
  resolve: { alias },
  test: {
    // vitest's default is one worker fewer than the cores: on a 2-core machine one worker, which
    // ran the whole suite on one core (192 s). Two workers at least for the tests; the benchmarks
    // (`vitest bench`, mode 'benchmark') one file at a time, so that none times another's load.
    maxWorkers: mode === 'benchmark' ? 1 : Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    projects: [
      // The benchmarks (`npm run bench`) belong to one project, so that they run once.
      { resolve: { alias }, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, setupFiles: ['test/setup.ts'], testTimeout: 60_000, isolate: false, benchmark: { include: ['bench/**/*.bench.ts'] } } },
      { resolve: { alias }, test: { name: 'slow', include: SLOW, setupFiles: ['test/setup.ts'], testTimeout: 120_000, benchmark: { include: [] } } },
    ],
  },
}));
