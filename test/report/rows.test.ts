/**
 * Tidy rows and their CSV agree: a result's toRecords() rows carry their key under the name the
 * CSV header gives it (year, route, factor, parameter, model and horizon, year and scenario), a
 * probability's row says its threshold, a scenario comparison keeps a, b and a − b each with its
 * standard error, and every result's toCSV() takes toCSV's options.
 */
import { csvParse, dsvFormat } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { closeRel } from '../helpers.js';

const { PRESETS, ROUTES, TITR_VOLUMES, toCSV } = api;

const v = api.simulateVolumes(PRESETS['official-capacity'], { paths: 4000, seed: 7 });
const s = api.simulateVolumes(PRESETS['official-capacity'], { paths: 4000, seed: 7, keep: 'summary' });
const evil = { ...ROUTES['corridor-poti'], name: '=HYPERLINK("http://x","y")' };
const t = api.simulateTransit(evil, { trips: 4000, seed: 3, volumeMt: 4 });
const c = api.compareRoutes([evil, ROUTES['suez-sea']], { trips: 2000, seed: 3, within: 35 });
const b = api.backtest(TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 2000, seed: 1 });
const k = api.simulateCorridor(PRESETS.baseline, ROUTES['corridor-poti'], { paths: 100, seed: 1 });
const cs = api.compareScenarios(PRESETS.baseline, PRESETS['official-capacity'], { paths: 2000, seed: 5, volumeMt: 8 });
const e = api.evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 200, models: { 'no-change': api.noChangeModel(), drift: api.driftModel() }, points: [] });
const tw = api.tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 300, seed: 1 });
const so = api.sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 128, seed: 1 });
const rc = api.rankCorrelations(PRESETS.baseline, { output: { year: 2027 }, paths: 300, seed: 1 });
const sh = api.shapleyEffectsOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], ...api.gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] }), permutations: 20, seed: 1 });

type Tabular = { toRecords(): readonly object[]; toCSV(o?: unknown): string };
const results: [string, Tabular, string[]][] = [
  ['VolumeResult', v, ['year']],
  ['VolumeSummary', s, ['year']],
  ['TransitSample', t, ['route']],
  ['RouteComparison', c, ['route']],
  ['BacktestResult', b, ['year']],
  ['CorridorResult', k, ['year']],
  ['ScenarioComparison', cs, ['year', 'scenario']],
  ['ForecastEvaluation', e, ['model', 'horizon']],
  ['Tornado', tw, ['parameter']],
  ['SobolIndices', so, ['factor']],
  ['ShapleyEffects', sh, ['factor']],
  ['RankCorrelations', rc, ['factor']],
];

const cell = (x: unknown) => (x === null ? '' : String(x));
const rowsOf = (r: Tabular) => r.toRecords() as readonly Record<string, unknown>[];

describe('toRecords() rows and the CSV header agree', () => {
  for (const [name, r, keys] of results) {
    it(`${name}: the rows' fields are the CSV's columns, row for row`, () => {
      const rows = rowsOf(r);
      expect(rows.length).toBeGreaterThan(0);
      const parsed = csvParse(r.toCSV({ formulas: 'keep' })) as Record<string, string>[] & { columns: string[] };
      expect(parsed.columns).toEqual(Object.keys(rows[0]!));
      expect(parsed.columns.slice(0, keys.length)).toEqual(keys);
      expect(parsed.columns).not.toContain('key');
      expect(parsed).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        expect(Object.keys(row)).toEqual(parsed.columns);
        for (const col of parsed.columns) expect(parsed[i]![col], `${name} row ${i} ${col}`).toBe(cell(row[col]));
      });
    });
  }

  it('results with probabilities carry a threshold column, the others none', () => {
    const withThreshold = new Set(['VolumeResult', 'VolumeSummary', 'TransitSample', 'RouteComparison', 'BacktestResult', 'CorridorResult', 'ScenarioComparison']);
    for (const [name, r] of results) expect(Object.hasOwn(rowsOf(r)[0]!, 'threshold'), name).toBe(withThreshold.has(name));
  });
});

