/**
 * Charts as Vega-Lite v5 specifications: plain JSON built by pure functions from summaries (never
 * raw draws), so the core has no charting dependency and a spec renders anywhere Vega-Lite does —
 * a notebook, a web page, `middle-corridor/node`'s SVG renderer. Every chart labels its axes with
 * units, names its sources under the title, and tells its series apart by shape and dash as well
 * as by colour, so it survives printing in greyscale.
 */
import { finiteNumber, numberIn } from '../args.js';
import type { Estimate } from '../stats/estimate.js';
import { chartOptions, records } from './check.js';

/** A Vega-Lite v5 specification (plain JSON). */
export interface VegaLiteSpec {
  $schema: string;
  [key: string]: unknown;
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Light to dark: distinguishable in greyscale by lightness alone. */
const INK = { band: '#c6dbef', bandDark: '#6baed6', line: '#08306b', record: '#000000', announced: '#737373', target: '#a50f15' };
const DASHES = [[1, 0], [10, 4], [2, 3], [10, 3, 2, 3], [4, 4]];
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross'];
const LINES = ['#08306b', '#2171b5', '#4292c6', '#525252', '#737373'];

function base(title: string, subtitle: readonly string[], extra: Record<string, unknown> = {}): VegaLiteSpec {
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: [...subtitle], anchor: 'start', subtitleFontSize: 10, subtitleColor: '#525252' },
    width: 560,
    height: 320,
    config: { font: 'Helvetica, Arial, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 11, orient: 'right', labelLimit: 220 }, view: { stroke: null } },
    ...extra,
  };
  // In a Deno Jupyter notebook the spec displays as the chart; the key is a symbol, so JSON and
  // the Vega-Lite schema never see it.
  Object.defineProperty(spec, Symbol.for('Jupyter.display'), { value: () => ({ 'application/vnd.vegalite.v5+json': JSON.parse(JSON.stringify(spec)), 'text/plain': `Vega-Lite chart: ${title}` }), enumerable: false });
  return spec;
}

/** A year with a volume, e.g. an outturn or an announced figure. */
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
 * @example fanChart([{ year: 2025, p10: 4, p50: 4, p90: 6 }], { target: { year: 2027, volumeMt: 10 } }).layer.length // => 4
 */
