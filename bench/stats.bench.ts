/**
 * Quantiles of 10^6 doubles: selection (library) against a full typed-array sort (baseline).
 * Run: npm run bench -- stats
 */
import { bench, describe } from 'vitest';
import { fillStandardNormal, quantileSorted, quantiles, stream } from '../src/index.js';

const values = fillStandardNormal(stream('bench', 'quantile-data'), new Float64Array(1_000_000));
const scratch = new Float64Array(values.length);
const ps = [0.1, 0.5, 0.9];
let sink = 0;

describe('P10, P50, P90 of 10^6 values', () => {
  bench('quantiles by selection (library)', () => {
    sink += quantiles(values, ps, scratch)[1]!;
  });
  bench('full sort, then read (baseline)', () => {
    scratch.set(values);
    scratch.sort();
    for (const p of ps) sink += quantileSorted(scratch, p);
  });
});

export { sink };
