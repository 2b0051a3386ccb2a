// Dense linear algebra for the Levenberg–Marquardt fit (growth/fit/): the normal equations' solve
// and the covariance's inverse, on small square matrices (one row per free parameter). The
// algorithms of mathjs 15's `lusolve` (left-looking LU with partial pivoting) and `inv` (2×2 by
// the determinant, larger by Gauss–Jordan), which the fit used before, with exact zero tests
// instead of mathjs's tolerances; tests check both against mathjs (test/growth/linear-algebra.test.ts).

/** Solves A·x = b (A square, dense, non-singular); throws RangeError if A is singular. */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = a.length;
  if (b.length !== n || a.some((row) => row.length !== n)) throw new RangeError(`solveLinear: A must be square and b as long as A (got ${n} rows, b of ${b.length})`);
  // LU with partial pivoting, column by column (left-looking): P·A = L·U in place.
  const lu = a.map((row) => [...row]);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let j = 0; j < n; j++) {
    if (j > 0) {
      for (let i = 0; i < n; i++) {
        const m = Math.min(i, j);
        let s = 0;
        for (let k = 0; k < m; k++) s += lu[i]![k]! * lu[k]![j]!;
        lu[i]![j]! -= s;
      }
    }
    let pivot = j;
    let largest = 0;
    for (let i = j; i < n; i++) {
      const v = Math.abs(lu[i]![j]!);
      if (v > largest) {
        largest = v;
        pivot = i;
      }
    }
    if (!(largest > 0) || !Number.isFinite(largest)) throw new RangeError(`solveLinear: the system is singular (no pivot in column ${j + 1})`);
    if (pivot !== j) {
      [lu[j], lu[pivot]] = [lu[pivot]!, lu[j]!];
      [perm[j], perm[pivot]] = [perm[pivot]!, perm[j]!];
    }
    const d = lu[j]![j]!;
    for (let i = j + 1; i < n; i++) if (lu[i]![j] !== 0) lu[i]![j]! /= d;
  }
  // Forward substitution L·y = P·b (unit diagonal), then back substitution U·x = y.
  const x = perm.map((p) => b[p]!);
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    if (xj !== 0) for (let i = j + 1; i < n; i++) x[i]! -= xj * lu[i]![j]!;
  }
  for (let j = n - 1; j >= 0; j--) {
    if (x[j] === 0) continue;
    const xj = x[j]! / lu[j]![j]!;
    x[j] = xj;
    for (let i = j - 1; i >= 0; i--) x[i]! -= xj * lu[i]![j]!;
  }
  if (!x.every(Number.isFinite)) throw new RangeError('solveLinear: the system is singular (the solution is not finite)');
  return x;
}

/** The inverse of a square matrix, or null if it is singular (or its inverse not finite). */
export function invert(a: number[][]): number[][] | null {
  const n = a.length;
  if (a.some((row) => row.length !== n)) return null;
  let inv: number[][];
  if (n === 1) {
    const v = a[0]![0]!;
    inv = v === 0 ? [] : [[1 / v]];
  } else if (n === 2) {
    const [[p, q], [r, s]] = a as [[number, number], [number, number]];
    const det = p * s - r * q;
    inv = det === 0 ? [] : [[s / det, -q / det], [-r / det, p / det]];
  } else inv = gaussJordan(a);
  return inv.length === n && inv.every((row) => row.every(Number.isFinite)) ? inv : null;
}

/** Gauss–Jordan elimination with partial pivoting; [] when a column has no pivot. */
function gaussJordan(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const inv = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (let c = 0; c < n; c++) {
    let big = Math.abs(m[c]![c]!);
    let pivot = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(m[r]![c]!) > big) {
        big = Math.abs(m[r]![c]!);
        pivot = r;
      }
    }
    if (big === 0 || Number.isNaN(big)) return [];
    if (pivot !== c) {
      [m[c], m[pivot]] = [m[pivot]!, m[c]!];
      [inv[c], inv[pivot]] = [inv[pivot]!, inv[c]!];
    }
    const mc = m[c]!;
    const ic = inv[c]!;
    for (let r = 0; r < n; r++) {
      const mr = m[r]!;
      const ir = inv[r]!;
      if (r !== c) {
        if (mr[c] === 0) continue;
        const f = -mr[c]! / mc[c]!;
        for (let s = c; s < n; s++) mr[s] = mr[s]! + f * mc[s]!;
        for (let s = 0; s < n; s++) ir[s] = ir[s]! + f * ic[s]!;
      } else {
        const f = mc[c]!;
        for (let s = c; s < n; s++) mr[s] = mr[s]! / f;
        for (let s = 0; s < n; s++) ir[s] = ir[s]! / f;
      }
    }
  }
  return inv;
}
