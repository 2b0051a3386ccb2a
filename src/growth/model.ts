import type { Param } from '../random/dist.js';
import { compileFormula, type CompiledFormula } from './mathjs.js';

/** A point of a piecewise path. */
export interface YearVolume {
  readonly year: number;
  readonly volumeMt: number;
}

/**
 * The median path of demand (DESIGN.md, "Median path"); parameters may be distributions in a
 * scenario, where each path draws its own.
 */
export type GrowthModel<P = Param> =
  | { readonly model: 'exponential'; readonly rate: P }
  | { readonly model: 'logistic'; readonly capacityMt: P; readonly rate: P; readonly midpointYear: P }
  | { readonly model: 'gompertz'; readonly capacityMt: P; readonly rate: P; readonly midpointYear: P }
  | { readonly model: 'piecewise'; readonly points: readonly YearVolume[] }
  | { readonly model: 'expression'; readonly formula: string; readonly params: Readonly<Record<string, P>> };

/** A growth model whose parameters are all numbers. */
export type FixedGrowthModel = GrowthModel<number>;

/** The names of the growth models. */
export const GROWTH_MODELS = ['exponential', 'logistic', 'gompertz', 'piecewise', 'expression'] as const;

/** log(1 + e^x) without overflow or loss of digits. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Whether every parameter of a model is a number. */
export function isFixed(model: GrowthModel): model is FixedGrowthModel {
  switch (model.model) {
    case 'exponential':
      return typeof model.rate === 'number';
    case 'logistic':
    case 'gompertz':
      return typeof model.capacityMt === 'number' && typeof model.rate === 'number' && typeof model.midpointYear === 'number';
    case 'piecewise':
      return true;
    case 'expression':
      return Object.values(model.params).every((v) => typeof v === 'number');
  }
}

const formulaCache = new WeakMap<object, CompiledFormula>();

/** The compiled formula of an expression model (compiled once per model object). */
export function compiledFormula(model: Extract<GrowthModel, { model: 'expression' }>): CompiledFormula {
  let c = formulaCache.get(model);
  if (!c) {
    c = compileFormula(model.formula, Object.keys(model.params));
    formulaCache.set(model, c);
  }
  return c;
}

/**
 * log m(t) of a fixed model, up to an additive constant that cancels in ratios: the exponential
 * has none (log m(t) = t·log(1 + rate) is only ever differenced).
 */
function logLevel(model: FixedGrowthModel, t: number): number {
  switch (model.model) {
    case 'exponential':
      return t * Math.log1p(model.rate);
    case 'logistic':
      return Math.log(model.capacityMt) - softplus(-model.rate * (t - model.midpointYear));
    case 'gompertz':
      return Math.log(model.capacityMt) - Math.exp(-model.rate * (t - model.midpointYear));
    case 'piecewise':
      return piecewiseLog(model.points, t);
    case 'expression': {
      const v = compiledFormula(model).evaluate(t, model.params);
      if (!(v > 0 && Number.isFinite(v))) {
        throw new RangeError(`growth.formula: must be positive and finite at every simulated year (got ${v} at t = ${t} for '${model.formula}')`);
      }
      return Math.log(v);
    }
  }
}

/**
 * Log-linear interpolation between the points, extended beyond either end at the growth rate of
 * the nearest segment (DESIGN.md). Points must be sorted by year with distinct years.
 */
function piecewiseLog(points: readonly YearVolume[], t: number): number {
  const n = points.length;
  if (n === 1) return Math.log(points[0]!.volumeMt);
  let i = 0;
  if (t >= points[n - 1]!.year) i = n - 2;
  else if (t > points[0]!.year) while (points[i + 1]!.year < t) i++;
  const a = points[i]!;
  const b = points[i + 1]!;
  const la = Math.log(a.volumeMt);
  const lb = Math.log(b.volumeMt);
  return la + ((lb - la) * (t - a.year)) / (b.year - a.year);
}

/**
 * log(m(to) / m(from)): the log growth of the median path from one year to another.
 * @example logGrowthRatio({ model: 'exponential', rate: 0.25 }, 2025, 2027) // => 0.4462871026284…
 */
