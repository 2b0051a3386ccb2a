import { finiteNumber, numberIn, options, sampleSize, show, wholeNumber } from '../args.js';
import { PROGRESS_OPTIONS, steps, type Tracker, tracker, type ProgressOptions } from '../engine/progress.js';
import { block, est, num, printAs } from '../report/print.js';
import { support } from '../random/moments.js';
import type { Param } from '../random/dist.js';
import { seedKey, type Seed } from '../random/stream.js';
import { formatPath, ScenarioError } from '../scenario/error.js';
import { parseRoute, parseScenario } from '../scenario/parse.js';
import type { Route, RouteInput, Scenario, ScenarioInput } from '../scenario/types.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { simulateTransit } from '../transit/simulate.js';
import { MAX_PATHS, simulateVolumes } from '../volume/simulate.js';
import { pairedQuantile } from '../stats/paired.js';
import { centre, scaled, shifted, valueAt, withValueAt } from './parameters.js';
import { parsePath } from './path.js';
import { solveMonotone, type Root } from './root.js';
import { checkStatistic, evaluate, statisticLabel, type VolumeStatistic } from './statistic.js';

/** What {@link solveScenario} varies: a parameter by its path, or capacity added from a year on. */
export type ScenarioParameter = string | { readonly addCapacityMt: { readonly year: number } };

/** Options of {@link solveScenario}. */
export interface SolveScenarioOptions extends ProgressOptions {
  /**
   * The parameter: a path such as 'growth.rate' or 'capacity.baseMt' (a number there is replaced
   * by the value tried; a distribution is shifted so that its centre — mode, mean or median — is
   * the value tried), or `{ addCapacityMt: { year } }`: an expansion of that many Mt from the year.
   */
  parameter: ScenarioParameter;
  statistic: VolumeStatistic;
  /** The level the statistic should reach, e.g. 0.5 for an even bet. */
  level: number;
  /** The values tried lie in [lo, hi]. */
  range: readonly [number, number];
  paths: number;
  seed: Seed;
  /** Stop when the bracket is this narrow (1e-4 of the range by default). */
  tolerance?: number;
}

/** What {@link solveScenario} and {@link solveRoute} return. */
export interface Solution extends Root {
  readonly kind: 'solution';
  readonly parameter: string;
  readonly label: string;
  readonly level: number;
  readonly seed: string;
}

function solution(root: Root, parameter: string, label: string, level: number, seed: string): Solution {
  return printAs({ kind: 'solution', parameter, label, level, seed, ...root }, (s) => block(`Solution: ${s.parameter} = ${num(s.value)} [${num(s.lower)}, ${num(s.upper)}] makes ${s.label} ${num(s.level)}`, [`there ${est(s.statistic)}, ${s.evaluations} evaluations, seed ${s.seed}`]));
}

/**
 * Goal seeking on a scenario: the value of one parameter at which a statistic reaches a level —
 * the growth rate at which P(≥ 10 Mt in 2027) is an even bet, the capacity added in 2027 that makes
 * it so. Every value is simulated on the same seed (common random numbers), so the statistic is
 * monotone in the parameter and bisection applies; `lower`/`upper` bound the value by the Monte
 * Carlo error (where the statistic reaches level ∓ 1.96 SE). When no value in the range reaches
 * the level, the RangeError says how far each end got.
 *
 * @example
 * const s = solveScenario({ start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.2 } },
 *   { parameter: 'growth.rate', statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, level: 10, range: [0, 1], paths: 100, seed: 1 });
 * s.value.toFixed(3) // => '0.558'
 */
