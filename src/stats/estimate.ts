import { show } from '../args.js';
import { formatEstimate, formatNumber } from './format.js';

/**
 * Every Monte Carlo estimate has this one shape (docs/design.md, "Results are data"): the estimate and
 * its Monte Carlo standard error, both finite. Probabilities are named `probabilityAtLeast`,
 * `probabilityAtMost` and `probabilityWithin`; means `mean`; differences `difference`.
 */
export interface Estimate {
  readonly estimate: number;
  readonly standardError: number;
}

function text(this: { estimate: number; standardError: number | null; lower?: unknown; upper?: unknown; interval?: unknown }): string {
  const [lo, hi] = Array.isArray(this.interval) ? this.interval : [this.lower, this.upper];
  const bounds = typeof lo === 'number' && typeof hi === 'number' ? ` [${formatNumber(lo)}, ${formatNumber(hi)}]` : '';
  return `${formatEstimate(this)}${bounds}`;
}

/**
 * How an estimate prints: `console.log` (Node, Deno and Bun read `nodejs.util.inspect.custom`)
 * and `String(e)` give "0.327 ± 0.0015". Non-enumerable, so JSON, `structuredClone`, spreads and
 * deep equality see only `{ estimate, standardError }`.
 */
const PRINTING: PropertyDescriptorMap = {
  toString: { value: text, writable: true, configurable: true },
  [Symbol.for('nodejs.util.inspect.custom')]: { value: text, writable: true, configurable: true },
};

/**
 * An {@link Estimate}, checked: both parts finite and the standard error non-negative. A
 * non-finite part is a bug in the caller (the library never returns NaN or ±Infinity), so it
 * throws rather than hands it on. It prints as "0.3 ± 0.01" (`String(e)`, `console.log`); its data
 * are the two fields alone.
 * @example estimate(0.3, 0.01) // => { estimate: 0.3, standardError: 0.01 }
 * @example String(estimate(0.32715, 0.0014836538595642851)) // => '0.327 ± 0.0015'
 */
export function estimate(value: number, standardError: number): Estimate {
  if (typeof value !== 'number' || typeof standardError !== 'number') {
    throw new TypeError(`estimate: needs two numbers, an estimate and a standard error (got ${show(value)} and ${show(standardError)})`);
  }
  if (!(Number.isFinite(value) && standardError >= 0 && Number.isFinite(standardError))) {
    throw new RangeError(`estimate: needs a finite estimate and a finite standard error >= 0 (got ${value} ± ${standardError})`);
  }
  return Object.defineProperties({ estimate: value, standardError }, PRINTING) as Estimate;
}

/**
 * Gives an estimate that carries more (an interval, bounds) the printing of {@link estimate}:
 * "0.42 ± 0.011 [0.4, 0.44]". A spread `{ ...estimate(…), lower, upper }` copies only the data.
 */
export function printable<T extends { readonly estimate: number; readonly standardError: number | null }>(x: T): T {
  return Object.defineProperties(x, PRINTING);
}
