/** The forecast functions refuse what they cannot honour, naming themselves and the option the user wrote. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HORIZON_YEARS, TITR_VOLUMES, backtest, forecastScenario, parseScenario } from '../../src/index.js';
import { evaluateForecasts } from '../../src/forecast/evaluate.js';

const years = [...new Set(TITR_VOLUMES.filter((x) => x.kind === 'reported').map((x) => x.year))];
const last = years.at(-1)!;

describe('forecast options', () => {
  it('a horizon more than 100 years after fitThrough is refused up front, naming horizon (the scenario could not run)', () => {
    expect(() => forecastScenario(TITR_VOLUMES, { fitThrough: 2025, horizon: 2126 })).toThrow(/^forecastScenario: horizon must be at most 100 years after fitThrough/);
    expect(() => backtest(TITR_VOLUMES, { fitThrough: 2022, horizon: 1e6, paths: 100, seed: 1 })).toThrow(/^backtest: horizon must be at most 100 years after fitThrough.*got fitThrough 2022, horizon 1000000/);
    // Law: every horizon forecastScenario accepts makes a scenario parseScenario accepts.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 * MAX_HORIZON_YEARS }), (h) => {
        let s;
        try {
          s = forecastScenario(TITR_VOLUMES, { fitThrough: 2025, horizon: 2025 + h });
        } catch (e) {
          expect(h).toBeGreaterThan(MAX_HORIZON_YEARS);
          expect((e as Error).message).toMatch(/^forecastScenario: horizon/);
          return;
        }
        expect(h).toBeLessThanOrEqual(MAX_HORIZON_YEARS);
        expect(parseScenario(s).horizon).toBe(2025 + h);
      }),
      { numRuns: 60 },
    );
  });

  it('a fitThrough that leaves the model too few outturns names backtest and fitThrough, not the inner fit', () => {
    expect(() => backtest(TITR_VOLUMES, { fitThrough: 2019, horizon: 2022, paths: 100, seed: 1 })).toThrow(/^backtest: fitThrough 2019: the model cannot forecast from the 1 outturn through 2019 \(fitRandomWalk: needs at least 3/);
    expect(() => forecastScenario(TITR_VOLUMES, { fitThrough: 2020, horizon: 2022 })).toThrow(/^forecastScenario: fitThrough 2020:/);
    const bad = () => { throw new TypeError('mine'); };
    expect(() => forecastScenario(TITR_VOLUMES, { fitThrough: 2024, horizon: 2026, model: bad })).toThrow(TypeError);
  });

  it('evaluateForecasts refuses a repeated origin, naming it (its forecasts would count twice)', () => {
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, origins: [2022, 2022] })).toThrow(/^evaluateForecasts: origins\[1\] repeats the origin 2022/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, origins: [2021, 2023, 2021] })).toThrow(/origins\[2\] repeats the origin 2021/);
  });

  it('evaluateForecasts refuses an origin with nothing to score, naming it and the last outturn year', () => {
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, origins: [last] })).toThrow(
      new RegExp(`^evaluateForecasts: origin ${last} has no outturn to score \\(its forecast years ${last + 1}, ${last + 2}, ${last + 3}, ${last + 4} have no outturn in the record, whose last outturn is ${last}\\)`),
    );
    // Horizons that skip every outturn year are refused too; one that reaches one is scored.
    const t = last - 2;
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, origins: [t], horizons: [3, 4] })).toThrow(/has no outturn to score/);
    const e = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, origins: [t], horizons: [2, 3] });
    expect(e.scores.length).toBeGreaterThan(0);
    expect(e.scores.every((s) => s.year === t + 2)).toBe(true);
  });
});
