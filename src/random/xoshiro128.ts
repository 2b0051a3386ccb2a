import xor4096 from 'seedrandom/lib/xor4096.js';

const TWO_POW_M32 = 2.3283064365386963e-10;
const TWO_POW_M21 = 4.76837158203125e-7;
/** Where {@link Xoshiro128.fillTriangular} makes its parameters doubles. */
const PARAMS = new Float64Array(4);

/** The jump polynomials of the reference code: 2^64 and 2^96 steps ahead. */
const JUMP = Int32Array.of(0x8764000b | 0, 0xf542d2d3 | 0, 0x6fa035c3 | 0, 0x77f2db5b | 0);
const LONG_JUMP = Int32Array.of(0xb523952e | 0, 0x0b6f099f | 0, 0xccf5a0ef | 0, 0x1c580662 | 0);

/**
 * xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021, article 36; reference code https://prng.di.unimi.it/xoshiro128starstar.c),
 * stepped on an Int32Array of 4 words with 32-bit integer operations only.
 *
 * Why this generator: a 128-bit state (four words, so seeding is cheap and a kernel can keep one
 * generator per leg live), a few integer operations per 32-bit output, and published quality:
 * the authors report that xoshiro128** passes BigCrush (TestU01) with no systematic failure
 * (the paper's table of test results; https://prng.di.unimi.it/#quality, and the reference
 * code's own note "passes all tests we are aware of"). Known weaknesses: the period is
 * 2^128 − 1 and the all-zero state is a fixed point (never used here); the linear engine's lowest
 * bits have low linear complexity, which makes xoshiro128+ fail linearity tests in its low bits —
 * this does not apply to **, whose scrambler (×5, rotate by 7, ×9) feeds every output bit from
 * many state bits, so the low bits of `next()` are as usable as the high ones; like every
 * F2-linear engine it takes many steps to leave a state with very few one bits, which seeding
 * through a hash (as `fromKey` does) avoids; 128 bits allow ~2^64 non-overlapping 2^64-long
 * streams through `jump()`, far more than a run uses, but the library derives streams by hashing
 * keys, where overlap is only improbable (as with any hashed seeding), not excluded.
 *
 * Checked number for number (raw outputs, jump, long jump, output 1,000,001) against the
 * authors' C code compiled by test/fixtures/xoshiro128.py.
 *
 * From the state [1, 2, 3, 4] the first outputs are 11520, 0, 5927040, 70819200, 2031721883
 * (`new Xoshiro128([1, 2, 3, 4]).next()`).
 */
export class Xoshiro128 {
  /** The 4 state words s[0..3] of the reference code (public for fused kernels). */
  readonly s: Int32Array;

