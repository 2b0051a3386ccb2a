import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { runOnThisThread } from '../engine/schedule.js';
import { PROGRESS_OPTIONS, tracker } from '../engine/progress.js';
import { corridorEngine, corridorEnginePlan } from './corridor-engine.js';
import type { CorridorOptions } from './corridor-plan.js';
import type { CorridorResult } from './corridor-result.js';

export { MAX_CORRIDOR_BYTES, type CorridorOptions, type CorridorPlan } from './corridor-plan.js';
export { CorridorResult, type CorridorSummaryRow, type CorridorJSON, type CorridorYearJSON } from './corridor-result.js';

/**
 * A scenario and a route together (docs/design.md, "Coupling"): for each path and year, the path's
 * demand that year is the volume that wants through each queue, over the queue's own capacityMt
 * when it has one, else over the scenario's capacity that year on that path; `tripsPerPath`
 * trips are drawn for each path-year. Trip draws are common to all years (a trip's time changes
 * from year to year only through congestion), and a year with constant demand gives exactly the
 * trips of {@link simulateTransit} at that volume with the same seed. The options are a closed
 * record `{ paths, seed, tripsPerPath?, useScenarioCapacity?, onProgress?, signal? }` (progress in
 * trips, every year's; the signal is checked after every chunk of the volume run and every block of trips); a run needing more than 50
 * million trips a year or 4 GB is refused at once.
 *
 * @example
 * const c = simulateCorridor(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 2000, seed: 1, useScenarioCapacity: true });
 * c.transit(2027).probabilityWithin(15).estimate // => 0
 */
export function simulateCorridor(s: ScenarioInput | Scenario, r: RouteInput | Route, o: CorridorOptions): CorridorResult {
  const fn = 'simulateCorridor';
  return runOnThisThread(corridorEngine, corridorEnginePlan(fn, s, r, o, PROGRESS_OPTIONS), { track: tracker(fn, o), fn });
}
