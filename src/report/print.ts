/**
 * How results print: `console.log(result)` in Node, Deno and Bun (all three read
 * `Symbol.for('nodejs.util.inspect.custom')`, a global symbol: no `node:` import) and
 * `String(result)` give a few lines — what was run, then the key estimates rounded
 * ("32.7 % ± 0.15", "33.8 days") — never the typed arrays. Views of the data, never a re-run.
 */
import type { Estimate } from '../stats/estimate.js';
import { formatEstimate, formatNumber } from '../stats/format.js';

/** The symbol Node's `util.inspect` (and Deno's and Bun's console) calls for a custom view. */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Makes a class's instances (or one object) print as `text(self)`: `toString()` and the inspect
 * symbol, both non-enumerable, so JSON, structuredClone and deep equality never see them.
 */
export function printAs<T extends object>(target: T, text: (self: T) => string): T {
  const value = function (this: T): string {
    return text(this);
  };
  return Object.defineProperties(target, { toString: { value, writable: true, configurable: true }, [INSPECT]: { value, writable: true, configurable: true } });
}

/**
 * A title line and indented lines under it.
 */
export function block(title: string, lines: readonly string[]): string {
  return [title, ...lines.map((l) => `  ${l}`)].join('\n');
}

/**
 * "1,000 paths, seed 1": the size of a run and its seed.
 */
export function runOf(n: number, what: string, seed: string): string {
  return `${n.toLocaleString('en')} ${what}, seed ${seed}`;
}

/**
 * A probability for reading: "32.7 % ± 0.15" (percentage points), or "none" for null.
 */
export function pct(e: Estimate | null): string {
  return e === null ? 'none' : formatEstimate(e, { percent: true });
}

/**
 * An estimate with a unit: "5.63 Mt ± 0.012".
 */
export function est(e: Estimate | { estimate: number; standardError: number | null }, unit?: string): string {
  return formatEstimate(e, unit === undefined ? {} : { unit });
}

/**
 * A plain figure to three significant digits, with a unit.
 */
export function num(x: number, unit?: string): string {
  return unit === undefined ? formatNumber(x) : `${formatNumber(x)} ${unit}`;
}

/**
 * At most `n` lines, then "… and k more".
 */
export function firstLines(lines: readonly string[], n = 6): string[] {
  return lines.length <= n ? [...lines] : [...lines.slice(0, n), `… and ${lines.length - n} more`];
}

/** What {@link precisionLine} reads of a run's precision (the `Precision` of a run to a tolerance). */
export interface PrecisionLike {
  readonly statistic: string;
  readonly estimate: number;
  readonly standardError: number;
  readonly tolerance: number;
  readonly reached: boolean;
}

/**
 * A run to a tolerance in one line: "P(volume ≥ 10 Mt in 2027) 32.7 % ± 0.15, target ± 0.2,
 * reached" (the standard error and the tolerance in percentage points).
 */
export function precisionLine(p: PrecisionLike): string {
  return `${p.statistic} ${pct(p)}, target ± ${num(p.tolerance * 100)}, ${p.reached ? 'reached' : 'not reached'}`;
}
