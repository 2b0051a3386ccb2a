import { show } from '../args.js';

/**
 * Every Monte Carlo estimate has this one shape (docs/design.md, "Results are data"): the estimate and
 * its Monte Carlo standard error, both finite. Probabilities are named `probabilityAtLeast`,
 * `probabilityAtMost` and `probabilityWithin`; means `mean`; differences `difference`.
 */
export interface Estimate {
  readonly estimate: number;
  readonly standardError: number;
}

/**
 * An {@link Estimate}, checked: both parts finite and the standard error non-negative. A
 * non-finite part is a bug in the caller (the library never returns NaN or ±Infinity), so it
 * throws rather than hands it on.
 * @example estimate(0.3, 0.01) // => { estimate: 0.3, standardError: 0.01 }
 */
export function estimate(value: number, standardError: number): Estimate {
  if (typeof value !== 'number' || typeof standardError !== 'number') {
    throw new TypeError(`estimate: needs two numbers, an estimate and a standard error (got ${show(value)} and ${show(standardError)})`);
  }
  if (!(Number.isFinite(value) && standardError >= 0 && Number.isFinite(standardError))) {
    throw new RangeError(`estimate: needs a finite estimate and a finite standard error >= 0 (got ${value} ± ${standardError})`);
  }
  return { estimate: value, standardError };
}
