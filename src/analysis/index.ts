export { sobolIndicesOf, SobolIndices, type SobolOfOptions } from './sobol.js';
export type { FactorIndices, IndexEstimate } from './sobol-estimators.js';
export { ranks, spearman } from './rank.js';
export { crps, intervalScore } from './scores.js';
