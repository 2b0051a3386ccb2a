/**
 * The growth part of the volume kernel, from the plan's resolved growth ({@link GrowthRun}, made
 * once by ./resolve.ts): a block's per-path parameters drawn from their own streams (purpose
 * `['growth', name]`) and the log ratio log(m(t_k)/m(t_0)) filled year by year. The run side:
 * it reads plain data and never goes back to the scenario or the growth model.
 */
import { anchoredLogRatio, logRatio, midpointAdvice, midpointLog, rateFromMidpoint } from '../growth/anchored.js';
import { compileFormula, type CompiledFormula } from '../growth/formula.js';
import { show } from '../args.js';
import type { Param } from '../random/dist.js';
import { drawPerPath, type StreamSeed } from './draws.js';
import { log, log1p } from '../math/index.js';

/**
 * A scenario's growth as the kernel runs it (plain data): the log ratio of every year when it is
 * the same on every path, else the model's per-path parameters.
 */
export type GrowthRun =
  | { readonly kind: 'shared'; readonly lr: readonly number[] }
  | { readonly kind: 'exponential'; readonly rate: Param }
  | { readonly kind: 'anchored'; readonly model: 'logistic' | 'gompertz'; readonly capacityMt: Param; readonly rate: Param | null; readonly midpointYear: Param | null }
  | { readonly kind: 'expression'; readonly formula: string; readonly names: readonly string[]; readonly params: readonly Param[] };

/** The growth model's log ratio log(m(t_k)/m(t_0)) per year, shared or per path. */
interface GrowthPlan {
  /** Fills out[i − from] with the log ratio of year index k for block paths i in [from, to). */
  fill(k: number, from: number, to: number, out: Float64Array): void;
}

/** A year's log ratio shared by every path. */
const shared = (lr: readonly number[]): GrowthPlan => ({ fill: (k, from, to, out) => out.fill(lr[k]!, 0, to - from) });

/**
 * An anchored logistic or Gompertz curve's per-path L = ln(K/v0), logC = ln(K/v0 − 1) (logistic)
 * or ln ln(K/v0) (Gompertz) and rate r (drawn, or from the midpoint year), from the draws of K and
 * of the rate or midpoint year (`byRate`) of paths [first, first + count): a RangeError naming the
 * path where a draw does not fit.
 */
function anchoredColumns(model: 'logistic' | 'gompertz', K: Float64Array, given: Float64Array, byRate: boolean, t0: number, v0: number, first: number) {
  const logistic = model === 'logistic';
  const count = K.length;
  const L = new Float64Array(count);
  const logC = new Float64Array(count);
  const r = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (!(K[i]! > v0)) throw new RangeError(`simulateVolumes: growth.capacityMt drew ${K[i]} on path ${first + i}, not above start.volumeMt ${v0}; the anchored ${model} curve needs every draw of capacityMt above the start volume`);
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
  return { L, logC, r };
}

/** The log of a formula's value at year t: a RangeError unless it is positive and finite (`where`: e.g. the path). */
function formulaLog(v: number, t: number, where: string, formula: string): number {
  if (!(v > 0 && v <= Number.MAX_VALUE)) {
    throw new RangeError(`growth.formula: must be positive and finite at every simulated year (got ${show(v)} at t = ${t}${where} for '${formula}')`);
  }
  return log(v);
}

/** Compiled formulas of the runs on this thread, by formula and parameter names (a plan holds only the text). */
const compiled = new Map<string, CompiledFormula>();

/** The formula compiled once per thread (the last 64 kept). */
function compiledOnce(formula: string, names: readonly string[]): CompiledFormula {
  const key = [formula, ...names].join('\u0000');
  let c = compiled.get(key);
  if (c === undefined) {
    if (compiled.size >= 64) compiled.clear();
    compiled.set(key, (c = compileFormula(formula, names)));
  }
  return c;
}

/**
 * The growth of the block paths [first, first + count): its parameters drawn per path, the log
 * ratio filled year by year. `v0` is start.volumeMt (the anchor of logistic and Gompertz curves).
 */
export function growthOfBlock(growth: GrowthRun, years: readonly number[], seed: StreamSeed, first: number, count: number, v0: number): GrowthPlan {
  const t0 = years[0]!;
  const draws = (name: string, p: Param) => drawPerPath(p, seed, ['growth', name], first, count, new Float64Array(count));
  switch (growth.kind) {
    case 'shared':
      return shared(growth.lr);
    case 'exponential': {
      const lr = draws('rate', growth.rate).map(log1p);
      return {
        fill: (k, from, to, out) => {
          const dt = years[k]! - t0;
          for (let i = from; i < to; i++) out[i - from] = lr[i]! * dt;
        },
      };
    }
    case 'anchored': {
      // Anchored through (t0, v0) with plateau K (docs/design.md, "Median path").
      const logistic = growth.model === 'logistic';
      const K = draws('capacityMt', growth.capacityMt);
      const byRate = growth.rate !== null;
      const given = byRate ? draws('rate', growth.rate!) : draws('midpointYear', growth.midpointYear!);
      const { L, logC, r } = anchoredColumns(growth.model, K, given, byRate, t0, v0, first);
      if (count > 0 && K.every((x) => x === K[0]) && r.every((x) => x === r[0])) {
        return shared(years.map((t) => anchoredLogRatio(logistic, L[0]!, logC[0]!, r[0]!, t - t0)));
      }
      return {
        fill: (k, from, to, out) => {
          const dt = years[k]! - t0;
          for (let i = from; i < to; i++) out[i - from] = anchoredLogRatio(logistic, L[i]!, logC[i]!, r[i]!, dt);
        },
      };
    }
    case 'expression': {
      const { formula, names } = growth;
      const f = compiledOnce(formula, names);
      const cols = growth.params.map((p, j) => draws(names[j]!, p));
      const scope: Record<string, number> = {};
      const logF = (i: number, t: number) => {
        names.forEach((n, j) => (scope[n] = cols[j]![i]!));
        return formulaLog(f.evaluate(t, scope), t, ` on path ${first + i}`, formula);
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
