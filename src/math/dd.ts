/**
 * Double-double helpers shared by the portable functions (internal).
 *
 * Dekker's exact product: for doubles a and b whose product neither overflows nor underflows,
 * a·b = p + {@link productError}(a, b, p) exactly, where p = a·b rounded; both halves of each
 * factor are split off by Veltkamp's method (2^27 + 1), so every partial product is exact. Only
 * +, −, × are used, so the result is the same on every engine.
 */

const SPLIT = 134217729; // 2^27 + 1

/** a·b − p exactly, for p = a·b (rounded) and |a|, |b| < 2^996 (so that the splitting cannot overflow). */
export function productError(a: number, b: number, p: number): number {
  const c = SPLIT * a;
  const a1 = c - (c - a);
  const a2 = a - a1;
  const d = SPLIT * b;
  const b1 = d - (d - b);
  const b2 = b - b1;
  return a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2;
}

/** (nh + nl)/(dh + dl) rounded once: q = nh/dh plus the exact remainder nh − q·dh corrected by the tails, over dh. */
export function divide(nh: number, nl: number, dh: number, dl: number): number {
  const q = nh / dh;
  const p = q * dh;
  return q + (nh - p - productError(q, dh, p) + nl - q * dl) / dh;
}
