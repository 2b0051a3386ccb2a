import type { Seed } from '../random/stream.js';
import { parseRoute } from '../scenario/parse.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { simulateTransit } from './simulate.js';

/** One row of {@link compareRoutes}. */
export interface RouteComparisonRow {
  route: string;
  mean: number;
  p50: number;
  p90: number;
  /** P(trip ≤ within days) and its standard error. */
  pWithin: number;
  pWithinSE: number;
  /** Mean difference from the first route (days) and its paired standard error. */
  meanDiff: number;
  meanDiffSE: number;
  /** The route's and its legs' sources. */
  sources: string[];
}

/** Options of {@link compareRoutes}. */
export interface CompareOptions {
  trips: number;
  seed: Seed;
  /** The threshold of P(≤ within); 15 days by default (the stated ambition). */
  within?: number;
  /** Annual volume through the routes' queues (Mt); without it queues add nothing. */
  volumeMt?: number;
}

/**
 * One table of routes: mean, P50, P90, P(≤ 15 days) ± SE, and the mean difference from the
 * first route with its paired standard error. All routes use the same seed and streams keyed by
 * leg name, so legs the routes share draw the same numbers for the same trip (common random
 * numbers): their differences are sharper than the noise of either.
 *
 * @example compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 1000, seed: 1 })[1].route // => 'suez-sea'
 */
export function compareRoutes(routes: readonly (RouteInput | Route)[], o: CompareOptions): RouteComparisonRow[] {
  if (!Array.isArray(routes) || routes.length === 0) throw new RangeError('routes: must be a non-empty array of routes');
  const within = o.within ?? 15;
  if (!Number.isFinite(within)) throw new RangeError(`within: must be a finite number of days (got ${within})`);
  const parsed = routes.map((r) => parseRoute(r));
  const opts = { trips: o.trips, seed: o.seed, ...(o.volumeMt === undefined ? {} : { volumeMt: o.volumeMt }) };
  const samples = parsed.map((r) => simulateTransit(r, opts));
  const first = samples[0]!.days;
  return samples.map((t, i) => {
    const [p50, p90] = t.quantiles([0.5, 0.9]) as [number, number];
    const w = t.probabilityWithin(within);
    const n = first.length;
    let m = 0;
    for (let j = 0; j < n; j++) m += t.days[j]! - first[j]!;
    m /= n;
    let ss = 0;
    for (let j = 0; j < n; j++) ss += (t.days[j]! - first[j]! - m) ** 2;
    const r = parsed[i]!;
    return {
      route: r.name,
      mean: t.mean,
      p50,
      p90,
      pWithin: w.estimate,
      pWithinSE: w.standardError,
      meanDiff: m,
      meanDiffSE: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0,
      sources: [...(r.source ? [r.source] : []), ...r.legs.map((l) => `${l.name}: ${l.source ?? 'no source given'}`)],
    };
  });
}
