import { bestFit } from './starts.js';
import { levenbergMarquardt, type Problem } from './solver.js';
import type { FitModel, FitOptions } from './types.js';
import { exp, log } from '../../math/index.js';

/** χ²₁(0.95): the likelihood-ratio threshold of a 95 % profile range. */
export const CHI2_1_95 = 3.841458820694124;

/**
 * One end of the profile-likelihood 95 % range of the capacity: the K beyond which
 * n·ln(SSE(K)/SSE_min) exceeds χ²₁(0.95) = 3.841, SSE(K) being the best fit of the other
 * parameters with K held. Bisection on log K from the best fit (inside) towards the data's scale
 * (below) or the search bound (above); each profile fit starts from the previous one.
 */
export function capacityProfileBound(
  p: Problem,
  kind: FitModel,
  o: FitOptions,
  v: number[],
  t: number[],
  sseMin: number,
  capIdx: number,
  side: 'lower' | 'upper',
  thetaHat: readonly number[],
): number {
  const n = t.length;
  const q: Problem = { ...p, free: p.free.filter((j) => j !== capIdx) };
  let warm = [...thetaHat];
  const inside = (logK: number): boolean => {
    const fixed = { ...(o.fixed ?? {}), capacityMt: exp(logK) };
    const within = (sse: number) => n * log(sse / sseMin) <= CHI2_1_95;
    let sol = levenbergMarquardt(q, warm.map((x, j) => (j === capIdx ? logK : x)));
    if (!within(sol.sse)) {
      // Before calling K excluded, make sure the warm start did not miss a better fit.
      const fresh = bestFit(kind, q, { ...o, fixed }, v, t);
      if (fresh.sse < sol.sse) sol = fresh;
    }
    const ok = within(sol.sse);
    if (ok) warm = sol.theta;
    return ok;
  };
  const hat = Math.min(thetaHat[capIdx]!, p.hi[capIdx]!);
  let a = hat; // inside
  let b = side === 'lower' ? log(Math.min(...v)) - 5 : p.hi[capIdx]!; // outside
  if (inside(b)) return exp(b);
  for (let i = 0; i < 60 && Math.abs(b - a) > 1e-5; i++) {
    const m = (a + b) / 2;
    if (inside(m)) a = m;
    else b = m;
  }
  return exp(a);
}
