import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TITR_VOLUMES, fitRandomWalk, type Observation, type ScenarioInput } from '../../src/index.js';
import { evaluateForecasts } from '../../src/forecast/evaluate.js';
import { dampedTrendModel, driftModel, noChangeModel } from '../../src/forecast/models.js';

const outturns = TITR_VOLUMES.filter((x) => x.kind === 'reported');

describe('evaluateForecasts', () => {
  const e = evaluateForecasts(TITR_VOLUMES, { seed: 7, paths: 2000 });

  it('scores every model from the origins 2021–2024 at every horizon that has an outturn', () => {
    expect(e.origins).toEqual([2021, 2022, 2023, 2024]);
    // 4 + 3 + 2 + 1 (origin, year) pairs up to 2025.
    expect(e.summary('drift').n).toBe(10);
    expect(e.summary('drift', 1).n).toBe(4);
    expect(e.warnings[0]).toMatch(/only 4 origins/);
  });

  it('a point forecast’s CRPS is its absolute error, exactly', () => {
    const official = e.scores.filter((s) => s.model.startsWith('official'));
    expect(official.map((s) => [s.year, s.crps])).toEqual([
      [2022, Math.abs(3.2 - 1.485)],
      [2025, Math.abs(5.2 - 4.119)],
    ]);
  });

  it('the skill of a model against itself is 0', () => {
    const self = evaluateForecasts(TITR_VOLUMES, { seed: 7, paths: 2000, models: { a: driftModel(), b: driftModel() }, baseline: 'a', points: [] });
    expect(self.summary('b').skill).toEqual({ estimate: 0, standardError: 0 });
    expect(self.summary('a').skill).toBeNull();
  });

  it('leaves the future out: changing any outturn after an origin never changes that origin’s forecast (fast-check)', () => {
    const models = { 'no-change': noChangeModel(), drift: driftModel() };
    const base = evaluateForecasts(TITR_VOLUMES, { seed: 3, paths: 500, models, points: [] });
    fc.assert(
      fc.property(fc.constantFrom(2021, 2022, 2023), fc.double({ min: 0.1, max: 50, noNaN: true }), (origin, v) => {
        const later = outturns.filter((x) => x.year > origin + 1);
        const changed: Observation[] = outturns.map((x) => (x.year === later[0]!.year ? { ...x, volumeMt: v } : x));
        const again = evaluateForecasts(changed, { seed: 3, paths: 500, models, points: [] });
        // Every forecast from this origin is the same, bit for bit; its score changes only where its outturn did.
        const band = (ev: typeof base) => ev.scores.filter((s) => s.origin === origin).map(({ model, year, p10, p25, p50, p75, p90 }) => ({ model, year, p10, p25, p50, p75, p90 }));
        expect(band(again)).toEqual(band(base));
        const same = (ev: typeof base) => ev.scores.find((s) => s.model === 'drift' && s.origin === origin && s.year === origin + 1)!;
        expect(same(again)).toEqual(same(base));
      }),
      { numRuns: 6 },
    );
  });

  it('refuses unknown options, a baseline that is not a model, and origins without enough history', () => {
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, path: 10 } as never)).toThrow(/unknown option 'path'/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, baseline: 'nope' })).toThrow(/baseline "nope" is not one of the models/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, origins: [2020] })).toThrow(/fewer than 3 outturns/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, origins: [2018] })).toThrow(/origin 2018 has no outturn/);
  });

  it('serialises to plain data', () => {
    const json = JSON.parse(JSON.stringify(e));
    expect(json.kind).toBe('forecast-evaluation');
    expect(JSON.stringify(e).length).toBeLessThan(60_000);
  });
});

/** The points of a piecewise growth model (the damped trend's form). */
function piecewise(g: ScenarioInput['growth']) {
  if (g.model !== 'piecewise') throw new Error(`expected a piecewise growth, got ${g.model}`);
  return g.points;
}

describe('damped trend with an estimated φ', () => {
  it('takes φ from the record up to the origin: the lag-1 autocorrelation clipped to [0, 0.98]', () => {
    const history = TITR_VOLUMES.filter((x) => x.kind === 'reported' && x.year <= 2024);
    const fit = fitRandomWalk(history);
    const phi = Math.min(0.98, Math.max(0, fit.persistence!));
    const s = dampedTrendModel({ phi: 'estimate' })(history, 2024, 2026);
    const points = piecewise(s.growth);
    expect(points[1]!.volumeMt).toBeCloseTo(4.484 * Math.exp(phi * fit.logGrowth), 12);
    expect(points[2]!.volumeMt).toBeCloseTo(4.484 * Math.exp((phi + phi * phi) * fit.logGrowth), 12);
    // Through 2025 the autocorrelation is negative (−0.03): φ = 0, no growth ahead.
    const flat = dampedTrendModel({ phi: 'estimate' })(TITR_VOLUMES.filter((x) => x.kind === 'reported'), 2025, 2027);
    expect(piecewise(flat.growth).map((p) => p.volumeMt)).toEqual([4.119, 4.119, 4.119]);
    expect(() => dampedTrendModel({ phi: 'guess' as never })).toThrow(TypeError);
  });
});
