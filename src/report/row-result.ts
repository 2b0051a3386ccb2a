/**
 * One base for the row-shaped results (scipy's OptimizeResult, fable's fbl_ts): a result is its
 * fields — kind, seed, its size (paths, trips, samples or permutations, under the name it has
 * always had), any settings, and its rows — and everything else is written here once: the
 * fields as plain data (`toJSON`), the tidy rows as CSV, the Jupyter display and the printing.
 * A result declares its fields, its tidy rows, its title and its text, and nothing else.
 */
import { show } from '../args.js';
import type { VegaLiteSpec } from './charts.js';
import { displayBundle, toCSV, type CSVOptions, type TidyRow } from './display.js';

/** What a row-shaped result shows in a notebook besides its tidy rows. */
export interface RowDisplay {
  readonly title: string;
  readonly text: string;
  readonly chart?: VegaLiteSpec | null;
}

/**
 * A deep copy of plain data: arrays (typed arrays as plain arrays) and records copied all the way
 * down, numbers, strings, booleans and null as they are; a record's non-enumerable fields (an
 * estimate's printing) come along unchanged. `JSON.stringify` of the copy is that of the original.
 */
export function plainCopy<T>(x: T): T {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return Array.from(x as ArrayLike<unknown>, (v) => plainCopy(v)) as T;
  if (x === null || typeof x !== 'object') return x;
  const copy = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plainCopy(v)]));
  for (const k of Reflect.ownKeys(x)) {
    if (!Object.prototype.propertyIsEnumerable.call(x, k)) Object.defineProperty(copy, k, Object.getOwnPropertyDescriptor(x, k)!);
  }
  return copy as T;
}

/**
 * The base of a result made of rows. `fields` (its JSON shape `J`) become the result's own fields
 * in their order — `kind` first, then `seed`, the size, the settings and the rows — so a subclass
 * declares them with `declare readonly` (a plain field declaration would reset them) and
 * `toJSON()` is a deep copy of them. A subclass gives `size`, `toRecords()` (its key columns
 * `K`), `display()` (title, text and chart of its notebook view) and `text()` (its printed
 * lines).
 */
export abstract class RowResult<Row extends object, K extends string, J extends { kind: string; seed: string }> {
  /** What the result is, e.g. 'tornado': how a chart recognises it. */
  declare readonly kind: J['kind'];
  /** The seed that produced its numbers. */
  declare readonly seed: string;
  /** Its rows, one per factor, parameter, year or route. */
  abstract readonly rows: readonly Row[];
  /** How many paths, trips, samples or permutations it ran (also under that name). */
  abstract get size(): number;

  constructor(fields: J) {
    Object.assign(this, fields);
  }

  /** Tidy rows `{ <keys>, statistic, value, standardError[, threshold] }`. */
  abstract toRecords(): TidyRow<K>[];

  /** What the notebook shows above the rows: a title, a short text and a chart where one fits. */
  protected abstract display(): RowDisplay;

  /** The printed lines (`String(result)`, `console.log(result)`). */
  protected abstract text(): string;

  /** The row where `key` (a row field) equals `value`; RangeError naming `what` otherwise (`error` says what is allowed). */
  protected rowWhere<F extends keyof Row & string>(key: F, value: Row[F], what: string, error?: () => string): Row {
    const row = this.rows.find((r) => r[key] === value);
    if (!row) throw new RangeError(error ? error() : `${what}: unknown ${key} ${show(value)} (${key}s: ${this.rows.map((r) => r[key]).join(', ')})`);
    return row;
  }

  /** The tidy rows as CSV; the options of {@link toCSV}. */
  toCSV(o?: string | CSVOptions): string {
    return toCSV(this.toRecords(), o);
  }

  /** Jupyter (Deno kernel): the table of tidy rows, with the result's title, text and chart. */
  [Symbol.for('Jupyter.display')](): Record<string, unknown> {
    return displayBundle({ ...this.display(), rows: this.toRecords() });
  }

  /** Plain data: the result's fields in order, deep-copied. */
  toJSON(): J {
    return plainCopy({ ...this }) as unknown as J;
  }

  /** The printed lines. */
  toString(): string {
    return this.text();
  }

  /** Node's, Deno's and Bun's console print the same lines. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.text();
  }
}
