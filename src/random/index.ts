export { stream, seedKey, type Rng, type Seed, type Stream, type Purpose } from './stream.js';
export { Xoshiro128 } from './xoshiro128.js';
export { ZigguratNormal } from './normal.js';
export { standardNormal, fillStandardNormal } from './normal.js';
export { uniform, triangular, empirical, bernoulli, exponential, sampler, fill, fillParam, type Sampler } from './samplers.js';
export { pert, pertShapes, gamma, beta } from './gamma-samplers.js';
export { normal, lognormal } from './normal-samplers.js';
export { moments, type Moments } from './moments.js';
export {
  DIST_NAMES,
  type Dist,
  type Param,
  type UniformDist,
  type TriangularDist,
  type PertDist,
  type NormalDist,
  type LognormalDist,
  type EmpiricalDist,
} from './dist.js';
