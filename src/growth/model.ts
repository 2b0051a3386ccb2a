import type { Param } from '../random/dist.js';
import type { YearVolume } from './year-volume.js';
import { finiteNumber, oneOf, positiveNumber, show, yearVolume } from '../args.js';
import { compileFormula, type CompiledFormula } from './formula.js';
import { anchoredLogRatio, logRatio, midpointAdvice, midpointLog, rateFromMidpoint, softplus } from './anchored.js';
import { exp, log, log1p } from '../math/index.js';

// The anchored curves' algebra (anchored.ts) and the compound growth rates (cagr.ts), re-exported
// for src/volume/growth-plan.ts and the public index.
export { anchoredLogRatio, logRatio, midpointAdvice, midpointFromRate, midpointLog, rateFromMidpoint, softplus } from './anchored.js';
export { cagr, requiredGrowth } from './cagr.js';

export type { YearVolume } from './year-volume.js';

/**
 * The median path of demand (docs/design.md, "Median path"); parameters may be distributions in a
 * scenario, where each path draws its own.
 *
 * Logistic and Gompertz models are *anchored* in a scenario: the median path passes through the
 * start point (t0, v0) and levels off at `capacityMt` (K, the plateau). Give exactly one of
 * `rate` (r > 0) or `midpointYear` (the year the curve reaches K/2, for the Gompertz its
 * inflection K/e); the other follows from
 * `tm = t0 + ln(K/v0 − 1)/r` (logistic) or `tm = t0 + ln(ln(K/v0))/r` (Gompertz).
 * Without an anchor ({@link growthCurve} with no anchor) both are needed and give the absolute
 * curve `K/(1 + e^(−r(t − tm)))` or `K·exp(−e^(−r(t − tm)))`.
 */
export type GrowthModel<P = Param> =
  | { readonly model: 'exponential'; readonly rate: P }
  | { readonly model: 'logistic'; readonly capacityMt: P; readonly rate?: P; readonly midpointYear?: P }
  | { readonly model: 'gompertz'; readonly capacityMt: P; readonly rate?: P; readonly midpointYear?: P }
  | { readonly model: 'piecewise'; readonly points: readonly YearVolume[] }
  | { readonly model: 'expression'; readonly formula: string; readonly params: Readonly<Record<string, P>> };

/** A growth model whose parameters are all numbers. */
export type FixedGrowthModel = GrowthModel<number>;

/** The names of the growth models. */
export const GROWTH_MODELS = /* @__PURE__ */ Object.freeze(['exponential', 'logistic', 'gompertz', 'piecewise', 'expression'] as const);


