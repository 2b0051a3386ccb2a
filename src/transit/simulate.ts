import { asks, finiteNumber, numberIn, options, sampleSize, show } from '../args.js';
import { runOnThisThread } from '../engine/schedule.js';
import type { Precision } from '../engine/precision.js';
import { PROGRESS_OPTIONS, tracker } from '../engine/progress.js';
import { runUntil } from '../engine/until.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { transitEngine, transitPlan } from './engine.js';
import { TRIP_BLOCK } from './kernel.js';
import { MAX_TRIPS, transitRun, type TransitOptions } from './plan.js';
import type { TransitSample } from './result.js';

export { checkTrips, MAX_TRIPS, transitRun, type TransitOptions, type TransitRun } from './plan.js';

/**
 * Monte Carlo of door-to-door trip times along a route (docs/design.md, "Transit"): a trip's days are
 * the sum over legs of the leg's days (drawn per trip), its delay when it strikes, and its
 * queue's wait. A queue's utilisation is ρ = volumeMt / capacityMt, capped at maxUtilisation
 * (the share of trips at the cap is reported as `saturated`); a trip waits with probability
 * ErlangC(c, cρ), then an exponential time of mean Wq / ErlangC, Wq the Allen–Cunneen G/G/c
 * wait — exact for M/M/c. The options are a closed record: `{ trips, seed, volumeMt?, onProgress?, signal? }`
 * (progress in trips, one block at a time; an aborted signal stops the run within a block, docs/design.md
 * "Progress and cancellation")
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
export function simulateTransit(r: RouteInput | Route, o: TransitUntilOptions): TransitSample & { readonly precision: Precision };
export function simulateTransit(r: RouteInput | Route, o: TransitOptions): TransitSample;
export function simulateTransit(r: RouteInput | Route, o: TransitOptions | TransitUntilOptions): TransitSample {
  if (asks('simulateTransit', o, 'untilStandardError')) return simulateTransitUntil(r, o as TransitUntilOptions);
  const fn = 'simulateTransit';
  return runOnThisThread(transitEngine, transitPlan(transitRun(fn, r, o, PROGRESS_OPTIONS)), { track: tracker(fn, o), fn });
}

/** The `untilStandardError` option of {@link simulateTransit}. */
export interface TransitUntilStandardError {
  /** The largest standard error accepted, in (0, 0.5]: the run is sized from a pilot to reach it. */
  tolerance: number;
  /** The cap on trips, of the run and of its pilot each: a run sized beyond it is cut there and not `reached`. */
  maxTrips: number;
  /** The probability P(trip ≤ days): 15 days by default. */
  statistic?: { days: number };
}

/** Options of a transit run to a tolerance: those of {@link simulateTransit} with `untilStandardError` instead of `trips`. */
export type TransitUntilOptions = Omit<TransitOptions, 'trips'> & { untilStandardError: TransitUntilStandardError };

/**
 * Runs a pilot on the seed `<seed>|until-pilot` (blocks of 16,384 trips until it has seen 10 trips
 * within the days and 10 beyond, or `maxTrips`), sizes the run from the pilot's Wilson interval
 * (src/engine/until.ts), and returns the sample of that many trips on the seed (the same numbers
 * as `simulateTransit` with that many trips), with `precision` saying how it was sized and what it found.
 */
export function simulateTransitUntil(r: RouteInput | Route, o: TransitUntilOptions, fn = 'simulateTransit'): TransitSample & { readonly precision: Precision } {
  const opts = options<TransitUntilOptions & { trips?: unknown }>(fn, o, ['trips', 'seed', 'volumeMt', 'untilStandardError', ...PROGRESS_OPTIONS], ['seed', 'untilStandardError']);
  if (opts.trips !== undefined) throw new TypeError(`${fn}: give trips or untilStandardError (whose maxTrips caps the trips), not both (got trips ${show(opts.trips)})`);
  const u = options<TransitUntilStandardError>(fn, opts.untilStandardError, ['tolerance', 'maxTrips', 'statistic'], ['tolerance', 'maxTrips']);
  const tolerance = numberIn(fn, 'untilStandardError.tolerance', u.tolerance, 0, 0.5, { lo: true });
  const maxTrips = sampleSize(fn, 'untilStandardError.maxTrips', u.maxTrips, MAX_TRIPS);
  const days = u.statistic === undefined ? 15 : finiteNumber(fn, 'untilStandardError.statistic.days', options<{ days: number }>(fn, u.statistic, ['days'], ['days']).days);
  const { untilStandardError: _, onProgress: _p, signal: _s, ...rest } = opts;
  const run = transitRun(fn, r, { ...rest, trips: maxTrips });
  const within = (d: Float64Array) => {
    let hits = 0;
    for (let i = 0; i < d.length; i++) if (d[i]! <= days) hits++;
    return { hits, n: d.length };
  };
  return runUntil(transitEngine, {
    statistic: `P(trip ≤ ${days} days)`,
    tolerance,
    max: maxTrips,
    size: TRIP_BLOCK,
    seed: run.seed,
    pilot: (seed) => transitPlan({ ...run, seed }),
    sized: (paths) => transitPlan({ ...run, trips: paths }),
    count: (part) => within(part.days[0]!),
    hits: (sample) => within(sample.days).hits,
    track: tracker(fn, opts),
    fn,
  });
}
