/** Messages that name the public function and what went wrong (never an internal helper's name, never a wrong cause). */
import { describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, solveRoute, solveScenario, sobolIndicesOf } from '../../src/index.js';

const statistic = { statistic: 'mean', year: 2027 } as const;

describe('analysis messages', () => {
  it("a bad solveScenario parameter path is named by solveScenario, with an example of a path; '__proto__' names no field", () => {
    expect(() => solveScenario(PRESETS.baseline, { parameter: 'growth..rate', statistic, level: 5, range: [0, 1], paths: 100, seed: 1 })).toThrow(
      /^solveScenario: parameter "growth\.\.rate" is not a path such as 'growth\.rate' or 'capacity\.expansions\[0\]\.addMt' \(cannot read "\.\."\)$/,
    );
    expect(() => solveScenario(PRESETS.baseline, { parameter: 'growth.rate]', statistic, level: 5, range: [0, 1], paths: 100, seed: 1 })).toThrow(/^solveScenario: parameter/);
    for (const parameter of ['__proto__', 'constructor', 'growth.__proto__', 'growth.rate.__proto__.x']) {
      expect(() => solveScenario(PRESETS.baseline, { parameter, statistic, level: 5, range: [0, 1], paths: 100, seed: 1 })).toThrow(/is not a number or a distribution of the scenario/);
    }
  });

  it("a factor named '__proto__' is a factor like any other", () => {
    const r = sobolIndicesOf((x) => x['__proto__']! + 0.1 * x.b!, { factors: ['__proto__', 'b'], samples: 256, seed: 1, replicates: 4 });
    expect(r.indices.map((i) => i.factor)).toEqual(['__proto__', 'b']);
    // Var(u) : Var(0.1 v) = 100 : 1 for independent uniforms: S1 ≈ 0.990.
    expect(r.indices[0]!.firstOrder.estimate).toBeCloseTo(100 / 101, 2);
  });

  it("an output whose variance overflows is said to overflow, not to 'not vary'", () => {
    expect(() => sobolIndicesOf((x) => 1e200 * x.a!, { factors: ['a'], samples: 64, seed: 1, replicates: 4 })).toThrow(/^sobolIndicesOf: the output's variance overflows a double/);
    expect(() => sobolIndicesOf(() => 3, { factors: ['a'], samples: 64, seed: 1, replicates: 4 })).toThrow(/does not vary/);
  });
  it('a range that takes a distribution outside what the document allows is refused up front, naming range and what it makes', () => {
    const uniform = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.2 }, capacity: { baseMt: { dist: 'uniform', min: 5, max: 7 } } } as const;
    expect(() => solveScenario(uniform, { parameter: 'capacity.baseMt', statistic, level: 5, range: [1, 20], paths: 100, seed: 1 })).toThrow(
      /^solveScenario: range \[1, 20\] takes capacity\.baseMt where the document allows none: at 1 it makes capacity\.baseMt\.min: must be > 0 \(got 0\)/,
    );
    // The same range from 2 (uniform 1–3): every value tried is allowed, and the solve runs.
    expect(() => solveScenario(uniform, { parameter: 'capacity.baseMt', statistic, level: 5, range: [2, 20], paths: 100, seed: 1 })).not.toThrow();
    expect(() => solveRoute(ROUTES['corridor-poti'], { parameter: 'days-scale', statistic: { statistic: 'quantile', p: 0.5 }, level: 15, range: [-1, 2], trips: 100, seed: 1 })).toThrow(
      /^solveRoute: range \[-1, 2\] takes scale of every leg's days where the document allows none: at -1 it makes legs\[0\]\.days\.\w+: .* \(and \d+ more problems\)$/,
    );
  });

  it('an error from inside a run is rethrown naming solveScenario and the value tried, not simulateVolumes', () => {
    const s = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.2 }, volatility: 0.2 } as const;
    expect(() => solveScenario(s, { parameter: 'volatility', statistic, level: 5, range: [0, 1e6], paths: 100, seed: 1 })).toThrow(
      /^solveScenario: with volatility = 1000000: simulateVolumes: demand exceeds 1e\+100 Mt/,
    );
  });
});
