/**
 * Results as tables: tidy rows `{ year, statistic, value, standardError }` (one number each, the
 * key columns named as the CSV header names them),
 * CSV of them, and the Deno Jupyter kernel's display protocol (`Symbol.for('Jupyter.display')`
 * returning a MIME bundle: a compact HTML table, a Vega-Lite chart where one fits, and a short
 * plain-text line). Views of the data, never a re-run.
 */
import type { Estimate } from '../stats/estimate.js';
import type { VegaLiteSpec } from './charts.js';
import { options, show } from '../args.js';
import { records } from './check.js';

/** The fields every tidy row has besides the columns that say what its number is of. */
export type TidyFields = {
  readonly statistic: string;
  readonly value: number | null;
  readonly standardError: number | null;
  /** The level a probability is of (P(≥ 10 Mt): 10; P(≤ 15 days): 15), null for other statistics; present in the rows of results that have probabilities. */
  readonly threshold?: number | null;
};

/** A row `toCSV` takes: the tidy fields and key columns of any names (your own rows' `key`, or `year`, `route`…). */
export type TidyInput = TidyFields & { readonly [column: string]: unknown };

/**
 * One number of a result, tidy: the columns that say what it is of, named as the CSV header names
 * them (`year`, `route`, `factor`, `parameter`, `model` and `horizon`, `year` and `scenario`…;
 * `key` in rows of your own), then the statistic, its value and standard error, and the threshold
 * of a probability.
 */
export type TidyRow<K extends string = 'key'> = TidyFields & { readonly [k in K]: number | string | null };

/** The key the Deno kernel calls to display a value. */
export const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

/**
 * Rows of Estimates and plain numbers for one set of keys (e.g. `{ year: 2027 }`). With
 * `thresholds` every row carries a `threshold`: the statistic's own, else null.
 */
export function tidy<K extends string>(keys: { readonly [k in K]: number | string | null }, fields: Record<string, number | Estimate | { estimate: number; standardError: number | null } | null | undefined>, thresholds?: Record<string, number | null>): TidyRow<K>[] {
  return Object.entries(fields).flatMap(([statistic, v]): TidyRow<K>[] => {
    if (v === undefined) return [];
    const [value, standardError] = v === null ? [null, null] : typeof v === 'number' ? [v, null] : [v.estimate, v.standardError];
    const row = { ...keys, statistic, value, standardError };
    return [(thresholds ? { ...row, threshold: thresholds[statistic] ?? null } : row) as TidyRow<K>];
  });
}

const FIELDS = new Set(['statistic', 'value', 'standardError', 'threshold']);

/** A column of the table: its header and the row field it reads. */
interface Column {
  readonly header: string;
  readonly field: string;
}

/**
 * The key columns of rows: the first row's fields other than statistic, value, standardError and
 * threshold, in its order. `keyName` renames a lone key column of another name (your own rows
 * `{ key, … }` with `toCSV(rows, 'year')`); rows without one read `key` (and the check says so).
 */
function keyColumns(fn: string, rows: readonly object[], keyName: string | undefined): Column[] {
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  const own = first !== null && typeof first === 'object' ? Object.keys(first).filter((k) => !FIELDS.has(k)) : [];
  if (own.length === 0) return [{ header: keyName ?? 'key', field: 'key' }];
  if (keyName === undefined || own.includes(keyName)) return own.map((k) => ({ header: k, field: k }));
  if (own.length === 1) return [{ header: keyName, field: own[0]! }];
  throw new RangeError(`${fn}: keyName '${keyName}' names none of the rows' key columns (${own.join(', ')})`);
}

/** The columns of a table of tidy rows, every row checked against them. */
function columns(fn: string, rows: readonly TidyInput[], keyName: string | undefined): { keys: Column[]; threshold: boolean } {
  const keys = keyColumns(fn, rows, keyName);
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  const threshold = first !== null && typeof first === 'object' && Object.hasOwn(first, 'threshold');
  records(fn, 'rows', rows, {
    ...Object.fromEntries(keys.map((c) => [c.field, 'key' as const])),
    statistic: 'string',
    value: 'number|null',
    standardError: 'number|null',
    ...(threshold ? { threshold: 'number|null' as const } : {}),
  });
  return { keys, threshold };
}

/**
 * A text cell that a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a TAB
 * or a CR, OWASP's list): a route or model named `=HYPERLINK(…)` must not run when the CSV is
 * opened. OWASP's intent, not only its letter: spreadsheets also take the fullwidth and small
 * forms ＝＋－＠ ﹦﹢﹣﹫ as operators, and skip leading white space and invisible characters
 * (spaces, U+3000, a zero-width space or joiner, a BOM U+FEFF) before one, so those count too.
 * Such a cell gets a leading `'` (which spreadsheets show as text) unless `formulas` is 'keep'.
 * Numbers are never touched: −0.32 stays a number.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u180E\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B])/;

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
  /** 'neutralise' (default): text cells that begin with =, +, -, @ (or their fullwidth forms, after any leading white space, zero-width space or BOM), TAB or CR get a leading `'`; 'keep': written as they are. */
  readonly formulas?: 'neutralise' | 'keep';
}

