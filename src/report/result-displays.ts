/**
 * Tidy rows and Jupyter displays of the simulation results (volumes, transit, routes, backtests,
 * corridor runs): views of what each result already holds, built from its summary rows.
 */
import type { Estimate } from '../stats/estimate.js';
import { backtestChart } from './forecast-charts.js';
import { displayBundle, tidy, type TidyRow } from './display.js';
import { fanChart } from './volume-charts.js';

/** A volume result's summary rows, as tidy rows by year. */
export function volumeRecords(rows: readonly { year: number; p10: number; p50: number; p90: number; mean: Estimate; probabilityAtLeastTarget: Estimate | null }[]): TidyRow[] {
  return rows.flatMap((r) => tidy(r.year, { p10: r.p10, p50: r.p50, p90: r.p90, mean: r.mean, probabilityAtLeastTarget: r.probabilityAtLeastTarget }));
}

/** A volume result's display: the table by year and its fan chart. */
export function volumeDisplay(kind: string, name: string | null, paths: number, seed: string, rows: Parameters<typeof volumeRecords>[0]): Record<string, unknown> {
  const title = `${name ?? 'scenario'}: volume by year (${paths.toLocaleString('en')} paths, seed ${seed})`;
  const last = rows[rows.length - 1];
  return displayBundle({
    title,
    text: `${kind} ${name ?? ''}: ${rows.length} years${last ? `, P50 ${last.p50.toFixed(2)} Mt in ${last.year}` : ''}`,
    rows: volumeRecords(rows),
    keyName: 'year',
    chart: fanChart(rows.map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 })), { title }),
  });
}

/** Rows keyed by a label, each field a number or an Estimate (null for none). */
export function labelled<T>(rows: readonly T[], key: (r: T) => string | number, fields: (r: T) => Record<string, number | Estimate | null>): TidyRow[] {
  return rows.flatMap((r) => tidy(key(r), fields(r)));
}

/** A backtest's display: its rows and the band against the outturns. */
export function backtestDisplay(fitThrough: number, rows: readonly { year: number; outturn: number; p10: number; p50: number; p90: number; probabilityAtMost: Estimate }[]): Record<string, unknown> {
  return displayBundle({
    title: `Backtest: forecast with the record through ${fitThrough}`,
    text: `BacktestResult: ${rows.length} held-out year${rows.length === 1 ? '' : 's'} from ${fitThrough}`,
    rows: labelled(rows, (r) => r.year, (r) => ({ outturn: r.outturn, p10: r.p10, p50: r.p50, p90: r.p90, probabilityAtMost: r.probabilityAtMost })),
    keyName: 'year',
    chart: rows.length > 0 ? backtestChart(rows.map((r) => ({ origin: fitThrough, year: r.year, p10: r.p10, p50: r.p50, p90: r.p90, outturn: r.outturn }))) : null,
  });
}
