/**
 * Types that the public shapes reference (an option's field, a result's part, an engine's stage),
 * exported so that users can name them and the API reference documents them. Each by name; the
 * main entry re-exports this list.
 */
export type { Correlation } from './scenario/types.js';
export type { CorridorPlan } from './transit/corridor-plan.js';
export type { CorridorYearJSON } from './transit/corridor-result.js';
export type { TransitStatistics } from './transit/result.js';
export type { CounterState } from './volume/summary-run.js';
export type { SeedOverride } from './volume/draws.js';
export type { VolumeModel, GrowthRun, CorrelationRun, PathParam } from './volume/resolve.js';
export type { Xoshiro128 } from './random/xoshiro128.js';
export type { CSVOptions } from './report/display.js';
export type { VolumeResultLike } from './report/from-results.js';
export type { Interval } from './engine/precision.js';
export type { Engine, Stage, Aside, AnyEngine } from './engine/engine.js';
