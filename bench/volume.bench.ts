/**
 * simulateVolumes at 10^3–10^6 paths, against a naive JS version of the same model (closures,
 * Box–Muller normals, plain arrays, a full sort for quantiles) in the same run.
 * Run: npm run bench -- volume
 */
import { bench, describe } from 'vitest';
import { simulateVolumes } from '../src/index.js';
import { STANDARD_VOLUME } from './workloads.js';
import { naiveVolumes } from './naive.js';

let sink = 0;
const run = (paths: number) => {
  const r = simulateVolumes(STANDARD_VOLUME, { paths, seed: 42 });
  for (const y of r.years) sink += r.quantiles(y, [0.1, 0.5, 0.9])[1]!;
  sink += r.probabilityAtLeast(2027, 10).estimate;
};

for (const paths of [1_000, 10_000, 100_000]) {
  describe(`standard volume workload, ${paths.toLocaleString('en')} paths × 8 years, with P10/P50/P90 per year`, () => {
    bench('simulateVolumes (library)', () => run(paths), { iterations: 5 });
    bench('naive JS (baseline)', () => {
      sink += naiveVolumes(paths, 42);
    }, { iterations: 3 });
  });
}

describe('standard volume workload, 1,000,000 paths', () => {
  bench('simulateVolumes (library)', () => run(1_000_000), { iterations: 3, warmupIterations: 1 });
});

export { sink };
