import { describe, expect, it } from 'vitest';
import { spearman } from '../../src/analysis/rank.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/error.js';
import type { ScenarioInput } from '../../src/scenario/types.js';
import { correlatedSeed } from '../../src/volume/correlate.js';
import { drawPerPath, STREAM_BLOCK } from '../../src/volume/draws.js';
import { simulateVolumes } from '../../src/volume/simulate.js';
import { resolveVolume } from '../../src/volume/resolve.js';

const base: ScenarioInput = {
  start: { year: 2025, volumeMt: 4 },
  horizon: 2030,
  growth: { model: 'exponential', rate: { dist: 'normal', mean: 0.15, sd: 0.1, min: -0.5 } },
  volatility: 0.3,
  capacity: { baseMt: { dist: 'uniform', min: 5, max: 8 }, expansions: [{ year: 2027, addMt: { dist: 'triangular', min: 1, mode: 3, max: 6 } }] },
};
const withCorr = (correlations: ScenarioInput['correlations']): ScenarioInput => ({ ...base, correlations });

/** Each parameter's draws over `paths` paths, block by block as the kernel makes them. */
function draws(s: ScenarioInput, names: { purpose: string[]; get: (x: ReturnType<typeof parseScenario>) => unknown }[], paths: number): Float64Array[] {
  const sc = parseScenario(s);
  const out = names.map(() => new Float64Array(paths));
  for (let first = 0; first < paths; first += STREAM_BLOCK) {
    const n = Math.min(STREAM_BLOCK, paths - first);
    const seed = correlatedSeed(resolveVolume(sc, [sc.start.year]).correlation, 'c', first, n);
    names.forEach(({ purpose, get }, j) => out[j]!.set(drawPerPath(get(sc) as never, seed, purpose, first, n, new Float64Array(n)), first));
  }
  return out;
}

const RATE = { purpose: ['growth', 'rate'], get: (s: ReturnType<typeof parseScenario>) => (s.growth as { rate: unknown }).rate };
const ADD = { purpose: ['capacity/expansion/0/add'], get: (s: ReturnType<typeof parseScenario>) => s.capacity!.expansions[0]!.addMt };

/** The two-sample Kolmogorov–Smirnov statistic. */
function ks(a: Float64Array, b: Float64Array): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0, j = 0, d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

describe('scenario correlations (Iman–Conover per stream block)', () => {
  const paths = 100_000;
  const plain = draws(base, [RATE, ADD], paths);
  const corr = draws(withCorr([{ between: ['growth.rate', 'capacity.expansions[0].addMt'], spearman: 0.6 }]), [RATE, ADD], paths);

  it('keeps the marginals: each column has the uncorrelated draws\' values (KS statistic 0)', () => {
    for (let j = 0; j < 2; j++) {
      expect(Float64Array.from(corr[j]!).sort()).toEqual(Float64Array.from(plain[j]!).sort());
      expect(ks(corr[j]!, plain[j]!)).toBe(0);
    }
  });

  it('reaches the target Spearman within ±0.02 at 10^5 paths (and the plain draws are near 0)', () => {
    expect(Math.abs(spearman(corr[0]!, corr[1]!) - 0.6)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(spearman(plain[0]!, plain[1]!))).toBeLessThan(0.02);
    const neg = draws(withCorr([{ between: ['capacity.expansions[0].addMt', 'growth.rate'], spearman: -0.4 }]), [RATE, ADD], paths);
    expect(Math.abs(spearman(neg[0]!, neg[1]!) + 0.4)).toBeLessThanOrEqual(0.02);
  });

  it('never shifts the demand shocks; the run uses the correlated draws', () => {
    const caps = withCorr([{ between: ['capacity.baseMt', 'capacity.expansions[0].addMt'], spearman: 0.8 }]);
    const a = simulateVolumes(base, { paths: 20_000, seed: 'c' });
    const b = simulateVolumes(caps, { paths: 20_000, seed: 'c' });
    for (let k = 0; k < a.years.length; k++) expect(b.demand[k]).toEqual(a.demand[k]);
    expect(b.capacity[3]).not.toEqual(a.capacity[3]);
    // The capacity in 2025 is the base alone: the same values, rearranged.
    expect(Float64Array.from(b.capacity[0]!).sort()).toEqual(Float64Array.from(a.capacity[0]!).sort());
  });

  it('is deterministic and the same for every chunk size', () => {
    const s = withCorr([{ between: ['growth.rate', 'capacity.baseMt'], spearman: 0.5 }]);
    const a = simulateVolumes(s, { paths: 40_000, seed: 3 });
    const b = simulateVolumes(s, { paths: 40_000, seed: 3, blockSize: 16_384 });
    expect(b.volume[4]).toEqual(a.volume[4]);
  });
});

describe('scenario correlations: invalid lists are ScenarioErrors with the path', () => {
  const issues = (s: ScenarioInput) => {
    try {
      parseScenario(s);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    throw new Error('parsed');
  };
  it('an unknown or fixed parameter name', () => {
    expect(issues(withCorr([{ between: ['growth.rat', 'capacity.baseMt'], spearman: 0.3 }]))).toMatch(/correlations\[0\]\.between\[0\].*must name a distribution-valued parameter/);
    expect(issues(withCorr([{ between: ['growth.rate', 'volatility'], spearman: 0.3 }]))).toMatch(/correlations\[0\]\.between\[1\]/);
  });
  it('|ρ| ≥ 1', () => {
    expect(issues(withCorr([{ between: ['growth.rate', 'capacity.baseMt'], spearman: 1 }]))).toMatch(/correlations\[0\]\.spearman.*\(−1, 1\)/);
    expect(issues(withCorr([{ between: ['growth.rate', 'capacity.baseMt'], spearman: -1.5 }]))).toMatch(/correlations\[0\]\.spearman/);
  });
  it('a matrix that is not positive semi-definite', () => {
    const bad = withCorr([
      { between: ['growth.rate', 'capacity.baseMt'], spearman: 0.9 },
      { between: ['capacity.baseMt', 'capacity.expansions[0].addMt'], spearman: 0.9 },
      { between: ['growth.rate', 'capacity.expansions[0].addMt'], spearman: -0.9 },
    ]);
    expect(issues(bad)).toMatch(/correlations.*not positive semi-definite/);
  });
  it('a repeated pair or a parameter with itself', () => {
    expect(issues(withCorr([{ between: ['growth.rate', 'growth.rate'], spearman: 0.3 }]))).toMatch(/two different parameters/);
    expect(issues(withCorr([{ between: ['growth.rate', 'capacity.baseMt'], spearman: 0.3 }, { between: ['capacity.baseMt', 'growth.rate'], spearman: 0.2 }]))).toMatch(/a second time/);
  });
  it('a valid list parses, and parsing is idempotent', () => {
    const s = parseScenario(withCorr([{ between: ['growth.rate', 'capacity.baseMt'], spearman: 0.3 }]));
    expect(s.correlations).toEqual([{ between: ['growth.rate', 'capacity.baseMt'], spearman: 0.3 }]);
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect('correlations' in parseScenario(base)).toBe(false);
  });
});
