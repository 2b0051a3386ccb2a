import { finiteNumber, numericValues, options, wholeNumber } from '../args.js';

/** One bin of a histogram: [x0, x1) (the last bin includes x1). */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/** The most bins a histogram may have: 10^6 (a million bins are already far finer than any chart). */
export const MAX_BINS = 1_000_000;

/**
 * Equal-width histogram, numpy's convention (`np.histogram`): bins are half-open [x0, x1) except
 * the last, which includes its right edge; values outside [min, max] are not counted. `bins` is a
 * whole number in [1, 10^6] (MAX_BINS), checked before anything is allocated; values are finite
 * numbers, except that ±Infinity may appear (and is not counted) when both min and max are given.
 * @example histogram([1, 2, 2, 3], { bins: 2 }) // => [{ x0: 1, x1: 2, count: 1 }, { x0: 2, x1: 3, count: 3 }]
 */
export function histogram(values: ArrayLike<number>, o: { bins: number; min?: number; max?: number }): Bin[] {
  const fn = 'histogram';
  const opts = options<{ bins: unknown; min?: unknown; max?: unknown }>(fn, o, ['bins', 'min', 'max'], ['bins']);
  const bins = wholeNumber(fn, 'bins', opts.bins, 1, MAX_BINS);
  const min = opts.min === undefined ? undefined : finiteNumber(fn, 'min', opts.min);
  const max = opts.max === undefined ? undefined : finiteNumber(fn, 'max', opts.max);
  const v = numericValues(fn, 'values', values, { infinite: min !== undefined && max !== undefined });
  if (v.length === 0 && (min === undefined || max === undefined)) {
    throw new RangeError('histogram: needs values, or both min and max');
  }
  let lo = min ?? Infinity;
  let hi = max ?? -Infinity;
  if (min === undefined || max === undefined) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (min === undefined && x < lo) lo = x;
      if (max === undefined && x > hi) hi = x;
    }
  }
  if (!(lo <= hi)) throw new RangeError(`histogram: needs min <= max (got min ${lo}, max ${hi})`);
  if (lo === hi) {
    // numpy widens a zero-width range by 0.5 on each side (by an ulp or two where 0.5 is less
    // than that, so that the range never stays empty; never past the largest double).
    const w = Math.max(0.5, Math.abs(lo) * 2 ** -52);
    lo = Math.max(lo - w, -Number.MAX_VALUE);
    hi = Math.min(hi + w, Number.MAX_VALUE);
  }
  // Edges and bin positions in units of `scale`: 1, or 1/2 when hi − lo would overflow (a range
  // spanning most of the doubles), where numpy gives NaN edges. Halving is exact.
  const scale = hi - lo <= Number.MAX_VALUE ? 1 : 0.5;
  const slo = lo * scale;
  const shi = hi * scale;
  const width = (shi - slo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b < bins; b++) edges[b] = slo + b * width;
  edges[bins] = shi;
  const counts = new Float64Array(bins);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]! * scale;
    if (!(x >= slo && x <= shi)) continue;
    let b = Math.floor((x - slo) / width);
    if (b >= bins) b = bins - 1;
    // As numpy does: correct the computed bin against the edges themselves.
    if (x < edges[b]!) b--;
    else if (b !== bins - 1 && x >= edges[b + 1]!) b++;
    counts[b]!++;
  }
  return Array.from(counts, (count, b) => ({ x0: edges[b]! / scale, x1: edges[b + 1]! / scale, count }));
}
