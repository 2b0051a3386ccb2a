import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planVolumes, runVolumeBlocks, type ScenarioInput } from 'middle-corridor';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { growthOfBlock, type GrowthRun } from '../../src/volume/growth-plan.js';
import { resolveVolume } from '../../src/volume/resolve.js';
import type { VolumeBlocks } from '../../src/volume/plan.js';
import { sameBits } from '../helpers.js';

/**
 * The plan resolves the scenario once (docs/design.md, "The plan is real"): a growth whose every
 * parameter is a number becomes shared log ratios at plan time; the kernel's per-path rule over
 * the same numbers must give the same bits, or the plan would change the numbers.
 */

const years = (t0: number, n: number) => Array.from({ length: n }, (_, k) => t0 + k);

/** The per-path rule's log ratios of every year for `count` paths (all paths have the same numbers). */
function perPath(run: GrowthRun, ys: number[], v0: number, count = 3): Float64Array[] {
  const g = growthOfBlock(run, ys, 'resolve-law', 0, count, v0);
  return ys.map((_, k) => {
    const out = new Float64Array(count);
    g.fill(k, 0, count, out);
    return out;
  });
}

/** The shared log ratios the plan made, as `count` paths. */
function shared(run: GrowthRun, ys: number[], count = 3): Float64Array[] {
  expect(run.kind).toBe('shared');
  return ys.map((_, k) => new Float64Array(count).fill((run as Extract<GrowthRun, { kind: 'shared' }>).lr[k]!));
}

const growthWith = (growth: ScenarioInput['growth'], v0: number, horizon: number) => parseScenario({ start: { year: 2025, volumeMt: v0 }, horizon, growth });

describe('the resolved volume model', () => {
  it('shared log ratios made at plan time are the per-path rule over the same numbers, bit for bit (law)', () => {
    const anchored = fc.record({
      model: fc.constantFrom('logistic' as const, 'gompertz' as const),
      over: fc.double({ min: 1.01, max: 50, noNaN: true }),
      rate: fc.option(fc.double({ min: 0.01, max: 2, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.integer({ min: 2026, max: 2060 }), fc.double({ min: -0.5, max: 1.5, noNaN: true }), anchored, fc.double({ min: 0.01, max: 1, noNaN: true }), (v0, horizon, rate, a, b) => {
        const ys = years(2025, horizon - 2024);
        // Exponential: log1p(rate)·dt.
        // (The per-path rule gets the parsed numbers, as in a run: parsing may write −0 as 0.)
        const parsed = growthWith({ model: 'exponential', rate }, v0, horizon);
        const e = resolveVolume(parsed, ys);
        expect(perPath({ kind: 'exponential', rate: (parsed.growth as { rate: number }).rate }, ys, v0).every((x, k) => sameBits(x, shared(e.growth, ys)[k]!))).toBe(true);
        // Anchored logistic / Gompertz, by rate or by a midpoint year that fits.
        const K = v0 * a.over;
        const logistic = a.model === 'logistic';
        const ahead = logistic ? a.over > 2 : a.over > Math.E;
        const midpointYear = ahead ? 2025 + 1 + 10 * b : 2025 - 1 - 10 * b;
        const g = a.rate !== undefined ? { model: a.model, capacityMt: K, rate: a.rate } : { model: a.model, capacityMt: K, midpointYear };
        const m = resolveVolume(growthWith(g, v0, horizon), ys);
        const run: GrowthRun = { kind: 'anchored', model: a.model, capacityMt: K, rate: a.rate ?? null, midpointYear: a.rate === undefined ? midpointYear : null };
        expect(perPath(run, ys, v0).every((x, k) => sameBits(x, shared(m.growth, ys)[k]!))).toBe(true);
        // A formula with number parameters.
        const f = resolveVolume(growthWith({ model: 'expression', formula: 'K / (1 + exp(-r * (t - 2030)))', params: { K, r: b } }, v0, horizon), ys);
        const formula: GrowthRun = { kind: 'expression', formula: 'K / (1 + exp(-r * (t - 2030)))', names: ['K', 'r'], params: [K, b] };
        expect(perPath(formula, ys, v0).every((x, k) => sameBits(x, shared(f.growth, ys)[k]!))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps drawn parameters per path, and the correlations as names in order of first mention with their purposes and matrix', () => {
    const s = parseScenario({
      start: { year: 2025, volumeMt: 4 },
      horizon: 2030,
      growth: { model: 'logistic', capacityMt: { dist: 'uniform', min: 9, max: 12 }, rate: 0.4 },
      volatility: { dist: 'uniform', min: 0.05, max: 0.2 },
      capacity: { baseMt: 8, expansions: [{ year: 2027, addMt: { dist: 'triangular', min: 1, mode: 2, max: 4 } }] },
      correlations: [
        { between: ['capacity.expansions[0].addMt', 'volatility'], spearman: -0.4 },
        { between: ['growth.capacityMt', 'volatility'], spearman: 0.3 },
      ],
    });
    const m = resolveVolume(s, years(2025, 6));
    expect(m.growth).toEqual({ kind: 'anchored', model: 'logistic', capacityMt: { dist: 'uniform', min: 9, max: 12 }, rate: 0.4, midpointYear: null });
    expect(m.correlation!.names).toEqual(['capacity.expansions[0].addMt', 'volatility', 'growth.capacityMt']);
    expect(m.correlation!.params.map((p) => p.purpose)).toEqual([['capacity/expansion/0/add'], ['volatility'], ['growth', 'capacityMt']]);
    expect(m.correlation!.matrix).toEqual([
      [1, -0.4, 0],
      [-0.4, 1, 0.3],
      [0, 0.3, 1],
    ]);
    expect(resolveVolume({ ...s, correlations: [] }, [2025]).correlation).toBeNull();
  });

  it('is plain data: a JSON copy of the plan runs to the same bits and has the same fingerprint', () => {
    const plan = planVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2029, growth: { model: 'expression', formula: 'a * t - b', params: { a: { dist: 'uniform', min: 1, max: 2 }, b: 2000 } } }, { paths: 20_000, seed: 'plain' });
    const copy = JSON.parse(JSON.stringify(plan)) as typeof plan;
    expect(fingerprint(copy)).toBe(fingerprint(plan));
    const a = runVolumeBlocks(plan, 0, 2) as VolumeBlocks;
    const b = runVolumeBlocks(copy, 0, 2) as VolumeBlocks;
    expect(a.volume.every((x, k) => sameBits(x, b.volume[k]!))).toBe(true);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('refuses a plan whose model was changed, and a formula that is not positive at plan time', () => {
    const plan = planVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2027, growth: { model: 'exponential', rate: 0.2 } }, { paths: 100, seed: 1 });
    const changed = { ...plan, model: { ...plan.model, v0: 5 } };
    expect(() => runVolumeBlocks(changed, 0, 1)).toThrow(/runVolumeBlocks: the plan does not match its own inputs \(.*the resolved model/);
    const lr = (plan.model.growth as Extract<typeof plan.model.growth, { kind: 'shared' }>).lr;
    expect(() => runVolumeBlocks({ ...plan, model: { ...plan.model, growth: { kind: 'shared', lr: lr.map((x) => x * 2) } } }, 0, 1)).toThrow(RangeError);
    expect(() => planVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2035, growth: { model: 'expression', formula: '2031 - t', params: {} } }, { paths: 100, seed: 1 })).toThrow(
      /growth\.formula: must be positive and finite at every simulated year \(got 0 at t = 2031 on path 0 for '2031 - t'\)/,
    );
  });
});
