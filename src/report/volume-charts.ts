import { finiteNumber } from '../args.js';
import { chartOptions, records } from './check.js';
import { firstYearRowsOf, fanRowsOf, kindOf, type VolumeResultLike } from './from-results.js';
import { base, INK, type VegaLiteSpec } from './style.js';

// Volume charts: the fan of quantiles by year with the record, and the first year reaching a level.

export interface YearPoint {
  readonly year: number;
  readonly volumeMt: number;
}

/** One year of a fan: the P10, P50 and P90 of volume (of one scenario when several are drawn). */
export interface FanRow {
  readonly year: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** The scenario the row belongs to: rows with different names are drawn as separate fans. */
  readonly scenario?: string;
}

/** Options of {@link fanChart}. */
export interface FanChartOptions {
  title?: string;
  /** Outturns to overlay (e.g. the ministry's record), drawn as filled circles. */
  record?: readonly YearPoint[];
  /** An announced trajectory (e.g. the seed article's), drawn as a dashed line with squares. */
  announced?: readonly YearPoint[];
  /** The target, drawn as a cross with a label. */
  target?: YearPoint | null;
  /** Lines under the title: where the figures come from. */
  sources?: readonly string[];
}

/** Each scenario's fan: band fill, outline and median colour, median dash (first solid). */
const FANS = [
  { band: INK.band, line: INK.line, dash: [] as number[] },
  { band: '#fdae6b', line: '#a63603', dash: [8, 4] },
  { band: '#bdbdbd', line: '#252525', dash: [2, 2] },
];

/**
 * Fan chart of simulated volume by year: the P10–P90 band and the median of each scenario, and
 * the record, the announced trajectory and the target on the same axes. Several scenarios (rows
 * named by `scenario`) get bands of different lightness with outlines and medians dashed apart.
 * Takes the rows, or the result itself (`fanChart(simulateVolumes(…))`; several results draw a
 * fan each, named by their scenarios).
 * @example fanChart([{ year: 2025, p10: 4, p50: 4, p90: 6 }], { target: { year: 2027, volumeMt: 10 } }).layer.length // => 4
 */
export function fanChart(rows: readonly FanRow[] | VolumeResultLike | readonly VolumeResultLike[], o: FanChartOptions = {}): VegaLiteSpec {
  const fn = 'fanChart';
  rows = fanRowsOf(fn, rows) ?? (rows as readonly FanRow[]);
  records(fn, 'rows', rows, { year: 'year', p10: 'number', p50: 'number', p90: 'number', scenario: 'string?' });
  o = chartOptions<FanChartOptions>(fn, o, ['record', 'announced', 'target']);
  if (o.record !== undefined) records(fn, 'record', o.record, { year: 'year', volumeMt: 'number' });
  if (o.announced !== undefined) records(fn, 'announced', o.announced, { year: 'year', volumeMt: 'number' });
  if (o.target !== undefined && o.target !== null) records(fn, 'target', [o.target], { year: 'year', volumeMt: 'number' });
  return fanChartUnchecked(rows, o);
}

/**
 * {@link fanChart} without its checks, for rows and options it would accept (a volume result's
 * Jupyter display draws its own summary rows: a page that only simulates then keeps no chart
 * argument checks and no reading of results).
 */
