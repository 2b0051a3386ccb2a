import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitGrowth, growthCurve, parseScenario, TITR_VOLUMES, type Observation } from 'middle-corridor';
import { REF, closeRel } from '../../helpers.js';

const param = (fit: ReturnType<typeof fitGrowth>, name: string) => fit.parameters.find((p) => p.name === name)!;

describe('fitGrowth on the 2019–2025 record (reference: numpy lstsq and scipy least_squares)', () => {
  it('exponential: rate, level, standard errors, RMSLE and AIC equal numpy’s', () => {
    const f = fitGrowth(TITR_VOLUMES, 'exponential');
    const R = REF.exponentialFit;
    expect(closeRel(param(f, 'rate').estimate!, R.rate, 1e-10)).toBe(true);
    expect(closeRel(param(f, 'rate').standardError!, R.rateSE, 1e-8)).toBe(true);
    expect(closeRel(param(f, 'volumeMt').estimate!, R.level2025, 1e-10)).toBe(true);
    expect(closeRel(param(f, 'volumeMt').standardError!, R.level2025SE, 1e-8)).toBe(true);
    expect(closeRel(f.rmsle, R.rmsle, 1e-10)).toBe(true);
    expect(closeRel(f.aic, R.aic, 1e-10)).toBe(true);
    expect(closeRel(f.predict(2027), R.predict2027, 1e-10)).toBe(true);
    expect(f.identified).toBe(true);
    expect(f.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(f.residuals).toHaveLength(7);
  });

  it('logistic and Gompertz run off to an unbounded capacity, and say so (docs/design.md, "Fits")', () => {
    for (const kind of ['logistic', 'gompertz'] as const) {
      const f = fitGrowth(TITR_VOLUMES, kind);
      expect(f.identified).toBe(false);
      const k = param(f, 'capacityMt');
      expect(k.estimate).toBeNull();
      expect(k.identified).toBe(false);
      expect(f.warnings[0]).toMatch(/^capacityMt: not identified by the data/);
      expect(f.rmsle).toBeCloseTo(0.312, 3);
      expect(k.lowerBound95).toBeGreaterThan(1);
      expect(k.lowerBound95).toBeLessThan(10);
      // The curve is the exponential limit: nothing in the result is a huge, meaningless K.
      expect(JSON.stringify(f)).not.toMatch(/e\+\d{2}/);
    }
  });

  it('with the capacity fixed at 10 Mt, logistic and Gompertz match scipy least_squares', () => {
    for (const [kind, R] of [
      ['logistic', REF.logisticFixedK10],
      ['gompertz', REF.gompertzFixedK10],
    ] as const) {
      const f = fitGrowth(TITR_VOLUMES, kind, { fixed: { capacityMt: 10 } });
      expect(f.identified).toBe(true);
      expect(closeRel(param(f, 'rate').estimate!, R.rate, 1e-6)).toBe(true);
      expect(Math.abs(param(f, 'midpointYear').estimate! - R.midpointYear)).toBeLessThan(1e-5);
      expect(closeRel(param(f, 'rate').standardError!, R.rateSE, 1e-5)).toBe(true);
      expect(closeRel(param(f, 'midpointYear').standardError!, R.midpointYearSE, 1e-5)).toBe(true);
      expect(closeRel(f.rmsle, R.rmsle, 1e-9)).toBe(true);
      expect(param(f, 'capacityMt')).toMatchObject({ estimate: 10, fixed: true, standardError: null });
    }
  });

  it('fits any subset of years: through 2024 only', () => {
    const f = fitGrowth(TITR_VOLUMES, 'exponential', { through: 2024 });
    expect(f.years.at(-1)).toBe(2024);
    expect(closeRel(param(f, 'rate').estimate!, REF.exponentialFitThrough2024.rate, 1e-10)).toBe(true);
    expect(closeRel(f.rmsle, REF.exponentialFitThrough2024.rmsle, 1e-10)).toBe(true);
  });

  it('a bounded capacity that the data push against is reported on its bound, not as an estimate', () => {
    const f = fitGrowth(TITR_VOLUMES, 'logistic', { bounds: { capacityMt: [5, 8] } });
    expect(param(f, 'capacityMt').atBound).toBe('upper');
    expect(param(f, 'capacityMt').estimate).toBeNull();
    expect(f.warnings.join(' ')).toMatch(/capacityMt: the estimate sits on its upper bound \(8\)/);
  });
});

describe('fitGrowth recovers known models (law)', () => {
  const synth = (f: (t: number) => number, years: number[], noise: number[] = []): Observation[] =>
    years.map((year, i) => ({ year, volumeMt: f(year) * Math.exp(noise[i] ?? 0), kind: 'reported', source: 'synthetic' }));
  const years = Array.from({ length: 21 }, (_, i) => 2010 + i);

  it('exact logistic data → the logistic’s parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 50, noNaN: true }),
        fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        fc.double({ min: 2015, max: 2025, noNaN: true }),
        (K, r, tm) => {
          const truth = growthCurve({ model: 'logistic', capacityMt: K, rate: r, midpointYear: tm });
          const f = fitGrowth(synth(truth, years), 'logistic');
          expect(f.identified).toBe(true);
          expect(closeRel(param(f, 'capacityMt').estimate!, K, 1e-5)).toBe(true);
          expect(closeRel(param(f, 'rate').estimate!, r, 1e-5)).toBe(true);
          expect(Math.abs(param(f, 'midpointYear').estimate! - tm)).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('exact Gompertz and exponential data → their parameters', () => {
    fc.assert(
      // r·(tm − 2010) <= 4 keeps the earliest value above K·e^(−e^4) ≈ 1e-24·K.
      fc.property(fc.double({ min: 2, max: 50, noNaN: true }), fc.double({ min: 0.2, max: 0.4, noNaN: true }), fc.double({ min: 2012, max: 2020, noNaN: true }), (K, r, tm) => {
        const truth = growthCurve({ model: 'gompertz', capacityMt: K, rate: r, midpointYear: tm });
        const f = fitGrowth(synth(truth, years), 'gompertz');
        expect(closeRel(param(f, 'capacityMt').estimate!, K, 1e-5)).toBe(true);
        expect(closeRel(param(f, 'rate').estimate!, r, 1e-5)).toBe(true);
      }),
      { numRuns: 15 },
    );
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (rate, v0) => {
        const truth = growthCurve({ model: 'exponential', rate }, { year: 2010, volumeMt: v0 });
        const f = fitGrowth(synth(truth, years.slice(0, 8)), 'exponential');
        expect(closeRel(param(f, 'rate').estimate!, rate, 1e-9) || Math.abs(param(f, 'rate').estimate! - rate) < 1e-12).toBe(true);
      }),
    );
  });

  it('noisy logistic data → parameters within 4 standard errors', () => {
    // Fixed noise: a deterministic, zero-mean pattern of ±5 %.
    const noise = years.map((_, i) => 0.05 * Math.sin(2.4 * i + 1));
    const truth = growthCurve({ model: 'logistic', capacityMt: 12, rate: 0.5, midpointYear: 2020 });
    const f = fitGrowth(synth(truth, years, noise), 'logistic');
    for (const [name, value] of [['capacityMt', 12], ['rate', 0.5], ['midpointYear', 2020]] as const) {
      const p = param(f, name);
      expect(Math.abs(p.estimate! - value)).toBeLessThan(4 * p.standardError!);
    }
    expect(param(f, 'capacityMt').lowerBound95).toBeLessThan(12);
    expect(param(f, 'capacityMt').upperBound95).toBeGreaterThan(12);
  });
});

describe('fitGrowth rejects bad input', () => {
  it('with a message naming what is allowed', () => {
    expect(() => fitGrowth(TITR_VOLUMES, 'cubic' as 'logistic')).toThrow(/model must be one of 'exponential', 'logistic', 'gompertz'/);
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { through: 2020 })).toThrow(/needs at least 4 observations \(got 2\)/);
    expect(() => fitGrowth(TITR_VOLUMES, 'exponential', { kinds: ['reported', 'target'] })).toThrow(/two observations for 2022/);
    expect(() => fitGrowth(TITR_VOLUMES, 'exponential', { fixed: { capacityMt: 3 } })).toThrow(/exponential has no parameter 'capacityMt'/);
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: -3 } })).toThrow(/fixed.capacityMt must be > 0 \(got -3\)/);
    expect(() => fitGrowth(TITR_VOLUMES, 'logistic', { bounds: { capacityMt: [9, 5] } })).toThrow(/lower <= upper/);
    const bad = [{ year: 2020, volumeMt: 0, kind: 'reported', source: 'x' }, ...TITR_VOLUMES] as Observation[];
    expect(() => fitGrowth(bad, 'exponential')).toThrow(/fitGrowth: observations\[0\].volumeMt must be a finite number > 0 \(got 0\)/);
  });
});

