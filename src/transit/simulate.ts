import type { Route, RouteInput } from '../scenario/types.js';
import { mergeTransitPartials, transitBlocks, transitPlan } from './engine.js';
import { transitRun, type TransitOptions } from './plan.js';
import type { TransitSample } from './result.js';

export { checkTrips, MAX_TRIPS, transitRun, type TransitOptions, type TransitRun } from './plan.js';

/**
 * Monte Carlo of door-to-door trip times along a route (docs/design.md, "Transit"): a trip's days are
 * the sum over legs of the leg's days (drawn per trip), its delay when it strikes, and its
 * queue's wait. A queue's utilisation is ρ = volumeMt / capacityMt, capped at maxUtilisation
 * (the share of trips at the cap is reported as `saturated`); a trip waits with probability
 * ErlangC(c, cρ), then an exponential time of mean Wq / ErlangC, Wq the Allen–Cunneen G/G/c
 * wait — exact for M/M/c. The options are a closed record: `{ trips, seed, volumeMt? }`
 * (an unknown key such as `volumeMT` is a TypeError listing the allowed ones).
 *
 * @example simulateTransit({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: 3 }, { name: 'b', mode: 'sea', days: 5 }] }, { trips: 10, seed: 1 }).mean // => { estimate: 8, standardError: 0 }
 */
export function simulateTransit(r: RouteInput | Route, o: TransitOptions): TransitSample {
  const plan = transitPlan(transitRun('simulateTransit', r, o));
  return mergeTransitPartials(plan, [transitBlocks(plan, 0, plan.nBlocks)]);
}
