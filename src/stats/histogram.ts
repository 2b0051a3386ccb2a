/** One bin of a histogram: [x0, x1) (the last bin includes x1). */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Equal-width histogram, numpy's convention (`np.histogram`): bins are half-open [x0, x1) except
 * the last, which includes its right edge; values outside [min, max] are not counted.
 * @example histogram([1, 2, 2, 3], { bins: 2 }) // => [{ x0: 1, x1: 2, count: 1 }, { x0: 2, x1: 3, count: 3 }]
 */
export function histogram(values: ArrayLike<number>, o: { bins: number; min?: number; max?: number }): Bin[] {
  const { bins } = o;
  if (!(Number.isInteger(bins) && bins > 0)) throw new RangeError(`histogram: bins must be a positive integer (got ${bins})`);
  if (values.length === 0 && (o.min === undefined || o.max === undefined)) {
    throw new RangeError('histogram: needs values, or both min and max');
  }
  let lo = o.min ?? Infinity;
  let hi = o.max ?? -Infinity;
  if (o.min === undefined || o.max === undefined) {
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (Number.isNaN(x)) throw new RangeError(`histogram: values[${i}] is NaN`);
      if (o.min === undefined && x < lo) lo = x;
      if (o.max === undefined && x > hi) hi = x;
    }
  }
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new RangeError(`histogram: needs finite min <= max (got min ${lo}, max ${hi})`);
  }
  if (lo === hi) {
    // numpy widens a zero-width range by 0.5 on each side.
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b < bins; b++) edges[b] = lo + b * width;
  edges[bins] = hi;
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(x >= lo && x <= hi)) continue;
    let b = Math.floor((x - lo) / width);
    if (b >= bins) b = bins - 1;
    // As numpy does: correct the computed bin against the edges themselves.
    if (x < edges[b]!) b--;
    else if (b !== bins - 1 && x >= edges[b + 1]!) b++;
    counts[b]!++;
  }
  return Array.from(counts, (count, b) => ({ x0: edges[b]!, x1: edges[b + 1]!, count }));
}
