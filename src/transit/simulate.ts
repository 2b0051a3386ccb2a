import type { Route, RouteInput } from '../scenario/types.js';
import { transitEngine, transitPlan } from './engine.js';
import { runOnThisThread } from '../engine/schedule.js';
import { transitRun, type TransitOptions } from './plan.js';
import type { TransitSample } from './result.js';
import { simulateTransitUntil, type TransitUntilOptions } from './until.js';
import type { WithPrecision } from '../engine/until.js';

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
 * Precision on demand: with `untilStandardError: { tolerance, maxTrips, statistic? }` instead of
 * `trips`, a pilot on the seed `<seed>|until-pilot` sizes the sample so that the standard error
 * of P(trip ≤ days) (15 days by default) is at most the tolerance and 50 trips within and 50
 * beyond are expected (at most maxTrips); the result is the sample of that many trips on the
 * seed, and `precision` says how it was sized, with the estimate's 95 % Wilson interval
 * (docs/design.md, "Precision on demand").
 *
 * @example simulateTransit(ROUTES['northern-rail'], { seed: 1, untilStandardError: { tolerance: 0.002, maxTrips: 1000000, statistic: { days: 20 } } }).precision.reached // => true
 * @example simulateTransit({ name: 'r', legs: [{ name: 'a', mode: 'rail', days: 3 }, { name: 'b', mode: 'sea', days: 5 }] }, { trips: 10, seed: 1 }).mean // => { estimate: 8, standardError: 0 }
 */
export function simulateTransit(r: RouteInput | Route, o: TransitUntilOptions): WithPrecision<TransitSample>;
export function simulateTransit(r: RouteInput | Route, o: TransitOptions): TransitSample;
export function simulateTransit(r: RouteInput | Route, o: TransitOptions | TransitUntilOptions): TransitSample {
  if (o !== null && typeof o === 'object' && 'untilStandardError' in o) return simulateTransitUntil(r, o);
  return runOnThisThread(transitEngine, transitPlan(transitRun('simulateTransit', r, o)), { fn: 'simulateTransit' });
}
