/**
 * The chart builders take the results they chart as well as rows: `fanChart(result)`,
 * `tornadoChart(tornado(…))`, `transitChart(compareRoutes(…))`. A result is recognised by its
 * `kind` and read through the shapes below (the report layer imports no result class: results
 * import the report layer, not the other way round); rows given as arrays are used as they are.
 * A result's JSON (`JSON.parse(JSON.stringify(result))`) is read too, wherever it carries what the
 * chart needs; an object whose `kind` says a result but that carries neither the live result's
 * methods nor its JSON's fields is a TypeError naming the chart and what it takes.
 */
import { show } from '../args.js';
import type { Estimate } from '../stats/estimate.js';

type Obj = Readonly<Record<string, unknown>>;

/** The `kind` of a result (an object with a string `kind`), else undefined. */
export function kindOf(x: unknown): string | undefined {
  if (!isObj(x)) return undefined;
  const k = x.kind;
  return typeof k === 'string' ? k : undefined;
}

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const objects = (x: unknown): x is readonly Obj[] => Array.isArray(x) && Array.from(x as unknown[]).every(isObj);
/** An estimate's value (rows' own checks then say what is wrong with anything else). */
const valueOf = (x: unknown): unknown => (isObj(x) ? x.estimate : x);

/** The TypeError for an object of a result's kind that is neither the result nor its JSON. */
function notA(fn: string, what: string, x: unknown, lacks: string): never {
  throw new TypeError(`${fn}: takes ${what}, or its toJSON() (got an object of kind ${show(kindOf(x))} without ${lacks})`);
}

/** What a volume result (full or summary) offers a chart. */
export interface VolumeResultLike {
  readonly kind: 'volumes' | 'volume-summary';
  readonly scenario: { readonly name: string | null };
  summary(): readonly { readonly year: number; readonly p10: number; readonly p50: number; readonly p90: number }[];
  firstYearReaching(volumeMt: number): readonly { readonly year: number | null; readonly probability: Estimate }[];
}

const VOLUME = 'a volume result (simulateVolumes, either keep)';
const isVolume = (x: unknown) => kindOf(x) === 'volumes' || kindOf(x) === 'volume-summary';

/** The scenario's name of a volume result or its JSON (null when unnamed). */
function scenarioName(fn: string, x: Obj): string | null {
  const name = isObj(x.scenario) ? x.scenario.name : undefined;
  if (name === undefined || (name !== null && typeof name !== 'string')) notA(fn, VOLUME, x, 'its scenario');
  return name;
}

/** P10/P50/P90 by year of a volume result (its summary()) or of its JSON (its years). */
function fanOf(fn: string, x: Obj): { year: unknown; p10: unknown; p50: unknown; p90: unknown }[] {
  if (typeof x.summary === 'function') return (x as unknown as VolumeResultLike).summary().map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 }));
  if (!objects(x.years)) notA(fn, VOLUME, x, 'its per-year P10, P50 and P90 (years)');
  return x.years.map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 }));
}

/** Fan rows of one volume result, or of several (each named by its scenario, or `scenario i`). */
export function fanRowsOf(fn: string, x: unknown): { year: number; p10: number; p50: number; p90: number; scenario?: string }[] | null {
  const results = isVolume(x) ? [x as Obj] : Array.isArray(x) && x.length > 0 && x.every(isVolume) ? (x as Obj[]) : null;
  if (results === null) return null;
  const names = results.map((r, i) => scenarioName(fn, r) ?? `scenario ${i + 1}`);
  const unique = new Set(names).size === names.length ? names : names.map((n, i) => `${n} (${i + 1})`);
  const rows = results.flatMap((r, i) => fanOf(fn, r).map((row) => (results.length > 1 ? { ...row, scenario: unique[i]! } : row)));
  return rows as { year: number; p10: number; p50: number; p90: number; scenario?: string }[];
}

/**
 * First-year bars of a volume result at `levelMt`: a full run's at any level, a summary run's at
 * the levels it kept, a JSON's at the levels it carries (its target's; a summary's thresholds).
 */
export function firstYearRowsOf(fn: string, x: unknown, levelMt: number): { year: number | null; probability: number }[] | null {
  if (!isVolume(x)) return null;
  const r = x as Obj;
  type Bar = { year: number | null; probability: number };
  const bars = (rows: unknown): Bar[] => (objects(rows) ? (rows.map((b) => ({ year: b.year, probability: valueOf(b.probability) })) as Bar[]) : notA(fn, VOLUME, r, 'its first years'));
  const kept = Array.isArray(r.thresholds) ? (r.thresholds as unknown[]) : [];
  if (typeof r.firstYearReaching === 'function') {
    if (r.kind === 'volume-summary' && !kept.includes(levelMt)) {
      throw new RangeError(`${fn}: the summary run did not keep the level ${levelMt} Mt (kept: ${kept.join(', ') || 'none'}): chart a full run, or run with keep: 'summary' and thresholds: [${levelMt}]`);
    }
    return bars((r as unknown as VolumeResultLike).firstYearReaching(levelMt));
  }
  const atLevel = Array.isArray(r.firstYearReaching) ? (r.firstYearReaching as unknown[]).find((t) => isObj(t) && t.volumeMt === levelMt) : undefined;
  if (isObj(atLevel)) return bars(atLevel.rows);
  const target = isObj(r.scenario) && isObj(r.scenario.target) ? r.scenario.target.volumeMt : undefined;
  if (target === levelMt && r.firstYearReachingTarget !== undefined) return bars(r.firstYearReachingTarget);
  if (!isObj(r.scenario) || !Array.isArray(r.years)) notA(fn, VOLUME, r, 'its scenario and years');
  const levels = [...new Set([...(typeof target === 'number' ? [target] : []), ...kept])];
  throw new RangeError(`${fn}: a result's JSON keeps the first years only at ${levels.length > 0 ? `${levels.join(', ')} Mt` : 'no level'} (its target${kept.length > 0 ? ' and thresholds' : ''}), not at ${levelMt} Mt: chart the result itself`);
}

