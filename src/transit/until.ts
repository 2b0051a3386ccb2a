/** `simulateTransit(r, { seed, untilStandardError })`: a transit run of as many trip blocks as a tolerance needs. */
import { finiteNumber, numberIn, options, sampleSize, show } from '../args.js';
import { PILOT_SUFFIX, precisionOf, runPilot, runSize, withPrecision, type WithPrecision } from '../engine/until.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { mergeTransitPartials, transitBlocks, transitPlan } from './engine.js';
import { TRIP_BLOCK, type TripBlocks } from './kernel.js';
import { MAX_TRIPS, transitRun, type TransitOptions } from './plan.js';
import type { TransitSample } from './result.js';

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
export function simulateTransitUntil(r: RouteInput | Route, o: TransitUntilOptions, fn = 'simulateTransit'): WithPrecision<TransitSample> {
  const opts = options<TransitUntilOptions & { trips?: unknown }>(fn, o, ['trips', 'seed', 'volumeMt', 'untilStandardError'], ['seed', 'untilStandardError']);
  if (opts.trips !== undefined) throw new TypeError(`${fn}: give trips or untilStandardError (whose maxTrips caps the trips), not both (got trips ${show(opts.trips)})`);
  const u = options<TransitUntilStandardError>(fn, opts.untilStandardError, ['tolerance', 'maxTrips', 'statistic'], ['tolerance', 'maxTrips']);
  const tolerance = numberIn(fn, 'untilStandardError.tolerance', u.tolerance, 0, 0.5, { lo: true });
  const maxTrips = sampleSize(fn, 'untilStandardError.maxTrips', u.maxTrips, MAX_TRIPS);
  const days = u.statistic === undefined ? 15 : finiteNumber(fn, 'untilStandardError.statistic.days', options<{ days: number }>(fn, u.statistic, ['days'], ['days']).days);
  const { untilStandardError: _, ...rest } = opts;
  const run = transitRun(fn, r, { ...rest, trips: maxTrips });
  const within = (part: TripBlocks) => {
    const d = part.days[0]!;
    let hits = 0;
    for (let i = 0; i < d.length; i++) if (d[i]! <= days) hits++;
    return { hits, n: d.length };
  };
  const pilotSeed = run.seed + PILOT_SUFFIX;
  const pilotPlan = transitPlan({ ...run, seed: pilotSeed });
  const pilot = runPilot(maxTrips, TRIP_BLOCK, (b) => within(transitBlocks(pilotPlan, b, b + 1)));
  const { paths, needed } = runSize(tolerance, maxTrips, TRIP_BLOCK, pilot);
  const final = transitPlan({ ...run, trips: paths });
  const part = transitBlocks(final, 0, final.nBlocks);
  const precision = precisionOf(`P(trip ≤ ${days} days)`, tolerance, maxTrips, { ...pilot, seed: pilotSeed }, needed, within(part).hits, paths);
  return withPrecision(mergeTransitPartials(final, [part]), precision);
}