describe('probability rows say their threshold', () => {
  const probabilityRows = (r: Tabular) => rowsOf(r).filter((x) => String(x.statistic).startsWith('probability'));

  it("a volume result's P(≥ target) rows: threshold = the target volume, the value counted from the paths", () => {
    const target = v.scenario.target!;
    const rows = probabilityRows(v);
    expect(rows.map((x) => x.statistic)).toEqual(v.years.map(() => 'probabilityAtLeast'));
    for (const row of rows) {
      expect(row.threshold).toBe(target.volumeMt);
      const paths = v.volume[v.years.indexOf(row.year as number)]!;
      expect(row.value).toBe(paths.filter((x) => x >= target.volumeMt).length / paths.length);
    }
    // The summary run says the same (its probabilities come from counts made while it ran).
    expect(probabilityRows(s)).toEqual(rows);
    // Without a target the rows are still there, with nulls: the columns never depend on the scenario.
    const none = api.simulateVolumes({ ...PRESETS.baseline, target: null }, { paths: 100, seed: 1 });
    expect(probabilityRows(none).every((x) => x.threshold === null && x.value === null)).toBe(true);
  });

  it("a transit sample's and a corridor's P(≤ 15 days), a route comparison's P(≤ within): the threshold is the days", () => {
    const [row] = probabilityRows(t);
    expect(row).toMatchObject({ statistic: 'probabilityWithin', threshold: 15 });
    expect(row!.value).toBe(t.days.filter((d) => d <= 15).length / t.trips);
    expect(probabilityRows(k).every((x) => x.statistic === 'probabilityWithin' && x.threshold === 15)).toBe(true);
    const routes = probabilityRows(c);
    expect(routes.map((x) => [x.route, x.threshold])).toEqual([[evil.name, 35], ['suez-sea', 35]]);
    expect(routes[0]!.value).toBe(c.rows[0]!.probabilityWithin.estimate);
    // Rows that are not probabilities carry a null threshold.
    expect(rowsOf(t).filter((x) => !String(x.statistic).startsWith('probability')).every((x) => x.threshold === null)).toBe(true);
  });

  it("a backtest's P(≤ outturn): the threshold is the outturn (a PIT value)", () => {
    for (const row of probabilityRows(b)) {
      const r = b.rows.find((x) => x.year === row.year)!;
      expect(row).toMatchObject({ statistic: 'probabilityAtMost', threshold: r.outturn, value: r.probabilityAtMost.estimate });
    }
  });
});

describe('a scenario comparison keeps a, b and a − b, each with its standard error', () => {
  const ra = api.simulateVolumes(PRESETS.baseline, { paths: 2000, seed: 5 });
  const rb = api.simulateVolumes(PRESETS['official-capacity'], { paths: 2000, seed: 5 });
  const get = (year: number, scenario: string, statistic: string) => rowsOf(cs).find((x) => x.year === year && x.scenario === scenario && x.statistic === statistic)!;

  it('per year and statistic three rows: a, b and difference', () => {
    const rows = rowsOf(cs);
    expect(rows).toHaveLength(cs.rows.length * 3 * 5);
    expect(new Set(rows.map((x) => x.scenario))).toEqual(new Set(['a', 'b', 'difference']));
  });

  it("a's and b's rows are what each scenario's own run reports (mean and its SE, quantiles, P(≥ volumeMt))", () => {
    for (const year of [2027, 2030]) {
      for (const [side, r] of [['a', ra], ['b', rb]] as const) {
        const mean = get(year, side, 'mean');
        expect(closeRel(mean.value as number, r.mean(year).estimate, 1e-12)).toBe(true);
        expect(closeRel(mean.standardError as number, r.mean(year).standardError, 1e-9)).toBe(true);
        expect(get(year, side, 'p50').value).toBe(r.quantile(year, 0.5));
        const p = get(year, side, 'probabilityAtLeast');
        expect(p.threshold).toBe(8);
        expect(p.value).toBe(r.probabilityAtLeast(year, 8).estimate);
        // The paired code uses the sample variance (n − 1), proportion() the plug-in (n): the same SE up to √(n/(n − 1)).
        const n = 2000;
        expect(closeRel(p.standardError as number, r.probabilityAtLeast(year, 8).standardError * Math.sqrt(n / (n - 1)), 1e-9)).toBe(true);
      }
      const d = get(year, 'difference', 'mean');
      expect(d.value).toBe(cs.year(year).mean.difference.estimate);
      expect(d.standardError).toBe(cs.year(year).mean.difference.standardError);
    }
  });

  it("a quantile's SE is the batch-means one: 20 contiguous batches, recomputed here", () => {
    const year = 2030;
    const paths = ra.volume[ra.years.indexOf(year)]!;
    const qs = Array.from({ length: 20 }, (_, j) => api.quantile(Array.from(paths.slice((j * paths.length) / 20, ((j + 1) * paths.length) / 20)), 0.9));
    const m = qs.reduce((x, y) => x + y, 0) / 20;
    const se = Math.sqrt(qs.reduce((x, q) => x + (q - m) * (q - m), 0) / 19 / 20);
    expect(closeRel(get(year, 'a', 'p90').standardError as number, se, 1e-9)).toBe(true);
  });
});