export function solveScenario(s: ScenarioInput | Scenario, o: SolveScenarioOptions): Solution {
  const fn = 'solveScenario';
  const opts = options<SolveScenarioOptions>(fn, o, ['parameter', 'statistic', 'level', 'range', 'paths', 'seed', 'tolerance', ...PROGRESS_OPTIONS], ['parameter', 'statistic', 'level', 'range', 'paths', 'seed']);
  const track = tracker(fn, opts);
  const statistic = checkStatistic(fn, opts.statistic);
  const level = finiteNumber(fn, 'level', opts.level);
  const [lo, hi] = range(fn, opts.range);
  const paths = sampleSize(fn, 'paths', opts.paths, MAX_PATHS);
  const seed = seedKey(opts.seed, fn);
  const tolerance = opts.tolerance === undefined ? (hi - lo) * 1e-4 : numberIn(fn, 'tolerance', opts.tolerance, 0, hi - lo, { lo: true });
  parseScenario(s); // refuse a bad scenario before any run
  const doc = JSON.parse(JSON.stringify(s)) as ScenarioInput;
  let name: string;
  let at: (x: number) => ScenarioInput;
  if (typeof opts.parameter === 'string') {
    name = opts.parameter;
    const path = parsePath(opts.parameter, fn, 'parameter');
    const current = valueAt(doc, path) as Param | undefined;
    if (current === undefined || !(typeof current === 'number' || (typeof current === 'object' && current !== null && 'dist' in current))) {
      throw new RangeError(`${fn}: parameter ${show(opts.parameter)} is not a number or a distribution of the scenario`);
    }
    at = typeof current === 'number' ? (x) => withValueAt(doc, path, x) : (x) => withValueAt(doc, path, shifted(current, x - centre(current)));
  } else if (opts.parameter !== null && typeof opts.parameter === 'object' && 'addCapacityMt' in opts.parameter) {
    const year = wholeNumber(fn, 'parameter.addCapacityMt.year', opts.parameter.addCapacityMt?.year, doc.start.year + 1, doc.horizon);
    if (!doc.capacity) throw new RangeError(`${fn}: parameter addCapacityMt needs a scenario with a capacity to add to`);
    name = `capacity added in ${year} (Mt)`;
    at = (x) => ({ ...doc, capacity: { ...doc.capacity!, expansions: [...(doc.capacity!.expansions ?? []), { year, addMt: x }] } });
  } else {
    throw new TypeError(`${fn}: parameter must be a path such as 'growth.rate' or { addCapacityMt: { year } } (got ${show(opts.parameter)})`);
  }
  refuseOutside(fn, name, [lo, hi], at, parseScenario);
  const runs = searchSteps(track, lo, hi, tolerance);
  const sim = (x: number) => runs.counted(tried(fn, name, x, () => simulateVolumes(at(x), { paths, seed, ...runs.inner })));
  const root = solveMonotone((x) => evaluate(sim(x), statistic, fn), {
    lo, hi, level, tolerance, fn, parameter: name,
    why: () => {
      // Say what limits the volume at each end of the range: demand or capacity.
      const limits = (x: number) => {
        const r = sim(x);
        const k = statistic.year - r.years[0]!;
        const d = r.demand[k]!;
        const c = r.capacity[k];
        const median = (v: Float64Array) => pairedQuantile(v, v, 0.5).a.toFixed(2);
        return `at ${x} the median demand in ${statistic.year} is ${median(d)} Mt${c ? ` and the median capacity ${median(c)} Mt` : ' (no capacity limit)'}`;
      };
      return `Volume is the lesser of demand and capacity: ${limits(lo)}; ${limits(hi)}.`;
    },
  });
  runs.done();
  return solution(root, name, statisticLabel(statistic), level, seed);
}

/** A statistic of trip days. */
export type TransitStatistic = { readonly statistic: 'probabilityWithin'; readonly days: number } | { readonly statistic: 'quantile'; readonly p: number };

/** What {@link solveRoute} varies. */
export type RouteParameter = 'days-scale' | { readonly leg: string } | { readonly servers: string };

/** Options of {@link solveRoute}. */
export interface SolveRouteOptions extends ProgressOptions {
  /**
   * 'days-scale': every leg's days multiplied by the value; `{ leg }`: one leg's days so
   * multiplied; `{ servers: legName }`: the number of servers of that leg's queue (whole numbers).
   */
  parameter: RouteParameter;
  statistic: TransitStatistic;
  level: number;
  range: readonly [number, number];
  trips: number;
  seed: Seed;
  /** Annual volume through the queues (Mt). */
  volumeMt?: number;
  tolerance?: number;
}

function transitStatistic(days: Float64Array, s: TransitStatistic): Estimate {
  if (s.statistic === 'quantile') {
    const d = pairedQuantile(days, new Float64Array(days.length), s.p);
    return estimate(d.a, d.difference.standardError);
  }
  let k = 0;
  for (let i = 0; i < days.length; i++) k += +(days[i]! <= s.days);
  const p = k / days.length;
  return estimate(p, Math.sqrt((p * (1 - p)) / days.length));
}

