import { finiteNumber, numberIn } from '../args.js';
import type { Estimate } from '../stats/estimate.js';
import { chartOptions, records } from './check.js';
import { sobolOf, tornadoOf } from './from-results.js';
import { base, INK, type VegaLiteSpec } from './style.js';

// Analysis charts (question 4): tornado, Sobol indices, convergence.

export interface TornadoBar {
  readonly parameter: string;
  readonly low: Estimate;
  readonly high: Estimate;
}

/**
 * Tornado chart: each parameter's swing of the statistic around its value in the scenario. Takes
 * the bars with `{ statistic, baseline }`, or a tornado result (`tornadoChart(tornado(…))`), whose
 * statistic and baseline are its own unless given.
 */
export function tornadoChart(bars: readonly TornadoBar[] | { readonly kind: 'tornado' }, o?: { statistic?: string; baseline?: number; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'tornadoChart';
  const result = tornadoOf(fn, bars);
  o = result ? { statistic: result.statistic, baseline: result.baseline, ...chartOptions(fn, o, ['statistic', 'baseline']) } : chartOptions(fn, o, ['statistic', 'baseline'], ['statistic', 'baseline']);
  bars = (result?.bars as readonly TornadoBar[] | undefined) ?? (bars as readonly TornadoBar[]);
  records(fn, 'bars', bars, { parameter: 'string', low: 'estimate', high: 'estimate' });
  if (typeof o.statistic !== 'string') throw new TypeError(`${fn}: statistic must be a string naming the statistic (got ${typeof o.statistic})`);
  finiteNumber(fn, 'baseline', o.baseline);
  const sorted = [...bars].sort((a, b) => Math.abs(b.high.estimate - b.low.estimate) - Math.abs(a.high.estimate - a.low.estimate));
  const data = sorted.flatMap((b) => [
    { parameter: b.parameter, end: 'at its P10', value: b.low.estimate, lo: b.low.estimate - 2 * b.low.standardError, hi: b.low.estimate + 2 * b.low.standardError },
    { parameter: b.parameter, end: 'at its P90', value: b.high.estimate, lo: b.high.estimate - 2 * b.high.standardError, hi: b.high.estimate + 2 * b.high.standardError },
  ]);
  // Parameter paths are long ("capacity.expansions[0].delayYears"): labels are never cut.
  const y = { field: 'parameter', type: 'nominal', title: null, sort: sorted.map((b) => b.parameter), axis: { labelLimit: 0 } };
  return base(o.title ?? `What moves ${o.statistic!}`, o.sources ?? [], {
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

/**
 * Grouped bars of first-order and total Sobol indices, with their intervals. Takes the rows with
 * `{ output }`, or a Sobol result (`sobolChart(sobolIndices(…))`).
 */
export function sobolChart(rows: readonly SobolBar[] | { readonly kind: 'sobol-indices' }, o?: { output?: string; title?: string; sources?: readonly string[] }): VegaLiteSpec {
  const fn = 'sobolChart';
  const result = sobolOf(fn, rows);
  o = result ? { output: result.output, ...chartOptions(fn, o, ['output']) } : chartOptions(fn, o, ['output'], ['output']);
  rows = (result?.rows as readonly SobolBar[] | undefined) ?? (rows as readonly SobolBar[]);
  records(fn, 'rows', rows, { factor: 'string', firstOrder: 'interval', total: 'interval' });
  if (typeof o.output !== 'string') throw new TypeError(`${fn}: output must be a string naming the output (got ${typeof o.output})`);
  const data = rows.flatMap((r) => [
    { factor: r.factor, index: 'first order', value: r.firstOrder.estimate, lower: r.firstOrder.lower, upper: r.firstOrder.upper },
    { factor: r.factor, index: 'total', value: r.total.estimate, lower: r.total.lower, upper: r.total.upper },
  ]);
  const y = { field: 'factor', type: 'nominal', title: null, sort: [...rows].sort((a, b) => b.total.estimate - a.total.estimate).map((r) => r.factor), axis: { labelLimit: 0 } };
  const offset = { field: 'index', type: 'nominal' };
  return base(o.title ?? `Share of the variance of ${o.output!}`, o.sources ?? [], {
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
