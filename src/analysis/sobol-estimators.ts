/**
 * The variance-based estimators behind {@link sobolIndices} and {@link sobolIndicesOf}, on the
 * outputs of the A, B and AB_i samples (Saltelli et al. 2010, "Variance based sensitivity
 * analysis of model output", Computer Physics Communications 181, table 2):
 *
 *   V    = Var(f(A) ∪ f(B))                                   (population variance of the 2N outputs)
 *   S_i  = mean_j f(B)_j · (f(AB_i)_j − f(A)_j) / V            (first order, Saltelli 2010, (b))
 *   ST_i = mean_j (f(A)_j − f(AB_i)_j)² / (2V)                (total, Jansen 1999, (f))
 *
 * where AB_i is A with factor i taken from B. Uncertainty, for independent (plain Monte Carlo)
 * rows, by the bootstrap over the N rows (resampling j with replacement and recomputing every
 * index, V included): the standard error is the bootstrap standard deviation, the interval the
 * percentile interval ({@link estimateIndices}). For R independently randomised designs
 * (scrambled Sobol replicates, whose rows are not independent) from the replicates' spread: the
 * estimate is the mean of the R replicate estimates, its standard error their sd / √R, the
 * interval mean ± t(R − 1) · SE ({@link replicateIndices}).
 */
import { stream } from '../random/stream.js';
import { estimate, printable, type Estimate } from '../stats/estimate.js';
import { quantileSorted } from '../stats/quantile.js';
import { studentTQuantile } from '../stats/student-t.js';
import { meanVariance } from '../stats/summary.js';

/** An index with its standard error and interval (bootstrap percentile, or t from replicates). */
export interface IndexEstimate extends Estimate {
  readonly lower: number;
  readonly upper: number;
}

/** The first-order and total index of one factor (or group of factors). */
export interface FactorIndices {
  readonly factor: string;
  readonly firstOrder: IndexEstimate;
  readonly total: IndexEstimate;
}

function indices(fA: Float64Array, fB: Float64Array, fAB: Float64Array, rows: Int32Array | null): [number, number, number] {
  const n = fA.length;
  // Pass 1: the mean of the 2N outputs; pass 2: the variance and the two sums, all centred on it
  // (centring changes neither estimator's expectation and keeps the sums well conditioned).
  let mean = 0;
  for (let k = 0; k < n; k++) {
    const j = rows ? rows[k]! : k;
    mean += fA[j]! + fB[j]!;
  }
  mean /= 2 * n;
  let v = 0;
  let first = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const j = rows ? rows[k]! : k;
    const a = fA[j]! - mean;
    const b = fB[j]! - mean;
    const ab = fAB[j]! - mean;
    v += a * a + b * b;
    first += b * (ab - a);
    total += (a - ab) * (a - ab);
  }
  return [v / (2 * n), first / n, total / (2 * n)];
}

function checkVariance(fn: string, variance: number): void {
  if (variance === Infinity || Number.isNaN(variance)) {
    throw new RangeError(`${fn}: the output's variance overflows a double (its squares pass ${Number.MAX_VALUE}); rescale the output (e.g. Mt instead of t, or its logarithm)`);
  }
  if (!(variance > 0)) {
    throw new RangeError(`${fn}: the output does not vary over the samples (variance ${variance}), so no index is defined; choose an output that depends on the factors`);
  }
}

/** Options of the estimators. */
export interface EstimatorOptions {
  /** Bootstrap resamples (1,000 by default). */
  bootstrap: number;
  /** Level of the percentile intervals (0.95 by default). */
  confidence: number;
  /** The seed of the bootstrap's resampling. */
  seed: string;
}

/**
 * First-order and total indices of every factor from the outputs f(A), f(B) and f(AB_i).
 * Throws a RangeError when the output does not vary (the indices are then undefined).
 */
export function estimateIndices(names: readonly string[], fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], o: EstimatorOptions, fn: string): { variance: number; indices: FactorIndices[] } {
  const n = fA.length;
  const point = fAB.map((ab) => indices(fA, fB, ab, null));
  const variance = point[0]?.[0] ?? 0;
  checkVariance(fn, variance);
  const boots = fAB.map(() => ({ first: new Float64Array(o.bootstrap), total: new Float64Array(o.bootstrap) }));
  const rows = new Int32Array(n);
  const u = new Float64Array(n);
  const g = stream(o.seed, ['sobol', 'bootstrap'], 0).generator;
  for (let b = 0; b < o.bootstrap; b++) {
    g.fillUniform(u, 0, n);
    for (let k = 0; k < n; k++) rows[k] = Math.floor(u[k]! * n);
    fAB.forEach((ab, i) => {
      const [v, first, total] = indices(fA, fB, ab, rows);
      // A resample whose outputs are all equal has no variance: count its indices as 0.
      boots[i]!.first[b] = v > 0 ? first / v : 0;
      boots[i]!.total[b] = v > 0 ? total / v : 0;
    });
  }
  const alpha = (1 - o.confidence) / 2;
  const summarise = (value: number, draws: Float64Array): IndexEstimate => {
    const sorted = Float64Array.from(draws).sort();
    let m = 0;
    for (const x of sorted) m += x;
    m /= sorted.length;
    let s = 0;
    for (const x of sorted) s += (x - m) * (x - m);
    const se = sorted.length > 1 ? Math.sqrt(s / (sorted.length - 1)) : 0;
    return printable({ ...estimate(value, se), lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha) });
  };
  return {
    variance,
    indices: names.map((factor, i) => ({
      factor,
      firstOrder: summarise(point[i]![1] / variance, boots[i]!.first),
      total: summarise(point[i]![2] / variance, boots[i]!.total),
    })),
  };
}

/** One replicate's point estimates: the output's variance and each factor's two indices. */
export interface ReplicateIndices {
  variance: number;
  firstOrder: number[];
  total: number[];
}

/**
 * The point estimates of one replicate from its f(A), f(B) and f(AB_i) (no resampling). Throws a
 * RangeError when the replicate's output does not vary.
 */
export function replicateEstimate(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], fn: string): ReplicateIndices {
  const point = fAB.map((ab) => indices(fA, fB, ab, null));
  const variance = point[0]?.[0] ?? 0;
  checkVariance(fn, variance);
  return { variance, firstOrder: point.map((p) => p[1] / variance), total: point.map((p) => p[2] / variance) };
}

/**
 * The indices of every factor from R ≥ 2 independent replicates: the mean of the replicates'
 * estimates, the standard error sd / √R, and the interval mean ± t · SE with t the Student
 * quantile of R − 1 degrees of freedom at (1 + confidence) / 2. The variance is the replicates'
 * mean variance.
 */
export function replicateIndices(names: readonly string[], reps: readonly ReplicateIndices[], confidence: number): { variance: number; indices: FactorIndices[] } {
  const t = studentTQuantile((1 + confidence) / 2, reps.length - 1);
  const summarise = (values: number[]): IndexEstimate => {
    const { mean, standardError } = meanVariance(values);
    return printable({ ...estimate(mean, standardError), lower: mean - t * standardError, upper: mean + t * standardError });
  };
  return {
    variance: meanVariance(reps.map((r) => r.variance)).mean,
    indices: names.map((factor, i) => ({
      factor,
      firstOrder: summarise(reps.map((r) => r.firstOrder[i]!)),
      total: summarise(reps.map((r) => r.total[i]!)),
    })),
  };
}
