import { finiteNumber } from '../args.js';
import { chartOptions, records } from './check.js';
import { kindOf, routesOf } from './from-results.js';
import { base, DASHES, INK, LINES, type VegaLiteSpec } from './style.js';

// The transit-time chart: distributions by route with the day line.

export interface RouteDistribution {
  readonly route: string;
  readonly levels: readonly number[];
  readonly days: readonly number[];
}

/**
 * The distribution functions of door-to-door days by route, with a vertical line at `within` days
 * (15 by default; a route comparison's own `within`). Takes the distributions, or a transit sample,
 * several samples, or a route comparison (`transitChart(compareRoutes(…))`).
 */
export function transitChart(routes: readonly RouteDistribution[] | { readonly kind: 'transit' | 'route-comparison' } | readonly { readonly kind: 'transit' }[], o: { within?: number; title?: string; sources?: readonly string[] } = {}): VegaLiteSpec {
  const fn = 'transitChart';
  const comparisonWithin = kindOf(routes) === 'route-comparison' ? (routes as { within?: number }).within : undefined;
  routes = routesOf(fn, routes) ?? (routes as readonly RouteDistribution[]);
  records<RouteDistribution>(fn, 'routes', routes, { route: 'string' }).forEach((r, i) => {
    const levels = records(fn, `routes[${i}].levels`, (r.levels as unknown[] | undefined)?.map((x) => ({ x })) ?? r.levels, { x: 'number' });
    const days = records(fn, `routes[${i}].days`, (r.days as unknown[] | undefined)?.map((x) => ({ x })) ?? r.days, { x: 'number' });
    if (levels.length !== days.length) throw new RangeError(`${fn}: routes[${i}] needs one level per day value (got ${levels.length} levels, ${days.length} days)`);
  });
  o = chartOptions(fn, o, ['within']);
  if (o.within !== undefined) finiteNumber(fn, 'within', o.within);
  const within = o.within ?? comparisonWithin ?? 15;
  const names = routes.map((r) => r.route);
  const data = routes.flatMap((r) => r.days.map((d, i) => ({ route: r.route, days: d, p: r.levels[i]! })));
  return base(o.title ?? 'Door-to-door days by route', o.sources ?? [], {
    layer: [
      {
        data: { values: data },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'days', type: 'quantitative', title: 'Door-to-door days', scale: { zero: false } },
          y: { field: 'p', type: 'quantitative', title: 'P(trip takes at most this many days)', axis: { format: '.0%' } },
          color: { field: 'route', type: 'nominal', title: null, scale: { domain: names, range: names.map((_, i) => LINES[i % LINES.length]) } },
          strokeDash: { field: 'route', type: 'nominal', title: null, legend: { symbolSize: 500, symbolStrokeWidth: 2 }, scale: { domain: names, range: names.map((_, i) => DASHES[i % DASHES.length]) } },
        },
      },
      {
        data: { values: [{ days: within, label: `${within}-day ambition` }] },
        layer: [
          { mark: { type: 'rule', color: INK.target, strokeDash: [4, 2] }, encoding: { x: { field: 'days', type: 'quantitative' } } },
          { mark: { type: 'text', color: INK.target, align: 'left', dx: 4, dy: -4, fontSize: 11 }, encoding: { x: { field: 'days', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
        ],
      },
    ],
  });
}

/** One bar of a tornado: the statistic with a parameter held at its P10 and at its P90. */
