import { csvParse, dsvFormat } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { PRESETS, TITR_VOLUMES, compareScenarios, evaluateForecasts, fanChart, noChangeModel, sobolIndicesOf, toCSV, tornado } from '../../src/index.js';

const display = (x: unknown) => (x as Record<symbol, () => Record<string, unknown>>)[Symbol.for('Jupyter.display')]!();

describe('results display in a Deno Jupyter notebook and export tidy rows', () => {
  it('a chart spec displays as itself, and the symbol never reaches its JSON', () => {
    const spec = fanChart([{ year: 2025, p10: 4, p50: 4, p90: 4 }]);
    const b = display(spec);
    expect(b['application/vnd.vegalite.v5+json']).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(JSON.stringify(spec)).not.toMatch(/Jupyter/);
  });

  it('analysis results give an HTML table, a chart where one fits, a short text, and CSV rows', () => {
    const t = tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 500, seed: 1 });
    const b = display(t);
    expect(String(b['text/html'])).toMatch(/^<table><caption.*<th>parameter<\/th><th>p10<\/th>/);
    expect((b['application/vnd.vegalite.v5+json'] as { $schema: string }).$schema).toMatch(/vega-lite\/v5/);
    expect(String(b['text/plain']).length).toBeLessThan(200);
    const csv = t.toCSV().split('\n');
    expect(csv[0]).toBe('parameter,statistic,value,standardError');
    expect(csv.length).toBe(t.rows.length * 5 + 2);

    const s = sobolIndicesOf((x) => x.a! + x.b!, { factors: ['a', 'b'], samples: 256, seed: 1, replicates: 4 });
    expect(display(s)['application/vnd.vegalite.v5+json']).toBeDefined();
    expect(s.toRecords().map((r) => r.statistic)).toEqual(['firstOrder', 'total', 'firstOrder', 'total']);
    expect(String(display(s)['text/html'])).toContain('Sobol indices (N = 256 × 4 scrambled replicates, 4096 evaluations)');

    const c = compareScenarios(PRESETS.baseline, PRESETS['official-capacity'], { paths: 500, seed: 1 });
    expect(String(display(c)['text/html'])).toMatch(/<th>year<\/th><th>scenario<\/th><th>probabilityAtLeast \(10\)<\/th>/);

    const e = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 200, models: { 'no-change': noChangeModel() }, points: [] });
    expect(display(e)['application/vnd.vegalite.v5+json']).toBeDefined();
  });

  it('CSV quotes what needs quoting', () => {
    expect(toCSV([{ key: 'a, "b"', statistic: 's', value: 1, standardError: null }])).toBe('key,statistic,value,standardError\n"a, ""b""",s,1,\n');
  });

  it('CSV neutralises text cells a spreadsheet would run as formulas, never numbers, unless told to keep them', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      const name = `${lead}HYPERLINK("http://x","y")`;
      const csv = toCSV([{ key: name, statistic: 'mean', value: -0.32, standardError: -0 }], 'route');
      const cells = dsvFormat(',').parseRows(csv)[1]!;
      expect(cells[0]).toBe(`'${name}`);
      expect(cells[2]).toBe('-0.32');
      const kept = dsvFormat(',').parseRows(toCSV([{ key: name, statistic: 'mean', value: 1, standardError: null }], { keyName: 'route', formulas: 'keep' }))[1]!;
      expect(kept[0]).toBe(name);
    }
    // OWASP's intent: the fullwidth and small forms, and a formula character after leading white
    // space, an ideographic space, a zero-width space or a BOM, are formulas to a spreadsheet too.
    const disguised = ['＝', '＋', '－', '＠', '﹦', ' =', '  +', '\u3000=', '\u200B=', '\uFEFF=', '\uFEFF\u200B -', '\u00A0@', '\n=', '\u2060＝'];
    for (const lead of disguised) {
      const name = `${lead}HYPERLINK("http://x","y")`;
      const cells = dsvFormat(',').parseRows(toCSV([{ key: name, statistic: lead, value: -1, standardError: null }], 'route'))[1]!;
      expect(cells, JSON.stringify(lead)).toEqual([`'${name}`, `'${lead}`, '-1', '']);
    }
    // Text that merely contains one, or begins with other white space, is left alone.
    for (const plain of ['a=1', ' a', '\u3000x', 'x＝', '\uFEFFroute']) {
      expect(dsvFormat(',').parseRows(toCSV([{ key: plain, statistic: 's', value: 1, standardError: null }], 'route'))[1]![0], JSON.stringify(plain)).toBe(plain);
    }
    // A statistic or header that looks like a formula is text too.
    expect(toCSV([{ key: 1, statistic: '=2', value: 1, standardError: null }], '@k').split('\n')).toEqual(["'@k,statistic,value,standardError", "1,'=2,1,", '']);
  });

  it('CSV quotes a lone CR, so that RFC 4180 readers see one row per row', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ key: `a\rb${i}`, statistic: 's', value: i, standardError: null }));
    const parsed = csvParse(toCSV(rows));
    expect(parsed).toHaveLength(6);
    expect(parsed.map((r) => r.key)).toEqual(rows.map((r) => r.key));
  });

  it('CSV header names are cells like any other (a comma in keyName does not make a fifth column)', () => {
    const csv = toCSV([{ key: 1, statistic: 's', value: 2, standardError: null }], 'a,b');
    expect(dsvFormat(',').parseRows(csv)[0]).toEqual(['a,b', 'statistic', 'value', 'standardError']);
  });

  it('CSV options are checked: unknown keys, a bad formulas value, an empty or non-string key name', () => {
    const rows = [{ key: 1, statistic: 's', value: 2, standardError: null }];
    expect(() => toCSV(rows, { keyname: 'x' } as never)).toThrow(/toCSV: unknown option 'keyname'/);
    expect(() => toCSV(rows, { formulas: 'strip' } as never)).toThrow(/toCSV: formulas must be 'neutralise' or 'keep'/);
    expect(() => toCSV(rows, '')).toThrow(RangeError);
    expect(() => toCSV(rows, { keyName: 5 } as never)).toThrow(/keyName must be a string \(got 5\)/);
    // A row whose key is missing names what a key may be.
    expect(() => toCSV([{ statistic: 's', value: 1, standardError: null }] as never)).toThrow(/rows\[0\]\.key must be a year or other finite number, a label \(string\) or null \(got nothing\)/);
  });
});

