import type { Observation, ObservationKind } from '../data/volumes.js';
import { finiteNumber, finiteNumbers, oneOf, options as options_, show } from '../args.js';
import { checkFilter, selectObservations } from './observations.js';
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

/**
 * A fit: plain data plus `predict` and `toJSON`.
 *
 * `toJSON()` gives every field but `predict`: `{ kind: 'growth-fit', family, model, anchor,
 * parameters, identified, warnings, years, observedMt, fittedMt, residuals, rmsle, sse, n, k,
 * aic, aicc, iterations }` (numbers, strings, booleans, nulls and arrays of them; a few KB).
 */
export interface GrowthFit {
  readonly kind: 'growth-fit';
  /** The model family fitted. */
  family: FitModel;
  /**
   * The fitted median path in its anchored scenario form: for the exponential `{ rate }`, for the
   * logistic and Gompertz `{ capacityMt: K, rate: r }` (docs/design.md, "Median path"); with
   * `start: anchor` it is a scenario's `growth` that reproduces the fitted path
   * (`growthCurve(fit.model, fit.anchor)` is `fit.predict`). When `identified` is false it is the
   * degenerate limit (the exponential), not an estimate.
   */
  model: FixedGrowthModel;
  /** The fitted curve's value in the last year used (not the observation): the anchor of `model`. */
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
  /**
   * n·ln(max(SSE/n, s²_min)) + 2k (Gaussian log-scale errors). The residual variance is floored at
   * s²_min = (2^-52 · max(1, max |ln v|))², the resolution of the log volumes themselves, so that an
   * exact fit gives a finite AIC (a warning says when the floor is used) instead of −Infinity.
   */
  aic: number;
  /** AIC with the small-sample correction 2k(k+1)/(n−k−1); null when n ≤ k + 1. */
  aicc: number | null;
  /** Levenberg–Marquardt iterations of the best start. */
  iterations: number;
  /** v(year) of the fitted curve, in Mt. */
  predict(year: number): number;
  /** Plain data: every field but `predict` (see the interface's documentation). */
  toJSON(): Omit<GrowthFit, 'predict' | 'toJSON'>;
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
/** The largest log capacity searched: 1 below ln(Number.MAX_VALUE), so K and the curve stay finite. */
const LOG_MAX_CAPACITY = Math.log(Number.MAX_VALUE) - 1;

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
export function fitGrowth(obs: readonly Observation[], kind: FitModel, options: FitOptions = {}): GrowthFit {
  oneOf(FN, 'model', kind, FIT_MODELS);
  const o = checkOptions(options);
  const used = selectObservations(FN, obs, o);
  const t = used.map((x) => x.year);
  const v = used.map((x) => x.volumeMt);
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
  let steepest = 0;
  for (let i = 1; i < n; i++) steepest = Math.max(steepest, Math.abs(y[i]! - y[i - 1]!) / (t[i]! - t[i - 1]!));

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
      if (fixed !== undefined && !(fixed >= bl && fixed <= bh)) {
        throw new RangeError(`fitGrowth: fixed.${s.name} ${fixed} lies outside bounds.${s.name} [${bl}, ${bh}]; give one or the other (a fixed parameter needs no bounds)`);
      }
      lo.push(s.toTheta(bl));
      hi.push(s.toTheta(bh));
      userBound.push('user');
      return;
    }
    userBound.push('none');
    switch (s.name) {
      case 'capacityMt':
        // Never beyond what a double holds (data near 1e300 leave less than e^60 of headroom).
        lo.push(Math.log(maxV) - Math.log(1e3));
        hi.push(Math.min(Math.log(maxV) + LOG_CAPACITY_SEARCH, LOG_MAX_CAPACITY));
        break;
      case 'rate':
        // Wide enough for the steepest step of the data (log growth per year), at least ±20.
        lo.push(kind === 'exponential' ? -Math.max(20, 4 * steepest) : Math.log(1e-4));
        hi.push(kind === 'exponential' ? Math.max(20, 4 * steepest) : Math.log(Math.max(20, 4 * steepest)));
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

  const user = spec.params.map((s, j) => (fixedIdx[j] ? o.fixed![s.name]! : s.toUser(theta[j]!)));
  const g: number[] = [];
  const fittedLog = t.map((ti) => spec.evaluate(theta, ti, g));
  const anchor = { year: lastYear, volumeMt: Math.exp(fittedLog[n - 1]!) };
  // The anchored scenario form: through the fitted value at the last year, plateau K, rate r (the
  // same curve, since an anchored curve through a point of the fitted one is the fitted one).
  const model: FixedGrowthModel = kind === 'exponential' ? { model: 'exponential', rate: user[1]! } : { model: kind, capacityMt: user[0]!, rate: user[1]! };
  const absolute: FixedGrowthModel | null = kind === 'exponential' ? null : { model: kind, capacityMt: user[0]!, rate: user[1]!, midpointYear: user[2]! };
  if (kind !== 'exponential' && !(user[0]! > anchor.volumeMt)) {
    warnings.push(`capacityMt: the fitted curve has reached its capacity (${fmt(user[0]!)} Mt) by ${lastYear} to double precision; \`model\` anchored there is flat`);
  }
  return assemble({
    kind: 'growth-fit',
    family: kind,
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
  }, absolute);
}

type FitCore = Omit<GrowthFit, 'rmsle' | 'n' | 'aic' | 'aicc' | 'predict' | 'toJSON'>;

/**
 * Adds the statistics, the predictor and toJSON to a fit's core. `absolute` is the unanchored
 * logistic/Gompertz curve (K, r, tm) when there is one: the predictor then evaluates the fitted
 * curve itself, else the anchored `model` through `anchor`.
 */
function assemble(core: FitCore, absolute: FixedGrowthModel | null = null): GrowthFit {
  const n = core.years.length;
  const { k, sse } = core;
  // The floor of the residual variance: the resolution of the log volumes (see GrowthFit.aic).
  const scale = Math.max(1, ...core.observedMt.map((x) => Math.abs(Math.log(x))));
  const floor = (Number.EPSILON * scale) ** 2;
  const variance = sse / n;
  const warnings = [...core.warnings];
  if (!(variance >= floor)) warnings.push(`the fit is exact to double precision (SSE ${variance * n}): aic uses the floor ${floor.toPrecision(3)} for the residual variance`);
  const aic = n * Math.log(Math.max(variance, floor)) + 2 * k;
  const curve = growthCurve(absolute ?? core.model, absolute ? undefined : core.anchor);
  const data: Omit<GrowthFit, 'predict' | 'toJSON'> = {
    ...core,
    warnings,
    rmsle: Math.sqrt(variance),
    n,
    aic,
    aicc: n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : null,
  };
  const fit: GrowthFit = {
    ...data,
    predict: (year: number) => {
      if (typeof year !== 'number') throw new TypeError(`fitGrowth: predict(year): year must be a finite number (got ${show(year)})`);
      return curve(year);
    },
    toJSON: () => JSON.parse(JSON.stringify(data)) as typeof data,
  };
  return fit;
}

const FN = 'fitGrowth';
const FIT_MODELS: readonly FitModel[] = ['exponential', 'logistic', 'gompertz'];
const PARAMETER_NAMES: readonly FitParameterName[] = ['volumeMt', 'rate', 'capacityMt', 'midpointYear'];

/** The options as a closed record, every value of the right kind (values are checked per model later). */
function checkOptions(options: unknown): FitOptions {
  const o = options_<FitOptions>(FN, options, ['from', 'through', 'kinds', 'fixed', 'bounds']);
  checkFilter(FN, o);
  const record = (name: 'fixed' | 'bounds') => {
    const r = o[name];
    if (r === undefined) return;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new TypeError(`${FN}: ${name} must be an object keyed by parameter name (got ${show(r)})`);
    for (const [key, x] of Object.entries(r)) {
      if (!PARAMETER_NAMES.includes(key as FitParameterName)) continue; // refused per model, naming its parameters
      if (name === 'fixed') finiteNumber(FN, `fixed.${key}`, x);
      else {
        if (!Array.isArray(x) || x.length !== 2) throw new TypeError(`${FN}: bounds.${key} must be [lower, upper] (got ${show(x)})`);
        finiteNumbers(FN, `bounds.${key}`, x);
      }
    }
  };
  record('fixed');
  record('bounds');
  return o;
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
    kind: 'growth-fit',
    family: kind,
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
  if (!best) {
    throw new RangeError(
      `fitGrowth: the ${kind} fit did not converge from any start: its curve overflows a double at every start on these data ` +
        `(volumes from ${Math.min(...v)} to ${Math.max(...v)} Mt over ${t[0]}–${t[t.length - 1]}); fix or bound its parameters, or fit another model`,
    );
  }
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
