import { finiteNumber } from '../../args.js';
import { growthCurve, type FixedGrowthModel } from '../model.js';
import type { GrowthFit } from './types.js';
import { log } from '../../math/index.js';
import { block, num, printAs } from '../../report/print.js';
import { formatNumber } from '../../stats/format.js';

export type FitCore = Omit<GrowthFit, 'rmsle' | 'n' | 'aic' | 'aicc' | 'predict' | 'toJSON'>;

/**
 * Adds the statistics, the predictor and toJSON to a fit's core. `absolute` is the unanchored
 * logistic/Gompertz curve (K, r, tm) when there is one: the predictor then evaluates the fitted
 * curve itself, else the anchored `model` through `anchor`.
 */
export function assemble(core: FitCore, absolute: FixedGrowthModel | null = null): GrowthFit {
  const n = core.years.length;
  const { k, sse } = core;
  // The floor of the residual variance: the resolution of the log volumes (see GrowthFit.aic).
  const scale = Math.max(1, ...core.observedMt.map((x) => Math.abs(log(x))));
  const floor = Number.EPSILON * scale * (Number.EPSILON * scale);
  const variance = sse / n;
  const warnings = [...core.warnings];
  if (!(variance >= floor)) warnings.push(`the fit is exact to double precision (SSE ${variance * n}): aic uses the floor ${floor.toPrecision(3)} for the residual variance`);
  const aic = n * log(Math.max(variance, floor)) + 2 * k;
  const curve = growthCurve(absolute ?? core.model, absolute ? undefined : core.anchor);
  const data: Omit<GrowthFit, 'predict' | 'toJSON'> = {
    ...core,
    warnings,
    rmsle: Math.sqrt(variance),
    n,
    aic,
    aicc: n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : null,
  };
  return new Fit(data, curve) as unknown as GrowthFit;
}

/**
 * A fit as data: its fields are own enumerable data (a `structuredClone` or JSON round trip
 * keeps every one), `predict` and `toJSON` live on the prototype and the curve in a private field.
 */
class Fit {
  readonly #curve: (year: number) => number;
  constructor(data: Omit<GrowthFit, 'predict' | 'toJSON'>, curve: (year: number) => number) {
    Object.assign(this, data);
    this.#curve = curve;
  }

  predict(year: number): number {
    const fn = 'fitGrowth: predict(year)';
    finiteNumber(fn, 'year', year);
    try {
      return this.#curve(year);
    } catch (e) {
      // The curve's own checks name growthCurve, which the user never called.
      if (!(e instanceof RangeError) || !e.message.startsWith('growthCurve: ')) throw e;
      throw new RangeError(`${fn}: ${e.message.slice('growthCurve: '.length)}`, { cause: e });
    }
  }

  toJSON(): Omit<GrowthFit, 'predict' | 'toJSON'> {
    return JSON.parse(JSON.stringify({ ...this })) as Omit<GrowthFit, 'predict' | 'toJSON'>;
  }
}

/** A parameter for reading: "rate 0.452 ± 0.021", "capacityMt not identified (≥ 12 at 95 %)", "rate 0.3 (fixed)". */
function parameterText(p: GrowthFit['parameters'][number]): string {
  if (p.estimate === null) return `${p.name} not identified${p.lowerBound95 === undefined ? '' : ` (≥ ${num(p.lowerBound95)} at 95 %)`}`;
  // Three significant digits and the asymptotic SE to two (not an Estimate's Monte Carlo rounding: fitGrowth's page stays within its size budget).
  return `${p.name} ${num(p.estimate)}${p.standardError === null ? (p.fixed ? ' (fixed)' : '') : ` ± ${formatNumber(p.standardError, 2)}`}`;
}

printAs(Fit.prototype, (f: Fit) => {
  const g = f as unknown as GrowthFit;
  return block(`GrowthFit ${g.family}: ${g.n} years ${g.years[0]}–${g.years.at(-1)}, RMSLE ${num(g.rmsle)}${g.identified ? '' : ' (not identified)'}`, [g.parameters.map(parameterText).join(', '), ...g.warnings.slice(0, 2)]);
});