describe('every tabular result exports tidy rows and displays in Jupyter', () => {
  it('volume (full and summary), transit, route comparison, backtest and corridor results', async () => {
    const api = await import('../../src/index.js');
    const v = api.simulateVolumes(api.PRESETS.baseline, { paths: 1000, seed: 1 });
    const s = api.simulateVolumes(api.PRESETS.baseline, { paths: 1000, seed: 1, keep: 'summary' });
    const t = api.simulateTransit(api.ROUTES['corridor-poti'], { trips: 1000, seed: 1, volumeMt: 4 });
    const c = api.compareRoutes([api.ROUTES['corridor-poti'], api.ROUTES['suez-sea']], { trips: 1000, seed: 1 });
    const b = api.backtest(api.TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 1000, seed: 1 });
    const k = api.simulateCorridor(api.PRESETS.baseline, api.ROUTES['corridor-poti'], { paths: 200, seed: 1 });
    for (const [r, key, chart] of [[v, 'year', true], [s, 'year', true], [t, 'route', true], [c, 'route', true], [b, 'year', true], [k, 'year', false]] as const) {
      const rows: readonly object[] = r.toRecords();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        // The rows name their key as the CSV header does, and every one of these results has probabilities: a threshold column.
        expect(Object.keys(row)).toEqual([key, 'statistic', 'value', 'standardError', 'threshold']);
        const value = (row as { value: number | null }).value;
        expect(value === null || Number.isFinite(value)).toBe(true);
      }
      expect(r.toCSV().split('\n')[0]).toBe(`${key},statistic,value,standardError,threshold`);
      const bundle = display(r);
      expect(String(bundle['text/html'])).toMatch(new RegExp(`<th>${key}</th>`));
      expect(bundle['application/vnd.vegalite.v5+json'] !== undefined).toBe(chart);
    }
    // The same summary rows whatever the run mode: full and summary runs give the same table.
    expect(s.toRecords().filter((x) => x.statistic === 'p50')).toEqual(v.toRecords().filter((x) => x.statistic === 'p50'));
  });
});
