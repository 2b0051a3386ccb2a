import { inv, lusolve } from './mathjs.js';

// Dense linear algebra for the Levenberg–Marquardt fit (growth/fit/): the normal equations'
// solve and the covariance's inverse, through mathjs.

/** Solves A·x = b (A square, dense, non-singular); throws RangeError if A is singular. */
export function solveLinear(a: number[][], b: number[]): number[] {
  try {
    const x = lusolve(a, b) as number[][];
    return x.map((row) => row[0]!);
  } catch (e) {
    throw new RangeError(`solveLinear: the system is singular (${(e as Error).message})`);
  }
}

/** The inverse of a square matrix, or null if it is singular. */
export function invert(a: number[][]): number[][] | null {
  try {
    const m = inv(a) as number[][];
    return m.every((row) => row.every(Number.isFinite)) ? m : null;
  } catch {
    return null;
  }
}