export function logGrowthRatio(model: FixedGrowthModel, from: number, to: number): number {
  if (model.model === 'exponential') return (to - from) * Math.log1p(model.rate);
  return logLevel(model, to) - logLevel(model, from);
}

/**
 * The median path as a function of the year. With an anchor the path passes through it:
 * v(t) = anchor.volumeMt · m(t) / m(anchor.year) (the scenario semantics of DESIGN.md). Without
 * one, logistic, Gompertz, piecewise and expression models give their absolute m(t); the
 * exponential needs an anchor.
 *
 * @example
 * const v = growthCurve({ model: 'exponential', rate: 0.25 }, { year: 2025, volumeMt: 4.119 });
 * v(2027) // => 6.4359375
 */
export function growthCurve(model: GrowthModel, anchor?: YearVolume): (year: number) => number {
  if (!isFixed(model)) {
    throw new TypeError(`growthCurve: every parameter of the ${model.model} model must be a number here (a distribution is drawn per path inside a simulation)`);
  }
  if (model.model === 'piecewise') checkPoints(model.points);
  if (model.model === 'expression') compiledFormula(model);
  if (anchor) {
    if (!(anchor.volumeMt > 0 && Number.isFinite(anchor.volumeMt))) throw new RangeError(`growthCurve: anchor.volumeMt must be > 0 (got ${anchor.volumeMt})`);
    if (!Number.isFinite(anchor.year)) throw new RangeError(`growthCurve: anchor.year must be finite (got ${anchor.year})`);
    const logV0 = Math.log(anchor.volumeMt);
    return (year) => Math.exp(logV0 + logGrowthRatio(model, anchor.year, checkYear(year)));
  }
  if (model.model === 'exponential') throw new TypeError('growthCurve: an exponential model needs an anchor { year, volumeMt }');
  return (year) => Math.exp(logLevel(model, checkYear(year)));
}

function checkYear(year: number): number {
  if (!Number.isFinite(year)) throw new RangeError(`year must be a finite number (got ${year})`);
  return year;
}

function checkPoints(points: readonly YearVolume[]): void {
  if (points.length < 2) throw new RangeError(`piecewise: needs at least 2 points (got ${points.length})`);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!(p.volumeMt > 0 && Number.isFinite(p.volumeMt))) throw new RangeError(`piecewise: points[${i}].volumeMt must be > 0 (got ${p.volumeMt})`);
    if (i > 0 && !(p.year > points[i - 1]!.year)) throw new RangeError(`piecewise: points[${i}].year must be after points[${i - 1}].year (got ${p.year})`);
  }
}

/**
 * Compound annual growth rate between two observations: (to / from)^(1 / years) − 1.
 * @example cagr({ year: 2020, volumeMt: 0.783 }, { year: 2024, volumeMt: 4.484 }) // => 0.5469…
 */
export function cagr(from: YearVolume, to: YearVolume): number {
  for (const [name, o] of [['from', from], ['to', to]] as const) {
    if (!(o.volumeMt > 0 && Number.isFinite(o.volumeMt))) throw new RangeError(`cagr: ${name}.volumeMt must be a positive number (got ${o.volumeMt})`);
    if (!Number.isFinite(o.year)) throw new RangeError(`cagr: ${name}.year must be a finite number (got ${o.year})`);
  }
  if (from.year === to.year) throw new RangeError(`cagr: the two years must differ (both ${from.year})`);
  return Math.expm1(Math.log(to.volumeMt / from.volumeMt) / (to.year - from.year));
}

/**
 * The constant growth per year that takes an observation to a target: the CAGR from `from` to
 * `target`, with the target required to lie after the observation.
 * @example requiredGrowth({ year: 2025, volumeMt: 4.119 }, { year: 2027, volumeMt: 10 }) // => 0.5581…
 */
export function requiredGrowth(from: YearVolume, target: YearVolume): number {
  if (!(target.year > from.year)) throw new RangeError(`requiredGrowth: target.year must be after from.year (got ${target.year} <= ${from.year})`);
  return cagr(from, target);
}
