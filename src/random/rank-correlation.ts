/**
 * Rank correlation imposed on independent draws by the Iman–Conover method (R. L. Iman and
 * W. J. Conover, "A distribution-free approach to inducing rank correlation among input
 * variables", Commun. Statist. B 11 (1982)): each column keeps exactly its values — its marginal
 * is untouched — and is only rearranged, so that its ranks follow those of normal scores with the
 * wanted correlation. The target is a Spearman matrix; the normal scores get the Pearson
 * correlation 2·sin(π·ρs/6) that gives Spearman ρs for a normal pair.
 */
import { normalQuantile } from '../stats/normal.js';
import type { Xoshiro128 } from './xoshiro128.js';
import { sinpi } from '../math/index.js';

/**
 * The lower Cholesky factor L of a symmetric matrix (A = L·Lᵀ), or null when A is not positive
 * semi-definite. A pivot within `tol` of zero is taken as zero (a semi-definite matrix), its
 * column's residuals then allowed up to √tol.
 */
export function cholesky(a: readonly (readonly number[])[], tol = 1e-10): number[][] | null {
  const k = a.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let d = a[j]![j]!;
    for (let m = 0; m < j; m++) d -= (l[j]![m]! * l[j]![m]!);
    if (d < -tol) return null;
    const ljj = d > tol ? Math.sqrt(d) : 0;
    l[j]![j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i]![j]!;
      for (let m = 0; m < j; m++) s -= l[i]![m]! * l[j]![m]!;
      if (ljj === 0) {
        // A zero pivot: in a PSD matrix the residual s obeys s² <= d_j·d_i <= tol·a_ii.
        if (Math.abs(s) > Math.sqrt(tol * Math.max(1, a[i]![i]!))) return null;
        l[i]![j] = 0;
      } else l[i]![j] = s / ljj;
    }
  }
  return l;
}

/** The Pearson correlation of normal scores that gives a Spearman correlation ρs. */
export const pearsonForSpearman = (rs: number): number => 2 * sinpi(rs / 6);

/**
 * Rearranges the columns (each of length n) in place so that their rank correlation is close to
 * `spearman` (k × k, symmetric, unit diagonal, positive semi-definite). `shuffle` gives each
 * column's random permutation of the scores (one generator per column, so the result depends on
 * the columns' own streams only). Throws a RangeError when the matrix is not positive
 * semi-definite once mapped to normal scores.
 */
export function imposeRankCorrelation(columns: readonly Float64Array[], spearmanTarget: readonly (readonly number[])[], shuffle: readonly Xoshiro128[]): void {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 3) return;
  const target = spearmanTarget.map((row, i) => row.map((r, j) => (i === j ? 1 : pearsonForSpearman(r))));
  const p = cholesky(target);
  if (!p) throw new RangeError('rank correlation: the matrix is not positive semi-definite once mapped to normal scores (2·sin(π·ρ/6)); weaken the correlations');
  // Scores: van der Waerden's Φ⁻¹(i/(n+1)), each column in its own random order.
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = normalQuantile((i + 1) / (n + 1));
  const u = new Float64Array(n);
  const scores = columns.map((_, j) => {
    const s = Float64Array.from(base);
    shuffle[j]!.fillUniform(u, 0, n);
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(u[i]! * (i + 1));
      const t = s[i]!;
      s[i] = s[r]!;
      s[r] = t;
    }
    return s;
  });
  // E = corr(scores) = Q·Qᵀ; T = S·Q⁻ᵀ·Pᵀ has correlation P·Pᵀ = target exactly (in the sample).
  const e = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += scores[a]![i]! * scores[b]![i]!;
    return s;
  }));
  const q = cholesky(e.map((row, a) => row.map((x, b) => x / Math.sqrt(e[a]![a]! * e[b]![b]!))))!;
  // M = Q⁻ᵀ·Pᵀ, so row i of T is (row i of S)·M. Solve Qᵀ·M = Pᵀ by back substitution.
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let r = k - 1; r >= 0; r--) {
      let s = p[c]![r]!; // (Pᵀ)[r][c]
      for (let t = r + 1; t < k; t++) s -= q[t]![r]! * m[t]![c]!;
      m[r]![c] = s / q[r]![r]!;
    }
  }
  const t = Array.from({ length: k }, () => new Float64Array(n));
  const norm = Math.sqrt(e[0]![0]!); // every score column has the same sum of squares
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let r = 0; r < k; r++) s += (scores[r]![i]! / norm) * m[r]![c]!;
      t[c]![i] = s;
    }
  }
  // Give column c the ranks of T's column c.
  const order = new Int32Array(n);
  for (let c = 0; c < k; c++) {
    const col = columns[c]!;
    const sortedValues = Float64Array.from(col).sort();
    const tc = t[c]!;
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => tc[x]! - tc[y]! || x - y);
    for (let r = 0; r < n; r++) col[order[r]!] = sortedValues[r]!;
  }
}
