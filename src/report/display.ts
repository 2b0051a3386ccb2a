/**
 * Results as tables: tidy rows `{ year?, statistic, value, standardError }` (one number each),
 * CSV of them, and the Deno Jupyter kernel's display protocol (`Symbol.for('Jupyter.display')`
 * returning a MIME bundle: a compact HTML table, a Vega-Lite chart where one fits, and a short
 * plain-text line). Views of the data, never a re-run.
 */
import type { Estimate } from '../stats/estimate.js';
import type { VegaLiteSpec } from './charts.js';
import { options, show } from '../args.js';
import { records } from './check.js';

/** One number of a result, tidy: what it is, for which year (or label), and its standard error. */
export interface TidyRow {
  /** The year, or another label (a route, a model, a parameter), or null. */
  readonly key: number | string | null;
  readonly statistic: string;
  readonly value: number | null;
  readonly standardError: number | null;
}

/** The key the Deno kernel calls to display a value. */
export const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

/** Rows of an Estimate and of plain numbers, for one key. */
export function tidy(key: number | string | null, fields: Record<string, number | Estimate | null | undefined>): TidyRow[] {
  return Object.entries(fields).flatMap(([statistic, v]): TidyRow[] => {
    if (v === undefined) return [];
    if (v === null) return [{ key, statistic, value: null, standardError: null }];
    if (typeof v === 'number') return [{ key, statistic, value: v, standardError: null }];
    return [{ key, statistic, value: v.estimate, standardError: v.standardError }];
  });
}

/**
 * A text cell that a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a TAB
 * or a CR, OWASP's list): a route or model named `=HYPERLINK(…)` must not run when the CSV is
 * opened. Such a cell gets a leading `'` (which spreadsheets show as text) unless `formulas` is
 * 'keep'. Numbers are never touched: −0.32 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(x: unknown, neutralise: boolean): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'number') return String(x);
  const s = String(x);
  const t = neutralise && FORMULA_START.test(s) ? `'${s}` : s;
  // Quote a cell with a separator, a quote or either line ending (a lone CR too: RFC 4180 readers
  // such as d3-dsv split rows on it).
  return /[",\n\r]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
}

/** Options of `toCSV`: the key column's name, and what to do with cells that look like formulas. */
export interface CSVOptions {
  /** The key column's header ('key' by default; e.g. 'year', 'route'). */
  readonly keyName?: string;
  /** 'neutralise' (default): text cells that begin with =, +, -, @, TAB or CR get a leading `'`; 'keep': written as they are. */
  readonly formulas?: 'neutralise' | 'keep';
}

/**
 * CSV of tidy rows, with a header; `keyName` names the key column (e.g. 'year'). Text cells that a
 * spreadsheet would run as a formula are neutralised with a leading `'` (OWASP's advice; numbers
 * are never changed); `{ formulas: 'keep' }` turns that off.
 * @example toCSV([{ key: 2027, statistic: 'p50', value: 5.6, standardError: null }], 'year') // => 'year,statistic,value,standardError\n2027,p50,5.6,\n'
 * @example toCSV([{ key: '=1+1', statistic: 'mean', value: -0.32, standardError: null }], { keyName: 'route' }) // => "route,statistic,value,standardError\n'=1+1,mean,-0.32,\n"
 */
export function toCSV(rows: readonly TidyRow[], keyNameOrOptions: string | CSVOptions = 'key'): string {
  records('toCSV', 'rows', rows, { key: 'key', statistic: 'string', value: 'number|null', standardError: 'number|null' });
  const o: CSVOptions = typeof keyNameOrOptions === 'string' ? { keyName: keyNameOrOptions } : options<CSVOptions>('toCSV', keyNameOrOptions, ['keyName', 'formulas']);
  const keyName = o.keyName ?? 'key';
  if (typeof keyName !== 'string') throw new TypeError(`toCSV: keyName must be a string (got ${show(keyName)})`);
  if (keyName === '') throw new RangeError('toCSV: keyName must not be empty');
  if (o.formulas !== undefined && o.formulas !== 'neutralise' && o.formulas !== 'keep') {
    throw new RangeError(`toCSV: formulas must be 'neutralise' or 'keep' (got ${show(o.formulas)})`);
  }
  const neutralise = o.formulas !== 'keep';
  const line = (cells: readonly unknown[]) => cells.map((c) => csvCell(c, neutralise)).join(',');
  const lines = [line([keyName, 'statistic', 'value', 'standardError']), ...rows.map((r) => line([r.key, r.statistic, r.value, r.standardError]))];
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const fmt = (x: number | null) => (x === null ? '' : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : String(Number(x.toPrecision(5))));

/** A compact HTML table of tidy rows: one row per key, one column per statistic (value ± SE). */
export function htmlTable(rows: readonly TidyRow[], title: string, keyName = 'key'): string {
  const stats = [...new Set(rows.map((r) => r.statistic))];
  const keys = [...new Set(rows.map((r) => r.key))];
  const cell = (k: TidyRow['key'], s: string) => {
    const r = rows.find((x) => x.key === k && x.statistic === s);
    if (!r || r.value === null) return '';
    return r.standardError === null ? fmt(r.value) : `${fmt(r.value)} ± ${fmt(r.standardError)}`;
  };
  const head = `<tr><th>${esc(keyName)}</th>${stats.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>`;
  const body = keys.map((k) => `<tr><td>${esc(String(k ?? ''))}</td>${stats.map((s) => `<td style="text-align:right">${esc(cell(k, s))}</td>`).join('')}</tr>`).join('');
  return `<table><caption style="text-align:left"><b>${esc(title)}</b></caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The MIME bundle the Deno Jupyter kernel displays. */
export function displayBundle(o: { title: string; text: string; rows?: readonly TidyRow[]; keyName?: string; chart?: VegaLiteSpec | null }): Record<string, unknown> {
  const bundle: Record<string, unknown> = { 'text/plain': o.text };
  if (o.rows && o.rows.length > 0) bundle['text/html'] = htmlTable(o.rows, o.title, o.keyName);
  if (o.chart) bundle['application/vnd.vegalite.v5+json'] = o.chart;
  return bundle;
}
