import { compiledFormula, logGrowthRatio, type FixedGrowthModel, type GrowthModel } from '../growth/model.js';
import type { Param } from '../random/dist.js';
import { drawPerPath } from './draws.js';

/** The growth model's log ratio log(m(t_k)/m(t_0)) per year, shared or per path. */
interface GrowthPlan {
  /** Fills out[i − from] with the log ratio of year index k for block paths i in [from, to). */
  fill(k: number, from: number, to: number, out: Float64Array): void;
}

export function planGrowth(growth: GrowthModel, years: readonly number[], seed: string, first: number, count: number): GrowthPlan {
  const t0 = years[0]!;
  const fixedParams = (names: string[], get: (n: string) => Param) => names.every((n) => typeof get(n) === 'number');
  const draws = (name: string, p: Param) => drawPerPath(p, seed, ['growth', name], first, count, new Float64Array(count));
  switch (growth.model) {
    case 'exponential': {
      if (typeof growth.rate === 'number') {
        const lr = Math.log1p(growth.rate);
        return { fill: (k, from, to, out) => out.fill(lr * (years[k]! - t0), 0, to - from) };
      }
      const lr = draws('rate', growth.rate).map(Math.log1p);
      return {
        fill: (k, from, to, out) => {
          const dt = years[k]! - t0;
          for (let i = from; i < to; i++) out[i - from] = lr[i]! * dt;
        },
      };
    }
    case 'piecewise': {
      const lr = years.map((t) => logGrowthRatio(growth, t0, t));
      return { fill: (k, from, to, out) => out.fill(lr[k]!, 0, to - from) };
    }
    case 'logistic':
    case 'gompertz': {
      const names = ['capacityMt', 'rate', 'midpointYear'] as const;
      if (fixedParams([...names], (n) => growth[n as (typeof names)[number]])) {
        const lr = years.map((t) => logGrowthRatio(growth as FixedGrowthModel, t0, t));
        return { fill: (k, from, to, out) => out.fill(lr[k]!, 0, to - from) };
      }
      const r = draws('rate', growth.rate);
      const tm = draws('midpointYear', growth.midpointYear);
      // K cancels in m(t)/m(t0); it is still drawn, from its own stream, so that adding or
      // removing its uncertainty never shifts other draws.
      draws('capacityMt', growth.capacityMt);
      const logistic = growth.model === 'logistic';
      const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
      return {
        fill: (k, from, to, out) => {
          const t = years[k]!;
          for (let i = from; i < to; i++) {
            const a = -r[i]! * (t0 - tm[i]!);
            const b = -r[i]! * (t - tm[i]!);
            out[i - from] = logistic ? softplus(a) - softplus(b) : Math.exp(a) - Math.exp(b);
          }
        },
      };
    }
    case 'expression': {
      const f = compiledFormula(growth);
      const names = Object.keys(growth.params);
      if (fixedParams(names, (n) => growth.params[n]!)) {
        const lr = years.map((t) => logGrowthRatio(growth as FixedGrowthModel, t0, t));
        return { fill: (k, from, to, out) => out.fill(lr[k]!, 0, to - from) };
      }
      const cols = names.map((n) => draws(n, growth.params[n]!));
      const scope: Record<string, number> = {};
      const logF = (i: number, t: number) => {
        names.forEach((n, j) => (scope[n] = cols[j]![i]!));
        const v = f.evaluate(t, scope);
        if (!(v > 0 && Number.isFinite(v))) {
          throw new RangeError(`growth.formula: must be positive and finite at every simulated year (got ${v} at t = ${t} on path ${first + i} for '${growth.formula}')`);
        }
        return Math.log(v);
      };
      const base = new Float64Array(count);
      for (let i = 0; i < count; i++) base[i] = logF(i, t0);
      return {
        fill: (k, from, to, out) => {
          const t = years[k]!;
          for (let i = from; i < to; i++) out[i - from] = k === 0 ? 0 : logF(i, t) - base[i]!;
        },
      };
    }
  }
}
