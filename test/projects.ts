/**
 * The two test projects of vitest.config.ts, as data (test/package/projects.test.ts checks them).
 *
 * SLOW: the tests that start processes, worker pools, builds or browsers, which `npm run test:fast`
 * leaves out; `npm test` runs both projects. The fast project's files share one module graph per
 * worker (`isolate: false`: the library is imported once, not once per file — 97 s → 56 s on the
 * 2-core machine), so its tests keep no state between files: the pools and processes are here.
 * Globs with `**` and `*` only.
 */
export const SLOW = [
  'test/engines/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/web/**/*.test.ts',
  'test/package/tarball.test.ts',
  'test/package/typedoc.test.ts',
  'test/package/examples.test.ts',
  'test/package/entries.test.ts',
  'test/node/**/*.test.ts',
  'test/robustness/node.test.ts',
  'test/robustness/volume.test.ts',
  'test/engine/**/*.test.ts',
  'test/notebook/**/*.test.ts',
  'test/forecast/coverage.test.ts',
];

/**
 * The slow files that take longest, longest first (47, 31 and 14 s on one core of the 2-core
 * machine). They start first, so that at the end the short files fill both cores instead of one
 * long file running alone on one.
 */
export const LONGEST = ['test/forecast/coverage.test.ts', 'test/engine/until.test.ts', 'test/package/examples.test.ts'];