  /** A generator at the given state (four 32-bit words, not all zero: a RangeError otherwise). */
  constructor(state: ArrayLike<number>) {
    if (state.length !== 4) throw new RangeError(`Xoshiro128: state must have 4 words (got ${state.length})`);
    const s = Int32Array.from(state, (w) => w | 0);
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) throw new RangeError('Xoshiro128: state must not be all zero');
    this.s = s;
  }

  /**
   * The generator for a key text — the text the library already builds for (seed, purpose, block)
   * with `streamText`, every field length-prefixed so that leg `a/delay` never meets leg `a`'s
   * delay stream. seedrandom's `xor4096` (Brent's xorgens key schedule: the whole text is mixed
   * into 4,096 bits and 512 outputs are discarded) is seeded with the text and its first four
   * int32 outputs become s[0..3]. Should the four words all be zero (probability 2^-128), the
   * next four are taken, so the state is never the all-zero fixed point.
   *
   * Why xor4096 and not a cheaper seedrandom generator: alea's Mash hash keeps only about 53 bits
   * between characters (two keys would share a stream with probability ~2^-53 instead of
   * ~2^-128), and seedrandom's tychei step drops 16 bits of its state per round, so it is not a
   * permutation. Seeding costs 3–9 µs on the development machine (xor4096's key schedule), against
   * ~2 ns a draw.
   *
   * `Xoshiro128.fromKey('2:42|13:volume/demand|0').next()` is a uint32, the same on every engine.
   */
  static fromKey(text: string): Xoshiro128 {
    const src = xor4096(text);
    const w = [0, 0, 0, 0];
    do {
      for (let i = 0; i < 4; i++) w[i] = src.int32();
    } while ((w[0]! | w[1]! | w[2]! | w[3]!) === 0);
    return new Xoshiro128(w);
  }

  /**
   * The next output as an unsigned 32-bit integer (the reference `next()`). The step is written in
   * this file and nowhere else: here, for a single draw, and in the block forms
   * ({@link fillWords}, {@link fillUniform}, {@link fillTriangular}), with the state in locals and
   * each word used where it is made (1.6–1.8× faster a word than calling this per word, measured
   * in docs/numerics.md); tests pin every form to the authors' C code and to each other. Nothing
   * outside this class reads or writes the state.
   */
  next(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** The next output as a signed 32-bit integer (the same bits as `next()`). */
  int32(): number {
    return this.next() | 0;
  }

  /** Uniform on [0, 1) with 32 random bits: next() / 2^32. */
  uniform(): number {
    return this.next() * TWO_POW_M32;
  }

  /**
   * Uniform on (0, 1) with 53 random bits, seedrandom's convention: the high 21 bits of one
   * output, then all 32 bits of the next, (a >>> 11 + b / 2^32) / 2^21; the value 0
   * (probability 2^-53) is redrawn.
   */
  double(): number {
    let r: number;
    do {
      const top = this.next() >>> 11;
      r = (top + this.next() * TWO_POW_M32) * TWO_POW_M21;
    } while (r === 0);
    return r;
  }

  /**
   * Fills out[from..to) with the next outputs as signed 32-bit words: the same words as `next()`
   * in a loop (`next() | 0`), with the state in locals — the block form of the step, from which
   * every bulk consumer (uniform fills, the ziggurat, the kernels) takes its words.
   */
  fillWords(out: Int32Array, from: number, to: number): void {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let k = from; k < to; k++) {
      const x = Math.imul(s1, 5);
      out[k] = Math.imul((x << 7) | (x >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /**
   * Fills out[from..to) with uniforms on [0, 1): the same numbers as `uniform()` in a loop, with
   * the state in locals and each word converted where it is made (no buffer between the step and
   * the conversion, as in {@link fillTriangular}; docs/numerics.md, "The step in one file").
   */
  fillUniform(out: Float64Array, from: number, to: number): void {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let k = from; k < to; k++) {
      const x = Math.imul(s1, 5);
      out[k] = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * TWO_POW_M32;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /**
   * Fills out[from..to) with triangular draws on [min, max] (`span` = max − min > 0, `cut` =
   * (mode − min)/span): `triangularAt` (./triangular-at.ts) of the uniforms `fillUniform` would give, the same
   * numbers, made in one pass (a triangular draw is what most transit legs are made of: the pass
   * halves their cost: 11.5 → 5.3 ns a draw, docs/numerics.md, "The step in one file").
   */
  fillTriangular(out: Float64Array, from: number, to: number, min: number, max: number, span: number, cut: number): void {
    // The parameters through a Float64Array: a whole-number parameter (max = 4) arrives as a small
    // integer, and V8 then boxes every clamped result to merge it with the double (measured: 2×
    // slower a draw); read back from doubles, they are doubles, the same values.
    const p = PARAMS;
    p[0] = min;
    p[1] = max;
    p[2] = span;
    p[3] = cut;
    const lo = p[0]!;
    const hi = p[1]!;
    const width = p[2]!;
    const at = p[3]!;
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let k = from; k < to; k++) {
      const x = Math.imul(s1, 5);
      // triangularAt(u, lo, hi, width, at) (./triangular-at.ts), written out: see there.
      const u = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * TWO_POW_M32;
      const h = +(u < at);
      const g = 1 - h;
      const r = Math.sqrt(h * (u * at) + g * ((1 - u) * (1 - at)));
      const y = h * (lo + width * r) + g * (hi - width * r);
      out[k] = y < lo ? lo : y > hi ? hi : y;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /** Advances the state by 2^64 steps (the reference `jump()`): 2^64 non-overlapping subsequences. */
  jump(): void {
    this.#polyJump(JUMP);
  }

  /** Advances the state by 2^96 steps (the reference `long_jump()`). */
  longJump(): void {
    this.#polyJump(LONG_JUMP);
  }

  /** The reference code's accumulate-and-step loop for a jump polynomial (128 steps). */
  #polyJump(poly: Int32Array): void {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    const s = this.s;
    for (let i = 0; i < 4; i++) {
      const word = poly[i]!;
      for (let b = 0; b < 32; b++) {
        const m = -((word >>> b) & 1); // all ones if bit b is set, else 0
        a0 ^= s[0]! & m;
        a1 ^= s[1]! & m;
        a2 ^= s[2]! & m;
        a3 ^= s[3]! & m;
        this.next();
      }
    }
    s[0] = a0;
    s[1] = a1;
    s[2] = a2;
    s[3] = a3;
  }
}
