/**
 * The statistics an analysis can target on a volume run, each evaluated as an {@link Estimate}
 * and, where per-path values exist, as a per-path column so that two runs can be paired.
 */
import { finiteNumber, level, options, show, wholeNumber } from '../args.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { pairedAtLeast, pairedMean, pairedQuantile } from '../stats/paired.js';

/** A statistic of the volume in one year. */
export type VolumeStatistic =
  | { readonly statistic: 'probabilityAtLeast'; readonly year: number; readonly volumeMt: number }
  | { readonly statistic: 'quantile'; readonly year: number; readonly p: number }
  | { readonly statistic: 'mean'; readonly year: number };

/** The statistic as a short label, e.g. `P(volume ≥ 10 Mt in 2027)`. */
export function statisticLabel(s: VolumeStatistic): string {
  switch (s.statistic) {
    case 'probabilityAtLeast':
      return `P(volume ≥ ${s.volumeMt} Mt in ${s.year})`;
    case 'quantile':
      return `P${Math.round(s.p * 100)} volume in ${s.year} (Mt)`;
    case 'mean':
      return `mean volume in ${s.year} (Mt)`;
  }
}

/** Checks a statistic given by a user. */
export function checkStatistic(fn: string, s: unknown): VolumeStatistic {
  const o = options<Record<string, unknown>>(fn, s, ['statistic', 'year', 'volumeMt', 'p'], ['statistic', 'year']);
  const year = wholeNumber(fn, 'statistic.year', o.year, -100_000, 100_000);
  // Each kind is a closed record: a field of another kind (a p on a mean) is refused, never dropped.
  const own: Record<string, string[]> = { probabilityAtLeast: ['volumeMt'], quantile: ['p'], mean: [] };
  const extra = Object.keys(o).filter((k) => k !== 'statistic' && k !== 'year' && !(own[o.statistic as string] ?? ['volumeMt', 'p']).includes(k));
  if (extra.length > 0 && typeof o.statistic === 'string' && o.statistic in own) {
    throw new TypeError(`${fn}: statistic '${o.statistic}' takes ${['statistic', 'year', ...own[o.statistic]!].join(', ')} (got also ${extra.join(', ')})`);
  }
  switch (o.statistic) {
    case 'probabilityAtLeast':
      return { statistic: 'probabilityAtLeast', year, volumeMt: finiteNumber(fn, 'statistic.volumeMt', o.volumeMt) };
    case 'quantile':
      return { statistic: 'quantile', year, p: level(fn, 'statistic.p', o.p) };
    case 'mean':
      return { statistic: 'mean', year };
    default:
      throw new TypeError(`${fn}: statistic.statistic must be 'probabilityAtLeast', 'quantile' or 'mean' (got ${show(o.statistic)})`);
  }
}

/** What a statistic needs of a run: the volumes of one year. */
export interface YearVolumes {
  readonly years: readonly number[];
  readonly volume: readonly Float64Array[];
}

function column(r: YearVolumes, year: number, fn: string): Float64Array {
  const k = year - r.years[0]!;
  const v = r.volume[k];
  if (!v) throw new RangeError(`${fn}: the statistic's year ${year} is not in the run (${r.years[0]}–${r.years[r.years.length - 1]})`);
  return v;
}

function paired(a: Float64Array, b: Float64Array, s: VolumeStatistic) {
  return s.statistic === 'probabilityAtLeast' ? pairedAtLeast(a, b, s.volumeMt) : s.statistic === 'mean' ? pairedMean(a, b) : pairedQuantile(a, b, s.p);
}

/** The statistic of one run, with its standard error. */
export function evaluate(r: YearVolumes, s: VolumeStatistic, fn: string): Estimate {
  const v = column(r, s.year, fn);
  // Paired with a constant column, the difference's standard error is the run's own.
  const d = paired(v, new Float64Array(v.length), s);
  return estimate(d.a, d.difference.standardError);
}

/** The paired difference a − b of the statistic between two runs on the same draws. */
export function evaluatePaired(a: YearVolumes, b: YearVolumes, s: VolumeStatistic, fn: string) {
  return paired(column(a, s.year, fn), column(b, s.year, fn), s);
}
