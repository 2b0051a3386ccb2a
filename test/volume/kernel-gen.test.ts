import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { planVolumes, runVolumeBlocks, type ScenarioInput } from 'middle-corridor';
import { scenario } from 'middle-corridor/testing';
import { literal, setCodegen } from '../../src/engine/codegen.js';
import { COMPILE_AFTER, specialisedTile, tileSource } from '../../src/volume/kernel-gen.js';
import type { VolumeBlocks } from '../../src/volume/plan.js';
import { sameBits } from '../helpers.js';

/**
 * The volume kernel specialised to a plan's model (src/volume/kernel-gen.ts) is the generic
 * kernel's semantics with constants compiled in: the same bits on every scenario, the same
 * errors, and no user text in the generated source.
 */

afterEach(() => setCodegen(null));

type Param = NonNullable<ScenarioInput['volatility']>;
const U = (min: number, max: number): Param => ({ dist: 'uniform', min, max });

/** The scenario arbitrary of middle-corridor/testing, widened: formula growth, disruptions on demand and capacity at once, persistence 0, correlations. */
const scenarios = scenario({ maxDisruptions: 3, years: [1, 6] }).chain((s) =>
  fc
    .record({
      formula: fc.boolean(),
      both: fc.boolean(),
      noPersistence: fc.boolean(),
      correlate: fc.boolean(),
      names: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 3 }),
      // Realistic sizes beside the kit's (whose doubles lean to the extremes, where a shock of σ = 1e-323 shows nothing).
      volatility: fc.option(fc.oneof(fc.double({ min: 0.05, max: 0.6, noNaN: true }), fc.constant(U(0.1, 0.4))), { nil: undefined }),
      persistence: fc.option(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { nil: undefined }),
    })
    .map((x): ScenarioInput => {
      const disruptions = (s.disruptions ?? []).map((d, i) => ({ ...d, name: `${x.names[i]}#${i}`, ...(x.both && s.capacity ? { demandFactor: 0.9, capacityFactor: U(0.6, 0.95) } : {}) }));
      const growth: ScenarioInput['growth'] = x.formula ? { model: 'expression', formula: 'a * (1 + g) ^ (t - 2000)', params: { a: 1, g: U(0.01, 0.3) } } : s.growth;
      const correlations = x.correlate && x.formula ? [{ between: ['growth.params.g', 'volatility'] as [string, string], spearman: 0.5 }] : undefined;
      const volatility = x.volatility ?? s.volatility;
      const persistence = x.noPersistence ? 0 : (x.persistence ?? s.persistence);
      return { ...s, growth, disruptions, volatility, ...(persistence === undefined ? {} : { persistence }), ...(correlations && typeof volatility !== 'number' ? { correlations } : {}) };
    }),
);

/** A plan's blocks [0, nBlocks) run generic (code generation off) and specialised. */
function both(input: ScenarioInput, paths: number, keep: 'all' | 'summary' = 'all') {
  setCodegen(false);
  const generic = runVolumeBlocks(planVolumes(input, { paths, seed: 'gen-law', keep }), 0, Math.ceil(paths / 16_384));
  setCodegen(null);
  const plan = planVolumes(input, { paths, seed: 'gen-law', keep });
  // Compiled now, whatever the run's size (a source is compiled once COMPILE_AFTER blocks asked for it).
  for (let i = 0; i <= COMPILE_AFTER; i++) specialisedTile(plan.model);
  return { generic, specialised: runVolumeBlocks(plan, 0, plan.nBlocks), plan };
}

