/**
 * Tidy rows and Jupyter displays of the simulation results (volumes, transit, routes, backtests,
 * corridor runs): views of what each result already holds, built from its summary rows.
 */
import type { Estimate } from '../stats/estimate.js';
import { backtestChart } from './forecast-charts.js';
import { displayBundle, tidy, type TidyRow } from './display.js';
import { fanChartUnchecked } from './volume-charts.js';
import { block, est, num, pct, precisionLine, runOf, type PrecisionLike } from './print.js';
import type { RowDisplay } from './row-result.js';

/**
 * A volume result's summary rows, as tidy rows by year: p10, p50, p90, mean and
 * `probabilityAtLeast` whose `threshold` is the target volume (null, and a null value, without a
 * target).
 */
export function volumeRecords(rows: readonly { year: number; p10: number; p50: number; p90: number; mean: Estimate; probabilityAtLeastTarget: Estimate | null }[], targetMt: number | null): TidyRow<'year'>[] {
  return rows.flatMap((r) => tidy({ year: r.year }, { p10: r.p10, p50: r.p50, p90: r.p90, mean: r.mean, probabilityAtLeast: r.probabilityAtLeastTarget }, { probabilityAtLeast: targetMt }));
}

/** A volume result's display: the table by year and its fan chart (and the run's precision, when it was run to a tolerance). */
export function volumeDisplay(kind: string, name: string | null, paths: number, seed: string, rows: Parameters<typeof volumeRecords>[0], targetMt: number | null, precision: PrecisionLike | null = null): Record<string, unknown> {
  const title = `${name ?? 'scenario'}: volume by year (${paths.toLocaleString('en')} paths, seed ${seed})`;
  const last = rows[rows.length - 1];
  return displayBundle({
    title,
    text: `${kind} ${name ?? ''}: ${rows.length} years${last ? `, P50 ${last.p50.toFixed(2)} Mt in ${last.year}` : ''}`,
    rows: volumeRecords(rows, targetMt),
    chart: fanChartUnchecked(rows.map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 })), { title }),
    note: precision === null ? null : precisionLine(precision),
  });
}

/** Rows keyed by their key columns, each field a number or an Estimate (null for none), with the thresholds of the probabilities among them. */
export function labelled<T, K extends string>(rows: readonly T[], keys: (r: T) => { readonly [k in K]: number | string | null }, fields: (r: T) => Record<string, number | Estimate | null>, thresholds?: (r: T) => Record<string, number | null>): TidyRow<K>[] {
  return rows.flatMap((r) => tidy(keys(r), fields(r), thresholds?.(r)));
}

/** A backtest's tidy rows by year: outturn, p10, p50, p90 and `probabilityAtMost` whose threshold is the outturn (a PIT value). */
export function backtestRecords(rows: readonly { year: number; outturn: number; p10: number; p50: number; p90: number; probabilityAtMost: Estimate }[]): TidyRow<'year'>[] {
  return labelled(rows, (r) => ({ year: r.year }), (r) => ({ outturn: r.outturn, p10: r.p10, p50: r.p50, p90: r.p90, probabilityAtMost: r.probabilityAtMost }), (r) => ({ probabilityAtMost: r.outturn }));
}

/** A backtest's display: the title, text and chart above its rows (the band against the outturns). */
export function backtestDisplay(fitThrough: number, rows: readonly { year: number; outturn: number; p10: number; p50: number; p90: number; probabilityAtMost: Estimate }[]): RowDisplay {
  return {
    title: `Backtest: forecast with the record through ${fitThrough}`,
    text: `BacktestResult: ${rows.length} held-out year${rows.length === 1 ? '' : 's'} from ${fitThrough}`,
    chart: rows.length > 0 ? backtestChart(rows.map((r) => ({ origin: fitThrough, year: r.year, p10: r.p10, p50: r.p50, p90: r.p90, outturn: r.outturn }))) : null,
  };
}

/** What a volume result prints from (VolumeResult and VolumeSummary alike). */
interface PrintedVolumes {
  readonly kind: string;
  readonly scenario: { readonly name: string | null; readonly target: { readonly year: number; readonly volumeMt: number } | null };
  readonly paths: number;
  readonly seed: string;
  readonly years: readonly number[];
  readonly precision: PrecisionLike | null;
  quantiles(year: number, ps: readonly number[]): number[];
  mean(year: number): Estimate;
  probabilityAtLeast(year: number, volumeMt: number): Estimate;
  medianFirstYear(volumeMt: number): number | null;
}

/**
 * A volume result as a few lines: the run, then the target year and the last year (P50 with its
 * P10–P90 band, the mean, P(≥ target)), the median first year reaching the target, and the
 * run's precision when it was run to a tolerance. Only those years' statistics are computed.
 */
export function volumeText(r: PrintedVolumes): string {
  const target = r.scenario.target;
  const last = r.years.at(-1)!;
  const years = [...new Set([target?.year, last])].filter((y): y is number => y !== undefined && r.years.includes(y));
  const lines = years.map((year) => {
    const [p10, p50, p90] = r.quantiles(year, [0.1, 0.5, 0.9]) as [number, number, number];
    const p = target ? `, P(≥ ${target.volumeMt} Mt) ${pct(r.probabilityAtLeast(year, target.volumeMt))}` : '';
    return `${year}: P50 ${num(p50, 'Mt')} (P10 ${num(p10)}, P90 ${num(p90)}), mean ${est(r.mean(year), 'Mt')}${p}`;
  });
  if (target) lines.push(`median first year reaching ${target.volumeMt} Mt: ${r.medianFirstYear(target.volumeMt) ?? `after ${last}`}`);
  if (r.precision !== null) lines.push(precisionLine(r.precision));
  return block(`${r.kind === 'volumes' ? 'VolumeResult' : 'VolumeSummary'} ${r.scenario.name ?? '(unnamed scenario)'}: ${runOf(r.paths, 'paths', r.seed)}, ${r.years[0]}–${last}`, lines);
}
