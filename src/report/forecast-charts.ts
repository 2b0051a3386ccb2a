import { numberIn } from '../args.js';
import { chartOptions, records } from './check.js';
import { backtestBandsOf, pitPointsOf } from './from-results.js';
import { base, DASHES, INK, LINES, type VegaLiteSpec } from './style.js';

// Forecast charts: backtest bands against outturns, and PIT values.

export interface BacktestBand {
  readonly origin: number;
  readonly year: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly outturn: number;
}

/** Forecast bands (P10–P90 and median) from each origin against the outturns; takes the bands or a backtest result. */
export function backtestChart(bands: readonly BacktestBand[] | { readonly kind: 'backtest' }, o: { title?: string; sources?: readonly string[] } = {}): VegaLiteSpec {
  const fn = 'backtestChart';
  bands = backtestBandsOf(fn, bands) ?? (bands as readonly BacktestBand[]);
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

/** A strip of each model's PIT values: a calibrated forecast spreads them evenly over [0, 1]. Takes the points or a forecast evaluation. */
export function pitChart(points: readonly PitPoint[] | { readonly kind: 'forecast-evaluation' }, o: { title?: string; sources?: readonly string[] } = {}): VegaLiteSpec {
  const fn = 'pitChart';
  points = pitPointsOf(fn, points) ?? (points as readonly PitPoint[]);
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
