/**
 * Sweeps split by rows (src/analysis/sweep.ts): a tornado's and a scenario Sobol design's runs,
 * block by block, run in any split and merged, give the one-process result bit for bit; a row's
 * numbers do not depend on the range it is run in; a missing or repeated range, rows of another
 * plan and a changed plan are refused, naming them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSweep, planSobol, planTornado, runSweepRows, sobolIndices, tornado, type SweepPlan, type SweepRows } from '../../src/index.js';
import { PRESETS } from '../../src/scenario/presets.js';

// 20,000 paths: two blocks a run (16,384 and 3,616 paths), so rows split inside runs too.
const tornadoOptions = { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: 20_000, seed: 24 } as const;
const sobolOptions = { output: { year: 2027, volumeMt: 8 }, samples: 20_000, seed: 'rows', bootstrap: 50 } as const;

/** Rows [0, rows) cut at the given points (sorted, distinct, inside). */
function split(plan: SweepPlan, cuts: readonly number[]): SweepRows[] {
  const at = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < plan.rows).sort((a, b) => a - b), plan.rows];
  return at.slice(1).map((b1, i) => runSweepRows(plan, at[i]!, b1));
}

const bits = (x: unknown) => JSON.stringify(x);

describe('a tornado split by rows', () => {
  const plan = planTornado(PRESETS.baseline, tornadoOptions);
  const single = tornado(PRESETS.baseline, tornadoOptions);

  it('has 1 + 2 per parameter runs of 2 blocks each', () => {
    expect(plan.runs).toBe(1 + 2 * single.rows.length);
    expect(plan.nBlocks).toBe(2);
    expect(plan.rows).toBe(plan.runs * 2);
  });

  it('8 ranges (the shards of an 8-task array) merge to the one-process tornado, bit for bit', () => {
    const eight = Array.from({ length: 8 }, (_, i) => Math.floor((i * plan.rows) / 8));
    expect(bits(mergeSweep(plan, split(plan, eight)))).toBe(bits(single));
  });

  it('property: any split merges to the one-process tornado', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: plan.rows - 1 }), { maxLength: 6 }), (cuts) => bits(mergeSweep(plan, split(plan, cuts))) === bits(single)),
      { numRuns: 6, seed: 24 },
    );
  });

  it('a plan through JSON (as a shard file carries it) runs and merges the same', () => {
    const copy = JSON.parse(JSON.stringify(plan)) as SweepPlan;
    expect(bits(mergeSweep(copy, [runSweepRows(copy, 0, plan.rows)]))).toBe(bits(single));
  });
});

describe('a Sobol design split by rows', () => {
  const plan = planSobol(PRESETS['official-capacity'], sobolOptions);
  const single = sobolIndices(PRESETS['official-capacity'], sobolOptions);

  it('has k + 2 runs', () => {
    expect(plan.runs).toBe(single.indices.length + 2);
    expect(plan.nBlocks).toBe(2);
  });

  it('property: any split merges to the one-process indices, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: plan.rows - 1 }), { maxLength: 6 }), (cuts) => bits(mergeSweep(plan, split(plan, cuts))) === bits(single)),
      { numRuns: 5, seed: 24 },
    );
  });
});

describe("a row's numbers do not depend on its range", () => {
  const plan = planTornado(PRESETS.baseline, { ...tornadoOptions, paths: 17_000 });
  const one = Array.from({ length: plan.rows }, (_, u) => runSweepRows(plan, u, u + 1).columns[0]!);

  it('property: rows [r0, r1) are the rows run one at a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: plan.rows - 1 }), fc.integer({ min: 1, max: plan.rows }), (r0, len) => {
        const r1 = Math.min(plan.rows, r0 + len);
        const got = runSweepRows(plan, r0, r1).columns;
        return got.length === r1 - r0 && got.every((c, i) => Buffer.from(c.buffer, c.byteOffset, c.byteLength).equals(Buffer.from(one[r0 + i]!.buffer, one[r0 + i]!.byteOffset, one[r0 + i]!.byteLength)));
      }),
      { numRuns: 20, seed: 24 },
    );
  });
});

describe('what a merge refuses', () => {
  const plan = planTornado(PRESETS.baseline, { ...tornadoOptions, paths: 2000 });
  const parts = split(plan, [2, 4]);

  it('a missing range, a repeated one, rows out of order', () => {
    expect(() => mergeSweep(plan, [parts[0]!, parts[2]!])).toThrow(/mergeSweep: partials must cover blocks \[0, \d+\) in block order: partials\[1\] starts at block 4, expected 2/);
    expect(() => mergeSweep(plan, [parts[0]!, parts[1]!])).toThrow(/they end at block 4/);
    expect(() => mergeSweep(plan, [parts[0]!, parts[0]!, parts[1]!, parts[2]!])).toThrow(/partials\[1\] starts at block 0, expected 2/);
  });

  it('rows of another seed (by their fingerprint), a changed plan, a column of the wrong size', () => {
    const other = planTornado(PRESETS.baseline, { ...tornadoOptions, paths: 2000, seed: 25 });
    expect(() => mergeSweep(plan, [parts[0]!, runSweepRows(other, 2, 4), parts[2]!])).toThrow(/mergeSweep: partials\[1\] was made from another plan \(fingerprint/);
    expect(() => mergeSweep({ ...plan, rows: plan.rows + 1 }, parts)).toThrow(/mergeSweep: the plan is not what planTornado gives for its scenario and options/);
    const short = { ...parts[1]!, columns: [parts[1]!.columns[0]!.subarray(1), parts[1]!.columns[1]!] };
    expect(() => mergeSweep(plan, [parts[0]!, short, parts[2]!])).toThrow(/partials\[1\]\.columns\[0\] \(row 2\) must be a Float64Array of 2000 volumes/);
    const nan = { ...parts[1]!, columns: [new Float64Array(2000).fill(Number.NaN), parts[1]!.columns[1]!] };
    expect(() => mergeSweep(plan, [parts[0]!, nan, parts[2]!])).toThrow(/holds a number that is not finite/);
  });

  it('options of the one-process call that a plan does not take, and a statistic outside the years', () => {
    expect(() => planTornado(PRESETS.baseline, { ...tornadoOptions, onProgress: () => {} } as never)).toThrow(/planTornado: unknown option 'onProgress'/);
    expect(() => planTornado(PRESETS.baseline, { ...tornadoOptions, statistic: { statistic: 'mean', year: 2050 } })).toThrow(/planTornado: the statistic's year 2050 is not in the run/);
    expect(() => runSweepRows(plan, 0, plan.rows + 1)).toThrow(RangeError);
    expect(() => planSobol({ start: { year: 2025, volumeMt: 4 }, horizon: 2028, growth: { model: 'exponential', rate: 0.1 }, volatility: 0 }, sobolOptions)).toThrow(/planSobol: the scenario has no uncertain input/);
  });
});
