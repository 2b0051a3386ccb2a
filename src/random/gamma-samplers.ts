import { show } from '../args.js';
import { minModeMax, params, streamArg } from './check.js';
import type { PertDist } from './dist.js';
import { standardNormal } from './normal.js';
import { finite, type Sampler } from './sampler-limits.js';
import type { Stream } from './stream.js';
import { exp, log, pow } from '../math/index.js';

// The gamma family: gamma (Marsaglia–Tsang), beta from two gammas, and PERT as a scaled beta.

/**
 * Gamma(shape, 1) by G. Marsaglia and W. W. Tsang (2000), with the u^(1/shape) boost below 1.
 * @example gamma(stream(1, 'doc'), 2)() // => 10.178316032839072
 */
export function gamma(s: Stream, shape: number): Sampler {
  s = streamArg('gamma', 's', s);
  checkShape('gamma', 'shape', shape);
  const { core, boost, invShape } = marsagliaTsang(s, shape);
  return () => {
    const g = core();
    return boost ? g * pow(s.double(), invShape) : g;
  };
}

function checkShape(fn: string, name: string, shape: unknown): void {
  finite(fn, name, shape);
  if (!((shape as number) > 0)) throw new RangeError(`${fn}: ${name} must be > 0 (got ${show(shape)})`);
}

/**
 * The Marsaglia–Tsang draw of Gamma(shape) before the boost: `core()` is Gamma(shape + 1) when
 * `boost` (shape < 1), to be multiplied by u^(1/shape) with u = s.double() drawn next.
 */
function marsagliaTsang(s: Stream, shape: number): { core: () => number; boost: boolean; invShape: number } {
  const z = standardNormal(s);
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const core = () => {
    for (;;) {
      const x = z();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = s.double();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
    }
  };
  return { core, boost, invShape: 1 / shape };
}

/**
 * Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 * @example beta(stream(1, 'doc'), 2, 3)() // => 0.7717086888859582
 */
export function beta(s: Stream, a: number, b: number): Sampler {
  s = streamArg('beta', 's', s);
  checkShape('beta', 'a', a);
  checkShape('beta', 'b', b);
  return betaOf(s, a, b);
}

/**
 * Beta(a, b) from the same draws as two gamma samplers, X first. X / (X + Y) as it is when
 * X + Y is a positive finite number; when it underflows to 0 (shapes near 0: both boosts
 * underflow) or overflows (shapes near the largest double), the same ratio from the logarithms
 * of the draws, so the result is in [0, 1] and never NaN.
 */
function betaOf(s: Stream, a: number, b: number): Sampler {
  const A = marsagliaTsang(s, a);
  const B = marsagliaTsang(s, b);
  const m = Math.min(a, b);
  return () => {
    const gx = A.core();
    const ux = A.boost ? s.double() : 1;
    const gy = B.core();
    const uy = B.boost ? s.double() : 1;
    const x = A.boost ? gx * pow(ux, A.invShape) : gx;
    const y = B.boost ? gy * pow(uy, B.invShape) : gy;
    const t = x + y;
    if (t > 0 && t < Infinity) return x / t;
    if (t === Infinity) return x / 2 / (x / 2 + y / 2);
    // Underflow: ln X = ln gx + ln(ux)/a, scaled by m = min(a, b) <= 1 so that no term overflows.
    const lx = m * log(gx) + log(ux) * (m / a);
    const ly = m * log(gy) + log(uy) * (m / b);
    return 1 / (1 + exp((ly - lx) / m));
  };
}

/**
 * Shape parameters (α, β) of a PERT distribution.
 * @example pertShapes({ min: 5, mode: 6, max: 12 }) // => [ 1.5714285714285714, 4.428571428571429 ]
 */
export function pertShapes(p: Omit<PertDist, 'dist'>): [number, number] {
  const { min, mode, max, lambda = 4 } = params<PertDist>('pertShapes', p, ['min', 'mode', 'max', 'lambda'], ['min', 'mode', 'max'], 'pert');
  const span = minModeMax('pertShapes', min, mode, max);
  finite('pertShapes', 'lambda', lambda);
  if (!(lambda >= 0)) throw new RangeError(`pertShapes: lambda must be >= 0 (got ${lambda})`);
  if (span === 0) throw new RangeError(`pertShapes: needs min < max: a PERT with min = max is the constant ${min} and has no shapes`);
  return shapes(min, mode, max, lambda, span);
}

/** The PERT shapes; λ·(mode − min) is scaled first only when it would overflow (λ near 1e308). */
export function shapes(min: number, mode: number, max: number, lambda: number, span: number): [number, number] {
  let a = 1 + (lambda * (mode - min)) / span;
  let b = 1 + (lambda * (max - mode)) / span;
  if (!(a < Infinity)) a = 1 + lambda * ((mode - min) / span);
  if (!(b < Infinity)) b = 1 + lambda * ((max - mode) / span);
  return [a, b];
}

/**
 * Beta-PERT on [min, max]: min + (max − min) · Beta(1 + λ(mode − min)/(max − min), 1 + λ(max − mode)/(max − min)).
 * @example pert(stream(1, 'doc'), { min: 5, mode: 6, max: 12 })() // => 9.71592998749885
 */
export function pert(s: Stream, p: Omit<PertDist, 'dist'>): Sampler {
  s = streamArg('pert', 's', s);
  const { min, mode, max, lambda = 4 } = params<PertDist>('pert', p, ['min', 'mode', 'max', 'lambda'], ['min', 'mode', 'max']);
  const span = minModeMax('pert', min, mode, max);
  finite('pert', 'lambda', lambda);
  if (!(lambda >= 0)) throw new RangeError(`pert: lambda must be >= 0 (got ${lambda})`);
  if (min === max) return () => min;
  const [a, b] = shapes(min, mode, max, lambda, span);
  const draw = betaOf(s, a, b);
  return () => min + span * draw();
}
