import { assemble } from './result.js';
import type { ModelSpec } from './specs.js';
import type { FitModel, FitParameter, GrowthFit } from './types.js';
import { log1p } from '../../math/index.js';

// Identification: when the data do not identify a parameter (an estimate on a bound; a capacity
// that runs off to infinity, where the fit is the exponential limit), the fit says so.

/**
 * Which free parameters sit on a bound of θ (the user's, or the search range's), with a warning
 * per parameter that does: an estimate on a bound is not an estimate.
 */
export function boundsReached(
  spec: ModelSpec,
  fixedIdx: readonly boolean[],
  theta: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
  userBound: readonly ('none' | 'user')[],
  warnings: string[],
): ('lower' | 'upper' | undefined)[] {
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
  return onBound;
}

/**
 * A logistic or Gompertz fit whose optimum is the K → ∞ limit: the curve is the exponential
 * limit, the capacity (and the midpoint, and for the Gompertz the rate) are not estimated.
 */
export function degenerateFit(kind: FitModel, limit: GrowthFit, lowerBound95: number, k: number, iterations: number): GrowthFit {
  const rate = limit.parameters.find((p) => p.name === 'rate')!;
  const growth = rate.estimate!;
  // The logistic's rate tends to log(1 + growth) as K → ∞; the Gompertz's tends to 0.
  const logisticRate = log1p(growth);
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

export function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
