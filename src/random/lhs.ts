import type { Param } from './dist.js';
import type { Xoshiro128 } from './xoshiro128.js';
import { paramQuantileUnchecked } from './inverse.js';

/**
 * Latin hypercube uniforms: out[from..to) holds one uniform in each of the n = to − from equal
 * strata of [0, 1), in random order — u = (π(i) + v_i) / n with π a random permutation and v_i
 * uniform — from 2n draws of the generator.
 */
export function fillStratified(g: Xoshiro128, out: Float64Array, from: number, to: number): void {
  const n = to - from;
  const perm = new Float64Array(n);
  g.fillUniform(perm, 0, n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Fisher–Yates with the first n uniforms.
  for (let i = n - 1; i > 0; i--) {
    const r = Math.floor(perm[i]! * (i + 1));
    const t = order[i]!;
    order[i] = order[r]!;
    order[r] = t;
  }
  g.fillUniform(out, from, to);
  for (let i = 0; i < n; i++) out[from + i] = (order[i]! + out[from + i]!) / n;
}

/**
 * Latin hypercube draws of a parameter: stratified uniforms through its quantile function, so
 * each of the n equal-probability strata of the distribution holds exactly one draw.
 */
export function fillParamStratified(param: Param, g: Xoshiro128, out: Float64Array, from: number, to: number): void {
  if (typeof param === 'number') {
    out.fill(param, from, to);
    return;
  }
  fillStratified(g, out, from, to);
  for (let k = from; k < to; k++) out[k] = paramQuantileUnchecked(param, out[k]!);
}