/** Whether every parameter of a model is a number. */
export function isFixed(model: GrowthModel): model is FixedGrowthModel {
  switch (model.model) {
    case 'exponential':
      return typeof model.rate === 'number';
    case 'logistic':
    case 'gompertz':
      return typeof model.capacityMt === 'number' && typeof model.rate !== 'object' && typeof model.midpointYear !== 'object';
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

// ---------------------------------------------------------------------------------------------
// Validation of a fixed model (growthCurve, logGrowthRatio)

const FN = 'growthCurve';

function checkModel(fn: string, model: unknown): FixedGrowthModel {
  if (model === null || typeof model !== 'object' || Array.isArray(model)) {
    throw new TypeError(`${fn}: model must be a growth model { model: ${GROWTH_MODELS.map((m) => `'${m}'`).join(' | ')}, … } (got ${show(model)})`);
  }
  const m = model as Record<string, unknown>;
  const name = oneOf(fn, 'model.model', m.model, GROWTH_MODELS);
  const num = (field: string, check: (x: unknown) => number) => {
    const x = m[field];
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
      throw new TypeError(`${fn}: model.${field} must be a number here (got a distribution: one is drawn per path inside a simulation)`);
    }
    return check(x);
  };
  switch (name) {
    case 'exponential':
      num('rate', (x) => {
        if (typeof x !== 'number') throw new TypeError(`${fn}: model.rate must be a finite number > -1 (got ${show(x)})`);
        if (!(x > -1 && x <= Number.MAX_VALUE)) throw new RangeError(`${fn}: model.rate must be a finite number > -1 (got ${show(x)})`);
        return x;
      });
      return model as FixedGrowthModel;
    case 'logistic':
    case 'gompertz':
      num('capacityMt', (x) => positiveNumber(fn, 'model.capacityMt', x));
      if (m.rate !== undefined) num('rate', (x) => positiveNumber(fn, 'model.rate', x));
      if (m.midpointYear !== undefined) num('midpointYear', (x) => finiteNumber(fn, 'model.midpointYear', x));
      return model as FixedGrowthModel;
    case 'piecewise': {
      const pts = m.points;
      if (!Array.isArray(pts)) throw new TypeError(`${fn}: model.points must be an array of { year, volumeMt } (got ${show(pts)})`);
      if (pts.length < 2) throw new RangeError(`${fn}: model.points must hold at least 2 points (got ${pts.length})`);
      pts.forEach((p: unknown, i) => {
        const q = yearVolume(fn, `model.points[${i}]`, p);
        if (i > 0 && !(q.year > (pts[i - 1] as YearVolume).year)) {
          throw new RangeError(`${fn}: model.points[${i}].year must be after points[${i - 1}].year (got ${q.year}); list points in year order`);
        }
      });
      return model as FixedGrowthModel;
    }
    case 'expression': {
      if (typeof m.formula !== 'string') throw new TypeError(`${fn}: model.formula must be a string (got ${show(m.formula)})`);
      const params = m.params;
      if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new TypeError(`${fn}: model.params must be an object of named numbers (got ${show(params)})`);
      for (const k of Object.keys(params)) num(`params.${k}`, (x) => finiteNumber(fn, `model.params.${k}`, (params as Record<string, unknown>)[k]));
      compiledFormula(model as Extract<GrowthModel, { model: 'expression' }>);
      return model as FixedGrowthModel;
    }
  }
}

/**
 * log v(t) of a checked fixed model as a function of the year (up to an additive constant for
 * the unanchored exponential, which is only ever differenced).
 */
function logCurve(fn: string, model: FixedGrowthModel, anchor: YearVolume | undefined): (t: number) => number {
  switch (model.model) {
    case 'exponential': {
      const lr = log1p(model.rate);
      if (!anchor) return (t) => t * lr;
      const l0 = log(anchor.volumeMt);
      return (t) => (t === anchor.year ? l0 : l0 + (t - anchor.year) * lr);
    }
    case 'logistic':
    case 'gompertz': {
      const logistic = model.model === 'logistic';
      const K = model.capacityMt;
      const { rate, midpointYear } = model;
      if (!anchor) {
        if (rate === undefined || midpointYear === undefined) {
          throw new TypeError(`${fn}: without an anchor a ${model.model} model needs both rate and midpointYear (the absolute curve); with an anchor { year, volumeMt } give exactly one`);
        }
        const lk = log(K);
        return logistic ? (t) => lk - softplus(-rate * (t - midpointYear)) : (t) => lk - exp(-rate * (t - midpointYear));
      }
      if ((rate === undefined) === (midpointYear === undefined)) {
        throw new TypeError(`${fn}: an anchored ${model.model} model needs exactly one of rate or midpointYear (got ${rate === undefined ? 'neither' : 'both'}); the other follows from the anchor and capacityMt`);
      }
      const v0 = anchor.volumeMt;
      const t0 = anchor.year;
      if (!(K > v0)) throw new RangeError(`${fn}: model.capacityMt must exceed anchor.volumeMt ${v0}: the anchored curve levels off at capacityMt (got ${K})`);
      const L = logRatio(K, v0);
      const logC = midpointLog(logistic, K, v0);
      let r = rate ?? NaN;
      if (midpointYear !== undefined) {
        r = rateFromMidpoint(logC, midpointYear, t0);
        if (!(r > 0 && r <= Number.MAX_VALUE)) throw new RangeError(`${fn}: model.midpointYear ${midpointYear} ${midpointAdvice(logistic, t0, v0, logC)}`);
      }
      const l0 = log(v0);
      return (t) => l0 + anchoredLogRatio(logistic, L, logC, r, t - t0);
    }
    case 'piecewise':
      return (t) => piecewiseLog(model.points, t);
    case 'expression':
      return (t) => {
        const v = compiledFormula(model).evaluate(t, model.params);
        if (!(v > 0 && v <= Number.MAX_VALUE)) {
          throw new RangeError(`${fn}: the formula must be positive and finite at every year (got ${show(v)} at t = ${t} for '${model.formula}')`);
        }
        return log(v);
      };
  }
}

/**
 * log m(t) of a piecewise path: log-linear interpolation between the points, extended beyond
 * either end at the growth rate of the nearest segment (docs/design.md). Points must be sorted by
 * year with distinct years (a parsed model's are: unchecked).
 * (Between (2020, 1 Mt) and (2030, 4 Mt), 2025 gives ln 2.)
 */
export function piecewiseLog(points: readonly YearVolume[], t: number): number {
  const n = points.length;
  if (n === 1) return log(points[0]!.volumeMt);
  let i = 0;
  if (t >= points[n - 1]!.year) i = n - 2;
  else if (t > points[0]!.year) while (points[i + 1]!.year < t) i++;
  const a = points[i]!;
  const b = points[i + 1]!;
  const la = log(a.volumeMt);
  const lb = log(b.volumeMt);
  return la + ((lb - la) * (t - a.year)) / (b.year - a.year);
}

/**
 * log(v(to) / v(from)): the log growth of the median path from one year to another. Logistic and
 * Gompertz models follow {@link growthCurve}'s rule: with an anchor exactly one of rate or
 * midpointYear, without one both. A ratio beyond a double's range is a RangeError.
 * @example logGrowthRatio({ model: 'exponential', rate: 0.25 }, 2025, 2027) // => 0.4462871026284…
 */
export function logGrowthRatio(model: GrowthModel, from: number, to: number, anchor?: YearVolume): number {
  const fn = 'logGrowthRatio';
  const m = checkModel(fn, model);
  const a = anchor === undefined ? undefined : yearVolume(fn, 'anchor', anchor);
  finiteNumber(fn, 'from', from);
  finiteNumber(fn, 'to', to);
  if (m.model === 'exponential') {
    const x = (to - from) * log1p(m.rate);
    if (!Number.isFinite(x)) throw new RangeError(`${fn}: the log ratio from ${from} to ${to} overflows a double (rate ${m.rate})`);
    return x;
  }
  const f = logCurve(fn, m, a);
  const x = f(to) - f(from);
  if (!Number.isFinite(x)) throw new RangeError(`${fn}: the log ratio from ${from} to ${to} is beyond a double's range (the curve underflows to 0 at one of the years)`);
  return x;
}

/**
 * The median path as a function of the year. With an anchor the path passes through it: the
 * exponential is v0·(1 + rate)^(t − t0), piecewise and expression paths are scaled by
 * v0/m(t0), and logistic and Gompertz curves are the anchored ones of docs/design.md (through the
 * anchor, plateau capacityMt; exactly one of rate or midpointYear). Without an anchor,
 * logistic and Gompertz need both rate and midpointYear and give the absolute curve; piecewise
 * and expression give m(t); the exponential needs an anchor.
 *
 * Every parameter is checked (TypeError for a wrong kind or a distribution, RangeError for a
 * value outside what is allowed, e.g. a rate ≤ 0 for the logistic); the curve never returns NaN
 * or ±Infinity: a value beyond a double's range is a RangeError (far in the past a curve may
 * underflow to 0, which is its correct value to double precision).
 *
 * @example
 * const v = growthCurve({ model: 'exponential', rate: 0.25 }, { year: 2025, volumeMt: 4.119 });
 * v(2027) // => 6.4359375
 * @example
 * const lg = growthCurve({ model: 'logistic', capacityMt: 10, rate: 0.5 }, { year: 2025, volumeMt: 4.119 });
 * lg(2200) // => 10.00000000000000…
 */
export function growthCurve(model: GrowthModel, anchor?: YearVolume): (year: number) => number {
  const m = checkModel(FN, model);
  const a = anchor === undefined ? undefined : yearVolume(FN, 'anchor', anchor);
  if (!a && m.model === 'exponential') throw new TypeError(`${FN}: an exponential model needs an anchor { year, volumeMt }`);
  let f = logCurve(FN, m, a);
  if (a && (m.model === 'piecewise' || m.model === 'expression')) {
    const g = f;
    const shift = log(a.volumeMt) - g(a.year);
    f = (t) => (t === a.year ? log(a.volumeMt) : g(t) + shift);
  }
  return (year) => {
    finiteNumber(FN, 'year', year);
    if (a && year === a.year) return a.volumeMt;
    const x = f(year);
    const v = exp(x);
    if (!(v <= Number.MAX_VALUE)) throw new RangeError(`${FN}: the curve overflows a double at year ${year} (log value ${show(x)}); the year is too far from the anchor for this growth`);
    return v;
  };
}
