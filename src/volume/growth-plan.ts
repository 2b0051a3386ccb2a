import { anchoredLogRatio, compiledFormula, logGrowthRatio, logRatio, midpointAdvice, midpointLog, rateFromMidpoint, type GrowthModel } from '../growth/model.js';
import { show } from '../args.js';
import type { Param } from '../random/dist.js';
import { drawPerPath, type StreamSeed } from './draws.js';
import { log, log1p } from '../math/index.js';

/** The growth model's log ratio log(m(t_k)/m(t_0)) per year, shared or per path. */
interface GrowthPlan {
  /** Fills out[i − from] with the log ratio of year index k for block paths i in [from, to). */
  fill(k: number, from: number, to: number, out: Float64Array): void;
}

/**
 * The growth part of the volume kernel for the block paths [first, first + count): parameters
 * drawn per path from their own streams (purpose `['growth', name]`), the log ratio
 * log(m(t_k)/m(t_0)) filled year by year. `v0` is start.volumeMt (the anchor of logistic and
 * Gompertz curves).
 */
export function planGrowth(growth: GrowthModel, years: readonly number[], seed: StreamSeed, first: number, count: number, v0: number): GrowthPlan {
  const t0 = years[0]!;
  const fixedParams = (names: string[], get: (n: string) => Param) => names.every((n) => typeof get(n) === 'number');
  const draws = (name: string, p: Param) => drawPerPath(p, seed, ['growth', name], first, count, new Float64Array(count));
  switch (growth.model) {
    case 'exponential': {
      if (typeof growth.rate === 'number') {
        const lr = log1p(growth.rate);
        return { fill: (k, from, to, out) => out.fill(lr * (years[k]! - t0), 0, to - from) };
      }
      const lr = draws('rate', growth.rate).map(log1p);
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
      // Anchored through (t0, v0) with plateau K (docs/design.md, "Median path"): per path L = ln(K/v0),
      // logC = ln(K/v0 − 1) (logistic) or ln ln(K/v0) (Gompertz), and r drawn or from the midpoint.
      const logistic = growth.model === 'logistic';
      const K = draws('capacityMt', growth.capacityMt);
      const byRate = growth.rate !== undefined;
      const given = byRate ? draws('rate', growth.rate!) : draws('midpointYear', growth.midpointYear!);
      const L = new Float64Array(count);
      const logC = new Float64Array(count);
      const r = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        if (!(K[i]! > v0)) throw new RangeError(`simulateVolumes: growth.capacityMt drew ${K[i]} on path ${first + i}, not above start.volumeMt ${v0}; the anchored ${growth.model} curve needs every draw of capacityMt above the start volume`);
        L[i] = logRatio(K[i]!, v0);
        logC[i] = midpointLog(logistic, K[i]!, v0);
        r[i] = byRate ? given[i]! : rateFromMidpoint(logC[i]!, given[i]!, t0);
        if (!(r[i]! > 0 && r[i]! <= Number.MAX_VALUE)) {
          throw new RangeError(
            byRate
              ? `simulateVolumes: growth.rate drew ${r[i]} on path ${first + i}; it must be > 0`
              : `simulateVolumes: growth.midpointYear drew ${given[i]} on path ${first + i}, which ${midpointAdvice(logistic, t0, v0, logC[i]!)}`,
          );
        }
      }
      if (count > 0 && K.every((x) => x === K[0]) && r.every((x) => x === r[0])) {
        const lr = years.map((t) => anchoredLogRatio(logistic, L[0]!, logC[0]!, r[0]!, t - t0));
        return { fill: (k, from, to, out) => out.fill(lr[k]!, 0, to - from) };
      }
      return {
        fill: (k, from, to, out) => {
          const dt = years[k]! - t0;
          for (let i = from; i < to; i++) out[i - from] = anchoredLogRatio(logistic, L[i]!, logC[i]!, r[i]!, dt);
        },
      };
    }
    case 'expression': {
      const f = compiledFormula(growth);
      const names = Object.keys(growth.params);
      const logOf = (v: number, t: number, where: string) => {
        if (!(v > 0 && v <= Number.MAX_VALUE)) {
          throw new RangeError(`growth.formula: must be positive and finite at every simulated year (got ${show(v)} at t = ${t}${where} for '${growth.formula}')`);
        }
        return log(v);
      };
      if (fixedParams(names, (n) => growth.params[n]!)) {
        const p = growth.params as Readonly<Record<string, number>>;
        const l0 = logOf(f.evaluate(t0, p), t0, '');
        const lr = years.map((t, k) => (k === 0 ? 0 : logOf(f.evaluate(t, p), t, '') - l0));
        return { fill: (k, from, to, out) => out.fill(lr[k]!, 0, to - from) };
      }
      const cols = names.map((n) => draws(n, growth.params[n]!));
      const scope: Record<string, number> = {};
      const logF = (i: number, t: number) => {
        names.forEach((n, j) => (scope[n] = cols[j]![i]!));
        return logOf(f.evaluate(t, scope), t, ` on path ${first + i}`);
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
