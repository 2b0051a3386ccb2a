/**
 * fast-check arbitraries that generate only valid documents: every scenario, route, parameter and
 * record they produce parses (`parseScenario`, `parseRoute`), so a property can test a forecast
 * instead of the validator. Constraints narrow what is generated.
 */
import type { Arbitrary } from 'fast-check';
import { options, show } from '../args.js';
import { MAX_ABS_YEAR } from '../scenario/schema-primitives.js';
import { names, range, routeConstraints, scenarioConstraints, whole } from './constraints.js';
import fc from './fast-check-peer.js';
import type { Observation } from '../data/volumes.js';
import type { Dist, Param } from '../random/dist.js';
import type { LegInput, RouteInput, ScenarioInput } from '../scenario/types.js';

/** Bounds of a parameter arbitrary: every value the distribution can take lies in [min, max]. */
export interface ParamConstraints {
  min?: number;
  max?: number;
  /** Which shapes (all by default, and plain numbers). */
  dists?: readonly ('number' | Dist['dist'])[];
}

/** The largest |bound| of a parameter arbitrary: the mean and variance of any shape within it stay finite doubles. */
const MAX_PARAM = 1e150;
const DISTS = ['number', 'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical'] as const;

const d = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * A parameter whose whole support lies in [min, max] (0 to 1 by default): a number, or a
 * uniform, triangular, PERT, truncated normal or empirical distribution; lognormals only when
 * asked for in `dists`: untruncated when `max` is Infinity (and `min` <= 0), truncated to
 * [min, max] inside the bounds when `max` is finite and positive.
 */
export function param(c: ParamConstraints = {}): Arbitrary<Param> {
  c = options<ParamConstraints>('param', c, ['min', 'max', 'dists']);
  const lo = c.min ?? 0;
  const hi = c.max ?? 1;
  if (typeof lo !== 'number' || typeof hi !== 'number') throw new TypeError(`param: min and max must be numbers (got min ${show(lo)}, max ${show(hi)})`);
  if (!(lo <= hi) || !(Math.abs(lo) <= MAX_PARAM) || !(hi === Infinity || Math.abs(hi) <= MAX_PARAM)) {
    throw new RangeError(`param: needs min <= max, both in [-${MAX_PARAM}, ${MAX_PARAM}] (max may be Infinity) (got min ${show(lo)}, max ${show(hi)})`);
  }
  const top = Number.isFinite(hi) ? hi : lo + 1e3;
  const want = new Set(c.dists === undefined ? ['number', 'uniform', 'triangular', 'pert', 'normal', 'empirical'] : names('param', 'dists', c.dists, DISTS));
  const sorted3 = fc.tuple(d(lo, top), d(lo, top), d(lo, top)).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);
  const shapes: Arbitrary<Param>[] = [];
  if (want.has('number')) shapes.push(d(lo, top));
  if (want.has('uniform')) shapes.push(sorted3.map(([a, , b]) => ({ dist: 'uniform' as const, min: a, max: b })));
  if (want.has('triangular')) shapes.push(sorted3.map(([a, m, b]) => ({ dist: 'triangular' as const, min: a, mode: m, max: b })));
  if (want.has('pert')) shapes.push(sorted3.map(([a, m, b]) => ({ dist: 'pert' as const, min: a, mode: m, max: b })));
  if (want.has('normal')) {
    shapes.push(
      // Halves first: (top − lo) / 2 overflows when the bounds are ±1e300.
      fc.tuple(sorted3, d(0, top / 2 - lo / 2)).map(([[a, m, b], sd]) => ({ dist: 'normal' as const, mean: m, sd, min: a, max: b })),
    );
  }
  if (want.has('empirical')) shapes.push(fc.array(d(lo, top), { minLength: 1, maxLength: 5 }).map((values) => ({ dist: 'empirical' as const, values })));
  if (want.has('lognormal') && hi === Infinity && lo <= 0) shapes.push(fc.tuple(d(0.01, 100), d(0, 1)).map(([median, sigma]) => ({ dist: 'lognormal' as const, median, sigma })));
  else if (want.has('lognormal') && hi < Infinity && hi > 0) shapes.push(truncatedLognormal(Math.max(lo, 0), hi));
  if (shapes.length === 0) throw new RangeError('param: no distribution shape left to generate (check dists and the bounds)');
  return fc.oneof(...shapes);
}

