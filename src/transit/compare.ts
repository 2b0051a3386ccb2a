import { finiteNumber, options, show } from '../args.js';
import { PROGRESS_OPTIONS, steps, tracker, type ProgressOptions } from '../engine/progress.js';
import type { Seed } from '../random/stream.js';
import { ScenarioError } from '../scenario/error.js';
import { ROUTE_LIMITS } from '../scenario/route-limits.js';
import type { Route, RouteInput } from '../scenario/types.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { runTrips } from './kernel.js';
import { TransitSample } from './result.js';
import { transitRun } from './simulate.js';
import { pairedAtLeast, pairedMean, pairedQuantile, type PairedDifference } from '../stats/paired.js';
import type { TidyRow } from '../report/display.js';
import { block, est, firstLines, num, pct, runOf } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import { labelled } from '../report/result-displays.js';
import { COMPARISON_LEVELS } from '../report/from-results.js';
import { transitChart } from '../report/transit-chart.js';

/** One row of {@link RouteComparison}. */
export interface RouteComparisonRow {
  route: string;
  /** Mean trip days. */
  mean: Estimate;
  p50: number;
  p90: number;
  /** P(trip ≤ within days). */
  probabilityWithin: Estimate;
  /** Mean difference from the first route (days) with its paired standard error; null for the first route. */
  difference: Estimate | null;
  /**
   * Every statistic against the first route, paired trip by trip (the routes share their legs'
   * draws): this route's value, the first route's, the difference with its paired standard error
   * and the variance reduction against independent runs; null for the first route.
   */
  differences: { mean: PairedDifference; p50: PairedDifference; p90: PairedDifference; probabilityWithin: PairedDifference } | null;
  /** The route's and its legs' sources. */
  sources: string[];
  /** Quantiles of the trip days at 21 levels 0, 0.05, …, 1 (what `transitChart(comparison)` draws). */
  distribution: { levels: number[]; days: number[] };
}

/** Options of {@link compareRoutes}. */
export interface CompareOptions extends ProgressOptions {
  trips: number;
  seed: Seed;
  /** The threshold of P(≤ within); 15 days by default (the stated ambition). */
  within?: number;
  /** Annual volume through the routes' queues (Mt); without it queues add nothing. */
  volumeMt?: number;
}

/** The most routes one comparison may hold. */
export const MAX_ROUTES = ROUTE_LIMITS.legs;

/** What {@link RouteComparison.toJSON} returns. */
export interface RouteComparisonJSON {
  kind: 'route-comparison';
  seed: string;
  trips: number;
  within: number;
  volumeMt: number | null;
  rows: RouteComparisonRow[];
}

/** The result of {@link compareRoutes}: one row per route, in the order given. */
export class RouteComparison extends RowResult<RouteComparisonRow, 'route', RouteComparisonJSON> {
  declare readonly kind: 'route-comparison';
  declare readonly trips: number;
  declare readonly within: number;
  declare readonly volumeMt: number | null;
  declare readonly rows: readonly RouteComparisonRow[];

  constructor(seed: string, trips: number, within: number, volumeMt: number | null, rows: readonly RouteComparisonRow[]) {
    super({ kind: 'route-comparison', seed, trips, within, volumeMt, rows: rows as RouteComparisonRow[] });
  }

  /** The trips of each route. */
  get size(): number {
    return this.trips;
  }

  /** Tidy rows `{ route, statistic, value, standardError, threshold }`: mean, p50, p90, probabilityWithin (threshold: `within` days) and the paired difference of the mean from the first route. */
  toRecords(): TidyRow<'route'>[] {
    return labelled(this.rows, (r) => ({ route: r.route }), (r) => ({ mean: r.mean, p50: r.p50, p90: r.p90, probabilityWithin: r.probabilityWithin, difference: r.difference }), () => ({ probabilityWithin: this.within }));
  }

  /** The table of routes and their distributions of days. */
  protected display(): RowDisplay {
    return { title: `Routes compared (${this.trips.toLocaleString('en')} trips each, seed ${this.seed}, P(≤ ${this.within} days))`, text: `RouteComparison: ${this.rows.length} routes`, chart: transitChart(this) };
  }

