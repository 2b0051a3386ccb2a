/**
 * The random-permutation estimator of Shapley effects (E. Song, B. L. Nelson and J. Staum,
 * "Shapley effects for global sensitivity analysis: theory and computation", SIAM/ASA J.
 * Uncertainty Quantification 4 (2016), Algorithm 1), shared by {@link shapleyEffectsOf} and
 * {@link shapleyEffects}: they supply the cost of a set J of factors, c(J) = E[Var(Y | X₋J)]
 * (estimated from N_o outer draws of the other factors and N_i conditional draws of J each), and
 * the variance of Y; this module walks the permutations and turns the costs into effects.
 *
 * Sh_i = Σ over subsets u ∌ i of |u|!(d − |u| − 1)!/d! · (c(u ∪ {i}) − c(u)) is estimated by the
 * mean over M uniformly random permutations π of the increment c(P_i(π) ∪ {i}) − c(P_i(π)), P_i(π)
 * the factors before i in π, with c(∅) = 0 and c(all) = V̂ = the variance of Y. Each permutation's
 * increments sum to V̂, so the effects sum to V̂ exactly (up to rounding), whatever the noise.
 */
import type { Rng } from '../random/stream.js';
import { estimate, type Estimate } from '../stats/estimate.js';

/** One factor's Shapley effect (in the output's squared units) and its share of the variance. */
export interface ShapleyRow {
  readonly factor: string;
  /** Sh_i, with its standard error (the permutations' spread, and V̂'s own error where i came last). */
  readonly effect: Estimate;
  /** Sh_i / V̂: the shares sum to 1. */
  readonly share: Estimate;
}

/** The sample variance (n − 1) of values, and the standard error of that variance ((m₄ − s⁴)/n, from the sample moments). */
export function varianceOf(y: ArrayLike<number>): Estimate {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (y[i]! - mean) / (i + 1);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (y[i]! - mean) * (y[i]! - mean);
    m2 += d;
    m4 += d * d;
  }
  const s2 = m2 / (n - 1);
  const mu2 = m2 / n;
  return estimate(s2, Math.sqrt(Math.max(0, m4 / n - mu2 * mu2) / n));
}

/** A uniformly random permutation of 0…d−1 (Fisher–Yates on the uniforms of `rng`). */
export function randomPermutation(d: number, rng: Rng): number[] {
  const p = Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const r = Math.floor(rng() * (i + 1));
    const t = p[i]!;
    p[i] = p[r]!;
    p[r] = t;
  }
  return p;
}

/**
 * Shapley effects from M permutations: `cost(m, J)` estimates c(J) for permutation m and the
 * factor indices J (sorted; never empty, never all), `variance` is V̂ with its standard error.
 * The standard error of Sh_i is √(s²_i/M + (L_i/M)²·SE(V̂)²): s²_i the sample variance of i's
 * increments over the permutations (they are independent given V̂) and L_i the permutations where
 * i came last (whose increment carries V̂). The share's error by the delta method likewise.
 */
export function shapleyFromCosts(names: readonly string[], permutations: readonly (readonly number[])[], cost: (m: number, set: readonly number[]) => number, variance: Estimate): ShapleyRow[] {
  const d = names.length;
  const M = permutations.length;
  const inc = names.map(() => new Float64Array(M));
  const last = new Float64Array(d);
  permutations.forEach((pi, m) => {
    let prev = 0;
    for (let j = 0; j < d; j++) {
      const c = j === d - 1 ? variance.estimate : cost(m, pi.slice(0, j + 1).sort((a, b) => a - b));
      inc[pi[j]!]![m] = c - prev;
      prev = c;
    }
    last[pi[d - 1]!]!++;
  });
  const v = variance.estimate;
  const varV = variance.standardError * variance.standardError;
  return names.map((factor, i) => {
    const x = inc[i]!;
    let mean = 0;
    for (let m = 0; m < M; m++) mean += (x[m]! - mean) / (m + 1);
    let ss = 0;
    for (let m = 0; m < M; m++) ss += (x[m]! - mean) * (x[m]! - mean);
    const s2 = M > 1 ? ss / (M - 1) : 0;
    const frac = last[i]! / M;
    // share_i = A_i/V̂ + L_i/M with A_i = Sh_i − V̂·L_i/M: V̂'s error enters through A_i/V̂ only.
    const rest = mean - v * frac;
    const effectSE = Math.sqrt(s2 / M + frac * frac * varV);
    const shareSE = v > 0 ? Math.sqrt(s2 / (M * v * v) + ((rest / v) * (rest / v) * varV) / (v * v)) : 0;
    return { factor, effect: estimate(mean, effectSE), share: estimate(v > 0 ? mean / v : 0, shareSE) };
  });
}
