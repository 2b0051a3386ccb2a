export { sobolIndicesOf, SobolIndices, type SobolOfOptions } from './sobol.js';
export type { FactorIndices, IndexEstimate } from './sobol-estimators.js';
export { ranks, spearman } from './rank.js';
export { crps, intervalScore } from './scores.js';
export { compareScenarios, ScenarioComparison, type ScenarioComparisonRow, type CompareScenariosOptions } from './compare-scenarios.js';
export type { PairedDifference } from './paired.js';
export { tornado, Tornado, type TornadoRow, type TornadoOptions } from './tornado.js';
export { solveScenario, solveRoute, type Solution, type SolveScenarioOptions, type SolveRouteOptions, type ScenarioParameter, type RouteParameter, type TransitStatistic } from './solve.js';
export type { VolumeStatistic } from './statistic.js';
