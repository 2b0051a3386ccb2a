import { wholeNumber } from '../args.js';
import { SOBOL_DIRECTIONS } from './sobol-directions.js';

const BITS = 32;
const SCALE = 2 ** -32;

/** The 32 direction numbers of each dimension, scaled to 32-bit words (Bratley & Fox 1988). */
function directions(dims: number): Uint32Array[] {
  return Array.from({ length: dims }, (_, d) => {
    const [poly, init] = SOBOL_DIRECTIONS[d]!;
    const v = new Uint32Array(BITS);
    if (d === 0) {
      for (let j = 0; j < BITS; j++) v[j] = 1;
    } else {
      const s = 31 - Math.clz32(poly); // the degree
      for (let j = 0; j < s; j++) v[j] = init[j]!;
      for (let j = s; j < BITS; j++) {
        let w = v[j - s]!;
        let pow2 = 1;
        for (let k = 0; k < s; k++) {
          pow2 *= 2;
          if ((poly >>> (s - 1 - k)) & 1) w = (w ^ (pow2 * v[j - k - 1]!)) >>> 0;
        }
        v[j] = w;
      }
    }
    // Left-align: m_j / 2^j as a 32-bit fraction.
    for (let j = 0; j < BITS; j++) v[j] = (v[j]! << (BITS - 1 - j)) >>> 0; // × 2^(31 − j), mod 2^32
    return v;
  });
}

/** The most values (dims × n) {@link sobolPoints} returns: 1 GiB of doubles. */
export const SOBOL_MAX_VALUES = 2 ** 27;

/** The most dimensions {@link sobolPoints} offers. */
export const SOBOL_MAX_DIMENSIONS = SOBOL_DIRECTIONS.length;

/**
 * The first `n` points of the unscrambled Sobol low-discrepancy sequence in `dims` dimensions
 * (Joe–Kuo direction numbers, Gray-code order, 32-bit: the points scipy's
 * `qmc.Sobol(d, scramble=False)` gives), as one Float64Array per dimension. The first point is
 * the origin; take n a power of two for a balanced design.
 * @example Array.from(sobolPoints(2, 4)[1]) // => [ 0, 0.5, 0.25, 0.75 ]
 */
export function sobolPoints(dims: number, n: number): Float64Array[] {
  checkSize('sobolPoints', dims, n);
  return sobolWords(dims, n).map((w) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = w[i]! * SCALE;
    return out;
  });
}

/** Checks dims and n of a Sobol design (the dimensions of the table, at most {@link SOBOL_MAX_VALUES} values). */
export function checkSize(fn: string, dims: number, n: number): void {
  wholeNumber(fn, 'dims', dims, 1, SOBOL_MAX_DIMENSIONS);
  wholeNumber(fn, 'n', n, 1, 2 ** 30);
  if (dims * n > SOBOL_MAX_VALUES) {
    throw new RangeError(`${fn}: dims × n = ${(dims * n).toLocaleString('en')} values would need ${((dims * n * 8) / 2 ** 30).toFixed(1)} GiB; at most ${SOBOL_MAX_VALUES.toLocaleString('en')} (1 GiB)`);
  }
}

/**
 * The first `n` points of the unscrambled sequence as 32-bit words, one Uint32Array per dimension
 * (point = word / 2^32): what {@link sobolPoints} scales and the Owen scramble permutes. Unchecked.
 */
export function sobolWords(dims: number, n: number): Uint32Array[] {
  const v = directions(dims);
  const x = new Uint32Array(dims);
  const out = Array.from({ length: dims }, () => new Uint32Array(n));
  for (let i = 1; i < n; i++) {
    // Gray code: flip the direction of the lowest zero bit of i − 1.
    const c = 31 - Math.clz32(~(i - 1) & i);
    for (let d = 0; d < dims; d++) {
      x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
      out[d]![i] = x[d]!;
    }
  }
  return out;
}
