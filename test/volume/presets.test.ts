import { describe, expect, it } from 'vitest';
import { backtest, driftModel, fitRandomWalk, forecastScenario, normalQuantile, parseScenario, PRESETS, shrunkDriftModel, simulateVolumes, TITR_VOLUMES } from 'middle-corridor';
import { REF, closeRel } from '../helpers.js';

describe('fitRandomWalk (reference: numpy on the log differences)', () => {
  it('drift, volatility and lag-1 autocorrelation of the 2019–2025 record', () => {
    const f = fitRandomWalk(TITR_VOLUMES);
    expect(closeRel(f.logGrowth, REF.randomWalk.logGrowth, 1e-12)).toBe(true);
    expect(closeRel(f.rate, REF.randomWalk.rate, 1e-12)).toBe(true);
    expect(closeRel(f.volatility, REF.randomWalk.volatility, 1e-12)).toBe(true);
    expect(closeRel(f.logGrowthSE, REF.randomWalk.logGrowthSE, 1e-12)).toBe(true);
    expect(closeRel(f.persistence!, REF.randomWalk.persistence, 1e-10)).toBe(true);
    expect(f.last).toEqual({ year: 2025, volumeMt: 4.119 });
    const g = fitRandomWalk(TITR_VOLUMES, { through: 2024 });
    expect(closeRel(g.rate, REF.randomWalkThrough2024.rate, 1e-12)).toBe(true);
    expect(closeRel(g.volatility, REF.randomWalkThrough2024.volatility, 1e-12)).toBe(true);
  });

  it('rejects too few observations', () => {
    expect(() => fitRandomWalk(TITR_VOLUMES, { through: 2020 })).toThrow(/at least 3 observations/);
  });
});

describe('PRESETS', () => {
  it('are plain data that parseScenario accepts, keyed as in docs/design.md', () => {
    expect(Object.keys(PRESETS).sort()).toEqual(['announced', 'baseline', 'official-capacity', 'red-sea-diversion', 'stall']);
    for (const s of Object.values(PRESETS)) {
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      expect(() => parseScenario(s)).not.toThrow();
    }
  });

  it('baseline demand is the random-walk fit of the record, to the digits written', () => {
    const f = fitRandomWalk(TITR_VOLUMES);
    const g = PRESETS.baseline.growth as { rate: { mean: number; sd: number } };
    expect(g.rate.mean).toBeCloseTo(f.rate, 4);
    expect(g.rate.sd).toBeCloseTo(f.rateSE, 4);
    expect(PRESETS.baseline.volatility).toBeCloseTo(f.volatility, 3);
    expect(PRESETS.baseline.start).toEqual({ year: 2025, volumeMt: 4.119 });
  });

  it('announced: the article’s path is the median, so P(≥ 10 Mt in 2027) is one half (within 4 SE)', () => {
    const n = 100_000;
    const r = simulateVolumes(PRESETS.announced, { paths: n, seed: 'announced' });
    expect(Math.abs(r.probabilityAtLeast(2027, 10).estimate - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
    expect(r.quantile(2025, 0.5)).toBeCloseTo(5.2, 1);
  });

  it('official-capacity reaches 10 Mt of capacity in 2027 on schedule', () => {
    const r = simulateVolumes(PRESETS['official-capacity'], { paths: 100, seed: 1 });
    expect(r.capacity[r.yearIndex(2026)]!.every((c) => c === 6)).toBe(true);
    expect(r.capacity[r.yearIndex(2027)]!.every((c) => c === 10)).toBe(true);
  });
});

describe('backtest', () => {
  it('without parameter uncertainty the forecast is lognormal: P10/P50/P90 of 2025 from the record through 2024 (within 4 SE)', () => {
    const n = 200_000;
    const [row] = backtest(TITR_VOLUMES, { fitThrough: 2024, horizon: 2025, paths: n, seed: 'bt', model: driftModel({ parameterUncertainty: false }) }).rows;
    const f = fitRandomWalk(TITR_VOLUMES, { through: 2024 });
    const mu = Math.log(4.484) + f.logGrowth;
    for (const [p, q] of [
      [0.1, row!.p10],
      [0.5, row!.p50],
      [0.9, row!.p90],
    ] as const) {
      const z = normalQuantile(p);
      const want = Math.exp(mu + f.volatility * z);
      const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / (want * f.volatility);
      expect(Math.abs(q - want)).toBeLessThan((4 * Math.sqrt((p * (1 - p)) / n)) / density);
    }
    expect(row).toMatchObject({ year: 2025, outturn: 4.119, inside: true });
  });

  it('reports every held-out year with an outturn, and whether it fell inside P10–P90', () => {
    const result = backtest(TITR_VOLUMES, { fitThrough: 2022, horizon: 2026, paths: 20_000, seed: 'bt2' });
    expect(result).toMatchObject({ kind: 'backtest', seed: 'bt2', paths: 20_000 });
    const rows = result.rows;
    expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2025]);
    for (const r of rows) {
      expect(r.p10).toBeLessThan(r.p50);
      expect(r.p50).toBeLessThan(r.p90);
      expect(r.inside).toBe(r.outturn >= r.p10 && r.outturn <= r.p90);
      expect(r.probabilityAtMost.estimate).toBeGreaterThan(0);
      expect(r.probabilityAtMost.standardError).toBeGreaterThan(0);
    }
  });

  it('rejects a fit year without an outturn and a horizon before it', () => {
    expect(() => backtest(TITR_VOLUMES, { fitThrough: 2026, horizon: 2027, paths: 10, seed: 1 })).toThrow(/no outturn for 2026/);
    expect(() => backtest(TITR_VOLUMES, { fitThrough: 2024, horizon: 2024, paths: 10, seed: 1 })).toThrow(/backtest: horizon must be a whole year after fitThrough/);
  });
});

describe('the default forecast', () => {
  it('is the drift shrunk toward zero (docs/forecasting.md): the same scenario as shrunkDriftModel from the record through fitThrough', () => {
    const history = TITR_VOLUMES.filter((x) => x.kind === 'reported' && x.year <= 2024);
    const want = shrunkDriftModel()(history, 2024, 2026);
    expect(forecastScenario(TITR_VOLUMES, { fitThrough: 2024, horizon: 2026 }).growth).toEqual(want.growth);
  });
});
