import type { Observation, ObservationKind } from '../data/volumes.js';
import { growthCurve, type FixedGrowthModel, type YearVolume } from './model.js';
import { invert, solveLinear } from './mathjs.js';

/** The models {@link fitGrowth} fits. */
export type FitModel = 'exponential' | 'logistic' | 'gompertz';

/** Parameter names of each fitted model, in user units. */
export type FitParameterName = 'volumeMt' | 'rate' | 'capacityMt' | 'midpointYear';

/** Options of {@link fitGrowth}. */
export interface FitOptions {
  /** First year used (inclusive). */
  from?: number;
  /** Last year used (inclusive), e.g. 2024 to fit on the record through 2024 only. */
  through?: number;
  /** Kinds of observation used; `['reported']` by default (outturns only: forecasts and targets are not data). */
  kinds?: readonly ObservationKind[];
  /** Parameters held at a value, e.g. `{ capacityMt: 10 }`. */
  fixed?: Partial<Record<FitParameterName, number>>;
  /** Bounds [lower, upper] on parameters, e.g. `{ capacityMt: [5, 30] }` (a prior range). */
  bounds?: Partial<Record<FitParameterName, readonly [number, number]>>;
}

/** One fitted parameter. */
export interface FitParameter {
  name: FitParameterName;
  /** The least-squares estimate; null when the data do not identify it (see `warnings`). */
  estimate: number | null;
  /** Asymptotic standard error from the Jacobian (s²(JᵀJ)⁻¹, delta method to user units); null when fixed or not identified. */
  standardError: number | null;
  fixed: boolean;
  identified: boolean;
  /** Set when the estimate sits on a bound (the user's, or the search range's). */
  atBound?: 'lower' | 'upper';
  /**
   * For a capacity the data do not bound from above: the smallest value consistent with them at
   * 95 % (profile likelihood ratio, χ²₁ = 3.841).
   */
  lowerBound95?: number;
  /** The largest capacity consistent with the data at 95 % (profile likelihood); null when they do not bound it from above. */
  upperBound95?: number | null;
}

/** A fit: plain data (JSON-serialisable) plus `predict`. */
export interface GrowthFit {
  kind: FitModel;
  /** The fitted median path, usable as a scenario's `growth`. When `identified` is false it is the degenerate limit at the search bound, not an estimate. */
  model: FixedGrowthModel;
  /** The fitted value in the last year used: with `model`, it fixes the curve. */
  anchor: YearVolume;
  parameters: FitParameter[];
  /** False when a parameter is not identified by the data (e.g. a capacity that runs off to infinity). */
  identified: boolean;
  warnings: string[];
  years: number[];
  observedMt: number[];
  fittedMt: number[];
  /** log(observed) − log(fitted), per year. */
  residuals: number[];
  /** Root mean squared log error: √(Σ residual² / n). */
  rmsle: number;
  /** Residual sum of squares on the log scale. */
  sse: number;
  n: number;
  /** Number of estimated parameters plus one for the residual variance. */
  k: number;
  /** n·ln(SSE/n) + 2k (Gaussian log-scale errors). */
  aic: number;
  /** AIC with the small-sample correction 2k(k+1)/(n−k−1); null when n ≤ k + 1. */
  aicc: number | null;
  /** Levenberg–Marquardt iterations of the best start. */
  iterations: number;
  /** v(year) of the fitted curve, in Mt. */
  predict(year: number): number;
}

// ---------------------------------------------------------------------------------------------
// Model specifications in internal coordinates θ (log scale for positive parameters).

interface ParamSpec {
  name: FitParameterName;
  /** θ → user value. */
  toUser(theta: number): number;
  /** user value → θ. */
  toTheta(value: number): number;
  /** d(user)/dθ at θ. */
  dUser(theta: number): number;
  /** Allowed user values (open at 0 for positive ones). */
  check(value: number): string | null;
}

