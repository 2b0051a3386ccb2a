import type { FitModel, FitParameterName } from './types.js';
import { exp, expm1, log, log1p } from '../../math/index.js';

// Model specifications in internal coordinates θ (log scale for positive parameters): each
// family's parameters with their maps to user units, and log v(t) with its gradient in θ.

export interface ParamSpec {
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
  toUser: exp,
  toTheta: log,
  dUser: exp,
  check: (v) => (v > 0 && Number.isFinite(v) ? null : 'must be > 0'),
});
const growthRate: ParamSpec = {
  name: 'rate',
  toUser: expm1,
  toTheta: log1p,
  dUser: exp,
  check: (v) => (v > -1 && Number.isFinite(v) ? null : 'must be > -1'),
};
const yearParam: ParamSpec = {
  name: 'midpointYear',
  toUser: (x) => x,
  toTheta: (x) => x,
  dUser: () => 1,
  check: (v) => (Number.isFinite(v) ? null : 'must be finite'),
};

export interface ModelSpec {
  params: ParamSpec[];
  /** log v(t) and its gradient in θ. */
  evaluate(theta: readonly number[], t: number, grad: number[]): number;
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}
function softplus(x: number): number {
  return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

export function specOf(kind: FitModel, anchorYear: number): ModelSpec {
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
          const r = exp(th[1]!);
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
          const r = exp(th[1]!);
          const d = t - th[2]!;
          const e = exp(-r * d);
          g[0] = 1;
          g[1] = e * d * r;
          g[2] = -e * r;
          return th[0]! - e;
        },
      };
  }
}
