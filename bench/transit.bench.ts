/**
 * simulateTransit, compareRoutes and simulateCorridor, against a naive JS version.
 * Run: npm run bench -- transit
 */
import { bench, describe } from 'vitest';
import { PRESETS, ROUTES, compareRoutes, simulateCorridor, simulateTransit } from '../src/index.js';
import { STANDARD_TRANSIT } from './workloads.js';
import { naiveTransit } from './naive.js';

const LEGS = STANDARD_TRANSIT.legs.map((l) => l.days as { min: number; mode: number; max: number });

let sink = 0;
const run = (trips: number) => {
  const t = simulateTransit(STANDARD_TRANSIT, { trips, seed: 42 });
  sink += t.mean.estimate + t.quantiles([0.5, 0.9, 0.95])[1]! + t.probabilityWithin(15).estimate;
};

for (const trips of [1_000, 10_000, 100_000]) {
  describe(`standard transit workload, ${trips.toLocaleString('en')} trips`, () => {
    bench('simulateTransit (library)', () => run(trips), { iterations: 5 });
    bench('naive JS (baseline)', () => {
      sink += naiveTransit(trips, 42, LEGS);
    }, { iterations: 3 });
  });
}

describe('transit at scale', () => {
  bench('simulateTransit, 1,000,000 trips', () => run(1_000_000), { iterations: 3, warmupIterations: 1 });
  bench('compareRoutes, five routes × 100,000 trips', () => {
    sink += compareRoutes(Object.values(ROUTES), { trips: 100_000, seed: 1, volumeMt: 4.119 }).rows[0]!.mean.estimate;
  }, { iterations: 3 });
  bench('simulateCorridor, baseline × corridor-poti, 100,000 paths × 8 years', () => {
    sink += simulateCorridor(PRESETS.baseline, ROUTES['corridor-poti'], { paths: 100_000, seed: 1, useScenarioCapacity: true }).transit(2027).mean.estimate;
  }, { iterations: 3 });
});

export { sink };
