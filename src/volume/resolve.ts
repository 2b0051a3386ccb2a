/**
 * The plan side of the volume kernel: a parsed scenario resolved once, before any block runs,
 * into the plain data the kernel reads ({@link VolumeModel}) — each per-path parameter's
 * distribution with its stream purpose, the correlation arrangement (names, purposes, Spearman
 * matrix), and the growth as shared log ratios or the per-path parameters of its curve or
 * formula. A block run reads only this (docs/design.md, "Engine shape"): it never goes back to
 * the scenario, its schema or the growth model.
 */
import { isFixed, piecewiseLog, type GrowthModel } from '../growth/model.js';
import type { Param } from '../random/dist.js';
import { correlationMatrix, perPathParameter } from '../scenario/parameter-paths.js';
import type { Scenario } from '../scenario/types.js';
import { growthOfBlock, type GrowthRun } from './growth-plan.js';

export type { GrowthRun };

/** A parameter drawn per path: its distribution (or number) and the stream purpose it is drawn from. */
export interface PathParam {
  readonly param: Param;
  readonly purpose: readonly string[];
}

/** The correlated parameters of a scenario, resolved: names in order of first mention, their parameters and the Spearman matrix. */
export interface CorrelationRun {
  readonly names: readonly string[];
  readonly params: readonly PathParam[];
  readonly matrix: readonly (readonly number[])[];
}

/**
 * A scenario as the volume kernel runs it, resolved once at plan time (plain data: it travels
 * with the plan to workers, processes and machines). Years are the run's, start year first.
 */
export interface VolumeModel {
  readonly kind: 'volume-model';
  readonly years: readonly number[];
  /** start.volumeMt. */
  readonly v0: number;
  /** The shocks' AR(1) persistence. */
  readonly persistence: number;
  readonly volatility: Param;
  readonly growth: GrowthRun;
  /** The scenario's capacity (base and expansions: numbers or distributions, drawn per path); null when unlimited. */
  readonly capacity: Scenario['capacity'];
  /** The scenario's disruptions (probability and factors drawn per path). */
  readonly disruptions: Scenario['disruptions'];
  /** Null when the scenario has no correlations. */
  readonly correlation: CorrelationRun | null;
}

/** The scenario's growth over `years` as the kernel runs it: shared log ratios whenever every parameter is a number. */
function resolveGrowth(growth: GrowthModel, years: readonly number[], v0: number): GrowthRun {
  const t0 = years[0]!;
  if (growth.model === 'piecewise') {
    // log m(t) − log m(t0), as logGrowthRatio gives it for a parsed (checked) model.
    const l0 = piecewiseLog(growth.points, t0);
    return { kind: 'shared', lr: years.map((t) => piecewiseLog(growth.points, t) - l0) };
  }
  const names = growth.model === 'expression' ? Object.keys(growth.params) : [];
  const run: GrowthRun =
    growth.model === 'exponential'
      ? { kind: 'exponential', rate: growth.rate }
      : growth.model === 'expression'
        ? { kind: 'expression', formula: growth.formula, names, params: names.map((n) => growth.params[n]!) }
        : { kind: 'anchored', model: growth.model, capacityMt: growth.capacityMt, rate: growth.rate ?? null, midpointYear: growth.midpointYear ?? null };
  if (!isFixed(growth)) return run;
  // Every parameter a number: every path's log ratios are path 0's, computed once here by the per-path rule.
  const g = growthOfBlock(run, years, '', 0, 1, v0);
  const out = new Float64Array(1);
  return { kind: 'shared', lr: years.map((_, k) => (g.fill(k, 0, 1, out), out[0]!)) };
}

/**
 * Resolves a parsed scenario for the volume kernel over `years` (the run's, from the start
 * year): what a plan carries, so that a block never resolves it again. A growth whose every
 * parameter is a number is evaluated here, once (a formula or curve that does not fit is the
 * RangeError a block would give).
 */
export function resolveVolume(scenario: Scenario, years: readonly number[]): VolumeModel {
  const v0 = scenario.start.volumeMt;
  const list = scenario.correlations;
  let correlation: CorrelationRun | null = null;
  if (list !== undefined && list.length > 0) {
    const { names, matrix } = correlationMatrix(list);
    correlation = { names, params: names.map((name) => perPathParameter(scenario, name)!), matrix };
  }
  return {
    kind: 'volume-model',
    years: [...years],
    v0,
    persistence: scenario.persistence,
    volatility: scenario.volatility,
    growth: resolveGrowth(scenario.growth, years, v0),
    capacity: scenario.capacity,
    disruptions: scenario.disruptions,
    correlation,
  };
}
