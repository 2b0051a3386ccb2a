/**
 * What a full volume result and a summary show alike, written once: the summary rows by year,
 * their tidy rows and CSV, the Jupyter display and the printed lines. Each is a view of the
 * statistics the result answers (quantiles, means, probabilities), never a re-run.
 */
import type { Precision } from '../engine/precision.js';
import type { Scenario } from '../scenario/types.js';
import type { Estimate } from '../stats/estimate.js';
import { toCSV, type CSVOptions, type TidyRow } from '../report/display.js';
import { volumeDisplay, volumeRecords, volumeText } from '../report/result-displays.js';
import { summaryRows } from './result-rows.js';
import type { FirstYearRow, Unmet, Utilisation, VolumeSummaryRow } from './result-types.js';

/**
 * The base of {@link VolumeResult} and {@link VolumeSummary}: given the statistics each answers
 * its own way, the views they share.
 */
export abstract class VolumeViews {
  abstract readonly kind: 'volumes' | 'volume-summary';
  abstract readonly scenario: Scenario;
  abstract readonly seed: string;
  abstract readonly paths: number;
  abstract readonly years: number[];
  /** How a run to a tolerance (`untilStandardError`) was sized and what it found; null for a run of a size fixed in advance. */
  abstract readonly precision: Precision | null;
  abstract quantiles(year: number, ps: readonly number[]): number[];
  abstract mean(year: number): Estimate;
  abstract probabilityAtLeast(year: number, volumeMt: number): Estimate;
  abstract unmet(year: number): Unmet;
  abstract utilisation(year: number): Utilisation | null;
  abstract firstYearReaching(volumeMt: number): FirstYearRow[];
  abstract medianFirstYear(volumeMt: number): number | null;

  /** Year, P10, P50, P90, mean and P(≥ target) for every year of the run. */
  summary(): VolumeSummaryRow[] {
    return summaryRows(this);
  }

  /** Tidy rows `{ year, statistic, value, standardError, threshold }`: p10, p50, p90, mean, probabilityAtLeast (threshold: the target, Mt). */
  toRecords(): TidyRow<'year'>[] {
    return volumeRecords(this.summary(), this.scenario.target?.volumeMt ?? null);
  }

  /** The tidy rows as CSV (year, statistic, value, standardError, threshold); the options of {@link toCSV}. */
  toCSV(o?: string | CSVOptions): string {
    return toCSV(this.toRecords(), o);
  }

  /** Jupyter (Deno kernel): the table by year and the fan chart, and the run's precision under them when it has one. */
  [Symbol.for('Jupyter.display')](): Record<string, unknown> {
    return volumeDisplay(this.kind, this.scenario.name, this.paths, this.seed, this.summary(), this.scenario.target?.volumeMt ?? null, this.precision);
  }

  /** A few lines: the run, the target year and the last year, the median first year reaching the target, the run's precision when it has one. */
  toString(): string {
    return volumeText(this);
  }

  /** Node's, Deno's and Bun's console print the same lines. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return volumeText(this);
  }
}