/**
 * A lognormal truncated to [min, max] inside [lo, hi] (0 <= lo < hi): the median between the
 * bounds (so the truncated mass never underflows), sigma in [0, 1]; min left out (0) when lo is 0
 * and the draw says so.
 */
function truncatedLognormal(lo: number, hi: number): Arbitrary<Param> {
  return fc
    .tuple(d(lo, hi), d(lo, hi), d(0, 1), d(0, 1), fc.boolean())
    .map(([x, y, at, sigma, omitMin]) => {
      const min = Math.min(x, y);
      const max = Math.max(x, y);
      const median = Math.min(max, min + (max - min) * at);
      return { dist: 'lognormal' as const, median, sigma, ...(lo === 0 && omitMin ? {} : { min }), max };
    })
    .filter((p) => p.median > 0);
}

/**
 * Piecewise points at whole years from `first` to `last` (at least 2 apart), as evenly spread as
 * the years allow, so that the run (to `last`) never extends the path beyond its last point: the
 * median path stays within the points' volumes (0.1–50 Mt, scaled to the start volume), where
 * extrapolating two years' slope over a century carried demand past MAX_VOLUME_MT.
 */
function spread(volumes: readonly number[], first: number, last: number): { year: number; volumeMt: number }[] {
  const n = Math.min(volumes.length, last - first + 1);
  return volumes.slice(0, n).map((volumeMt, i) => ({ year: first + Math.round((i * (last - first)) / (n - 1)), volumeMt }));
}

/** What {@link scenario} generates. */
export interface ScenarioConstraints {
  /** The start year's range (2020–2030 by default). */
  startYear?: [number, number];
  /** Years simulated after the start (1–10 by default). */
  years?: [number, number];
  /** The start volume's range, Mt (0.5–10 by default; within [1e-6, 1e6]). */
  startMt?: [number, number];
  /** Growth models to draw from ('exponential', 'logistic', 'gompertz', 'piecewise'; all by default). */
  growth?: readonly ('exponential' | 'logistic' | 'gompertz' | 'piecewise')[];
  /** With a capacity: always, never, or either (default). */
  capacity?: boolean;
  /** At most this many disruptions (2 by default). */
  maxDisruptions?: number;
}

/** Valid scenarios (every one parses), within the constraints. */
export function scenario(constraints: ScenarioConstraints = {}): Arbitrary<ScenarioInput> {
  const c = scenarioConstraints(constraints);
  const [y0, y1] = c.startYear;
  const [k0, k1] = c.years;
  const [v0, v1] = c.startMt;
  const models = c.growth;
  return fc
    .record({
      year: fc.integer({ min: y0, max: y1 }),
      years: fc.integer({ min: k0, max: k1 }),
      volumeMt: d(v0, v1),
      model: fc.constantFrom(...models),
      volatility: param({ min: 0, max: 0.6 }),
      persistence: fc.option(d(0, 0.9), { nil: undefined }),
      withCapacity: c.capacity === undefined ? fc.boolean() : fc.constant(c.capacity),
      disruptions: fc.integer({ min: 0, max: c.maxDisruptions }),
    })
    .map((s) => ({ ...s, horizon: s.year + s.years }))
    .chain((s) => {
      const growth: Arbitrary<ScenarioInput['growth']> =
        s.model === 'exponential'
          ? param({ min: -0.5, max: 1 }).map((rate) => ({ model: 'exponential' as const, rate }))
          : s.model === 'piecewise'
            ? fc.array(d(0.1, 50), { minLength: 2, maxLength: 4 }).map((vs) => ({ model: 'piecewise' as const, points: spread(vs, s.year - 2, s.horizon) }))
            : // K above the start volume, and the rate positive: the anchored curves' rules.
              fc.record({ k: d(1.05, 5), rate: param({ min: 0.05, max: 1 }) }).map(({ k, rate }) => ({ model: s.model as 'logistic' | 'gompertz', capacityMt: s.volumeMt * k, rate }));
      const capacity = s.withCapacity
        ? fc.record({
            baseMt: param({ min: 0.5, max: 50 }),
            expansions: fc.array(fc.record({ dy: fc.integer({ min: 0, max: s.years }), addMt: param({ min: 0, max: 10 }), delayYears: param({ min: 0, max: 3 }) }), { maxLength: 2 }),
          }).map((x) => ({ baseMt: x.baseMt, expansions: x.expansions.map((e) => ({ year: s.year + e.dy, addMt: e.addMt, delayYears: e.delayYears })) }))
        : fc.constant(undefined);
      const disruptions = fc.array(
        fc.record({ probability: param({ min: 0, max: 1 }), factor: param({ min: 0.5, max: 1.5 }), onCapacity: fc.boolean() }),
        { minLength: s.disruptions, maxLength: s.disruptions },
      );
      return fc.tuple(growth, capacity, disruptions).map(([g, cap, ds]): ScenarioInput => ({
        start: { year: s.year, volumeMt: s.volumeMt },
        horizon: s.horizon,
        growth: g,
        volatility: s.volatility,
        ...(s.persistence === undefined ? {} : { persistence: s.persistence }),
        ...(cap ? { capacity: cap } : {}),
        disruptions: ds.map((x, i) => ({
          name: `disruption ${i + 1}`,
          probability: x.probability,
          ...(x.onCapacity && cap ? { capacityFactor: x.factor } : { demandFactor: x.factor }),
        })),
        target: null,
      }));
    });
}