const positive = (name: FitParameterName): ParamSpec => ({
  name,
  toUser: Math.exp,
  toTheta: Math.log,
  dUser: Math.exp,
  check: (v) => (v > 0 && Number.isFinite(v) ? null : 'must be > 0'),
});
const growthRate: ParamSpec = {
  name: 'rate',
  toUser: Math.expm1,
  toTheta: Math.log1p,
  dUser: Math.exp,
  check: (v) => (v > -1 && Number.isFinite(v) ? null : 'must be > -1'),
};
const yearParam: ParamSpec = {
  name: 'midpointYear',
  toUser: (x) => x,
  toTheta: (x) => x,
  dUser: () => 1,
  check: (v) => (Number.isFinite(v) ? null : 'must be finite'),
};

interface ModelSpec {
  params: ParamSpec[];
  /** log v(t) and its gradient in θ. */
  evaluate(theta: readonly number[], t: number, grad: number[]): number;
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function specOf(kind: FitModel, anchorYear: number): ModelSpec {
  switch (kind) {
    case 'exponential':
      // θ = (log v(anchorYear), log(1 + rate))
      return {
        params: [positive('volumeMt'), growthRate],
        evaluate(th, t, g) {
          g[0] = 1;
          g[1] = t - anchorYear;
          return th[0]! + th[1]! * (t - anchorYear);
        },
      };
    case 'logistic':
      // θ = (log K, log r, tm): log v = log K − softplus(−r(t − tm))
      return {
        params: [positive('capacityMt'), positive('rate'), yearParam],
        evaluate(th, t, g) {
          const r = Math.exp(th[1]!);
          const d = t - th[2]!;
          const s = sigmoid(-r * d);
          g[0] = 1;
          g[1] = s * d * r;
          g[2] = -s * r;
          return th[0]! - softplus(-r * d);
        },
      };
    case 'gompertz':
      // θ = (log K, log r, tm): log v = log K − exp(−r(t − tm))
      return {
        params: [positive('capacityMt'), positive('rate'), yearParam],
        evaluate(th, t, g) {
          const r = Math.exp(th[1]!);
          const d = t - th[2]!;
          const e = Math.exp(-r * d);
          g[0] = 1;
          g[1] = e * d * r;
          g[2] = -e * r;
          return th[0]! - e;
        },
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Levenberg–Marquardt with box bounds (projection), Marquardt's diagonal scaling.

interface Problem {
  spec: ModelSpec;
  t: number[];
  y: number[]; // log volumes
  free: number[]; // indices of free parameters
  lo: number[]; // bounds on θ (all parameters)
  hi: number[];
}

interface Solution {
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
function jacobian(p: Problem, theta: readonly number[]): { J: number[][]; r: number[] } {
  const g: number[] = [];
  const J: number[][] = [];
  const r: number[] = [];
  for (let i = 0; i < p.t.length; i++) {
    r.push(p.y[i]! - p.spec.evaluate(theta, p.t[i]!, g));
    J.push(p.free.map((j) => g[j]!));
  }
  return { J, r };
}

function normalEquations(J: number[][], r: number[]): { A: number[][]; b: number[] } {
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

function levenbergMarquardt(p: Problem, start: readonly number[]): Solution {
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

// ---------------------------------------------------------------------------------------------

const CHI2_1_95 = 3.841458820694124;
/** Iterations per start; a fit that needs more is running along a flat valley (see the K → ∞ test). */
const MAX_ITERATIONS = 300;
/**
 * How far above the largest observation (in log units) the search for a capacity goes before
 * calling it unbounded: e^60. The Gompertz curve approaches the exponential only as log K grows
 * like (growth rate)/r, so the search must go far to reach the exponential's RMSLE.
 */
const LOG_CAPACITY_SEARCH = 60;

function selectObservations(obs: readonly Observation[], o: FitOptions): { t: number[]; v: number[] } {
  const kinds = o.kinds ?? ['reported'];
  const used = obs
    .filter((x) => kinds.includes(x.kind))
    .filter((x) => (o.from === undefined || x.year >= o.from) && (o.through === undefined || x.year <= o.through))
    .sort((a, b) => a.year - b.year);
  for (let i = 0; i < used.length; i++) {
    const x = used[i]!;
    if (!Number.isFinite(x.year)) throw new RangeError(`fitGrowth: observations[${i}].year must be finite (got ${x.year})`);
    if (!(x.volumeMt > 0 && Number.isFinite(x.volumeMt))) throw new RangeError(`fitGrowth: the ${x.year} observation has volumeMt ${x.volumeMt}; a log-scale fit needs volumes > 0`);
    if (i > 0 && used[i - 1]!.year === x.year) {
      throw new RangeError(`fitGrowth: two observations for ${x.year} of the kinds used (${kinds.join(', ')}); keep one per year`);
    }
  }
  return { t: used.map((x) => x.year), v: used.map((x) => x.volumeMt) };
}

/**
 * Least-squares fit of a growth model to log volumes (Levenberg–Marquardt, several starts),
 * with parameter standard errors from the Jacobian, RMSLE, AIC and AICc.
 *
 * The data may not identify every parameter: on the 2019–2025 record the best logistic and
 * Gompertz fits run off to an unbounded capacity and degenerate to the exponential (RMSLE ≈ 0.312
 * for all three). The fit then says so — `identified: false`, the capacity's `estimate` null, a
 * warning naming it, and the smallest capacity the data allow (`lowerBound95`) — instead of
 * presenting a huge K. Fix the capacity (`fixed: { capacityMt: 10 }`) or bound it
 * (`bounds: { capacityMt: [5, 30] }`) to fit the rest.
 *
 * @example
 * const fit = fitGrowth(TITR_VOLUMES, 'exponential');
 * fit.parameters[1] // => { name: 'rate', estimate: 0.43514…, standardError: 0.10015…, … }
 * fit.rmsle          // => 0.31210…
 */
export function fitGrowth(obs: readonly Observation[], kind: FitModel, o: FitOptions = {}): GrowthFit {
  if (kind !== 'exponential' && kind !== 'logistic' && kind !== 'gompertz') {
    throw new TypeError(`fitGrowth: model must be 'exponential', 'logistic' or 'gompertz' (got ${JSON.stringify(kind)})`);
  }
  const { t, v } = selectObservations(obs, o);
  const y = v.map(Math.log);
  const n = t.length;
  const lastYear = t[n - 1] ?? NaN;
  const spec = specOf(kind, lastYear);
  const names = spec.params.map((s) => s.name);
  for (const key of [...Object.keys(o.fixed ?? {}), ...Object.keys(o.bounds ?? {})]) {
    if (!names.includes(key as FitParameterName)) {
      throw new RangeError(`fitGrowth: ${kind} has no parameter '${key}' (its parameters: ${names.join(', ')})`);
    }
  }
  const fixedIdx = spec.params.map((s) => o.fixed?.[s.name] !== undefined);
  const free = spec.params.map((_, j) => j).filter((j) => !fixedIdx[j]);
  if (n < free.length + 1) {
    throw new RangeError(`fitGrowth: ${kind} with ${free.length} free parameters needs at least ${free.length + 1} observations (got ${n})`);
  }
  const maxV = Math.max(...v);

  // Bounds on θ: the user's, else a search range.
  const lo: number[] = [];
  const hi: number[] = [];
  const userBound: ('none' | 'user')[] = [];
  spec.params.forEach((s) => {
    const b = o.bounds?.[s.name];
    const fixed = o.fixed?.[s.name];
    if (fixed !== undefined) {
      const err = s.check(fixed);
      if (err) throw new RangeError(`fitGrowth: fixed.${s.name} ${err} (got ${fixed})`);
    }
    if (b) {
      const [bl, bh] = b;
      const e1 = s.check(bl);
      const e2 = s.check(bh);
      if (e1 || e2) throw new RangeError(`fitGrowth: bounds.${s.name}: each bound ${e1 ?? e2} (got [${bl}, ${bh}])`);
      if (!(bl <= bh)) throw new RangeError(`fitGrowth: bounds.${s.name} must be [lower, upper] with lower <= upper (got [${bl}, ${bh}])`);
      lo.push(s.toTheta(bl));
      hi.push(s.toTheta(bh));
      userBound.push('user');
      return;
    }
    userBound.push('none');
    switch (s.name) {
      case 'capacityMt':
        lo.push(Math.log(maxV * 1e-3));
        hi.push(Math.log(maxV) + LOG_CAPACITY_SEARCH);
        break;
      case 'rate':
        lo.push(kind === 'exponential' ? -20 : Math.log(1e-4));
        hi.push(kind === 'exponential' ? 20 : Math.log(20));
        break;
      case 'midpointYear':
        lo.push(t[0]! - 500);
        hi.push(lastYear + 500);
        break;
      default:
        lo.push(-Infinity);
        hi.push(Infinity);
    }
  });
  const problem: Problem = { spec, t, y, free, lo, hi };

  const best = bestFit(kind, problem, o, v, t);
  const capIdx = names.indexOf('capacityMt');
  const capFree = capIdx >= 0 && !fixedIdx[capIdx];
  const warnings: string[] = [];

  // The exponential is the K → ∞ limit of both the logistic and the Gompertz family. When nothing
  // but the data constrains them and no finite capacity fits better than that limit, the least-
  // squares optimum is the limit itself: the capacity is not identified.
  let limitSse: number | undefined;
  let exponentialLimit: GrowthFit | undefined;
  const free3 = capFree && free.length === 3 && o.bounds?.capacityMt === undefined;
  if (free3) {
    exponentialLimit = fitGrowth(obs, 'exponential', { ...pick(o), fixed: {}, bounds: {} });
    limitSse = exponentialLimit.sse;
  }
  if (exponentialLimit && limitSse !== undefined && best.sse >= limitSse * (1 - 1e-6)) {
    const lowerBound95 = capacityProfileBound(problem, kind, o, v, t, limitSse, capIdx, 'lower', best.theta);
    return degenerateFit(kind, exponentialLimit, lowerBound95, free.length + 1, best.iterations);
  }

  const theta = best.theta;
  const sse = best.sse;
  const onBound = spec.params.map((_, j): 'lower' | 'upper' | undefined => {
    if (fixedIdx[j]) return undefined;
    const span = Math.max(1e-9, 1e-6 * Math.abs(hi[j]! - lo[j]!));
    if (theta[j]! >= hi[j]! - span) return 'upper';
    if (theta[j]! <= lo[j]! + span) return 'lower';
    return undefined;
  });
  spec.params.forEach((s, j) => {
    const which = onBound[j];
    if (!which) return;
    const at = fmt(s.toUser(which === 'upper' ? hi[j]! : lo[j]!));
    warnings.push(
      userBound[j] === 'user'
        ? `${s.name}: the estimate sits on its ${which} bound (${at}); the data push it further, so it is not an estimate`
        : `${s.name}: the estimate sits on the ${which} end of the search range (${at}); it is not identified by the data`,
    );
  });

  // A profile-likelihood 95 % range for a free capacity (the Wald interval is poor for K).
  let lowerBound95: number | undefined;
  let upperBound95: number | null | undefined;
  if (free3 && !onBound[capIdx] && limitSse !== undefined) {
    lowerBound95 = capacityProfileBound(problem, kind, o, v, t, sse, capIdx, 'lower', theta);
    upperBound95 = n * Math.log(limitSse / sse) <= CHI2_1_95 ? null : capacityProfileBound(problem, kind, o, v, t, sse, capIdx, 'upper', theta);
    if (upperBound95 === null) {
      warnings.push(
        `capacityMt: bounded by the data only from below — any capacity above ${fmt(lowerBound95)} Mt fits within the 95 % likelihood-ratio threshold, ` +
          'up to unbounded growth; treat the point estimate with care',
      );
    }
  }

  // Standard errors: s² (JᵀJ)⁻¹ over the free parameters not on a bound, delta method to user units.
  const seFree = free.filter((j) => !onBound[j]);
  const se = new Map<number, number>();
  const dof = n - free.length;
  if (seFree.length > 0 && dof > 0) {
    const { J } = jacobian({ ...problem, free: seFree }, theta);
    const { A } = normalEquations(J, new Array<number>(n).fill(0));
    const cov = invert(A);
    const s2 = sse / dof;
    if (cov) {
      seFree.forEach((j, a) => {
        const value = Math.abs(spec.params[j]!.dUser(theta[j]!)) * Math.sqrt(Math.max(cov[a]![a]! * s2, 0));
        if (Number.isFinite(value)) se.set(j, value);
      });
    } else {
      warnings.push('the Jacobian is singular at the optimum: no standard errors (the parameters are not separately identified)');
    }
  }

  const parameters: FitParameter[] = spec.params.map((s, j) => {
    const identified = fixedIdx[j] || !onBound[j];
    const p: FitParameter = {
      name: s.name,
      estimate: fixedIdx[j] ? o.fixed![s.name]! : identified ? s.toUser(theta[j]!) : null,
      standardError: se.get(j) ?? null,
      fixed: fixedIdx[j]!,
      identified,
    };
    const b = onBound[j];
    if (b) p.atBound = b;
    if (j === capIdx && lowerBound95 !== undefined) p.lowerBound95 = lowerBound95;
    if (j === capIdx && upperBound95 !== undefined) p.upperBound95 = upperBound95;
    return p;
  });

  const user = spec.params.map((s, j) => s.toUser(theta[j]!));
  const model: FixedGrowthModel =
    kind === 'exponential'
      ? { model: 'exponential', rate: user[1]! }
      : { model: kind, capacityMt: user[0]!, rate: user[1]!, midpointYear: user[2]! };
  const g: number[] = [];
  const fittedLog = t.map((ti) => spec.evaluate(theta, ti, g));
  const anchor = { year: lastYear, volumeMt: Math.exp(fittedLog[n - 1]!) };
  return assemble({
    kind,
    model,
    anchor,
    parameters,
    identified: parameters.every((p) => p.identified),
    warnings,
    years: t,
    observedMt: v,
    fittedMt: fittedLog.map(Math.exp),
    residuals: y.map((yi, i) => yi - fittedLog[i]!),
    sse,
    k: free.length + 1,
    iterations: best.iterations,
  });
}

type FitCore = Omit<GrowthFit, 'rmsle' | 'n' | 'aic' | 'aicc' | 'predict'>;

/** Adds the statistics and the predictor to a fit's core. */
function assemble(core: FitCore): GrowthFit {
  const n = core.years.length;
  const { k, sse } = core;
  const aic = n * Math.log(sse / n) + 2 * k;
  return {
    ...core,
    rmsle: Math.sqrt(sse / n),
    n,
    aic,
    aicc: n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : null,
    predict: growthCurve(core.model, core.anchor),
  };
}

/** Only the observation filters of the options. */
function pick(o: FitOptions): FitOptions {
  const out: FitOptions = {};
  if (o.from !== undefined) out.from = o.from;
  if (o.through !== undefined) out.through = o.through;
  if (o.kinds !== undefined) out.kinds = o.kinds;
  return out;
}

/**
 * A logistic or Gompertz fit whose optimum is the K → ∞ limit: the curve is the exponential
 * limit, the capacity (and the midpoint, and for the Gompertz the rate) are not estimated.
 */
function degenerateFit(kind: FitModel, limit: GrowthFit, lowerBound95: number, k: number, iterations: number): GrowthFit {
  const rate = limit.parameters.find((p) => p.name === 'rate')!;
  const growth = rate.estimate!;
  // The logistic's rate tends to log(1 + growth) as K → ∞; the Gompertz's tends to 0.
  const logisticRate = Math.log1p(growth);
  const rateParam: FitParameter =
    kind === 'logistic'
      ? { name: 'rate', estimate: logisticRate, standardError: rate.standardError === null ? null : rate.standardError / (1 + growth), fixed: false, identified: true }
      : { name: 'rate', estimate: null, standardError: null, fixed: false, identified: false };
  const parameters: FitParameter[] = [
    { name: 'capacityMt', estimate: null, standardError: null, fixed: false, identified: false, lowerBound95 },
    rateParam,
    { name: 'midpointYear', estimate: null, standardError: null, fixed: false, identified: false },
  ];
  const warnings = [
    `capacityMt: not identified by the data — the least-squares ${kind} fit runs off to an unbounded capacity and degenerates to exponential growth ` +
      `of ${fmt(100 * growth)} %/yr (RMSLE ${fmt(limit.rmsle)}, as for the exponential); any capacity above ${fmt(lowerBound95)} Mt fits within the ` +
      `95 % likelihood-ratio threshold. Fix it (fixed: { capacityMt }) or bound it (bounds: { capacityMt: [lower, upper] }) to fit the rest; ` +
      '`model` is the exponential limit.',
    kind === 'logistic'
      ? 'midpointYear: not identified (it runs off with the capacity)'
      : 'rate, midpointYear: not identified (the Gompertz rate tends to 0 and the midpoint to infinity as the capacity runs off)',
  ];
  return assemble({
    kind,
    model: limit.model,
    anchor: limit.anchor,
    parameters,
    identified: false,
    warnings,
    years: limit.years,
    observedMt: limit.observedMt,
    fittedMt: limit.fittedMt,
    residuals: limit.residuals,
    sse: limit.sse,
    k,
    iterations,
  });
}

function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/** Starting points: the log-linear fit for the slope, then a grid of capacities and rates. */
function starts(kind: FitModel, p: Problem, o: FitOptions, v: number[], t: number[]): number[][] {
  const n = t.length;
  const tBar = t.reduce((s, x) => s + x, 0) / n;
  const yBar = p.y.reduce((s, x) => s + x, 0) / n;
  let sxy = 0;
  let sxx = 0;
  t.forEach((x, i) => {
    sxy += (x - tBar) * (p.y[i]! - yBar);
    sxx += (x - tBar) ** 2;
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
  const vLast = Math.exp(p.y[n - 1]!);
  const out: number[][] = [];
  const capacityFactors = o.fixed?.capacityMt === undefined ? [1.1, 1.5, 2.5, 5, 20, 200] : [1];
  for (const kf of capacityFactors) {
    for (const rf of [0.5, 1, 2]) {
      const K = o.fixed?.capacityMt ?? maxV * kf;
      const r = Math.max(Math.abs(slope) * rf, 0.05);
      const ratio = Math.max(K / vLast, 1.0001);
      const tm = kind === 'logistic' ? last + Math.log(ratio - 1 > 0 ? ratio - 1 : 1e-4) / r : last + Math.log(Math.max(Math.log(ratio), 1e-4)) / r;
      out.push([fixedTheta('capacityMt', 0) ?? Math.log(K), fixedTheta('rate', 1) ?? Math.log(r), fixedTheta('midpointYear', 2) ?? tm]);
    }
  }
  return out;
}

function bestFit(kind: FitModel, p: Problem, o: FitOptions, v: number[], t: number[]): Solution {
  let best: Solution | undefined;
  for (const s of starts(kind, p, o, v, t)) {
    const sol = levenbergMarquardt(p, s);
    if (Number.isFinite(sol.sse) && (!best || sol.sse < best.sse)) best = sol;
  }
  if (!best) throw new RangeError(`fitGrowth: the ${kind} fit did not converge from any start`);
  return best;
}

/**
 * One end of the profile-likelihood 95 % range of the capacity: the K beyond which
 * n·ln(SSE(K)/SSE_min) exceeds χ²₁(0.95) = 3.841, SSE(K) being the best fit of the other
 * parameters with K held. Bisection on log K from the best fit (inside) towards the data's scale
 * (below) or the search bound (above); each profile fit starts from the previous one.
 */
function capacityProfileBound(
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
    const fixed = { ...(o.fixed ?? {}), capacityMt: Math.exp(logK) };
    const within = (sse: number) => n * Math.log(sse / sseMin) <= CHI2_1_95;
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
  let b = side === 'lower' ? Math.log(Math.min(...v)) - 5 : p.hi[capIdx]!; // outside
  if (inside(b)) return Math.exp(b);
  for (let i = 0; i < 60 && Math.abs(b - a) > 1e-5; i++) {
    const m = (a + b) / 2;
    if (inside(m)) a = m;
    else b = m;
  }
  return Math.exp(a);
}