describe('the specialised volume kernel', () => {
  it('gives the generic kernel’s numbers to the bit on random valid scenarios, 1–3 blocks (law)', () => {
    fc.assert(
      fc.property(scenarios, fc.oneof({ arbitrary: fc.integer({ min: 2, max: 3000 }), weight: 4 }, { arbitrary: fc.integer({ min: 16_385, max: 3 * 16_384 }), weight: 1 }), (s, paths) => {
        const { generic, specialised, plan } = both(s, paths);
        expect(specialisedTile(plan.model)).not.toBeNull();
        const [a, b] = [generic as VolumeBlocks, specialised as VolumeBlocks];
        for (const key of ['demand', 'capacity', 'volume'] as const) a[key].forEach((x, k) => expect(sameBits(x, b[key][k]!), `${key} year ${k}`).toBe(true));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the generic kernel’s summary statistics to the bit (keep: summary)', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 2, max: 40_000 }), (s, paths) => {
        const { generic, specialised } = both(s, paths, 'summary');
        const [a, b] = [generic as { stats: Float64Array }, specialised as { stats: Float64Array }];
        expect(sameBits(a.stats, b.stats)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('throws the generic kernel’s error where a path leaves the run’s limits', () => {
    const over: ScenarioInput = { start: { year: 2025, volumeMt: 1 }, horizon: 2030, growth: { model: 'exponential', rate: 0 }, volatility: 300, persistence: 0 };
    const under: ScenarioInput = { start: { year: 2025, volumeMt: 1 }, horizon: 2027, growth: { model: 'exponential', rate: 0 }, capacity: { baseMt: 1e-300, expansions: [] }, disruptions: [{ name: 'x', probability: 1, capacityFactor: 1e-300 }] };
    for (const s of [over, under]) {
      setCodegen(false);
      const expected = (() => {
        try {
          runVolumeBlocks(planVolumes(s, { paths: 5000, seed: 3 }), 0, 1);
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })();
      setCodegen(null);
      expect(expected).toMatch(/^simulateVolumes: (demand exceeds|capacity times)/);
      expect(() => runVolumeBlocks(planVolumes(s, { paths: 5000, seed: 3 }), 0, 1)).toThrow(expected);
    }
  });

  it('puts no user text in the source: only numbers, and names of its own', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const source = tileSource(planVolumes(s, { paths: 2, seed: 1 }).model)!;
        for (const d of s.disruptions ?? []) expect(source).not.toContain(d.name);
        // Every word of the source is one of the generator's own, or a number.
        const words = new Set(source.match(/[A-Za-z_$][\w$]*/g));
        const own = /^(use|strict|return|function|tile|k|year|lo|hi|o|D|C|V|lrk|w|const|let|if|else|for|i|a|b|z|eps|cum|lr|sigma|base|shock|x|d|c|c0|MAX|Math|min|max|exp|add|delay|u|p|fd|fc|(add|delay|share|whole|u|p|fd|fc|h)\d+|e\d*)$/;
        expect([...words].filter((w) => !own.test(w))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('writes numbers that read back to the same double, −0 and subnormals included, and refuses non-finite ones', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(new Function(`return ${literal(x)};`)(), x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const x of [-0, 5e-324, -Number.MAX_VALUE, 2 ** -1074 * 3, 0.1 + 0.2]) expect(Object.is(new Function(`return ${literal(x)};`)(), x)).toBe(true);
    for (const x of [NaN, Infinity, -Infinity]) expect(() => literal(x)).toThrow(TypeError);
  });

  it('runs the generic kernel where code generation is refused, with the same numbers', () => {
    const s: ScenarioInput = { start: { year: 2025, volumeMt: 4 }, horizon: 2030, growth: { model: 'exponential', rate: 0.2 }, volatility: 0.3, capacity: { baseMt: 6, expansions: [{ year: 2027, addMt: 2, delayYears: 0.5 }] } };
    setCodegen(false);
    const plan = planVolumes(s, { paths: 100, seed: 1 });
    for (let i = 0; i <= COMPILE_AFTER; i++) expect(specialisedTile(plan.model)).toBeNull();
    setCodegen(null);
    // A new source: generic for its first COMPILE_AFTER blocks, then compiled.
    for (let i = 0; i < COMPILE_AFTER; i++) expect(specialisedTile(plan.model)).toBeNull();
    expect(specialisedTile(plan.model)).not.toBeNull();
  });
});
