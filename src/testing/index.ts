/**
 * `middle-corridor/testing`: property-tested forecasting made concrete. fast-check arbitraries
 * that only generate valid documents, and the library's laws as reusable properties. fast-check
 * is an optional peer dependency: install it (`npm install -D fast-check`) to use this entry.
 *
 * @example
 * import fc from 'fast-check';
 * import { scenario, volumeWithinCapacity } from 'middle-corridor/testing';
 * fc.assert(volumeWithinCapacity(scenario({ capacity: true })), { numRuns: 50 });
 */
export { param, scenario, route, observations, type ParamConstraints, type ScenarioConstraints, type RouteConstraints } from './arbitraries.js';
export { volumeWithinCapacity, probabilityMonotoneInGrowth, capacityMonotoneInDelay, blockSizeInvariant, seedFixesNumbers, addingALegNeverShortens, type VolumeSimulator, type TransitSimulator, type LawOptions } from './laws.js';
