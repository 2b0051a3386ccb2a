/**
 * The chart builders take the results they chart as well as rows: `fanChart(result)`,
 * `tornadoChart(tornado(…))`, `transitChart(compareRoutes(…))`. A result is recognised by its
 * `kind` and read through the shape below (the report layer imports no result class: results
 * import the report layer, not the other way round); rows given as arrays are used as they are.
 */
import type { Estimate } from '../stats/estimate.js';

/** The `kind` of a result (an object with a string `kind`), else undefined. */
export function kindOf(x: unknown): string | undefined {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const k = (x as { kind?: unknown }).kind;
  return typeof k === 'string' ? k : undefined;
}

/** What a volume result (full or summary) offers a chart. */
export interface VolumeResultLike {
  readonly kind: 'volumes' | 'volume-summary';
  readonly scenario: { readonly name: string | null };
  summary(): readonly { readonly year: number; readonly p10: number; readonly p50: number; readonly p90: number }[];
  firstYearReaching(volumeMt: number): readonly { readonly year: number | null; readonly probability: Estimate }[];
}

const isVolume = (x: unknown): x is VolumeResultLike => kindOf(x) === 'volumes' || kindOf(x) === 'volume-summary';

/** Fan rows of one volume result, or of several (each named by its scenario, or `scenario i`). */
export function fanRowsOf(x: unknown): { year: number; p10: number; p50: number; p90: number; scenario?: string }[] | null {
  const results = isVolume(x) ? [x] : Array.isArray(x) && x.length > 0 && x.every(isVolume) ? (x as VolumeResultLike[]) : null;
  if (results === null) return null;
  const names = results.map((r, i) => r.scenario.name ?? `scenario ${i + 1}`);
  const unique = new Set(names).size === names.length ? names : names.map((n, i) => `${n} (${i + 1})`);
  return results.flatMap((r, i) => r.summary().map(({ year, p10, p50, p90 }) => (results.length > 1 ? { year, p10, p50, p90, scenario: unique[i]! } : { year, p10, p50, p90 })));
}

/** First-year bars of a volume result at `levelMt`. */
export function firstYearRowsOf(x: unknown, levelMt: number): { year: number | null; probability: number }[] | null {
  return isVolume(x) ? x.firstYearReaching(levelMt).map((r) => ({ year: r.year, probability: r.probability.estimate })) : null;
}

/** A tornado result's bars and defaults. */
export function tornadoOf(x: unknown): { bars: { parameter: string; low: Estimate; high: Estimate }[]; statistic: string; baseline: number } | null {
  if (kindOf(x) !== 'tornado') return null;
  const t = x as { label: string; baseline: Estimate; rows: readonly { parameter: string; low: Estimate; high: Estimate }[] };
  return { bars: t.rows.map((r) => ({ parameter: r.parameter, low: r.low, high: r.high })), statistic: t.label, baseline: t.baseline.estimate };
}

type Interval = Estimate & { lower: number; upper: number };

/** A Sobol result's rows and the output's label. */
export function sobolOf(x: unknown): { rows: { factor: string; firstOrder: Interval; total: Interval }[]; output: string } | null {
  if (kindOf(x) !== 'sobol-indices') return null;
  const s = x as { indices: readonly { factor: string; firstOrder: Interval; total: Interval }[]; output?: unknown };
  return { rows: s.indices.map((r) => ({ factor: r.factor, firstOrder: r.firstOrder, total: r.total })), output: typeof s.output === 'string' ? s.output : 'the output' };
}

/** The levels at which a transit result's distribution is drawn. */
export const CHART_LEVELS: readonly number[] = Array.from({ length: 51 }, (_, i) => i / 50);

/** The levels a route comparison keeps of each route's distribution (21: its JSON stays a few KB). */
export const COMPARISON_LEVELS: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20);

interface TransitLike {
  readonly kind: 'transit';
  readonly route: { readonly name: string };
  quantiles(ps: readonly number[]): readonly number[];
}

/** Route distributions of a transit sample, several samples, or a route comparison (whose rows carry theirs). */
export function routesOf(x: unknown): { route: string; levels: readonly number[]; days: readonly number[] }[] | null {
  const one = (t: TransitLike) => ({ route: t.route.name, levels: CHART_LEVELS, days: t.quantiles(CHART_LEVELS) });
  if (kindOf(x) === 'transit') return [one(x as TransitLike)];
  if (Array.isArray(x) && x.length > 0 && x.every((t) => kindOf(t) === 'transit')) return (x as TransitLike[]).map(one);
  if (kindOf(x) === 'route-comparison') {
    const c = x as { rows: readonly { route: string; distribution: { levels: readonly number[]; days: readonly number[] } }[] };
    return c.rows.map((r) => ({ route: r.route, levels: r.distribution.levels, days: r.distribution.days }));
  }
  return null;
}

/** A backtest result's bands (its fit-through year as the origin). */
export function backtestBandsOf(x: unknown): { origin: number; year: number; p10: number; p50: number; p90: number; outturn: number }[] | null {
  if (kindOf(x) !== 'backtest') return null;
  const b = x as { fitThrough: number; rows: readonly { year: number; p10: number; p50: number; p90: number; outturn: number }[] };
  return b.rows.map((r) => ({ origin: b.fitThrough, year: r.year, p10: r.p10, p50: r.p50, p90: r.p90, outturn: r.outturn }));
}

/** A forecast evaluation's PIT values, model by model. */
export function pitPointsOf(x: unknown): { model: string; pit: number }[] | null {
  if (kindOf(x) !== 'forecast-evaluation') return null;
  return (x as { scores: readonly { model: string; pit: number }[] }).scores.map((s) => ({ model: s.model, pit: s.pit }));
}
