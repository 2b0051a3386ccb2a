import { numericValues } from '../args.js';

/**
 * Ranks 1…n of the values, ties given the average of the ranks they span (scipy's
 * `rankdata(method='average')`).
 * @example Array.from(ranks([10, 30, 20, 20])) // => [ 1, 4, 2.5, 2.5 ]
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const v = numericValues('ranks', 'values', values, { infinite: true });
  const n = v.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a]! - v[b]! || a - b);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && v[order[j + 1]!] === v[order[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = r;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation of two equally long arrays; RangeError when either does not vary. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, fn = 'pearson'): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`${fn}: x and y must have the same length (got ${n} and ${y.length})`);
  if (n < 2) throw new RangeError(`${fn}: needs at least 2 pairs (got ${n})`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) throw new RangeError(`${fn}: ${sxx > 0 ? 'y' : 'x'} does not vary, so the correlation is undefined`);
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks (scipy's `spearmanr`).
 * @example spearman([1, 2, 3, 4], [10, 20, 25, 100]) // => 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  numericValues('spearman', 'x', x, { infinite: true });
  numericValues('spearman', 'y', y, { infinite: true });
  return pearson(ranks(x), ranks(y), 'spearman');
}
