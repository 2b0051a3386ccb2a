/**
 * One base for the row-shaped results (STYLE.md 20): each of them is a RowResult whose size is
 * its named size field, whose rows are its row list, whose JSON is its own fields deep-copied in
 * order, and which prints the same lines through String and the inspect symbol; plainCopy keeps
 * what JSON sees and shares nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { plainCopy, RowResult } from '../../src/report/row-result.js';
import { VolumeViews } from '../../src/volume/result-views.js';

const { PRESETS, ROUTES, TITR_VOLUMES } = api;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const JUPYTER = Symbol.for('Jupyter.display');

const so = api.sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 64, seed: 1 });
const sh = api.shapleyEffectsOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], ...api.gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] }), permutations: 20, seed: 1 });
const rc = api.rankCorrelations(PRESETS.baseline, { output: { year: 2027 }, paths: 300, seed: 1 });

/** name, result, the field its size is read from, the field its rows are read from. */
const results: [string, () => RowResult<object, string, { kind: string; seed: string }>, string, string][] = [
  ['SobolIndices', () => so, 'samples', 'indices'],
  ['ShapleyEffects', () => sh, 'permutations', 'effects'],
  ['RankCorrelations', () => rc, 'paths', 'rows'],
  ['Tornado', () => api.tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 200, seed: 1 }), 'paths', 'rows'],
  ['ScenarioComparison', () => api.compareScenarios(PRESETS.baseline, PRESETS['official-capacity'], { paths: 200, seed: 5 }), 'paths', 'rows'],
  ['BacktestResult', () => api.backtest(TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 200, seed: 1 }), 'paths', 'rows'],
  ['RouteComparison', () => api.compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 200, seed: 3 }), 'trips', 'rows'],
  ['ForecastEvaluation', () => api.evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, models: { 'no-change': api.noChangeModel() }, points: [] }), 'paths', 'summaries'],
];

describe('the row-shaped results share one base', () => {
  it.each(results)('%s: a RowResult; size, rows, JSON and printing come from the base', (name, make, sizeField, rowsField) => {
    const r = make() as unknown as RowResult<object, string, { kind: string; seed: string }> & Record<string, unknown>;
    expect(r).toBeInstanceOf(RowResult);
    expect(r.constructor.name).toBe(name);
    expect(r.size).toBe(r[sizeField]);
    expect(r.rows).toBe(r[rowsField]);
    expect(r.rows.length).toBeGreaterThan(0);
    // The JSON is the own fields, kind first, in order, equal to a round trip and sharing nothing.
    const json = r.toJSON() as unknown as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(Object.keys(r));
    expect(Object.keys(json)[0]).toBe('kind');
    expect(json).toEqual(JSON.parse(JSON.stringify(r)));
    expect(json[rowsField]).not.toBe(r[rowsField]);
    (json[rowsField] as unknown[]).length = 0;
    expect(r.rows.length).toBeGreaterThan(0);
    // Printing: the same lines both ways, naming the class, never part of the fields.
    expect(String(r)).toBe((r as unknown as Record<symbol, () => string>)[INSPECT]!());
    expect(String(r).startsWith(name)).toBe(true);
    expect(Object.keys(r)).not.toContain('toString');
    // The notebook: the tidy rows as an HTML table under the title.
    const bundle = (r as unknown as Record<symbol, () => Record<string, unknown>>)[JUPYTER]!();
    expect(bundle['text/html']).toMatch(/^<table>/);
    expect(r.toCSV().split('\n')).toHaveLength(r.toRecords().length + 2);
  });

  it("RankCorrelations' tidy rows are its rows' ρ and standard errors, one per factor in order", () => {
    expect(rc.toRecords()).toEqual(rc.rows.map((x) => ({ factor: x.factor, statistic: 'spearman', value: x.spearman.estimate, standardError: x.spearman.standardError })));
    expect(rc.toCSV().split('\n')[0]).toBe('factor,statistic,value,standardError');
  });

  it('a lookup by key names the method, the value and what is allowed', () => {
    expect(() => so.of('c')).toThrow(new RangeError('SobolIndices.of: unknown factor "c" (factors: a, b)'));
    expect(() => sh.of('c')).toThrow(new RangeError('ShapleyEffects.of: unknown factor "c" (factors: a, b)'));
    expect(sh.of('b')).toBe(sh.effects[1]);
  });
});

describe('plainCopy', () => {
  it('keeps what JSON sees and shares no array or record with the original', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const y = plainCopy(x);
        expect(JSON.stringify(y)).toBe(JSON.stringify(x));
        if (x !== null && typeof x === 'object') expect(y).not.toBe(x);
      }),
    );
  });

  it('copies a typed array as a plain array, and keeps an estimate printing', () => {
    expect(plainCopy({ a: new Float64Array([1, 2]) })).toEqual({ a: [1, 2] });
    const e = api.estimate(0.32715, 0.0014836538595642851);
    const c = plainCopy({ e });
    expect(c.e).not.toBe(e);
    expect(String(c.e)).toBe(String(e));
  });
});

describe('the volume results share their views', () => {
  const full = api.simulateVolumes(PRESETS.baseline, { paths: 2000, seed: 1 });
  const summary = api.simulateVolumes(PRESETS.baseline, { paths: 2000, seed: 1, keep: 'summary' });
  it.each([['VolumeResult', full], ['VolumeSummary', summary]] as const)('%s: summary rows, tidy rows, CSV, display and printing from one base', (name, r) => {
    expect(r).toBeInstanceOf(VolumeViews);
    expect(String(r)).toBe((r as unknown as Record<symbol, () => string>)[INSPECT]!());
    expect(String(r).startsWith(`${name} `)).toBe(true);
    // Five tidy rows a year (p10, p50, p90, mean, probabilityAtLeast), the CSV a header and a line each.
    expect(r.toRecords()).toHaveLength(5 * r.years.length);
    expect(r.toCSV().split('\n')).toHaveLength(5 * r.years.length + 2);
    expect(r.summary().map((x) => x.p50)).toEqual(r.years.map((y) => r.quantiles(y, [0.5])[0]));
    expect((r as unknown as Record<symbol, () => Record<string, unknown>>)[JUPYTER]!()['text/plain']).toMatch(new RegExp(`^${r.kind === 'volumes' ? 'volumes' : 'volume-summary'} `));
  });

  it('the summary shows what the full run shows: the same quantiles, year by year', () => {
    expect(summary.summary().map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 }))).toEqual(full.summary().map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 })));
  });
});