export function fanChartUnchecked(rows: readonly FanRow[], o: FanChartOptions): VegaLiteSpec {
  const scenarios = [...new Set(rows.map((r) => r.scenario ?? ''))];
  const several = scenarios.length > 1;
  const name = (s: string) => (several ? s : 'simulated');
  interface Series { name: string; colour: string; shape: string; dash: number[]; fill: number }
  const series: Series[] = [];
  const data: Record<string, unknown>[] = [];
  const layers: Record<string, unknown>[] = [];
  const x = { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd', tickMinStep: 1 }, scale: { padding: 12, nice: false } };
  const y = { field: 'volumeMt', type: 'quantitative', title: 'Volume (Mt per year)' };
  const colour = { field: 'series', type: 'nominal' };
  const only = (s: string) => ({ filter: { field: 'series', equal: s } });
  scenarios.forEach((sc, i) => {
    const fan = FANS[i % FANS.length]!;
    const own = rows.filter((r) => (r.scenario ?? '') === sc);
    const band = `P10–P90 (${name(sc)})`;
    const median = `median (${name(sc)})`;
    series.push({ name: band, colour: fan.band, shape: 'square', dash: [], fill: 1 }, { name: median, colour: fan.line, shape: 'stroke', dash: fan.dash, fill: 0 });
    data.push(...own.map((r) => ({ series: band, year: r.year, low: r.p10, high: r.p90 })), ...own.map((r) => ({ series: median, year: r.year, volumeMt: r.p50 })));
    const outline = several ? { stroke: fan.line, strokeWidth: 0.75, strokeDash: fan.dash.length ? fan.dash : [1, 0], strokeOpacity: 0.8 } : {};
    layers.push({ transform: [only(band)], mark: { type: 'area', opacity: several ? 0.45 : 0.8, ...outline }, encoding: { x, y: { field: 'low', type: 'quantitative', title: 'Volume (Mt per year)' }, y2: { field: 'high' }, color: colour } });
  });
  // Medians above every band.
  scenarios.forEach((sc, i) => {
    const fan = FANS[i % FANS.length]!;
    const median = `median (${name(sc)})`;
    layers.push({ transform: [only(median)], mark: { type: 'line', strokeWidth: 2, ...(fan.dash.length ? { strokeDash: fan.dash } : {}) }, encoding: { x, y, color: colour } });
  });
  const extra = (label: string, points: readonly YearPoint[], style: Omit<Series, 'name'>) => {
    if (points.length === 0) return false;
    series.push({ name: label, ...style });
    data.push(...points.map((r) => ({ series: label, year: r.year, volumeMt: r.volumeMt })));
    return true;
  };
  if (extra('announced', o.announced ?? [], { colour: INK.announced, shape: 'stroke', dash: [6, 3], fill: 0 })) {
    layers.push({ transform: [only('announced')], mark: { type: 'line', strokeDash: [6, 3], point: { shape: 'square', size: 40 } }, encoding: { x, y, color: colour } });
  }
  if (extra('record (reported)', o.record ?? [], { colour: INK.record, shape: 'circle', dash: [], fill: 1 })) {
    const tooltip = [{ field: 'year', type: 'quantitative', title: 'Year' }, { field: 'volumeMt', type: 'quantitative', title: 'Volume (Mt)', format: '.3f' }];
    layers.push({ transform: [only('record (reported)')], mark: { type: 'point', filled: true, shape: 'circle', size: 50 }, encoding: { x, y, color: colour, tooltip } });
  }
  if (o.target && extra('target', [o.target], { colour: INK.target, shape: 'cross', dash: [], fill: 1 })) {
    layers.push(
      { transform: [only('target')], mark: { type: 'point', shape: 'cross', size: 140, filled: true }, encoding: { x, y, color: colour } },
      { transform: [only('target')], mark: { type: 'text', dx: 8, align: 'left', fontSize: 11 }, encoding: { x, y, text: { value: 'target' }, color: { value: INK.target } } },
    );
  }
  // The legend's symbols drawn like the marks (band square, median stroke dashed as its line,
  // record circle, announced dashed stroke, target cross), so it reads in greyscale.
  const lookup = (f: (s: Series) => unknown) => `{${series.map((s) => `${JSON.stringify(s.name)}: ${JSON.stringify(f(s))}`).join(', ')}}[datum.value]`;
  const legend = { symbolType: { expr: lookup((s) => s.shape) }, symbolDash: { expr: lookup((s) => s.dash) }, symbolSize: 150, symbolStrokeWidth: 2, symbolOpacity: 1 };
  Object.assign(colour, { title: null, legend, scale: { domain: series.map((s) => s.name), range: series.map((s) => s.colour) } });
  return base(o.title ?? 'Corridor volume: simulated fan, record and plans', o.sources ?? [], { data: { values: data }, layer: layers });
}

/** The probability that a path first reaches a level in a year (year null: not within the run). */
export interface FirstYearBar {
  readonly year: number | null;
  readonly probability: number;
}

/**
 * Bar chart of the first year volume reaches a level; the last bar is "not by" the horizon. Takes
 * the rows, or a volume result (`firstYearChart(result, { levelMt: 10 })`; 10 Mt by default).
 */
export function firstYearChart(rows: readonly FirstYearBar[] | VolumeResultLike, o?: { levelMt?: number; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'firstYearChart';
  const result = kindOf(rows) !== undefined;
  o = chartOptions(fn, o, ['levelMt'], result ? [] : ['levelMt']);
  const levelMt = finiteNumber(fn, 'levelMt', o.levelMt ?? 10);
  rows = firstYearRowsOf(fn, rows, levelMt) ?? (rows as readonly FirstYearBar[]);
  records(fn, 'rows', rows, { year: 'year|null', probability: 'number' });
  const last = rows.filter((r) => r.year !== null).reduce((m, r) => Math.max(m, r.year!), -Infinity);
  const data = rows.map((r) => ({ label: r.year === null ? `not by ${last}` : String(r.year), probability: r.probability }));
  return base(o.title ?? `First year the corridor carries at least ${levelMt} Mt`, o.sources ?? [], {
    data: { values: data },
    mark: { type: 'bar', color: INK.bandDark, stroke: INK.line },
    encoding: {
      x: { field: 'label', type: 'ordinal', title: 'First year at or above the level', sort: null, axis: { labelAngle: 0 } },
      y: { field: 'probability', type: 'quantitative', title: 'Share of paths', axis: { format: '.0%' } },
      tooltip: [{ field: 'label', title: 'year' }, { field: 'probability', format: '.1%' }],
    },
  });
}

/** A route's trip-time distribution as quantiles: `days[i]` is the `levels[i]` quantile. */
