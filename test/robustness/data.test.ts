/**
 * Results are data: every result the library returns survives `structuredClone` (a worker's
 * postMessage, IndexedDB, a notebook's kernel) and a JSON round trip, and a clone keeps every
 * enumerable field. Functions belong on prototypes, never on a result.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const { PRESETS, ROUTES, TITR_VOLUMES } = api;
const small = { start: { year: 2025, volumeMt: 4 }, horizon: 2028, growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.1, max: 0.3 } }, capacity: { baseMt: { dist: 'uniform', min: 5, max: 7 } } } as const;

const results: [string, () => unknown][] = [
  ['fitGrowth', () => api.fitGrowth(TITR_VOLUMES, 'exponential')],
  ['fitGrowth logistic', () => api.fitGrowth(TITR_VOLUMES, 'logistic')],
  ['fitRandomWalk', () => api.fitRandomWalk(TITR_VOLUMES)],
  ['simulateVolumes', () => api.simulateVolumes(PRESETS.baseline, { paths: 300, seed: 1 })],
  ['simulateVolumes summary', () => api.simulateVolumes(PRESETS.baseline, { paths: 300, seed: 1, keep: 'summary' })],
  ['simulateTransit', () => api.simulateTransit(ROUTES['corridor-poti'], { trips: 300, seed: 1 })],
  ['compareRoutes', () => api.compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 300, seed: 1 })],
  ['simulateCorridor', () => api.simulateCorridor(PRESETS.baseline, ROUTES['corridor-poti'], { paths: 50, seed: 1 })],
  ['backtest', () => api.backtest(TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 300, seed: 1 })],
  ['compareScenarios', () => api.compareScenarios(PRESETS.baseline, PRESETS['official-capacity'], { paths: 300, seed: 1 })],
  ['tornado', () => api.tornado(small, { statistic: { statistic: 'mean', year: 2028 }, paths: 300, seed: 1 })],
  ['sobolIndices', () => api.sobolIndices(small, { output: { year: 2028 }, samples: 64, seed: 1 })],
  ['rankCorrelations', () => api.rankCorrelations(small, { output: { year: 2028 }, paths: 300, seed: 1 })],
  ['evaluateForecasts', () => api.evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, models: { 'no-change': api.noChangeModel() }, points: [] })],
  ['shapleyEffects', () => api.shapleyEffects(small, { output: { year: 2028 }, permutations: 4, seed: 1, outer: 4, varianceSamples: 50 })],
  ['shapleyEffectsOf', () => api.shapleyEffectsOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], ...api.gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] }), permutations: 10, seed: 1, varianceSamples: 50 })],
  ['sobolIndicesOf', () => api.sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 64, seed: 1, replicates: 4 })],
  ['solveScenario', () => api.solveScenario(small, { parameter: 'growth.rate', statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, level: 5, range: [0, 1], paths: 200, seed: 1, tolerance: 0.01 })],
  ['simulateVolumes until', () => api.simulateVolumes(PRESETS['official-capacity'], { seed: 1, keep: 'summary', untilStandardError: { tolerance: 0.01, maxPaths: 100_000, statistic: { year: 2027, volumeMt: 10 } } })],
  ['simulateTransit until', () => api.simulateTransit(ROUTES['northern-rail'], { seed: 1, untilStandardError: { tolerance: 0.01, maxTrips: 100_000, statistic: { days: 20 } } })],
  ['volatilityPosterior', () => api.volatilityPosterior(0.5, 4)],
  ['parseScenario', () => api.parseScenario(PRESETS.baseline)],
  ['parseRoute', () => api.parseRoute(ROUTES['corridor-poti'])],
];

describe('every result survives structuredClone and JSON', () => {
  it.each(results)('%s', (_name, make) => {
    const r = make();
    const clone = structuredClone(r) as Record<string, unknown>;
    // A clone keeps every enumerable field with its value (typed arrays included).
    for (const [k, v] of Object.entries(r as object)) {
      if (typeof v === 'function') throw new Error(`${_name}: field ${k} is a function: results are data`);
      expect(clone[k]).toEqual(v);
    }
    const json = JSON.parse(JSON.stringify(r)) as unknown;
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('every result says what it is: a string kind (fitRandomWalk’s is random-walk-fit)', () => {
    const skip = new Set(['volatilityPosterior', 'parseScenario', 'parseRoute']); // a posterior and documents, not results
    for (const [name, make] of results) if (!skip.has(name)) expect(typeof (make() as { kind?: unknown }).kind, name).toBe('string');
    expect(api.fitRandomWalk(TITR_VOLUMES).kind).toBe('random-walk-fit');
  });

  it('a fit keeps predict and toJSON, and its clone is the same data', () => {
    const f = api.fitGrowth(TITR_VOLUMES, 'exponential');
    const c = structuredClone(f);
    expect(JSON.parse(JSON.stringify(c))).toEqual(f.toJSON());
    expect(f.predict(2027)).toBe(api.growthCurve(f.model, f.anchor)(2027));
    expect(() => f.predict('2027' as never)).toThrow(TypeError);
  });
});
