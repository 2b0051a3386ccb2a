/**
 * The command line's flags: node:util's parseArgs over each command's declared options, and the
 * conversions of flag text to the library's options. A flag the command does not know, a value of
 * the wrong form or a missing argument is a {@link UsageError} (exit 2, with the usage line); a
 * value of the right form that the library refuses is the library's error (exit 1).
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was called: exit 2, with the command's usage line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One flag: its kind and its line in `--help`. */
export interface Flag {
  type: 'string' | 'boolean';
  help: string;
  multiple?: boolean;
  short?: string;
}

/** The flags every command has. */
export const COMMON: Record<string, Flag> = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

/** The flags of commands that print data. */
export const OUTPUT: Record<string, Flag> = {
  format: { type: 'string', help: 'table | csv | json | ndjson (table on a terminal, csv when piped; by --out\'s extension)' },
  out: { type: 'string', short: 'o', help: 'write to FILE atomically (a temp file in its folder, then a rename) instead of stdout' },
};

/** The flags of seeded runs. */
export const SEEDED: Record<string, Flag> = {
  seed: { type: 'string', help: 'the seed: a number or a text (1 by default)' },
};

/** The parsed command line of one command. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `argv` against the flags; unknown flags and missing values are UsageErrors. */
export function parse(argv: readonly string[], flags: Record<string, Flag>): Parsed {
  try {
    const options = Object.fromEntries(Object.entries(flags).map(([k, f]) => [k, { type: f.type, ...(f.multiple ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) }]));
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** A flag's text, or undefined when not given. */
export function text(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A whole number written as digits or in e-notation (`1e6`, `100_000`), within [min, max]. */
export function count(p: Parsed, name: string, fallback?: number, min = 1): number | undefined {
  const t = text(p, name);
  if (t === undefined) return fallback;
  const n = Number(t.replaceAll('_', ''));
  if (!(Number.isInteger(n) && n >= min && n <= Number.MAX_SAFE_INTEGER)) throw new UsageError(`--${name} must be a whole number >= ${min}, digits or e-notation like 1e6 (got "${t}")`);
  return n;
}

/** A finite number. */
export function num(p: Parsed, name: string): number | undefined {
  const t = text(p, name);
  if (t === undefined) return undefined;
  const n = Number(t);
  if (t.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a finite number (got "${t}")`);
  return n;
}

/** The seed: digits are a number (as `seed: 7` in JavaScript), other text a string; 1 by default. */
export function seed(p: Parsed): string | number {
  const t = text(p, 'seed');
  if (t === undefined) return 1;
  if (t === '') throw new UsageError('--seed must be a number or a non-empty text (got "")');
  return /^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** One of the allowed words. */
export function oneOf<T extends string>(p: Parsed, name: string, allowed: readonly T[]): T | undefined {
  const t = text(p, name);
  if (t === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(t)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${t}")`);
  return t as T;
}

/** A comma-separated list of numbers (`0.05,0.95`). */
export function numbers(p: Parsed, name: string): number[] | undefined {
  const t = text(p, name);
  if (t === undefined) return undefined;
  const xs = t.split(',').map((x) => Number(x));
  if (t.trim() === '' || xs.some((x, i) => !Number.isFinite(x) || t.split(',')[i]!.trim() === '')) throw new UsageError(`--${name} must be numbers separated by commas, like 0.05,0.95 (got "${t}")`);
  return xs;
}

/** The positionals, between min and max of them. */
export function positionals(p: Parsed, min: number, max: number, what: string): string[] {
  const n = p.positionals.length;
  if (n < min) throw new UsageError(`missing ${what}`);
  if (n > max) throw new UsageError(`too many arguments: ${p.positionals.slice(max).map((x) => `"${x}"`).join(' ')}`);
  return p.positionals;
}

/** A volume or transit statistic written `probabilityAtLeast:YEAR:MT`, `quantile:YEAR:P`, `mean:YEAR`. */
export function statistic(p: Parsed, name = 'statistic'): { statistic: 'probabilityAtLeast'; year: number; volumeMt: number } | { statistic: 'quantile'; year: number; p: number } | { statistic: 'mean'; year: number } | undefined {
  const t = text(p, name);
  if (t === undefined) return undefined;
  const [kind, ...rest] = t.split(':');
  const xs = rest.map(Number);
  const ok = xs.every((x) => Number.isFinite(x)) && rest.every((x) => x.trim() !== '');
  if (ok && kind === 'probabilityAtLeast' && xs.length === 2) return { statistic: kind, year: xs[0]!, volumeMt: xs[1]! };
  if (ok && kind === 'quantile' && xs.length === 2) return { statistic: kind, year: xs[0]!, p: xs[1]! };
  if (ok && kind === 'mean' && xs.length === 1) return { statistic: kind, year: xs[0]! };
  throw new UsageError(`--${name} must be probabilityAtLeast:YEAR:MT, quantile:YEAR:P or mean:YEAR (got "${t}")`);
}

/** The object without its undefined fields (the library's options are closed records: absent, not undefined). */
export function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