/** What {@link route} generates. */
export interface RouteConstraints {
  /** Legs per route (1–6 by default). */
  legs?: [number, number];
  /** Days a leg may take, at most (30 by default). */
  maxDays?: number;
  /** With queues on some legs (default) or none. */
  queues?: boolean;
}

const MODES = ['rail', 'road', 'ferry', 'sea', 'port', 'border'] as const;
/** A leg's days: every shape, truncated lognormals included. */
const LEG_DISTS = ['number', 'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical'] as const;

/** Valid routes (every one parses): legs with days (any shape, truncated lognormals included), some with delays and queues. */
export function route(constraints: RouteConstraints = {}): Arbitrary<RouteInput> {
  const c = routeConstraints(constraints);
  const [l0, l1] = c.legs;
  const maxDays = c.maxDays;
  const leg = (i: number): Arbitrary<LegInput> =>
    fc
      .record({
        mode: fc.constantFrom(...MODES),
        days: param({ min: 0, max: maxDays, dists: LEG_DISTS }),
        delay: fc.option(fc.record({ probability: d(0, 1), days: param({ min: 0, max: maxDays, dists: LEG_DISTS }) }), { nil: undefined }),
        queue: c.queues === false ? fc.constant(undefined) : fc.option(fc.record({ capacityMt: param({ min: 0.5, max: 20 }), servers: fc.integer({ min: 1, max: 12 }), serviceDays: d(0.05, 5), arrivalCv: d(0, 2), serviceCv: d(0, 2) }), { nil: undefined }),
      })
      .map((x) => ({ name: `leg ${i + 1}`, mode: x.mode, days: x.days, ...(x.delay ? { delay: x.delay } : {}), ...(x.queue ? { queue: x.queue } : {}) }));
  return fc.integer({ min: l0, max: l1 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => leg(i))).map((legs) => ({ name: 'generated route', legs })));
}

/** A record of outturns: consecutive years, positive volumes (what the fits and evaluations read). */
export function observations(constraints: { years?: [number, number]; first?: number } = {}): Arbitrary<Observation[]> {
  const c = options<{ years?: unknown; first?: unknown }>('observations', constraints, ['years', 'first']);
  const [n0, n1] = c.years === undefined ? [4, 10] : range('observations', 'years', c.years, 1, 1000, true);
  const first = c.first === undefined ? 2015 : whole('observations', 'first', c.first, -MAX_ABS_YEAR, MAX_ABS_YEAR - 1000);
  return fc.array(d(0.05, 50), { minLength: n0, maxLength: n1 }).map((vs) => vs.map((volumeMt, i) => ({ year: first + i, volumeMt, kind: 'reported' as const, source: 'generated' })));
}
