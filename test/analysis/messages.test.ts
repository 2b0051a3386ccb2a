/** Messages that name the public function and what went wrong (never an internal helper's name, never a wrong cause). */
import { describe, expect, it } from 'vitest';
import { PRESETS, solveScenario, sobolIndicesOf } from '../../src/index.js';

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
});
