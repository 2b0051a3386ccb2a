/**
 * Latin hypercube sampling of the per-path parameters (`sampling: 'lhs'`): within each stream
 * block the paths fall into replicates of at most 2,048 paths (at least 8 a block), each an
 * independent Latin hypercube of every parameter. The replicates are independent, so the standard
 * error of a mean over paths comes from the spread of the replicate means — honest, where the iid
 * formula would ignore the stratification.
 */
import { estimate, type Estimate } from '../stats/estimate.js';
import { STREAM_BLOCK } from './draws.js';

/** The most paths one Latin hypercube replicate holds. */
export const REPLICATE = 2048;

/** The replicate size within a block of n paths: 2,048, or n/8 rounded up for a smaller block (so at least 8 replicates). */
export const replicateSize = (n: number) => Math.min(REPLICATE, Math.ceil(n / 8));

/** The start of each replicate of a run of `paths` paths, and `paths` at the end. */
export function replicateStarts(paths: number): number[] {
  const out: number[] = [];
  for (let first = 0; first < paths; first += STREAM_BLOCK) {
    const n = Math.min(STREAM_BLOCK, paths - first);
    const m = replicateSize(n);
    for (let lo = 0; lo < n; lo += m) out.push(first + lo);
  }
  out.push(paths);
  return out;
}

/**
 * The mean of f over the paths with its standard error from the replicates (the ratio
 * estimator's: R/(R − 1) · Σ (n_r/N)² (mean_r − mean)², the replicates of unequal size weighted).
 */
export function replicateMean(values: Float64Array, f: (x: number) => number): Estimate {
  const starts = replicateStarts(values.length);
  const N = values.length;
  const R = starts.length - 1;
  const sums = new Float64Array(R);
  let total = 0;
  for (let r = 0; r < R; r++) {
    let s = 0;
    for (let i = starts[r]!; i < starts[r + 1]!; i++) s += f(values[i]!);
    sums[r] = s;
    total += s;
  }
  const mean = total / N;
  if (R < 2) return estimate(mean, 0);
  let v = 0;
  for (let r = 0; r < R; r++) {
    const n = starts[r + 1]! - starts[r]!;
    const d = (n / N) * (sums[r]! / n - mean);
    v += d * d;
  }
  return estimate(mean, Math.sqrt((R / (R - 1)) * v));
}
