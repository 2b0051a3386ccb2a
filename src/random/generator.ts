import xor4096 from 'seedrandom/lib/xor4096.js';

const TWO_POW_M32 = 2.3283064365386963e-10;

/**
 * seedrandom's `xor4096` (R. P. Brent's xorgens 4096 with a Weyl sequence), stepped here on an
 * Int32Array: seedrandom seeds it (its key schedule, unchanged) and this class runs the same
 * recurrence, so every number is the one seedrandom itself would give — checked in
 * test/random/generator.test.ts — but a kernel can fill a buffer with one method call, without
 * seedrandom's closures and property lookups per draw.
 */
export class Xor4096 {
  /** The 128 state words (public for fused kernels such as the ziggurat's fill). */
  readonly x: Int32Array;
  /**
   * [index, Weyl word]. Kept in a typed array, not in fields: V8 stores a 32-bit integer beyond
   * ±2^30 in an object field as a heap number, so a field update per draw would allocate.
   */
  readonly s: Int32Array;

  constructor(key: string) {
    const st = xor4096(key, { state: true }).state();
    this.x = Int32Array.from(st.X);
    this.s = Int32Array.of(st.i, st.w);
  }

  /** The next raw signed 32-bit word (seedrandom's `int32()`). */
  int32(): number {
    const x = this.x;
    const s = this.s;
    const w = (s[1]! + 0x61c88647) | 0;
    s[1] = w;
    let v = x[(s[0]! + 34) & 127]!;
    const i = (s[0]! + 1) & 127;
    let t = x[i]!;
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = x[i] = v ^ t;
    s[0] = i;
    return (v + (w ^ (w >>> 16))) | 0;
  }

  /** Uniform on [0, 1) with 32 random bits (seedrandom's `prng()`). */
  uniform(): number {
    return (this.int32() >>> 0) * TWO_POW_M32;
  }

  /** Uniform on (0, 1) with 53 random bits (seedrandom's `double()`). */
  double(): number {
    let r: number;
    do {
      const top = this.int32() >>> 11;
      const bot = (this.int32() >>> 0) * TWO_POW_M32;
      r = (top + bot) / (1 << 21);
    } while (r === 0);
    return r;
  }

  /**
   * Fills out[from..to) with uniforms on [0, 1): the same numbers as `uniform()` in a loop. The
   * step of `int32()` is written out again here on purpose: with the state in locals the loop
   * runs several times faster than calling the method per draw, and 13 % or more faster than any
   * single-owner form measured (docs/numerics.md, "Why the xorgens step is written three times").
   */
  fillUniform(out: Float64Array, from: number, to: number): void {
    const x = this.x;
    let i = this.s[0]!;
    let w = this.s[1]!;
    for (let k = from; k < to; k++) {
      w = (w + 0x61c88647) | 0;
      let v = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = x[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = x[i] = v ^ t;
      out[k] = (((v + (w ^ (w >>> 16))) | 0) >>> 0) * TWO_POW_M32;
    }
    this.s[0] = i;
    this.s[1] = w;
  }
}
