/**
 * Paired statistics of two samples drawn on the same random numbers (element i of each comes
 * from the same draws): differences of means, of probabilities and of quantiles with the standard
 * errors the pairing gives, and the standard errors two independent runs would have had.
 */
import { estimate, type Estimate } from './estimate.js';
import { quantileSorted } from './quantile.js';

/** A difference a − b with its paired standard error, and what pairing bought. */
export interface PairedDifference {
  /** The statistic of a and of b. */
  readonly a: number;
  readonly b: number;
  /** The standard errors of a and of b on their own (as two separate runs would report them). */
  readonly standardErrorA: number;
  readonly standardErrorB: number;
  /** a − b, with the standard error of the paired difference. */
  readonly difference: Estimate;
  /**
   * Var(a − b) from independent runs of the same size over Var(a − b) paired: how many times
   * more paths independent runs would need for the same precision. Null where the paired
   * variance is 0 (e.g. a scenario compared with itself).
   */
  readonly varianceReduction: number | null;
}

/** a − b from the variances of the paired difference, of a and of b (those of the estimates, squared standard errors). */
function diff(a: number, b: number, paired: number, varA: number, varB: number, independent = varA + varB): PairedDifference {
  return { a, b, standardErrorA: Math.sqrt(varA), standardErrorB: Math.sqrt(varB), difference: estimate(a - b, Math.sqrt(paired)), varianceReduction: paired > 0 ? independent / paired : null };
}

/** The mean of a and of b and their paired difference. */
export function pairedMean(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let va = 0;
  let vb = 0;
  let vd = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    va += da * da;
    vb += db * db;
    vd += (da - db) * (da - db);
  }
  const k = n > 1 ? 1 / ((n - 1) * n) : 0;
  return diff(ma, mb, vd * k, va * k, vb * k, (va + vb) * k);
}

/** P(a ≥ x) and P(b ≥ x) and their paired difference. */
export function pairedAtLeast(a: ArrayLike<number>, b: ArrayLike<number>, x: number): PairedDifference {
  const n = a.length;
  const ia = new Float64Array(n);
  const ib = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ia[i] = +(a[i]! >= x);
    ib[i] = +(b[i]! >= x);
  }
  return pairedMean(ia, ib);
}

/** Batches for the quantiles' standard errors (batch means over contiguous groups of paths). */
const BATCHES = 20;

/**
 * The p-quantile of a and of b and their difference; standard errors by batch means: the
 * quantile difference in each of 20 contiguous batches, whose spread over √20 estimates the
 * spread of the whole sample's difference (paths are independent, so batches are too).
 */
export function pairedQuantile(a: ArrayLike<number>, b: ArrayLike<number>, p: number): PairedDifference {
  const n = a.length;
  const qa = quantileSorted(Float64Array.from(a).sort(), p);
  const qb = quantileSorted(Float64Array.from(b).sort(), p);
  if (n < 2 * BATCHES) return diff(qa, qb, 0, 0, 0);
  const da: number[] = [];
  const db: number[] = [];
  const dd: number[] = [];
  for (let j = 0; j < BATCHES; j++) {
    const lo = Math.floor((j * n) / BATCHES);
    const hi = Math.floor(((j + 1) * n) / BATCHES);
    const x = quantileSorted(Float64Array.prototype.slice.call(a, lo, hi).sort(), p);
    const y = quantileSorted(Float64Array.prototype.slice.call(b, lo, hi).sort(), p);
    da.push(x);
    db.push(y);
    dd.push(x - y);
  }
  const v = (xs: number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.reduce((s, x) => s + ((x - m) * (x - m)), 0) / (xs.length - 1) / xs.length;
  };
  return diff(qa, qb, v(dd), v(da), v(db));
}
