import { levenbergMarquardt, type Problem, type Solution } from './solver.js';
import type { FitModel, FitOptions, FitParameterName } from './types.js';
import { exp, log } from '../../math/index.js';

// The multi-start search: starting points for each family, and the best of the fits from them.

/** Starting points: the log-linear fit for the slope, then a grid of capacities and rates. */
export function starts(kind: FitModel, p: Problem, o: FitOptions, v: number[], t: number[]): number[][] {
  const n = t.length;
  const tBar = t.reduce((s, x) => s + x, 0) / n;
  const yBar = p.y.reduce((s, x) => s + x, 0) / n;
  let sxy = 0;
  let sxx = 0;
  t.forEach((x, i) => {
    sxy += (x - tBar) * (p.y[i]! - yBar);
    sxx += (x - tBar) * (x - tBar);
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  const last = t[n - 1]!;
  const fixedTheta = (name: FitParameterName, j: number): number | undefined => {
    const f = o.fixed?.[name];
    return f === undefined ? undefined : p.spec.params[j]!.toTheta(f);
  };
  if (kind === 'exponential') {
    const lvl = yBar + slope * (last - tBar);
    return [[fixedTheta('volumeMt', 0) ?? lvl, fixedTheta('rate', 1) ?? slope]];
  }
  const maxV = Math.max(...v);
  const vLast = exp(p.y[n - 1]!);
  const out: number[][] = [];
  const capacityFactors = o.fixed?.capacityMt === undefined ? [1.1, 1.5, 2.5, 5, 20, 200] : [1];
  for (const kf of capacityFactors) {
    for (const rf of [0.5, 1, 2]) {
      const K = o.fixed?.capacityMt ?? maxV * kf;
      const r = Math.max(Math.abs(slope) * rf, 0.05);
      const ratio = Math.max(K / vLast, 1.0001);
      const tm = kind === 'logistic' ? last + log(ratio - 1 > 0 ? ratio - 1 : 1e-4) / r : last + log(Math.max(log(ratio), 1e-4)) / r;
      out.push([fixedTheta('capacityMt', 0) ?? log(K), fixedTheta('rate', 1) ?? log(r), fixedTheta('midpointYear', 2) ?? tm]);
    }
  }
  return out;
}

export function bestFit(kind: FitModel, p: Problem, o: FitOptions, v: number[], t: number[]): Solution {
  let best: Solution | undefined;
  for (const s of starts(kind, p, o, v, t)) {
    const sol = levenbergMarquardt(p, s);
    if (Number.isFinite(sol.sse) && (!best || sol.sse < best.sse)) best = sol;
  }
  if (!best) {
    throw new RangeError(
      `fitGrowth: the ${kind} fit did not converge from any start: its curve overflows a double at every start on these data ` +
        `(volumes from ${Math.min(...v)} to ${Math.max(...v)} Mt over ${t[0]}–${t[t.length - 1]}); fix or bound its parameters, or fit another model`,
    );
  }
  return best;
}