/** The smallest value a parameter can take. */
const minOf = (p: Param) => (typeof p === 'number' ? p : (support(p).min ?? -Infinity));

/**
 * Goal seeking on a route: the scale of all legs' days (or of one leg's), or the number of
 * servers of a queue, at which a statistic of trip days reaches a level — e.g. P(≤ 15 days) = 0.5,
 * or a median of 15 days. Common random numbers and bisection as in {@link solveScenario}; when
 * the level is out of reach the message says how far each end got and, for a number of days,
 * what the legs' minimum days add up to.
 *
 * @example
 * const r = solveRoute(ROUTES['corridor-poti'], { parameter: 'days-scale', statistic: { statistic: 'quantile', p: 0.5 }, level: 15, range: [0.1, 1], trips: 2000, seed: 1 });
 * r.value < 0.5 // => true
 */
export function solveRoute(r: RouteInput | Route, o: SolveRouteOptions): Solution {
  const fn = 'solveRoute';
  const opts = options<SolveRouteOptions>(fn, o, ['parameter', 'statistic', 'level', 'range', 'trips', 'seed', 'volumeMt', 'tolerance', ...PROGRESS_OPTIONS], ['parameter', 'statistic', 'level', 'range', 'trips', 'seed']);
  const track = tracker(fn, opts);
  const statistic = checkTransitStatistic(fn, opts.statistic);
  const level = finiteNumber(fn, 'level', opts.level);
  const [lo, hi] = range(fn, opts.range);
  const trips = sampleSize(fn, 'trips', opts.trips, MAX_PATHS);
  const seed = seedKey(opts.seed, fn);
  const route = parseRoute(r);
  const doc = JSON.parse(JSON.stringify(r)) as RouteInput;
  const p = opts.parameter;
  let name: string;
  let at: (x: number) => RouteInput;
  let integer = false;
  if (p === 'days-scale') {
    name = "scale of every leg's days";
    at = (x) => ({ ...doc, legs: doc.legs.map((l) => ({ ...l, days: scaled(l.days, x) })) });
  } else if (p !== null && typeof p === 'object' && 'leg' in p) {
    const i = route.legs.findIndex((l) => l.name === p.leg);
    if (i < 0) throw new RangeError(`${fn}: no leg named ${show(p.leg)} (legs: ${route.legs.map((l) => l.name).join(', ')})`);
    name = `scale of ${p.leg}'s days`;
    at = (x) => ({ ...doc, legs: doc.legs.map((l, j) => (j === i ? { ...l, days: scaled(l.days, x) } : l)) });
  } else if (p !== null && typeof p === 'object' && 'servers' in p) {
    const i = route.legs.findIndex((l) => l.name === p.servers && l.queue);
    if (i < 0) throw new RangeError(`${fn}: no leg named ${show(p.servers)} with a queue (queues: ${route.legs.filter((l) => l.queue).map((l) => l.name).join(', ') || 'none'})`);
    name = `servers of ${p.servers}'s queue`;
    integer = true;
    at = (x) => ({ ...doc, legs: doc.legs.map((l, j) => (j === i ? { ...l, queue: { ...l.queue!, servers: Math.ceil(x) } } : l)) });
  } else {
    throw new TypeError(`${fn}: parameter must be 'days-scale', { leg: name } or { servers: legName } (got ${show(p)})`);
  }
  refuseOutside(fn, name, [lo, hi], at, parseRoute);
  const tolerance = opts.tolerance === undefined ? (integer ? 0.5 : (hi - lo) * 1e-4) : numberIn(fn, 'tolerance', opts.tolerance, 0, hi - lo, { lo: true });
  const runs = searchSteps(track, lo, hi, tolerance);
  const run = (x: number) => transitStatistic(runs.counted(tried(fn, name, x, () => simulateTransit(at(x), { trips, seed, ...runs.inner, ...(opts.volumeMt === undefined ? {} : { volumeMt: opts.volumeMt }) }))).days, statistic);
  const why = () => {
    if (statistic.statistic === 'probabilityWithin' || statistic.statistic === 'quantile') {
      const best = parseRoute(at(p === 'days-scale' || (typeof p === 'object' && 'leg' in p) ? lo : hi));
      const floor = best.legs.reduce((s, l) => s + minOf(l.days), 0);
      const days = statistic.statistic === 'probabilityWithin' ? statistic.days : level;
      if (floor > days) return `The legs' minimum days alone add up to ${floor.toFixed(1)} days at that end, more than ${days}.`;
    }
    return '';
  };
  const root = solveMonotone(run, { lo, hi, level, tolerance, fn, parameter: name, why });
  const label = statistic.statistic === 'quantile' ? `P${Math.round(statistic.p * 100)} trip days` : `P(trip ≤ ${statistic.days} days)`;
  const fix = (x: number) => (integer ? Math.ceil(x) : x);
  runs.done();
  return solution({ ...root, value: fix(root.value), lower: fix(root.lower), upper: fix(root.upper) }, name, label, level, seed);
}

