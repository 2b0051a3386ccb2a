export { simulateTransit, MAX_TRIPS, type TransitOptions } from './simulate.js';
export { TransitSample, type LegBreakdown, type TransitJSON, type TransitStatistics } from './result.js';
export { simulateCorridor, CorridorResult, MAX_CORRIDOR_BYTES, type CorridorOptions, type CorridorSummaryRow, type CorridorJSON, type CorridorYearJSON } from './corridor.js';
export { compareRoutes, RouteComparison, MAX_ROUTES, type RouteComparisonRow, type RouteComparisonJSON, type CompareOptions } from './compare.js';
export { ROUTES } from './routes.js';
export { erlangC, allenCunneenWait, type WaitQueue } from './erlang.js';
export { TRIP_BLOCK } from './kernel.js';
export { ROUTE_LIMITS } from '../scenario/route-schema.js';
export type { TransitUntilStandardError, TransitUntilOptions } from './simulate.js';