export function fanChart(rows: readonly FanRow[], o: FanChartOptions = {}): VegaLiteSpec {
  const fn = 'fanChart';
  records(fn, 'rows', rows, { year: 'year', p10: 'number', p50: 'number', p90: 'number', scenario: 'string?' });
  o = chartOptions<FanChartOptions>(fn, o, ['record', 'announced', 'target']);
  if (o.record !== undefined) records(fn, 'record', o.record, { year: 'year', volumeMt: 'number' });
  if (o.announced !== undefined) records(fn, 'announced', o.announced, { year: 'year', volumeMt: 'number' });
  if (o.target !== undefined && o.target !== null) records(fn, 'target', [o.target], { year: 'year', volumeMt: 'number' });
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

/** Bar chart of the first year volume reaches a level; the last bar is "not by" the horizon. */
export function firstYearChart(rows: readonly FirstYearBar[], o: { levelMt: number; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'firstYearChart';
  records(fn, 'rows', rows, { year: 'year|null', probability: 'number' });
  o = chartOptions(fn, o, ['levelMt'], ['levelMt']);
  finiteNumber(fn, 'levelMt', o.levelMt);
  const last = rows.filter((r) => r.year !== null).reduce((m, r) => Math.max(m, r.year!), -Infinity);
  const data = rows.map((r) => ({ label: r.year === null ? `not by ${last}` : String(r.year), probability: r.probability }));
  return base(o.title ?? `First year the corridor carries at least ${o.levelMt} Mt`, o.sources ?? [], {
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
export interface RouteDistribution {
  readonly route: string;
  readonly levels: readonly number[];
  readonly days: readonly number[];
}

/** The distribution functions of door-to-door days by route, with a vertical line at `within` days. */
export function transitChart(routes: readonly RouteDistribution[], o: { within?: number; title?: string; sources?: readonly string[] } = {}): VegaLiteSpec {
  const fn = 'transitChart';
  records<RouteDistribution>(fn, 'routes', routes, { route: 'string' }).forEach((r, i) => {
    const levels = records(fn, `routes[${i}].levels`, (r.levels as unknown[] | undefined)?.map((x) => ({ x })) ?? r.levels, { x: 'number' });
    const days = records(fn, `routes[${i}].days`, (r.days as unknown[] | undefined)?.map((x) => ({ x })) ?? r.days, { x: 'number' });
    if (levels.length !== days.length) throw new RangeError(`${fn}: routes[${i}] needs one level per day value (got ${levels.length} levels, ${days.length} days)`);
  });
  o = chartOptions(fn, o, ['within']);
  if (o.within !== undefined) finiteNumber(fn, 'within', o.within);
  const within = o.within ?? 15;
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
export interface TornadoBar {
  readonly parameter: string;
  readonly low: Estimate;
  readonly high: Estimate;
}

/** Tornado chart: each parameter's swing of the statistic around its value in the scenario. */
export function tornadoChart(bars: readonly TornadoBar[], o: { statistic: string; baseline: number; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'tornadoChart';
  records(fn, 'bars', bars, { parameter: 'string', low: 'estimate', high: 'estimate' });
  o = chartOptions(fn, o, ['statistic', 'baseline'], ['statistic', 'baseline']);
  if (typeof o.statistic !== 'string') throw new TypeError(`${fn}: statistic must be a string naming the statistic (got ${typeof o.statistic})`);
  finiteNumber(fn, 'baseline', o.baseline);
  const sorted = [...bars].sort((a, b) => Math.abs(b.high.estimate - b.low.estimate) - Math.abs(a.high.estimate - a.low.estimate));
  const data = sorted.flatMap((b) => [
    { parameter: b.parameter, end: 'at its P10', value: b.low.estimate, lo: b.low.estimate - 2 * b.low.standardError, hi: b.low.estimate + 2 * b.low.standardError },
    { parameter: b.parameter, end: 'at its P90', value: b.high.estimate, lo: b.high.estimate - 2 * b.high.standardError, hi: b.high.estimate + 2 * b.high.standardError },
  ]);
  const y = { field: 'parameter', type: 'nominal', title: null, sort: sorted.map((b) => b.parameter) };
  return base(o.title ?? `What moves ${o.statistic}`, o.sources ?? [], {
    height: Math.max(120, 36 * sorted.length),
    data: { values: data },
    layer: [
      { mark: { type: 'bar', height: 16 }, encoding: { y, x: { field: 'value', type: 'quantitative', title: o.statistic, scale: { zero: false }, axis: { tickCount: 6, labelOverlap: true } }, x2: { datum: o.baseline }, color: { field: 'end', type: 'nominal', title: 'parameter held', scale: { domain: ['at its P10', 'at its P90'], range: [INK.bandDark, INK.line] } } } },
      { mark: { type: 'rule', color: '#000000' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
      { data: { values: [{ x: o.baseline }] }, mark: { type: 'rule', strokeDash: [4, 2], color: '#000000' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
    ],
  });
}

/** One factor's Sobol indices with their intervals. */
export interface SobolBar {
  readonly factor: string;
  readonly firstOrder: Estimate & { lower: number; upper: number };
  readonly total: Estimate & { lower: number; upper: number };
}

/** Grouped bars of first-order and total Sobol indices, with their intervals. */
export function sobolChart(rows: readonly SobolBar[], o: { output: string; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'sobolChart';
  records(fn, 'rows', rows, { factor: 'string', firstOrder: 'interval', total: 'interval' });
  o = chartOptions(fn, o, ['output'], ['output']);
  if (typeof o.output !== 'string') throw new TypeError(`${fn}: output must be a string naming the output (got ${typeof o.output})`);
  const data = rows.flatMap((r) => [
    { factor: r.factor, index: 'first order', value: r.firstOrder.estimate, lower: r.firstOrder.lower, upper: r.firstOrder.upper },
    { factor: r.factor, index: 'total', value: r.total.estimate, lower: r.total.lower, upper: r.total.upper },
  ]);
  const y = { field: 'factor', type: 'nominal', title: null, sort: [...rows].sort((a, b) => b.total.estimate - a.total.estimate).map((r) => r.factor) };
  const offset = { field: 'index', type: 'nominal' };
  return base(o.title ?? `Share of the variance of ${o.output}`, o.sources ?? [], {
    height: Math.max(120, 44 * rows.length),
    data: { values: data },
    layer: [
      { mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.5 }, encoding: { y, yOffset: offset, x: { field: 'value', type: 'quantitative', title: 'Sobol index (share of variance)', scale: { domain: [0, 1] } }, color: { field: 'index', type: 'nominal', title: null, scale: { domain: ['first order', 'total'], range: [INK.band, INK.line] } } } },
      { mark: { type: 'rule', color: '#000000' }, encoding: { y, yOffset: offset, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
    ],
  });
}

/** One step of a convergence trace: the estimate after `paths` paths. */
export interface ConvergencePoint {
  readonly paths: number;
  readonly estimate: number;
  readonly standardError: number;
}

/** The estimate as paths accumulate, with a ±2 SE band and the tolerance's target when given. */
export function convergenceChart(points: readonly ConvergencePoint[], o: { statistic: string; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'convergenceChart';
  records<ConvergencePoint>(fn, 'points', points, { paths: 'number', estimate: 'number', standardError: 'number' }).forEach((p, i) => numberIn(fn, `points[${i}].paths`, p.paths, 0, Number.MAX_SAFE_INTEGER, { lo: true }));
  o = chartOptions(fn, o, ['statistic'], ['statistic']);
  if (typeof o.statistic !== 'string') throw new TypeError(`${fn}: statistic must be a string naming the statistic (got ${typeof o.statistic})`);
  const data = points.map((p) => ({ paths: p.paths, estimate: p.estimate, lo: p.estimate - 2 * p.standardError, hi: p.estimate + 2 * p.standardError }));
  const x = { field: 'paths', type: 'quantitative', title: 'Paths simulated', scale: { type: 'log' } };
  return base(o.title ?? `Convergence of ${o.statistic}`, o.sources ?? [], {
    data: { values: data },
    layer: [
      { mark: { type: 'area', color: INK.band }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: `${o.statistic} (± 2 SE)`, scale: { zero: false } }, y2: { field: 'hi' } } },
      { mark: { type: 'line', color: INK.line, point: true }, encoding: { x, y: { field: 'estimate', type: 'quantitative' } } },
    ],
  });
}

/** A forecast band from one origin for one year, and the outturn. */
export interface BacktestBand {
  readonly origin: number;
  readonly year: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly outturn: number;
}

/** Forecast bands (P10–P90 and median) from each origin against the outturns. */
export function backtestChart(bands: readonly BacktestBand[], o: { title?: string; sources?: readonly string[] } = {}): VegaLiteSpec {
  const fn = 'backtestChart';
  records(fn, 'bands', bands, { origin: 'year', year: 'year', p10: 'number', p50: 'number', p90: 'number', outturn: 'number' });
  o = chartOptions(fn, o, []);
  const origins = [...new Set(bands.map((b) => b.origin))].sort((a, b) => a - b);
  const data = bands.map((b) => ({ ...b, from: `from ${b.origin}` }));
  const outturns = [...new Map(bands.map((b) => [b.year, b.outturn])).entries()].map(([year, volumeMt]) => ({ year, volumeMt, what: 'outturn' }));
  const x = { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd', tickMinStep: 1 }, scale: { padding: 12, nice: false } };
  const domain = origins.map((t) => `from ${t}`);
  // Colour and dash share field and title, so their legends merge into one of dashed strokes.
  const legend = { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2, symbolSize: 300 };
  const colour = { field: 'from', type: 'nominal', title: 'forecast (P50, P10–P90)', legend, scale: { domain, range: origins.map((_, i) => LINES[i % LINES.length]) } };
  const dash = { field: 'from', type: 'nominal', title: 'forecast (P50, P10–P90)', legend, scale: { domain, range: origins.map((_, i) => DASHES[i % DASHES.length]) } };
  return base(o.title ?? 'Forecasts from each origin against the outturns', o.sources ?? [], {
    layer: [
      { data: { values: data }, mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: 'p10', type: 'quantitative', title: 'Volume (Mt per year)' }, y2: { field: 'p90' }, color: colour } },
      { data: { values: data }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { field: 'p50', type: 'quantitative' }, color: colour, strokeDash: dash } },
      { data: { values: outturns }, mark: { type: 'point', filled: true, color: INK.record, size: 60 }, encoding: { x, y: { field: 'volumeMt', type: 'quantitative' }, shape: { field: 'what', type: 'nominal', title: null, scale: { domain: ['outturn'], range: ['circle'] } } } },
    ],
  });
}

/** PIT values of a model's forecasts. */
export interface PitPoint {
  readonly model: string;
  readonly pit: number;
}

/** A strip of each model's PIT values: a calibrated forecast spreads them evenly over [0, 1]. */
export function pitChart(points: readonly PitPoint[], o: { title?: string; sources?: readonly string[] } = {}): VegaLiteSpec {
  const fn = 'pitChart';
  records<PitPoint>(fn, 'points', points, { model: 'string', pit: 'number' }).forEach((p, i) => numberIn(fn, `points[${i}].pit`, p.pit, 0, 1));
  o = chartOptions(fn, o, []);
  const models = [...new Set(points.map((p) => p.model))];
  return base(o.title ?? 'Where the outturns fell in the forecasts (PIT)', o.sources ?? [], {
    height: Math.max(100, 30 * models.length),
    data: { values: points.map((p) => ({ ...p })) },
    mark: { type: 'tick', thickness: 2, color: INK.line },
    encoding: {
      x: { field: 'pit', type: 'quantitative', title: 'Share of the forecast below the outturn (PIT)', scale: { domain: [0, 1] } },
      y: { field: 'model', type: 'nominal', title: null, sort: models },
    },
  });
}

/** The shapes and dashes the charts cycle through (for tests and custom layers). */
export const CHART_MARKS = Object.freeze({ shapes: SHAPES, dashes: DASHES });
