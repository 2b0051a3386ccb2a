/** Options are plain, closed records: nothing inherited is read unchecked, nothing unreadable is a native error, no field of another kind is dropped. */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PRESETS, simulateVolumes, tornado } from '../../src/index.js';

const small = { start: { year: 2025, volumeMt: 4 }, horizon: 2027, growth: { model: 'exponential' as const, rate: { dist: 'uniform' as const, min: 0.1, max: 0.3 } } };

describe('options objects', () => {
  it('an object whose keys are inherited from a prototype is refused (they would be read but never checked)', () => {
    expect(() => simulateVolumes(small, Object.create({ paths: 10, seed: 1 }))).toThrow(/^simulateVolumes: options must be a plain object/);
    class Opts { paths = 10; seed = 1; }
    expect(() => simulateVolumes(small, new Opts() as never)).toThrow(/^simulateVolumes: options must be a plain object/);
  });

  it('plain objects of any realm, and objects without a prototype, are options', () => {
    const other = runInNewContext('({ paths: 10, seed: 1 })') as { paths: number; seed: number };
    expect(simulateVolumes(small, other).paths).toBe(10);
    expect(simulateVolumes(small, Object.assign(Object.create(null), { paths: 10, seed: 1 })).paths).toBe(10);
  });

  it('a revoked Proxy is refused by name, not with a native error', () => {
    const { proxy, revoke } = Proxy.revocable({ paths: 10, seed: 1 }, {});
    revoke();
    expect(() => simulateVolumes(small, proxy)).toThrow(/^simulateVolumes: options could not be read/);
  });

  it("a statistic's field of another kind is refused, not dropped", () => {
    expect(() => tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027, p: 0.5 } as never, paths: 100, seed: 1 })).toThrow(/^tornado: statistic 'mean' takes statistic, year \(got also p\)/);
    expect(() => tornado(PRESETS.baseline, { statistic: { statistic: 'quantile', year: 2027, p: 0.5, volumeMt: 10 } as never, paths: 100, seed: 1 })).toThrow(/takes statistic, year, p \(got also volumeMt\)/);
  });
});
