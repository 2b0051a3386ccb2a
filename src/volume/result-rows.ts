/**
 * What full and summary volume results share: the year index, the mean's merge, the summary
 * rows and the per-year JSON, the median first year.
 */
import { show } from '../args.js';
import type { Scenario } from '../scenario/types.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import type { FirstYearRow, Unmet, Utilisation, VolumeSummaryRow, VolumeYearJSON } from './result-types.js';

/**
 * The mean of n values and its standard error from their sum and the sum of squared deviations
 * from their mean (two passes, or partial sums merged by Chan et al.'s update; never the
 * cancelling Σx² − n·mean²). The values are bounded (volumes by MAX_VOLUME_MT), so nothing overflows.
 */
export function meanEstimate(total: number, m2: number, n: number): Estimate {
  const variance = n > 1 ? m2 / (n - 1) : 0;
  return estimate(total / n, Math.sqrt(variance / n));
}

/**
 * Chan, Golub and LeVeque's update: the sum of squared deviations of two groups together, from
 * each group's count, sum and own sum of squared deviations.
 */
export function mergeM2(nA: number, sumA: number, m2A: number, nB: number, sumB: number, m2B: number): number {
  if (nA === 0) return m2B;
  if (nB === 0) return m2A;
  const delta = sumB / nB - sumA / nA;
  return m2A + m2B + ((delta * delta * nA) / (nA + nB)) * nB;
}

/** Index of a year among a run's years: a whole number in the run (TypeError for a non-number, RangeError otherwise). */
export function yearIndexIn(years: readonly number[], year: unknown, fn: string): number {
  const what = `year must be a whole year in the run, ${years[0]}–${years[years.length - 1]}`;
  if (typeof year !== 'number') throw new TypeError(`${fn}: ${what} (got ${show(year)})`);
  const k = year - years[0]!;
  if (!(Number.isInteger(year) && k >= 0 && k < years.length)) throw new RangeError(`${fn}: ${what} (got ${show(year)})`);
  return k;
}

/** The first year by which at least half the paths have reached a level, from its first-year rows. */
export function medianFirstYear(rows: readonly FirstYearRow[]): number | null {
  let cum = 0;
  for (const r of rows) {
    if (r.year === null) return null;
    cum += r.probability.estimate;
    if (cum >= 0.5) return r.year;
  }
  return null;
}

/** What {@link summaryRows} and {@link yearsJSON} read of a result (full or summary). */
interface Summarisable {
  scenario: Scenario;
  years: number[];
  quantiles(year: number, ps: readonly number[]): number[];
  mean(year: number): Estimate;
  probabilityAtLeast(year: number, volumeMt: number): Estimate;
  unmet(year: number): Unmet;
  utilisation(year: number): Utilisation | null;
  firstYearReaching(volumeMt: number): FirstYearRow[];
}

/** Year, P10, P50, P90, mean and P(≥ target) for every year of a run. */
export function summaryRows(r: Summarisable): VolumeSummaryRow[] {
  const target = r.scenario.target;
  return r.years.map((year) => {
    const [p10, p50, p90] = r.quantiles(year, [0.1, 0.5, 0.9]) as [number, number, number];
    return { year, p10, p50, p90, mean: r.mean(year), probabilityAtLeastTarget: target ? r.probabilityAtLeast(year, target.volumeMt) : null };
  });
}

/** The per-year statistics of a result's toJSON(), and the first years reaching the target. */
export function yearsJSON(r: Summarisable): { years: VolumeYearJSON[]; firstYearReachingTarget: FirstYearRow[] | null } {
  const target = r.scenario.target;
  return {
    years: summaryRows(r).map((row) => ({ ...row, unmet: r.unmet(row.year), utilisation: r.utilisation(row.year) })),
    firstYearReachingTarget: target ? r.firstYearReaching(target.volumeMt) : null,
  };
}
