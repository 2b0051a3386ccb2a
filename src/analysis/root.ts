import type { Estimate } from '../stats/estimate.js';

/** What {@link solveMonotone} found: the value, and the values where the level ± z·SE are reached. */
export interface Root {
  /** The parameter value at which the statistic reaches the level. */
  readonly value: number;
  /** The parameter values at which it reaches level − z·SE and level + z·SE (ordered): the Monte Carlo uncertainty of `value`. */
  readonly lower: number;
  readonly upper: number;
  /** The statistic at `value`, with its standard error. */
  readonly statistic: Estimate;
  /** How many times the statistic was evaluated. */
  readonly evaluations: number;
}

/** Options of {@link solveMonotone}. */
export interface MonotoneOptions {
  lo: number;
  hi: number;
  level: number;
  /** Stop when the bracket is narrower than this (absolute). */
  tolerance: number;
  /** z of the interval (1.96 by default: about 95 %). */
  z?: number;
  /** Names the function in messages. */
  fn: string;
  /** Names the parameter in messages. */
  parameter: string;
  /** Why the ends may not bracket the level, added to the message when they do not. */
  why?: (atLo: Estimate, atHi: Estimate) => string;
}

/** A number to 4 significant digits, for messages. */
const g = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The value in [lo, hi] at which a statistic that is monotone in its parameter (as Monte Carlo
 * statistics on common random numbers are: the same draws at every value, so the estimate is a
 * monotone step function) reaches `level`, by bisection; and an interval from the Monte Carlo
 * error, by solving for level ∓ z·SE (the standard error at the root) the same way. Throws a
 * RangeError, saying how far each end got, when the level lies outside what the range reaches.
 */
export function solveMonotone(evaluate: (x: number) => Estimate, o: MonotoneOptions): Root {
  const cache = new Map<number, Estimate>();
  const at = (x: number): Estimate => {
    let e = cache.get(x);
    if (!e) {
      e = evaluate(x);
      cache.set(x, e);
    }
    return e;
  };
  const a = at(o.lo);
  const b = at(o.hi);
  const increasing = b.estimate >= a.estimate;
  const [min, max] = increasing ? [a.estimate, b.estimate] : [b.estimate, a.estimate];
  if (!(o.level >= min && o.level <= max)) {
    const told = o.why?.(a, b) ?? '';
    const reason = told === '' ? '' : ` ${told}`;
    throw new RangeError(
      `${o.fn}: no ${o.parameter} in [${o.lo}, ${o.hi}] reaches ${o.level}: at ${o.parameter} = ${o.lo} the statistic is ${g(a.estimate)} (± ${g(a.standardError)}), at ${o.hi} it is ${g(b.estimate)} (± ${g(b.standardError)}).${reason}`,
    );
  }
  // The smallest x whose statistic is on the far side of the level (>= for increasing).
  const bisect = (level: number): number => {
    let lo = o.lo;
    let hi = o.hi;
    const past = (e: Estimate) => (increasing ? e.estimate >= level : e.estimate <= level);
    if (past(at(lo))) return lo;
    if (!past(at(hi))) return hi;
    while (hi - lo > o.tolerance) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (past(at(mid))) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const value = bisect(o.level);
  const statistic = at(value);
  const z = o.z ?? 1.96;
  const band = z * statistic.standardError;
  const x1 = bisect(o.level - band);
  const x2 = bisect(o.level + band);
  return { value, lower: Math.min(x1, x2), upper: Math.max(x1, x2), statistic, evaluations: cache.size };
}