describe('fitGrowth with a capacity held at or below the data', () => {
  const steep = [0.1, 0.2, 0.9, 2, 2.8].map((volumeMt, i) => ({ year: 2019 + i, volumeMt, kind: 'reported', source: 'test' })) as Observation[];
  const scenarioOf = (f: ReturnType<typeof fitGrowth>) => parseScenario({ start: f.anchor, horizon: f.anchor.year + 3, growth: f.model });

  it('says so (identified false, a warning naming the capacity and the largest observation), and its model parses', () => {
    for (const family of ['logistic', 'gompertz'] as const) {
      for (const o of [{ fixed: { capacityMt: 0.05 } }, { fixed: { capacityMt: 1 } }, { fixed: { capacityMt: 2 } }, { fixed: { capacityMt: 2.8 } }, { bounds: { capacityMt: [0.5, 2] as [number, number] } }]) {
        const f = fitGrowth(steep, family, o);
        expect(f.identified, `${family} ${JSON.stringify(o)}`).toBe(false);
        expect(f.warnings.some((w) => /^capacityMt: the (fixed capacity|capacity, held by bounds\.capacityMt,) [\d.]+ Mt is at or below the largest observation \(2\.8 Mt\): no \w+ curve reaches the data/.test(w))).toBe(true);
        expect(() => scenarioOf(f)).not.toThrow();
        expect(f.anchor.volumeMt).toBeLessThan((f.model as { capacityMt: number }).capacityMt);
      }
    }
  });

  it('a capacity above the largest observation is fitted as before: identified, no such warning', () => {
    for (const family of ['logistic', 'gompertz'] as const) {
      const f = fitGrowth(steep, family, { fixed: { capacityMt: 10 } });
      expect(f.warnings.some((w) => w.includes('at or below the largest observation'))).toBe(false);
      expect(() => scenarioOf(f)).not.toThrow();
    }
  });

  it('fit.predict(NaN) names fitGrowth: predict(year), not growthCurve', () => {
    const f = fitGrowth(TITR_VOLUMES, 'exponential');
    expect(() => f.predict(NaN)).toThrow(new RangeError('fitGrowth: predict(year): year must be a finite number (got NaN)'));
    expect(() => f.predict(Infinity)).toThrow(/^fitGrowth: predict\(year\): year must be a finite number/);
    expect(() => f.predict('2027' as never)).toThrow(TypeError);
    expect(() => f.predict(1e6)).toThrow(/^fitGrowth: predict\(year\): the curve overflows a double at year 1000000/);
  });
});
