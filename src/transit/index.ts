export { simulateTransit, MAX_TRIPS, type TransitOptions } from './simulate.js';
export { TransitSample, type LegBreakdown } from './result.js';
export { simulateCorridor, type CorridorOptions, type CorridorResult, type CorridorSummaryRow } from './corridor.js';
export { compareRoutes, type RouteComparisonRow, type CompareOptions } from './compare.js';
export { ROUTES } from './routes.js';
export { erlangC, allenCunneenWait } from './erlang.js';
export { TRIP_BLOCK } from './kernel.js';
