import { wholeNumber } from '../args.js';
import { checkSize, sobolWords } from './sobol-sequence.js';
import { seedKey, stream, type Seed } from './stream.js';

const SCALE = 2 ** -32;

/**
 * Owen's nested uniform scramble of one dimension's 32-bit words, in place (Owen 1995,
 * "Randomly permuted (t,m,s)-nets and (t,m,s)-sequences"). Digit t of a point (bit 31 − t) is
 * flipped by a random bit that belongs to the node of the binary tree reached by the point's
 * first t original digits; every node has its own bit, drawn from `bits`. Below depth m =
 * ⌈log2 n⌉ each node holds at most one of the first n points (a Sobol dimension is a
 * (0,m,1)-net), so the flips of its remaining digits are independent fair bits of that point
 * alone: they are drawn as one word per point. The result is an exact nested uniform scramble,
 * not a hash approximating one, with 32-bit integer operations only (the same bits on every
 * engine).
 */
function owenScramble(words: Uint32Array, n: number, bits: Int32Array): void {
  const m = n > 1 ? 32 - Math.clz32(n - 1) : 0;
  const nodes = ((1 << m) - 1 + 31) >>> 5; // tree words: one bit per node of depths 0 … m − 1
  const tree = bits.subarray(0, nodes);
  const low = m < 32 ? 0xffffffff >>> m : 0;
  for (let j = 0; j < n; j++) {
    const x = words[j]!;
    let flips = 0;
    for (let t = 0; t < m; t++) {
      // The node of depth t under prefix p (the first t digits) is bit (2^t − 1 + p) of the tree.
      const node = (1 << t) - 1 + (t === 0 ? 0 : x >>> (32 - t));
      flips |= ((tree[node >>> 5]! >>> (node & 31)) & 1) << (31 - t);
    }
    words[j] = (((x ^ flips) & ~low) | (bits[nodes + j]! & low)) >>> 0;
  }
}

/**
 * The first `n` points of the Sobol sequence in `dims` dimensions (as {@link sobolPoints}), each
 * dimension randomised by Owen's nested uniform scramble in base 2, drawn from the stream
 * `(seed, ['sobol', 'scramble', d], replicate)` of dimension d. Each point is uniform on [0, 1)^dims
 * (32-bit values), and the points keep the net structure of the sequence: every elementary box
 * holds as many of them as it holds unscrambled points. Different replicates (or seeds) are
 * independent randomisations, so estimates from them scatter as they truly vary — the error bars
 * of randomised quasi-Monte Carlo. A dimension's points do not depend on `dims`.
 * @example Array.from(scrambledSobolPoints(1, 4, 7)[0], (x) => Math.floor(4 * x)).sort() // => [ 0, 1, 2, 3 ]
 */
export function scrambledSobolPoints(dims: number, n: number, seed: Seed, replicate = 0): Float64Array[] {
  const fn = 'scrambledSobolPoints';
  checkSize(fn, dims, n);
  const key = seedKey(seed, fn);
  wholeNumber(fn, 'replicate', replicate, 0, 2 ** 31 - 1);
  const m = n > 1 ? 32 - Math.clz32(n - 1) : 0;
  const bits = new Int32Array((((1 << m) - 1 + 31) >>> 5) + n);
  return sobolWords(dims, n).map((words, d) => {
    stream(key, ['sobol', 'scramble', String(d)], replicate).generator.fillWords(bits, 0, bits.length);
    owenScramble(words, n, bits);
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = words[j]! * SCALE;
    return out;
  });
}