/**
 * CSV of tidy rows, with a header: the key columns (a result's rows name theirs: `year`,
 * `route`…; `keyName` renames a lone one, e.g. your own rows' `key`), `statistic`, `value`,
 * `standardError`, and `threshold` when the rows carry one. Text cells that a spreadsheet would run
 * as a formula are neutralised with a leading `'` (OWASP's advice; numbers are never changed);
 * `{ formulas: 'keep' }` turns that off.
 * @example toCSV([{ key: 2027, statistic: 'p50', value: 5.6, standardError: null }], 'year') // => 'year,statistic,value,standardError\n2027,p50,5.6,\n'
 * @example toCSV([{ key: '=1+1', statistic: 'mean', value: -0.32, standardError: null }], { keyName: 'route' }) // => "route,statistic,value,standardError\n'=1+1,mean,-0.32,\n"
 * @example toCSV([{ year: 2027, statistic: 'probabilityAtLeast', value: 0.3, standardError: 0.01, threshold: 10 }]) // => 'year,statistic,value,standardError,threshold\n2027,probabilityAtLeast,0.3,0.01,10\n'
 */
export function toCSV(rows: readonly TidyInput[], keyNameOrOptions: string | CSVOptions = {}): string {
  const o = csvOptions(keyNameOrOptions);
  const { keys, threshold } = columns('toCSV', rows, o.keyName);
  const neutralise = o.formulas !== 'keep';
  const line = (cells: readonly unknown[]) => cells.map((c) => csvCell(c, neutralise)).join(',');
  const tail = threshold ? ['threshold'] : [];
  const get = (r: TidyFields, f: string) => (r as unknown as Record<string, unknown>)[f];
  const lines = [line([...keys.map((c) => c.header), 'statistic', 'value', 'standardError', ...tail]), ...rows.map((r) => line([...keys.map((c) => get(r, c.field)), r.statistic, r.value, r.standardError, ...tail.map((f) => get(r, f))]))];
  return `${lines.join('\n')}\n`;
}

/**
 * `toCSV`'s second argument, checked: a key name or `{ keyName?, formulas? }`. Results' own
 * `toCSV(options)` take the same options and pass them on.
 */
export function csvOptions(keyNameOrOptions: unknown): CSVOptions {
  const o: CSVOptions = typeof keyNameOrOptions === 'string' ? { keyName: keyNameOrOptions } : options<CSVOptions>('toCSV', keyNameOrOptions, ['keyName', 'formulas']);
  if (o.keyName !== undefined && typeof o.keyName !== 'string') throw new TypeError(`toCSV: keyName must be a string (got ${show(o.keyName)})`);
  if (o.keyName === '') throw new RangeError('toCSV: keyName must not be empty');
  if (o.keyName !== undefined && FIELDS.has(o.keyName)) throw new RangeError(`toCSV: keyName must name a key column, not one of ${[...FIELDS].join(', ')} (got '${o.keyName}')`);
  if (o.formulas !== undefined && o.formulas !== 'neutralise' && o.formulas !== 'keep') {
    throw new RangeError(`toCSV: formulas must be 'neutralise' or 'keep' (got ${show(o.formulas)})`);
  }
  return o;
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const fmt = (x: number | null) => (x === null ? '' : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : String(Number(x.toPrecision(5))));

/** A compact HTML table of tidy rows: one row per key, one column per statistic (value ± SE; a probability's threshold in its header). */
export function htmlTable(rows: readonly TidyInput[], title: string, keyName?: string): string {
  const { keys } = columns('htmlTable', rows, keyName);
  const get = (r: TidyFields, f: string) => (r as unknown as Record<string, unknown>)[f];
  const id = (r: TidyFields) => JSON.stringify(keys.map((c) => get(r, c.field)));
  const stat = (r: TidyFields) => (r.threshold === undefined || r.threshold === null ? r.statistic : `${r.statistic} (${r.threshold})`);
  const stats = [...new Set(rows.map(stat))];
  const groups = new Map<string, TidyFields[]>();
  for (const r of rows) groups.set(id(r), [...(groups.get(id(r)) ?? []), r]);
  const cell = (group: readonly TidyFields[], s: string) => {
    const r = group.find((x) => stat(x) === s);
    if (!r || r.value === null) return '';
    return r.standardError === null ? fmt(r.value) : `${fmt(r.value)} ± ${fmt(r.standardError)}`;
  };
  const head = `<tr>${keys.map((c) => `<th>${esc(c.header)}</th>`).join('')}${stats.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>`;
  const body = [...groups.values()].map((g) => `<tr>${keys.map((c) => `<td>${esc(String(get(g[0]!, c.field) ?? ''))}</td>`).join('')}${stats.map((s) => `<td style="text-align:right">${esc(cell(g, s))}</td>`).join('')}</tr>`).join('');
  return `<table><caption style="text-align:left"><b>${esc(title)}</b></caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The MIME bundle the Deno Jupyter kernel displays; a `note` (a run's precision) is a line under the text and under the table. */
export function displayBundle(o: { title: string; text: string; rows?: readonly TidyInput[]; keyName?: string; chart?: VegaLiteSpec | null; note?: string | null }): Record<string, unknown> {
  const note = o.note ?? null;
  const bundle: Record<string, unknown> = { 'text/plain': note === null ? o.text : `${o.text}\n${note}` };
  if (o.rows && o.rows.length > 0) bundle['text/html'] = htmlTable(o.rows, o.title, o.keyName) + (note === null ? '' : `<p>${esc(note)}</p>`);
  if (o.chart) bundle['application/vnd.vegalite.v5+json'] = o.chart;
  return bundle;
}
