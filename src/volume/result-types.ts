/** The row and JSON shapes of the volume results (./result.ts, ./summary.ts), apart so that the row helpers (./result-rows.ts) need not import the result class. */
import type { Estimate } from '../stats/estimate.js';

/** One row of `VolumeResult.summary()`. */
export interface VolumeSummaryRow {
  year: number;
  p10: number;
  p50: number;
  p90: number;
  /** Mean volume (Mt) with its Monte Carlo standard error. */
  mean: Estimate;
  /** P(volume ≥ the scenario's target volume) in that year; null without a target. */
  probabilityAtLeastTarget: Estimate | null;
}

/** The year a path first carries at least a volume (null: never within the horizon), and its probability. */
export interface FirstYearRow {
  year: number | null;
  probability: Estimate;
}

/** Demand the corridor cannot carry in a year: its mean (Mt, over all paths) and the probability that some is unmet. */
export interface Unmet {
  mean: Estimate;
  probability: Estimate;
}

/** Mean utilisation volume/capacity in a year and the share of paths at capacity (demand ≥ capacity). */
export interface Utilisation {
  mean: Estimate;
  atCapacity: Estimate;
}

/** One year of a volume result's `VolumeResult.toJSON()`: its summary row, unmet demand and utilisation. */
export interface VolumeYearJSON extends VolumeSummaryRow {
  unmet: Unmet;
  utilisation: Utilisation | null;
}

