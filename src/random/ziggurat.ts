import type { Xoshiro128 } from './xoshiro128.js';

/**
 * What the library's two ziggurats (normal: ./normal.ts, exponential: ./exponential.ts) share,
 * after G. Marsaglia and W. W. Tsang (2000) with 256 layers, in J. A. Doornik's form (2005): the
 * layer index and the uniform come from different random words, four layer indices cut from one
 * word, so a draw takes 1.25 words on average and, in about 99 % of draws, one multiply and one
 * compare. The words come from the generator's block fill into a buffer of WORDS, so the
 * generator runs up to WORDS − 1 words ahead of the draws; other draws from the same stream (the
 * gamma sampler's uniforms) take the words after the buffer, so every word is used once, in an
 * order the seed fixes.
 */

const LAYERS = 256;
const WORDS = 256;
const TWO_POW_M31 = 4.656612873077393e-10;
const TWO_POW_M32 = 2.3283064365386963e-10;

/**
 * The layers of a decreasing density f on [0, ∞) (unnormalised, f(0) = 1) with tail start r and
 * layer area v: x[0] = v / f(r) (the base strip's pseudo-width), x[1] = r, x[i] = f⁻¹(v / x[i−1] +
 * f(x[i−1])), x[256] = 0; and ratio[i] = x[i + 1] / x[i].
 */
export function layerTables(r: number, v: number, f: (x: number) => number, fInverse: (y: number) => number): [Float64Array, Float64Array] {
  const x = new Float64Array(LAYERS + 1);
  x[0] = v / f(r);
  x[1] = r;
  for (let i = 2; i < LAYERS; i++) x[i] = fInverse(v / x[i - 1]! + f(x[i - 1]!));
  x[LAYERS] = 0;
  const ratio = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) ratio[i] = x[i + 1]! / x[i]!;
  return [x, ratio];
}

/**
 * A ziggurat on one generator: `next()` draws one number, `fill` a run of them (the same numbers
 * as `next()` in a loop, with the buffer position and the layer bits in locals). A symmetric
 * density (the normal) takes its uniform on [−1, 1) from a signed word and compares |u|; a
 * one-sided one (the exponential) takes it on [0, 1). A first try outside its rectangle (about
 * 1 % of draws: a wedge or the tail) is finished by the subclass.
 */
export abstract class Ziggurat {
  private readonly words = new Int32Array(WORDS);
  /** [next word in `words`, layer bits, how many layer indices are left in them]: typed, so updates never allocate. */
  private readonly state = Int32Array.of(WORDS, 0, 0);

  constructor(
    private readonly g: Xoshiro128,
    protected readonly x: Float64Array,
    private readonly ratio: Float64Array,
    private readonly signed: boolean,
  ) {}

  /** The rest of a draw whose first try (layer i, uniform u) fell outside its rectangle. */
  protected abstract finish(i: number, u: number): number;

  /** The next random word from the buffer (refilled from the generator when it runs out). */
  protected word(): number {
    const st = this.state;
    let pos = st[0]!;
    if (pos === WORDS) {
      this.g.fillWords(this.words, 0, WORDS);
      pos = 0;
    }
    st[0] = pos + 1;
    return this.words[pos]!;
  }

  /** A uniform on (0, 1) from one word: never 0, never 1. */
  protected open01(): number {
    return ((this.word() >>> 0) + 0.5) * TWO_POW_M32;
  }

  next(): number {
    const st = this.state;
    if (st[2] === 0) {
      st[1] = this.word();
      st[2] = 4;
    }
    const bits = st[1]!;
    const i = bits & 255;
    st[1] = bits >>> 8;
    st[2] = st[2]! - 1;
    const w = this.word();
    const u = this.signed ? w * TWO_POW_M31 : (w >>> 0) * TWO_POW_M32;
    return Math.abs(u) < this.ratio[i]! ? u * this.x[i]! : this.finish(i, u);
  }

  fill(out: Float64Array, from: number, to: number): void {
    const g = this.g;
    const words = this.words;
    const st = this.state;
    const x = this.x;
    const ratio = this.ratio;
    const scale = this.signed ? TWO_POW_M31 : TWO_POW_M32;
    const unsigned = this.signed ? 0 : 1; // (w >>> 0) = w + 2^32 · (w < 0), for the one-sided uniform
    let pos = st[0]!;
    let bits = st[1]!;
    let left = st[2]!;
    let k = from;
    while (k < to) {
      // The first tries, in a loop with no call in it (so its state stays in registers), until
      // one falls outside its rectangle (about 1 % of draws): that draw is finished by the
      // subclass below, and the loop goes on (measured: 10–20 % faster a draw than one loop
      // with the call in it; the same draws).
      let i = 0;
      let u = 0;
      for (; k < to; k++) {
        // A first try takes at most two words: keep two in the buffer (the last one carried to the front).
        if (pos >= WORDS - 1) {
          if (pos === WORDS - 1) words[0] = words[WORDS - 1]!;
          g.fillWords(words, WORDS - pos, WORDS);
          pos = 0;
        }
        if (left === 0) {
          bits = words[pos++]!;
          left = 4;
        }
        i = bits & 255;
        bits >>>= 8;
        left--;
        const w = words[pos++]!;
        u = (w + 4294967296 * (unsigned & +(w < 0))) * scale;
        if (!(Math.abs(u) < ratio[i]!)) break;
        out[k] = u * x[i]!;
      }
      if (k === to) break;
      st[0] = pos;
      st[1] = bits;
      st[2] = left;
      out[k++] = this.finish(i, u);
      pos = st[0]!;
      bits = st[1]!;
      left = st[2]!;
    }
    st[0] = pos;
    st[1] = bits;
    st[2] = left;
  }
}
