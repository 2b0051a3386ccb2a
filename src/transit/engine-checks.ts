/**
 * Checks of the transit and corridor engines' plans and partials, for plans and partials that
 * come from elsewhere (a file, another process): a plan is rebuilt from its own inputs by the
 * checks of its `plan…` function; a partial must have the plan's shape and finite numbers.
 */
import { show } from '../args.js';
import { checkPlan, finiteArrays, samePlain } from '../engine/blocks.js';
import { perBlock, TRIP_BLOCK, type TripBlocks } from './kernel.js';
import { transitRun } from './plan.js';

/** The fields of a transit plan that its checks rebuild. */
interface TransitLike {
  kind: string;
  route: unknown;
  trips: number;
  seed: string;
  volumeMt: number | null;
  nBlocks: number;
}

/** A transit plan from elsewhere, rebuilt from its route and options (a plan that does not match them is a RangeError). */
export function checkTransitPlan<P extends TransitLike>(fn: string, plan: unknown, make: (run: ReturnType<typeof transitRun>) => P): P {
  const p = checkPlan<P>(fn, plan, 'transit-plan', 'planTransit', ['kind', 'route', 'trips', 'seed', 'volumeMt', 'nBlocks']);
  const q = make(transitRun(fn, p.route, { trips: p.trips, seed: p.seed, ...(p.volumeMt === null ? {} : { volumeMt: p.volumeMt }) }));
  if (!samePlain(p.nBlocks, q.nBlocks)) throw new RangeError(`${fn}: the plan does not match its own inputs (nBlocks ${show(p.nBlocks)}, expected ${q.nBlocks}): use the plan as planTransit made it`);
  return q;
}

/** A trip partial (or, with `finite` false, the arrays to write one into) over [b0, b1) of `trips` trips under `loads` loads of a route of `legs` legs. */
export function checkTrips(fn: string, x: unknown, at: string, o: { legs: number; trips: number; loads: number; b0: number; b1: number; finite: boolean }): TripBlocks {
  const { days, blocks } = (x ?? {}) as Partial<TripBlocks>;
  const n = Math.min(o.b1 * TRIP_BLOCK, o.trips) - o.b0 * TRIP_BLOCK;
  const arrays = (what: string, xs: unknown, length: number) => {
    if (o.finite) return finiteArrays(fn, `${at}.${what}`, xs, o.loads, length);
    if (!Array.isArray(xs) || xs.length !== o.loads || xs.some((a: unknown) => !(a instanceof Float64Array) || a.length !== length)) {
      throw new TypeError(`${fn}: ${at}.${what} must be an array of ${o.loads} Float64Arrays of ${length} numbers (got ${show(xs)})`);
    }
    return xs as Float64Array[];
  };
  const out: TripBlocks = { kind: 'trip-blocks', b0: o.b0, b1: o.b1, days: arrays('days', days, n), blocks: arrays('blocks', blocks, (o.b1 - o.b0) * perBlock(o.legs)) };
  // A trip takes no negative days: a partial with one was not made by a run.
  if (o.finite) {
    out.days.forEach((d, l) => {
      for (let i = 0; i < d.length; i++) {
        if (!(d[i]! >= 0)) throw new RangeError(`${fn}: ${at}.days${o.loads > 1 ? `[${l}]` : ''} holds ${d[i]} days for trip ${o.b0 * TRIP_BLOCK + i}, which no run gives: merge only partials a run made`);
      }
    });
  }
  return out;
}