  /** The run and each route's days. */
  protected text(): string {
    return block(
      `RouteComparison: ${this.rows.length} route${this.rows.length === 1 ? '' : 's'}, ${runOf(this.trips, 'trips each', this.seed)}`,
      firstLines(this.rows.map((r) => `${r.route}: median ${num(r.p50, 'days')}, mean ${est(r.mean, 'days')}, P(≤ ${num(this.within)} days) ${pct(r.probabilityWithin)}${r.difference ? `, ${est(r.difference, 'days')} against ${this.rows[0]!.route}` : ''}`)),
    );
  }
}

/** transitRun of routes[i]: a route's problems are reported at `routes[i]`, not at the root. */
function routeRun(fn: string, r: unknown, i: number, o: unknown) {
  try {
    return transitRun(fn, r, o);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new ScenarioError('route', e.issues.map((x) => ({ path: ['routes', i, ...x.path], message: x.message })), e.issueCount);
  }
}

/**
 * One table of routes: mean, P50, P90, P(≤ 15 days), and the mean difference from the first
 * route with its paired standard error. All routes use the same seed and streams keyed by leg
 * name, so legs the routes share draw the same numbers for the same trip (common random
 * numbers): their differences are sharper than the noise of either. The options are a closed
 * record `{ trips, seed, within?, volumeMt?, onProgress?, signal? }` (progress in routes run); at most 100 routes.
 *
 * @example compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 1000, seed: 1 }).rows[1].route // => 'suez-sea'
 */
export function compareRoutes(routes: readonly (RouteInput | Route)[], o: CompareOptions): RouteComparison {
  const fn = 'compareRoutes';
  if (!Array.isArray(routes)) throw new TypeError(`${fn}: routes must be a non-empty array of routes (got ${show(routes)})`);
  if (!(routes.length >= 1 && routes.length <= MAX_ROUTES)) throw new RangeError(`${fn}: routes must hold 1 to ${MAX_ROUTES} routes (got ${routes.length})`);
  const opts = options<CompareOptions>(fn, o, ['trips', 'seed', 'within', 'volumeMt', ...PROGRESS_OPTIONS], ['trips', 'seed']);
  const within = opts.within === undefined ? 15 : finiteNumber(fn, 'within', opts.within);
  const track = tracker(fn, opts);
  const { within: _w, onProgress: _p, signal: _s, ...transitOptions } = opts;
  // Every route checked (and parsed) before any is simulated.
  // Array.from, not map: a sparse array's holes are routes too (undefined ones, refused by name).
  const runs = Array.from(routes, (r, i) => routeRun(fn, r, i, transitOptions));
  // One route's trips at a time, and the first route's kept for the paired differences.
  let first: Float64Array | null = null;
  const progress = steps(track, runs.length, 'runs');
  const rows = runs.map((run) => {
    const [out] = runTrips(run.route, run.seed, run.trips, [{ volumeMt: () => run.volumeMt, capacityMt: () => null }]);
    const t = new TransitSample(out!, run.route, run.seed, { volumeMt: run.volumeMt, year: null });
    const [p50, p90] = t.quantiles([0.5, 0.9]) as [number, number];
    const r = run.route;
    const row: RouteComparisonRow = {
      route: r.name,
      mean: t.mean,
      p50,
      p90,
      probabilityWithin: t.probabilityWithin(within),
      difference: first === null ? null : pairedDifference(t.days, first),
      differences:
        first === null
          ? null
          : {
              mean: pairedMean(t.days, first),
              p50: pairedQuantile(t.days, first, 0.5),
              p90: pairedQuantile(t.days, first, 0.9),
              // P(days <= within) is P(-days >= -within): the at-least form on negated days.
              probabilityWithin: pairedAtLeast(t.days.map((x) => -x), first.map((x) => -x), -within),
            },
      sources: [...(r.source ? [r.source] : []), ...r.legs.map((l) => `${l.name}: ${l.source ?? 'no source given'}`)],
      distribution: { levels: [...COMPARISON_LEVELS], days: [...t.quantiles(COMPARISON_LEVELS)] },
    };
    first ??= t.days;
    progress.step();
    return row;
  });
  const run = runs[0]!;
  return new RouteComparison(run.seed, run.trips, within, run.volumeMt, rows);
}

/** The mean of a − b and its standard error (two passes). */
function pairedDifference(a: Float64Array, b: Float64Array): Estimate {
  const n = a.length;
  let m = 0;
  for (let j = 0; j < n; j++) m += a[j]! - b[j]!;
  m /= n;
  let ss = 0;
  for (let j = 0; j < n; j++) ss += ((a[j]! - b[j]! - m) * (a[j]! - b[j]! - m));
  return estimate(m, n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0);
}
