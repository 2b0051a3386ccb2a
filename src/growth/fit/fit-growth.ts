import type { Observation } from '../../data/volumes.js';
import { finiteNumber, finiteNumbers, oneOf, options, show } from '../../args.js';
import { checkFilter, selectObservations } from '../observations.js';
import type { FixedGrowthModel } from '../model.js';
import { invert } from '../linear-algebra.js';
import { boundsReached, degenerateFit, fmt } from './identification.js';
import { capacityProfileBound, CHI2_1_95 } from './profile.js';
import { assemble } from './result.js';
import { jacobian, normalEquations, type Problem } from './solver.js';
import { specOf } from './specs.js';
import { bestFit } from './starts.js';
import type { FitModel, FitOptions, FitParameter, FitParameterName, GrowthFit } from './types.js';
import { exp, log } from '../../math/index.js';

/**
 * How far above the largest observation (in log units) the search for a capacity goes before
 * calling it unbounded: e^60. The Gompertz curve approaches the exponential only as log K grows
 * like (growth rate)/r, so the search must go far to reach the exponential's RMSLE.
 */
const LOG_CAPACITY_SEARCH = 60;
/** The largest log capacity searched: 1 below ln(Number.MAX_VALUE), so K and the curve stay finite. */
const LOG_MAX_CAPACITY = log(Number.MAX_VALUE) - 1;

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
  const y = v.map(log);
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
        lo.push(log(maxV) - log(1e3));
        hi.push(Math.min(log(maxV) + LOG_CAPACITY_SEARCH, LOG_MAX_CAPACITY));
        break;
      case 'rate':
        // Wide enough for the steepest step of the data (log growth per year), at least ±20.
        lo.push(kind === 'exponential' ? -Math.max(20, 4 * steepest) : log(1e-4));
        hi.push(kind === 'exponential' ? Math.max(20, 4 * steepest) : log(Math.max(20, 4 * steepest)));
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
  const onBound = boundsReached(spec, fixedIdx, theta, lo, hi, userBound, warnings);

  // A profile-likelihood 95 % range for a free capacity (the Wald interval is poor for K).
  let lowerBound95: number | undefined;
  let upperBound95: number | null | undefined;
  if (free3 && !onBound[capIdx] && limitSse !== undefined) {
    lowerBound95 = capacityProfileBound(problem, kind, o, v, t, sse, capIdx, 'lower', theta);
    upperBound95 = n * log(limitSse / sse) <= CHI2_1_95 ? null : capacityProfileBound(problem, kind, o, v, t, sse, capIdx, 'upper', theta);
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
  const anchor = { year: lastYear, volumeMt: exp(fittedLog[n - 1]!) };
  // A capacity the user fixed or bounded at or below the largest observation: no curve of the
  // family passes through the data (each stays below K), so the fit is pressed against a ceiling
  // the data contradict. Said so (identified false, a warning), and the anchor kept below K so
  // that `model` with `start: anchor` still parses (a curve starts below its plateau).
  const ceiling = capIdx >= 0 && (fixedIdx[capIdx] || userBound[capIdx] === 'user') && !(user[capIdx]! > maxV);
  if (ceiling) {
    warnings.push(
      `capacityMt: the ${fixedIdx[capIdx] ? 'fixed capacity' : 'capacity, held by bounds.capacityMt,'} ${fmt(user[capIdx]!)} Mt is at or below the largest observation (${fmt(maxV)} Mt): ` +
        `no ${kind} curve reaches the data; the fit is not an estimate — fix or bound the capacity above ${fmt(maxV)} Mt`,
    );
  }
  // The anchored scenario form: through the fitted value at the last year, plateau K, rate r (the
  // same curve, since an anchored curve through a point of the fitted one is the fitted one).
  const model: FixedGrowthModel = kind === 'exponential' ? { model: 'exponential', rate: user[1]! } : { model: kind, capacityMt: user[0]!, rate: user[1]! };
  const absolute: FixedGrowthModel | null = kind === 'exponential' ? null : { model: kind, capacityMt: user[0]!, rate: user[1]!, midpointYear: user[2]! };
  if (kind !== 'exponential' && !(user[0]! > anchor.volumeMt)) {
    warnings.push(`capacityMt: the fitted curve has reached its capacity (${fmt(user[0]!)} Mt) by ${lastYear} to double precision; \`model\` anchored there is flat`);
    anchor.volumeMt = user[0]! * (1 - Number.EPSILON); // a double just below K (the curve there to double precision): flat, and a valid start
  }
  return assemble({
    kind: 'growth-fit',
    family: kind,
    model,
    anchor,
    parameters,
    identified: !ceiling && parameters.every((p) => p.identified),
    warnings,
    years: t,
    observedMt: v,
    fittedMt: fittedLog.map(exp),
    residuals: y.map((yi, i) => yi - fittedLog[i]!),
    sse,
    k: free.length + 1,
    iterations: best.iterations,
  }, absolute);
}

const FN = 'fitGrowth';
const FIT_MODELS: readonly FitModel[] = ['exponential', 'logistic', 'gompertz'];
const PARAMETER_NAMES: readonly FitParameterName[] = ['volumeMt', 'rate', 'capacityMt', 'midpointYear'];

/** The options as a closed record, every value of the right kind (values are checked per model later). */
function checkOptions(given: unknown): FitOptions {
  const o = options<FitOptions>(FN, given, ['from', 'through', 'kinds', 'fixed', 'bounds']);
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
