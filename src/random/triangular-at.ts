/**
 * The triangular inverse distribution function at u ∈ [0, 1), for the distribution on
 * [min, max] with span = max − min > 0 and cut = (mode − min)/span: written with the span outside
 * the square roots (span·√(u·cut), not √(u·span·(mode − min)), which underflows for tiny spans)
 * and clamped to [min, max] against rounding (0.1 + 0.2 > 0.3). The triangular sampler draws
 * through it ({@link triangularDraws}); the generator's fused fill writes the same expression in
 * its loop (a call across modules in a loop is not always inlined: 5× slower a draw under vitest's
 * module transform), and a test pins the two to each other, bit for bit.
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

/**
 * Draws of the triangular distribution from a source of uniforms, one at a time: the closure is
 * made here, beside {@link triangularAt}, so that the call is inlined into it. (Passing the
 * parameters through a Float64Array, as the fused fill does, made this closure slower: measured
 * 1,100 against 1,450–2,450 runs a second of 2^16 draws under `npm run bench`.)
 */
export function triangularDraws(rng: () => number, min: number, max: number, span: number, cut: number): () => number {
  return () => triangularAt(rng(), min, max, span, cut);
}
