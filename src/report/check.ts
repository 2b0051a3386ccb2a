/**
 * Checks of the summaries a chart is built from: each builder names itself, the argument and the
 * field that is wrong, so that a chart never carries a NaN or an Infinity into a spec.
 */
import { finiteNumber, options, show } from '../args.js';

/** What a field of a row must be. */
export type FieldKind = 'number' | 'number?' | 'number|null' | 'string' | 'string?' | 'key' | 'year' | 'year|null' | 'estimate' | 'interval';

function field(fn: string, where: string, kind: FieldKind, x: unknown): void {
  const optional = kind.endsWith('?');
  if (optional && x === undefined) return;
  switch (kind) {
    case 'number':
    case 'number?':
      finiteNumber(fn, where, x);
      return;
    case 'number|null':
      if (x !== null) finiteNumber(fn, where, x);
      return;
    case 'key':
      if (x === null || typeof x === 'string') return;
      if (typeof x !== 'number') throw new TypeError(`${fn}: ${where} must be a year or other finite number, a label (string) or null (got ${show(x)})`);
      finiteNumber(fn, where, x);
      return;
    case 'string':
    case 'string?':
      if (typeof x !== 'string') throw new TypeError(`${fn}: ${where} must be a string (got ${show(x)})`);
      return;
    case 'year':
    case 'year|null':
      if (kind === 'year|null' && x === null) return;
      if (!(typeof x === 'number' && Number.isInteger(x))) throw new TypeError(`${fn}: ${where} must be a whole year${kind === 'year|null' ? ' or null' : ''} (got ${show(x)})`);
      return;
    case 'estimate':
    case 'interval': {
      if (x === null || typeof x !== 'object') throw new TypeError(`${fn}: ${where} must be an estimate { estimate, standardError${kind === 'interval' ? ', lower, upper' : ''} } (got ${show(x)})`);
      const e = x as Record<string, unknown>;
      finiteNumber(fn, `${where}.estimate`, e.estimate);
      finiteNumber(fn, `${where}.standardError`, e.standardError);
      if (kind === 'interval') {
        finiteNumber(fn, `${where}.lower`, e.lower);
        finiteNumber(fn, `${where}.upper`, e.upper);
      }
    }
  }
}

/** An array of records whose fields are of the given kinds (other fields are ignored). */
export function records<T>(fn: string, name: string, xs: unknown, fields: Record<string, FieldKind>, { minLength = 0 } = {}): readonly T[] {
  if (!Array.isArray(xs)) throw new TypeError(`${fn}: ${name} must be an array of { ${Object.keys(fields).join(', ')} } (got ${show(xs)})`);
  if (xs.length < minLength) throw new RangeError(`${fn}: ${name} must hold at least ${minLength} row${minLength === 1 ? '' : 's'} (got ${xs.length})`);
  // An index loop, not forEach: a sparse array's holes are rows too (undefined ones).
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    if (x === null || typeof x !== 'object') throw new TypeError(`${fn}: ${name}[${i}] must be an object { ${Object.keys(fields).join(', ')} } (got ${show(x)})`);
    for (const [k, kind] of Object.entries(fields)) field(fn, `${name}[${i}].${k}`, kind, (x as Record<string, unknown>)[k]);
  }
  return xs as T[];
}

/** A chart's options: a closed record with the common `title` and `sources` checked. */
export function chartOptions<T extends { title?: string; sources?: readonly string[] }>(fn: string, o: unknown, allowed: readonly string[], required: readonly string[] = []): T {
  const opts = options<T>(fn, o, ['title', 'sources', ...allowed], required);
  if (opts.title !== undefined && typeof opts.title !== 'string') throw new TypeError(`${fn}: title must be a string (got ${show(opts.title)})`);
  if (opts.sources !== undefined && !(Array.isArray(opts.sources) && opts.sources.every((s) => typeof s === 'string'))) {
    throw new TypeError(`${fn}: sources must be an array of strings (got ${show(opts.sources)})`);
  }
  return opts;
}
