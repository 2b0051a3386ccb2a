/**
 * The triangular inverse distribution function at u ∈ [0, 1), for the distribution on
 * [min, max] with span = max − min > 0 and cut = (mode − min)/span: written with the span outside
 * the square roots (span·√(u·cut), not √(u·span·(mode − min)), which underflows for tiny spans)
 * and clamped to [min, max] against rounding (0.1 + 0.2 > 0.3). Shared by the triangular sampler
 * and the generator's fused triangular fill, so both give the same bits.
 */
export function triangularAt(u: number, min: number, max: number, span: number, cut: number): number {
  // Which side of the mode is random, so no branch on it (V8 compiles `c ? a : b` to a branch that
  // mispredicts half the time): with h = +(u < cut), h·a + (1 − h)·b is exactly a or b (both
  // finite), the same bits as the branch, one square root either way.
  const h = +(u < cut);
  const g = 1 - h;
  const r = Math.sqrt(h * (u * cut) + g * ((1 - u) * (1 - cut)));
  const x = h * (min + span * r) + g * (max - span * r);
  return x < min ? min : x > max ? max : x;
}