function checkTransitStatistic(fn: string, s: unknown): TransitStatistic {
  const o = options<Record<string, unknown>>(fn, s, ['statistic', 'days', 'p'], ['statistic']);
  if (o.statistic === 'probabilityWithin') return { statistic: 'probabilityWithin', days: finiteNumber(fn, 'statistic.days', o.days) };
  if (o.statistic === 'quantile') return { statistic: 'quantile', p: numberIn(fn, 'statistic.p', o.p, 0, 1) };
  throw new TypeError(`${fn}: statistic.statistic must be 'probabilityWithin' or 'quantile' (got ${show(o.statistic)})`);
}

function range(fn: string, r: unknown): [number, number] {
  if (!Array.isArray(r) || r.length !== 2) throw new TypeError(`${fn}: range must be [lo, hi] (got ${show(r)})`);
  const lo = finiteNumber(fn, 'range[0]', r[0]);
  const hi = finiteNumber(fn, 'range[1]', r[1]);
  if (!(lo < hi)) throw new RangeError(`${fn}: range must have lo < hi (got [${lo}, ${hi}])`);
  return [lo, hi];
}



/**
 * Refuses up front a range whose ends make a document the parser refuses (a shift or a scale can
 * take a distribution where the scenario allows none: uniform 5–7 centred at 1 has min 0), naming
 * `range`, the end and what it would make — not the field the user never wrote.
 */
function refuseOutside<T>(fn: string, name: string, [lo, hi]: readonly [number, number], at: (x: number) => T, parse: (d: T) => unknown): void {
  for (const x of [lo, hi]) {
    try {
      parse(at(x));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      const first = e.issues[0]!;
      const more = e.issueCount > 1 ? ` (and ${e.issueCount - 1} more problem${e.issueCount === 2 ? '' : 's'})` : '';
      throw new RangeError(`${fn}: range [${lo}, ${hi}] takes ${name} where the document allows none: at ${x} it makes ${formatPath(first.path)}: ${first.message}${more}`, { cause: e });
    }
  }
}

/**
 * The progress of a search, in runs: at most 2 + 3·h, h the halvings of hi − lo down to the
 * tolerance (the ends, then three bisections); `counted` reports each run (at most the total) and `done()` the total at the end,
 * which an early stop reaches at once.
 */
function searchSteps(t: Tracker, lo: number, hi: number, tolerance: number) {
  let halvings = 0;
  for (let w = hi - lo; w > tolerance; w /= 2) halvings++;
  const total = 2 + 3 * halvings;
  let done = 0;
  const runs = steps(t, total, 'runs');
  return {
    inner: runs.inner,
    counted<T>(r: T): T {
      if (done < total - 1) {
        done++;
        runs.step();
      }
      return r;
    },
    done: () => {
      while (done < total) {
        done++;
        runs.step();
      }
    },
  };
}

/** Runs one evaluation; an error from inside (e.g. "simulateVolumes: …") is rethrown naming `fn` and the value tried. */
function tried<T>(fn: string, name: string, x: number, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof Error) || e.name === 'AbortError') throw e;
    const Kind = e instanceof TypeError ? TypeError : RangeError;
    throw new Kind(`${fn}: with ${name} = ${x}: ${e.message}`, { cause: e });
  }
}