/** A tornado result's bars and defaults (the result or its JSON). */
export function tornadoOf(fn: string, x: unknown): { bars: { parameter: unknown; low: unknown; high: unknown }[]; statistic: string; baseline: number } | null {
  if (kindOf(x) !== 'tornado') return null;
  const t = x as Obj;
  if (!objects(t.rows) || typeof t.label !== 'string' || !isObj(t.baseline)) notA(fn, 'a tornado result (tornado)', t, 'its rows, label and baseline');
  return { bars: t.rows.map((r) => ({ parameter: r.parameter, low: r.low, high: r.high })), statistic: t.label, baseline: t.baseline.estimate as number };
}

/** A Sobol result's rows and the output's label (the result or its JSON). */
export function sobolOf(fn: string, x: unknown): { rows: { factor: unknown; firstOrder: unknown; total: unknown }[]; output: string } | null {
  if (kindOf(x) !== 'sobol-indices') return null;
  const s = x as Obj;
  if (!objects(s.indices)) notA(fn, 'a Sobol result (sobolIndices, sobolIndicesOf)', s, 'its indices');
  return { rows: s.indices.map((r) => ({ factor: r.factor, firstOrder: r.firstOrder, total: r.total })), output: typeof s.output === 'string' ? s.output : 'the output' };
}

/** The levels at which a transit result's distribution is drawn. */
export const CHART_LEVELS: readonly number[] = /* @__PURE__ */ Array.from({ length: 51 }, (_, i) => i / 50);

/** The levels a route comparison keeps of each route's distribution (21: its JSON stays a few KB). */
export const COMPARISON_LEVELS: readonly number[] = /* @__PURE__ */ Array.from({ length: 21 }, (_, i) => i / 20);

interface TransitLike {
  readonly kind: 'transit';
  readonly route: { readonly name: string };
  quantiles(ps: readonly number[]): readonly number[];
}

const TRANSIT = 'a transit sample (simulateTransit), several, or a route comparison (compareRoutes)';

/**
 * A transit sample's distribution: the live sample's at {@link CHART_LEVELS}; its JSON's at the
 * levels the JSON keeps (min, P5 … P95, max: coarser, the same curve through those points).
 */
function transitOf(fn: string, t: Obj): { route: unknown; levels: readonly unknown[]; days: readonly unknown[] } {
  const route = isObj(t.route) ? t.route.name : undefined;
  if (typeof t.quantiles === 'function') return { route, levels: CHART_LEVELS, days: (t as unknown as TransitLike).quantiles(CHART_LEVELS) };
  if (!objects(t.quantiles) || route === undefined) notA(fn, TRANSIT, t, 'its route and quantiles');
  return { route, levels: [0, ...t.quantiles.map((q) => q.p), 1], days: [t.min, ...t.quantiles.map((q) => q.days), t.max] };
}

/** Route distributions of a transit sample, several samples, or a route comparison (whose rows carry theirs). */
export function routesOf(fn: string, x: unknown): { route: string; levels: readonly number[]; days: readonly number[] }[] | null {
  type Out = { route: string; levels: readonly number[]; days: readonly number[] }[];
  if (kindOf(x) === 'transit') return [transitOf(fn, x as Obj)] as Out;
  if (Array.isArray(x) && x.length > 0 && x.every((t) => kindOf(t) === 'transit')) return (x as Obj[]).map((t) => transitOf(fn, t)) as Out;
  if (kindOf(x) === 'route-comparison') {
    const c = x as Obj;
    if (!objects(c.rows) || !c.rows.every((r) => isObj(r.distribution))) notA(fn, TRANSIT, c, 'its rows with their distributions');
    return c.rows.map((r) => ({ route: r.route, levels: (r.distribution as Obj).levels, days: (r.distribution as Obj).days })) as Out;
  }
  return null;
}

/** A backtest result's bands (its fit-through year as the origin). */
export function backtestBandsOf(fn: string, x: unknown): { origin: number; year: number; p10: number; p50: number; p90: number; outturn: number }[] | null {
  if (kindOf(x) !== 'backtest') return null;
  const b = x as Obj;
  if (!objects(b.rows)) notA(fn, 'a backtest result (backtest)', b, 'its rows');
  const rows = b.rows.map((r) => ({ origin: b.fitThrough, year: r.year, p10: r.p10, p50: r.p50, p90: r.p90, outturn: r.outturn }));
  return rows as { origin: number; year: number; p10: number; p50: number; p90: number; outturn: number }[];
}

/** A forecast evaluation's PIT values, model by model. */
export function pitPointsOf(fn: string, x: unknown): { model: string; pit: number }[] | null {
  if (kindOf(x) !== 'forecast-evaluation') return null;
  const e = x as Obj;
  if (!objects(e.scores)) notA(fn, 'a forecast evaluation (evaluateForecasts)', e, 'its scores');
  return e.scores.map((s) => ({ model: s.model, pit: s.pit })) as { model: string; pit: number }[];
}
