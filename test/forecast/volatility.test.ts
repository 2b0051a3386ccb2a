import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_VOLATILITY, TITR_VOLUMES, driftModel, evaluateForecasts, forecastModels, noChangeModel, shrunkDriftModel, volatilityPosterior, type EmpiricalDist } from 'middle-corridor';

// scipy: σ² = ss/χ²_dof conditioned on σ ≤ 1 (test/fixtures/volatility-posterior.py).
const FIX = JSON.parse(readFileSync(new URL('../fixtures/volatility-posterior.json', import.meta.url), 'utf8')) as { ss: number; dof: number; mean: number; x: number[]; cdf: number[] }[];

const asEmpirical = (p: unknown) => p as EmpiricalDist & { weights: number[] };

describe('volatilityPosterior', () => {
  it('matches the truncated scaled-inverse-χ² posterior of scipy: its mean to 2e-3 and its distribution function to one grid cell', () => {
    for (const c of FIX) {
      const d = asEmpirical(volatilityPosterior(c.ss, c.dof));
      const total = d.weights.reduce((a, b) => a + b, 0);
      const mean = d.values.reduce((a, v, i) => a + v * d.weights[i]!, 0) / total;
      // The midpoint rule on 200 points in log σ: second order in the step, ~1e-4 relative here.
      expect(Math.abs(mean / c.mean - 1), `ss ${c.ss}, dof ${c.dof}`).toBeLessThan(2e-3);
      // A step function against the exact one: off by at most the mass of the cell x falls in.
      const cell = Math.max(...d.weights) / total;
      c.x.forEach((x, i) => {
        const below = d.values.reduce((a, v, j) => a + (v <= x ? d.weights[j]! : 0), 0) / total;
        expect(Math.abs(below - c.cdf[i]!), `ss ${c.ss}, dof ${c.dof}, x ${x}`).toBeLessThanOrEqual(cell + 1e-9);
      });
    }
  });

  it('laws: every σ inside (0, MAX_VOLATILITY]; more steps with the same mean square give a tighter posterior (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 4, noNaN: true }), fc.integer({ min: 1, max: 30 }), (meanSquare, dof) => {
        const d = asEmpirical(volatilityPosterior(meanSquare * dof, dof));
        expect(d.values.every((v) => v > 0 && v <= MAX_VOLATILITY)).toBe(true);
        const sd = (e: typeof d) => {
          const t = e.weights.reduce((a, b) => a + b, 0);
          const m = e.values.reduce((a, v, i) => a + v * e.weights[i]!, 0) / t;
          return Math.sqrt(e.values.reduce((a, v, i) => a + (v - m) * (v - m) * e.weights[i]!, 0) / t);
        };
        const more = asEmpirical(volatilityPosterior(meanSquare * 4 * dof, 4 * dof));
        expect(sd(more)).toBeLessThan(sd(d) + 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('no variation gives σ = 0; a negative or non-finite ss and a dof that is not a whole number from 1 are refused by name', () => {
    expect(volatilityPosterior(0, 3)).toBe(0);
    expect(() => volatilityPosterior(-1, 3)).toThrow(/^volatilityPosterior: ss must be a number in \[0, /);
    expect(() => volatilityPosterior(Number.NaN, 3)).toThrow(RangeError);
    expect(() => volatilityPosterior(1, 0)).toThrow(/^volatilityPosterior: dof must be a whole number in \[1, 1000000\]/);
    expect(() => volatilityPosterior('1' as never, 2)).toThrow(TypeError);
  });
});

describe('forecasts carry σ’s uncertainty', () => {
  const e = evaluateForecasts(TITR_VOLUMES, { seed: 7, paths: 4000, points: [] });
  const from2021 = (ev: typeof e) => ev.scores.filter((s) => s.origin === 2021);

  it('from 2021 (σ from two steps) no built-in model puts every path below the outturn any more; with σ taken as known they did (PIT 1)', () => {
    expect(from2021(e).length).toBe(4 * Object.keys(forecastModels()).length);
    for (const s of from2021(e)) expect(s.pit, `${s.model} ${s.year}`).toBeLessThan(1);
    const known = evaluateForecasts(TITR_VOLUMES, { seed: 7, paths: 4000, points: [], models: { 'no-change': noChangeModel({ parameterUncertainty: false }), drift: driftModel({ parameterUncertainty: false }) } });
    for (const s of from2021(known)) expect(s.pit, `${s.model} ${s.year}`).toBe(1);
  });

  it('the models draw σ from the posterior of the steps up to the origin, and refuse a parameterUncertainty that is not a boolean', () => {
    const history = TITR_VOLUMES.filter((x) => x.kind === 'reported' && x.year <= 2023);
    const s = shrunkDriftModel()(history, 2023, 2025);
    const steps = history.slice(1).map((x, i) => Math.log(x.volumeMt / history[i]!.volumeMt));
    const g = Math.log(history[history.length - 1]!.volumeMt / history[0]!.volumeMt) / 4;
    const ss = steps.reduce((a, d) => a + (d - g) * (d - g), 0);
    const want = asEmpirical(volatilityPosterior(ss, 3));
    const got = asEmpirical(s.volatility);
    got.values.forEach((v, i) => expect(v).toBeCloseTo(want.values[i]!, 12));
    expect(typeof shrunkDriftModel({ parameterUncertainty: false })(history, 2023, 2025).volatility).toBe('number');
    expect(() => noChangeModel({ parameterUncertainty: 'yes' as never })).toThrow(/noChangeModel: parameterUncertainty must be/);
    expect(() => driftModel({ parameterUncertainty: 1 as never })).toThrow(TypeError);
    expect(() => noChangeModel({ sigma: 1 } as never)).toThrow(/unknown option 'sigma'/);
  });
});

it('volatilityPosterior of a subnormal sum of squares is a finite distribution (its steps underflowed to NaN)', () => {
  for (const dof of [1, 5, 1_000_000]) {
    const p = volatilityPosterior(5e-324, dof) as EmpiricalDist;
    expect(p.values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(p.weights!.every((w) => Number.isFinite(w) && w >= 0) && p.weights!.some((w) => w > 0)).toBe(true);
  }
});
