/**
 * Results read well: `console.log(result)` (Node's util.inspect, through the global
 * `nodejs.util.inspect.custom` symbol) and `String(result)` give a few lines — the run, then the
 * key estimates rounded — never the typed arrays; an Estimate prints as "value ± SE" and stays
 * `{ estimate, standardError }` as data. Deno and Bun: test/engines/print.test.ts.
 */
import fc from 'fast-check';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { displayBundle } from '../../src/report/display.js';
import { precisionLine } from '../../src/report/print.js';
import { formatEstimate, formatNumber } from '../../src/stats/format.js';

const { PRESETS, ROUTES, TITR_VOLUMES, estimate } = api;

describe('an Estimate prints as value ± SE and is the same data as before', () => {
  const e = estimate(0.32715, 0.0014836538595642851);

  it('console.log, String and template literals give "0.327 ± 0.0015", also inside arrays and objects', () => {
    expect(inspect(e)).toBe('0.327 ± 0.0015');
    expect(String(e)).toBe('0.327 ± 0.0015');
    expect(`${e}`).toBe('0.327 ± 0.0015');
    expect(inspect({ p: e, xs: [e] }, { breakLength: Infinity })).toBe('{ p: 0.327 ± 0.0015, xs: [ 0.327 ± 0.0015 ] }');
  });

  it('JSON, structuredClone, spreads, keys and deep equality see only { estimate, standardError }', () => {
    expect(JSON.stringify(e)).toBe('{"estimate":0.32715,"standardError":0.0014836538595642851}');
    expect(Object.keys(e)).toEqual(['estimate', 'standardError']);
    expect(e).toEqual({ estimate: 0.32715, standardError: 0.0014836538595642851 });
    expect(e).toStrictEqual({ estimate: 0.32715, standardError: 0.0014836538595642851 });
    expect(structuredClone(e)).toEqual({ estimate: 0.32715, standardError: 0.0014836538595642851 });
    expect({ ...e }).toEqual({ estimate: 0.32715, standardError: 0.0014836538595642851 });
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
  });

  it("the library's estimates print so: a probability, a mean, a paired difference, a Sobol index with its interval", () => {
    const v = api.simulateVolumes(PRESETS.baseline, { paths: 1000, seed: 1 });
    expect(inspect(v.probabilityAtLeast(2027, 5))).toMatch(/^0\.\d+ ± 0\.0\d+$/);
    expect(inspect(v.mean(2027))).toMatch(/^\d\.\d+ ± 0\.\d+$/);
    const so = api.sobolIndicesOf((x) => x.a! + x.b!, { factors: ['a', 'b'], samples: 128, seed: 1 });
    expect(inspect(so.of('a').firstOrder)).toMatch(/^0\.\d+ ± 0\.\d+ \[-?0\.\d+, 0\.\d+\]$/);
    expect(JSON.parse(JSON.stringify(so.of('a').firstOrder))).toEqual({ ...so.of('a').firstOrder });
  });
});

describe('formatEstimate: the SE to two significant digits, the estimate to the decimal of its first', () => {
  it('known values', () => {
    const cases: [number, number, object, string][] = [
      [0.32715, 0.0014836538595642851, {}, '0.327 ± 0.0015'],
      [0.32715, 0.0014836538595642851, { percent: true }, '32.7 % ± 0.15'],
      [6, 0, {}, '6 ± 0'],
      [12345.678, 23.4, {}, '12346 ± 23'],
      [-0.0001, 0.01, {}, '0.00 ± 0.01'],
      [5.6312, 0.0123, { unit: 'Mt' }, '5.63 Mt ± 0.012'],
      [1e-9, 3.3e-11, {}, '0.00000000100 ± 3.3e-11'],
      [0, 0, { percent: true }, '0 % ± 0'],
    ];
    for (const [x, se, f, want] of cases) expect(formatEstimate({ estimate: x, standardError: se }, f)).toBe(want);
    expect(formatNumber(33.752334679767664)).toBe('33.8');
    expect(formatNumber(2029.4)).toBe('2029');
    expect(formatNumber(-0.000012345)).toBe('-0.0000123');
  });

  it('law: the printed estimate is within half a unit of the SE\'s leading decimal of the estimate, the printed SE within 5 % of the SE', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-12, max: 1e5, noNaN: true }), (x, se) => {
        const [v, s] = formatEstimate({ estimate: x, standardError: se }).split(' ± ').map(Number) as [number, number];
        const unit = 10 ** Number(se.toExponential().split('e')[1]);
        return Math.abs(v - x) <= 0.5 * Math.min(unit, 1) * (1 + 1e-9) + Math.abs(x) * 1e-15 && Math.abs(s - se) <= 0.05 * se;
      }),
    );
  });
});