describe("every result's toCSV() takes toCSV's options and passes them on", () => {
  it('a route named like a formula is neutralised by default, kept with { formulas: "keep" }', () => {
    for (const r of [t, c] as Tabular[]) {
      const cells = (o?: unknown) => dsvFormat(',').parseRows(r.toCSV(o))[1]![0];
      expect(cells()).toBe(`'${evil.name}`);
      expect(cells({ formulas: 'neutralise' })).toBe(`'${evil.name}`);
      expect(cells({ formulas: 'keep' })).toBe(evil.name);
    }
  });

  it('keyName renames a lone key column; bad options are refused as toCSV refuses them', () => {
    expect(v.toCSV({ keyName: 'Year' }).split('\n')[0]).toBe('Year,statistic,value,standardError,threshold');
    expect(v.toCSV('Year').split('\n')[0]).toBe('Year,statistic,value,standardError,threshold');
    for (const [, r] of results) {
      expect(() => r.toCSV({ formulas: 'strip' })).toThrow(/toCSV: formulas must be 'neutralise' or 'keep'/);
      expect(() => r.toCSV({ keyname: 'x' })).toThrow(/toCSV: unknown option 'keyname'/);
      expect(() => r.toCSV(5)).toThrow(TypeError);
    }
    expect(() => cs.toCSV({ keyName: 'when' })).toThrow(/keyName 'when' names none of the rows' key columns \(year, scenario\)/);
    // A key column named like a field would write two columns of one name.
    for (const name of ['statistic', 'value', 'standardError', 'threshold']) expect(() => toCSV([{ key: 1, statistic: 's', value: 1, standardError: null }], name)).toThrow(/keyName must name a key column, not one of statistic, value, standardError, threshold/);
  });
});

describe('toCSV of rows of your own', () => {
  it('`key` rows still take a key name; rows with named keys need none; several key columns come first, in order', () => {
    expect(toCSV([{ key: 2027, statistic: 'p50', value: 5.6, standardError: null }], 'year')).toBe('year,statistic,value,standardError\n2027,p50,5.6,\n');
    expect(toCSV([{ route: 'a', statistic: 'mean', value: 1, standardError: 0.5 }])).toBe('route,statistic,value,standardError\na,mean,1,0.5\n');
    expect(toCSV([{ model: 'm', horizon: 'all', statistic: 'crps', value: 1, standardError: null }])).toBe('model,horizon,statistic,value,standardError\nm,all,crps,1,\n');
    expect(toCSV([{ year: 2027, statistic: 'probabilityAtLeast', value: 0.25, standardError: 0.01, threshold: 10 }], { keyName: 'year' })).toBe('year,statistic,value,standardError,threshold\n2027,probabilityAtLeast,0.25,0.01,10\n');
    expect(toCSV([], 'year')).toBe('year,statistic,value,standardError\n');
  });

  it('every row must have the first row\'s columns (named in the error)', () => {
    expect(() => toCSV([{ year: 2027, statistic: 's', value: 1, standardError: null }, { key: 2028, statistic: 's', value: 1, standardError: null }] as never)).toThrow(/rows\[1\]\.year must be a year or other finite number, a label \(string\) or null \(got nothing\)/);
    expect(() => toCSV([{ year: 2027, statistic: 's', value: 1, standardError: null, threshold: 10 }, { year: 2028, statistic: 's', value: 1, standardError: null }] as never)).toThrow(/rows\[1\]\.threshold must be a finite number/);
    expect(() => toCSV([{ year: 2027, statistic: 's', value: 1, standardError: null, threshold: Number.NaN }])).toThrow(/rows\[0\]\.threshold/);
  });
});
