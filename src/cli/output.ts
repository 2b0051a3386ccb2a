/**
 * Data out: a result as a table, CSV, JSON or NDJSON, on stdout or written atomically to a file
 * (a temp file in the same folder, then a rename: an interrupted run never leaves half a file).
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toCSV, type Solution } from '../index.js';
import { oneOf, text, UsageError, type Parsed } from './args.js';
import { holdTemp, interruptible, releaseTemp } from './progress.js';

/** The output formats. */
export const FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

/** What a command prints: a result of the library (tidy rows and JSON), or rows and JSON of its own. */
export interface Printable {
  toJSON(): unknown;
  toRecords?(): readonly object[];
  toCSV?(): string;
}

/** The format asked for, else by --out's extension, else table on a terminal and csv when piped. */
export function formatOf(p: Parsed): Format {
  const asked = oneOf(p, 'format', FORMATS);
  if (asked) return asked;
  const out = text(p, 'out');
  if (out !== undefined) return /\.json$/i.test(out) ? 'json' : /\.ndjson$/i.test(out) ? 'ndjson' : /\.(txt|table)$/i.test(out) ? 'table' : 'csv';
  return process.stdout.isTTY ? 'table' : 'csv';
}

/** The result's rows: its tidy rows, or its JSON as one row (a Solution), or a list as rows. */
function rowsOf(x: Printable): object[] {
  if (x.toRecords) return [...x.toRecords()];
  const j = x.toJSON();
  return Array.isArray(j) ? (j as object[]) : [j as object];
}

const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Rows as an aligned text table (numbers to six significant digits; the CSV and JSON keep every digit). */
export function table(rows: readonly object[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const keys = Object.keys(rows[0]!);
  const cells = [keys, ...rows.map((r) => keys.map((k) => cell((r as Record<string, unknown>)[k])))];
  const width = keys.map((_, j) => Math.max(...cells.map((c) => c[j]!.length)));
  const numeric = keys.map((k) => rows.every((r) => /^-?[\d.]|^$/.test(cell((r as Record<string, unknown>)[k]))));
  return cells.map((c) => c.map((x, j) => (numeric[j] ? x.padStart(width[j]!) : x.padEnd(width[j]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/**
 * Rows that are not the library's tidy rows (a Solution, the presets) as CSV: the first row's
 * fields as columns, RFC 4180 quoting, and text a spreadsheet would run as a formula neutralised
 * by the library's own CSV writer (one-row tidy frames, cell by cell).
 */
function plainCsv(rows: readonly object[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  const quote = (v: unknown) => {
    if (typeof v === 'number') return String(v);
    if (v === null || v === undefined) return '';
    const t = typeof v === 'object' ? JSON.stringify(v) : String(v);
    // The library's writer neutralises formulas: its one cell, unquoted back to text here.
    const safe = toCSV([{ key: t, statistic: 's', value: 0, standardError: 0 }]).split('\n')[1]!;
    const cell = safe.slice(0, safe.length - ',s,0,0'.length);
    return cell;
  };
  return [keys.map(quote).join(','), ...rows.map((r) => keys.map((k) => quote((r as Record<string, unknown>)[k])).join(','))].join('\n') + '\n';
}

const TIDY = new Set(['statistic', 'value', 'standardError', 'threshold']);

/** A number to six significant digits, ± its standard error to two when it has one. */
const withError = (v: unknown, se: unknown) => (typeof se === 'number' && typeof v === 'number' ? `${cell(v)} ± ${Number(se.toPrecision(2))}` : cell(v));

/**
 * Tidy rows made wide for reading: one line per key (year, route, factor…), one column per
 * statistic (its threshold in the header: `probabilityAtLeast 10`), each value ± its standard
 * error. Rows that are not tidy are shown as they are.
 */
export function wide(rows: readonly object[]): object[] {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first || !('statistic' in first && 'value' in first)) return [...rows];
  const keys = Object.keys(first).filter((k) => !TIDY.has(k));
  const out = new Map<string, Record<string, string>>();
  for (const r of rows as Record<string, unknown>[]) {
    const id = JSON.stringify(keys.map((k) => r[k]));
    if (!out.has(id)) out.set(id, Object.fromEntries(keys.map((k) => [k, cell(r[k])])));
    const column = r.threshold === null || r.threshold === undefined ? String(r.statistic) : `${String(r.statistic)} ${cell(r.threshold)}`;
    out.get(id)![column] = withError(r.value, r.standardError);
  }
  // Every line gets every column (blank where a key has no such statistic), in the order first seen.
  const columns = [...new Set([...out.values()].flatMap((r) => Object.keys(r)))];
  return [...out.values()].map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? ''])));
}

/** The text of a result in a format. */
export function render(x: Printable, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(x.toJSON(), null, 2) + '\n';
    case 'ndjson':
      return rowsOf(x).map((r) => JSON.stringify(r)).join('\n') + '\n';
    case 'csv':
      return x.toCSV ? x.toCSV() : plainCsv(rowsOf(x));
    case 'table':
      return table(wide(rowsOf(x)));
  }
}

/** Writes text to stdout, or to --out atomically. */
export async function emit(p: Parsed, body: string): Promise<void> {
  const out = text(p, 'out');
  if (out === undefined) {
    // A reader that stops early (`| head`) closes the pipe: nothing more to write, not a failure.
    await new Promise<void>((resolve, reject) => process.stdout.write(body, (e) => (e && (e as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(e) : resolve())));
    return;
  }
  await writeAtomic(out, body);
}

/** Writes `body` to `path` through a temp file beside it and a rename; Ctrl-C meanwhile leaves no file. */
export async function writeAtomic(path: string, body: string | Uint8Array): Promise<void> {
  if (path === '') throw new UsageError('--out must name a file (got "")');
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await interruptible(async (signal) => {
    holdTemp(temp);
    try {
      await writeFile(temp, body, { signal });
      signal.throwIfAborted();
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    } finally {
      releaseTemp(temp);
    }
  });
}

/** A Solution of a goal search as something to print: its fields as one row. */
export function solution(s: Solution): Printable {
  const { kind, parameter, label, value, lower, upper, level, seed: sd } = s;
  const row = { kind, parameter, statistic: label, level, value, lower, upper, seed: sd };
  return { toJSON: () => s, toRecords: () => [row] };
}

/** Prints a result in the format asked for. */
export async function print(p: Parsed, x: Printable): Promise<void> {
  await emit(p, render(x, formatOf(p)));
}