describe('every result prints a few labelled lines, never its arrays', () => {
  const v = api.simulateVolumes(PRESETS['official-capacity'], { paths: 100_000, seed: 2027 });
  const results: [string, object][] = [
    ['VolumeResult', v],
    ['VolumeSummary', api.simulateVolumes(PRESETS['official-capacity'], { paths: 2000, seed: 1, keep: 'summary' })],
    ['TransitSample', api.simulateTransit(ROUTES['corridor-poti'], { trips: 20_000, seed: 15, volumeMt: 4.119 })],
    ['RouteComparison', api.compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 1000, seed: 1 })],
    ['BacktestResult', api.backtest(TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 1000, seed: 1 })],
    ['CorridorResult', api.simulateCorridor(PRESETS.baseline, ROUTES['corridor-poti'], { paths: 100, seed: 1 })],
    ['ForecastEvaluation', api.evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, models: { 'no-change': api.noChangeModel(), drift: api.driftModel() }, points: [] })],
    ['Tornado', api.tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 300, seed: 1 })],
    ['SobolIndices', api.sobolIndicesOf((x) => x.a! + x.b!, { factors: ['a', 'b'], samples: 128, seed: 1 })],
    ['RankCorrelations', api.rankCorrelations(PRESETS.baseline, { output: { year: 2027 }, paths: 1000, seed: 1 })],
    ['ScenarioComparison', api.compareScenarios(PRESETS.baseline, PRESETS['official-capacity'], { paths: 500, seed: 1 })],
    ['ShapleyEffects', api.shapleyEffectsOf((x) => x.a! + x.b!, { factors: ['a', 'b'], ...api.gaussianInputs(['a', 'b'], { covariance: [[1, 0], [0, 1]] }), permutations: 10, seed: 1 })],
    ['Solution', api.solveRoute(ROUTES['corridor-poti'], { parameter: 'days-scale', statistic: { statistic: 'quantile', p: 0.5 }, level: 15, range: [0.1, 1], trips: 2000, seed: 1 })],
    ['GrowthFit', api.fitGrowth(TITR_VOLUMES, 'logistic')],
  ];

  for (const [name, r] of results) {
    it(`${name}: console.log and String give the same few lines, named, under 1,000 characters`, () => {
      const text = inspect(r);
      expect(text).toBe(String(r));
      expect(text.startsWith(name)).toBe(true);
      expect(text.length).toBeLessThan(1000);
      expect(text.split('\n').length).toBeLessThanOrEqual(9);
      expect(text).not.toMatch(/Float64Array|\[object Object\]|NaN|undefined/);
      // The printing is no part of the data.
      expect(JSON.stringify(r)).not.toMatch(/±/);
      expect(Object.keys(r)).not.toContain('toString');
      expect(() => structuredClone(JSON.parse(JSON.stringify(r)))).not.toThrow();
    });
  }

  it('a VolumeResult of 100,000 paths: the run, and P(≥ 10 Mt in 2027) as "32.7 % ± 0.15", counted here from its paths', () => {
    const text = inspect(v);
    expect(text.split('\n')[0]).toBe('VolumeResult official-capacity: 100,000 paths, seed 2027, 2025–2032');
    const paths = v.volume[v.years.indexOf(2027)]!;
    const p = paths.filter((x) => x >= 10).length / paths.length;
    const se = Math.sqrt((p * (1 - p)) / paths.length);
    expect(`${(100 * p).toFixed(1)} % ± ${(100 * se).toFixed(2)}`).toBe('32.7 % ± 0.15');
    expect(text).toMatch(/^ {2}2027: P50 .* Mt \(P10 .*, P90 .*\), mean .* Mt ± .*, P\(≥ 10 Mt\) 32\.7 % ± 0\.15$/m);
    // Without the custom view the same object holds 800,000 numbers: the summary is the point.
    expect(inspect(v, { customInspect: false }).length).toBeGreaterThan(10 * text.length);
  });
});

describe('precisionLine: a run to a tolerance in one line', () => {
  it('known values: the estimate in percent with its SE and the target in percentage points, reached or not', () => {
    expect(precisionLine({ statistic: 'P(volume ≥ 10 Mt in 2027)', estimate: 0.327, standardError: 0.0015, tolerance: 0.002, reached: true })).toBe('P(volume ≥ 10 Mt in 2027) 32.7 % ± 0.15, target ± 0.2, reached');
    expect(precisionLine({ statistic: 'P(trip ≤ 20 days)', estimate: 0, standardError: 0, tolerance: 1e-4, reached: false })).toBe('P(trip ≤ 20 days) 0 % ± 0, target ± 0.01, not reached');
  });

  it('a displayBundle with a note adds it as a line under the text and a paragraph under the table (escaped); without one the bundle is as before', () => {
    const rows = [{ key: 1, statistic: 'mean', value: 2, standardError: null }];
    const plain = displayBundle({ title: 't', text: 'x', rows });
    expect(displayBundle({ title: 't', text: 'x', rows, note: null })).toEqual(plain);
    const noted = displayBundle({ title: 't', text: 'x', rows, note: 'P(a < b) & more' });
    expect(noted['text/plain']).toBe('x\nP(a < b) & more');
    expect(noted['text/html']).toBe(`${plain['text/html']}<p>P(a &lt; b) &amp; more</p>`);
  });
});
