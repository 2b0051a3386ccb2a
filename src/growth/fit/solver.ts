import { solveLinear } from '../linear-algebra.js';
import type { ModelSpec } from './specs.js';

// Levenberg–Marquardt with box bounds (projection), Marquardt's diagonal scaling: generic in the
// model (any ModelSpec), least squares on the log volumes.

/** Iterations per start; a fit that needs more is running along a flat valley (see the K → ∞ test). */
const MAX_ITERATIONS = 300;

export interface Problem {
  spec: ModelSpec;
  t: number[];
  y: number[]; // log volumes
  free: number[]; // indices of free parameters
  lo: number[]; // bounds on θ (all parameters)
  hi: number[];
}

export interface Solution {
  theta: number[];
  sse: number;
  iterations: number;
}

function sseOf(p: Problem, theta: readonly number[]): number {
  const g: number[] = [];
  let s = 0;
  for (let i = 0; i < p.t.length; i++) {
    const r = p.y[i]! - p.spec.evaluate(theta, p.t[i]!, g);
    s += r * r;
  }
  return s;
}

/** Jacobian of the model (rows: observations, columns: free parameters) and the residuals. */
export function jacobian(p: Problem, theta: readonly number[]): { J: number[][]; r: number[] } {
  const g: number[] = [];
  const J: number[][] = [];
  const r: number[] = [];
  for (let i = 0; i < p.t.length; i++) {
    r.push(p.y[i]! - p.spec.evaluate(theta, p.t[i]!, g));
    J.push(p.free.map((j) => g[j]!));
  }
  return { J, r };
}

export function normalEquations(J: number[][], r: number[]): { A: number[][]; b: number[] } {
  const m = J[0]?.length ?? 0;
  const A = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const b = new Array<number>(m).fill(0);
  for (let i = 0; i < J.length; i++) {
    const row = J[i]!;
    for (let a = 0; a < m; a++) {
      b[a]! += row[a]! * r[i]!;
      for (let c = 0; c < m; c++) A[a]![c]! += row[a]! * row[c]!;
    }
  }
  return { A, b };
}

function clamp(p: Problem, theta: number[]): number[] {
  return theta.map((x, j) => Math.min(p.hi[j]!, Math.max(p.lo[j]!, x)));
}

export function levenbergMarquardt(p: Problem, start: readonly number[]): Solution {
  let theta = clamp(p, [...start]);
  let sse = sseOf(p, theta);
  let lambda = 1e-3;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    if (p.free.length === 0) break;
    const { J, r } = jacobian(p, theta);
    const { A, b } = normalEquations(J, r);
    let improved = false;
    while (lambda < 1e16) {
      const damped = A.map((row, a) => row.map((x, c) => (a === c ? x + lambda * Math.max(x, 1e-12) : x)));
      let step: number[];
      try {
        step = solveLinear(damped, b);
      } catch {
        lambda *= 10;
        continue;
      }
      const trial = [...theta];
      p.free.forEach((j, a) => (trial[j] = trial[j]! + step[a]!));
      const projected = clamp(p, trial);
      const trialSse = sseOf(p, projected);
      if (Number.isFinite(trialSse) && trialSse < sse) {
        const gain = sse - trialSse;
        const moved = Math.max(...p.free.map((j) => Math.abs(projected[j]! - theta[j]!) / (1 + Math.abs(theta[j]!))));
        theta = projected;
        sse = trialSse;
        lambda = Math.max(lambda / 10, 1e-15);
        improved = true;
        if (gain <= 1e-15 * (sse + 1e-300) || moved < 1e-13) return { theta, sse, iterations: iterations + 1 };
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return { theta, sse, iterations };
}
