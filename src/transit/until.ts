/** `simulateTransit(r, { seed, untilStandardError })`: a transit run of as many trip blocks as a tolerance needs. */
import { finiteNumber, numberIn, options, show, wholeNumber } from '../args.js';
import { untilPrecise, withPrecision, type WithPrecision } from '../engine/until.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { mergeTransitPartials, transitBlocks, transitPlan } from './engine.js';
import { TRIP_BLOCK, type TripBlocks } from './kernel.js';
import { MAX_TRIPS, transitRun, type TransitOptions } from './plan.js';
import type { TransitSample } from './result.js';

/** The `untilStandardError` option of {@link simulateTransit}. */
export interface TransitUntilStandardError {
  /** The largest standard error accepted, in (0, 0.5]. */
  tolerance: number;
  /** The cap on trips: the run stops there even when the tolerance is not reached. */
  maxTrips: number;
  /** The probability P(trip ≤ days): 15 days by default. */
  statistic?: { days: number };
}

/** Options of a transit run to a tolerance: those of {@link simulateTransit} with `untilStandardError` instead of `trips`. */
export type TransitUntilOptions = Omit<TransitOptions, 'trips'> & { untilStandardError: TransitUntilStandardError };

/**
 * Runs trip blocks of 16,384 until the standard error of P(trip ≤ days) is at most the tolerance,
 * or `maxTrips` trips: the sample of exactly the trips it took (the same numbers as
 * `simulateTransit` with that many trips), with `precision` saying how it stopped.
 */
export function simulateTransitUntil(r: RouteInput | Route, o: TransitUntilOptions, fn = 'simulateTransit'): WithPrecision<TransitSample> {
  const opts = options<TransitUntilOptions & { trips?: unknown }>(fn, o, ['trips', 'seed', 'volumeMt', 'untilStandardError'], ['seed', 'untilStandardError']);
  if (opts.trips !== undefined) throw new TypeError(`${fn}: give trips or untilStandardError (whose maxTrips caps the trips), not both (got trips ${show(opts.trips)})`);
  const u = options<TransitUntilStandardError>(fn, opts.untilStandardError, ['tolerance', 'maxTrips', 'statistic'], ['tolerance', 'maxTrips']);
  const tolerance = numberIn(fn, 'untilStandardError.tolerance', u.tolerance, 0, 0.5, { lo: true });
  const maxTrips = wholeNumber(fn, 'untilStandardError.maxTrips', u.maxTrips, 1, MAX_TRIPS);
  const days = u.statistic === undefined ? 15 : finiteNumber(fn, 'untilStandardError.statistic.days', options<{ days: number }>(fn, u.statistic, ['days'], ['days']).days);
  const { untilStandardError: _, ...rest } = opts;
  const cap = transitPlan(transitRun(fn, r, { ...rest, trips: maxTrips }));
  const parts: TripBlocks[] = [];
  const stop = untilPrecise(tolerance, maxTrips, TRIP_BLOCK, (b) => {
    const part = transitBlocks(cap, b, b + 1);
    parts.push(part);
    const d = part.days[0]!;
    let hits = 0;
    for (let i = 0; i < d.length; i++) if (d[i]! <= days) hits++;
    return { hits, n: d.length };
  });
  const result = mergeTransitPartials({ ...cap, trips: stop.paths, nBlocks: stop.blocks }, parts);
  const { paths, estimate, standardError, reached } = stop;
  return withPrecision(result, { statistic: `P(trip ≤ ${days} days)`, tolerance, max: maxTrips, paths, estimate, standardError, reached });
}
