import { show } from '../args.js';
import { Xor4096 } from './generator.js';

/** A source of uniform numbers on [0, 1), as in d3-random's `.source(rng)`. */
export type Rng = () => number;

/** A seed as users write it: a string, or a finite number (42 and '42' are the same seed). */
export type Seed = string | number;

/**
 * A seeded stream: called as a function it returns a uniform double on [0, 1) with 32 random
 * bits (0 is possible, 1 is not); `int32` returns the raw signed 32-bit word; `double` a uniform
 * on (0, 1) with 53 random bits.
 */
export interface Stream extends Rng {
  int32(): number;
  double(): number;
  /** The generator itself, for kernels that fill buffers in one call. */
  readonly generator: Xor4096;
  /** The seed, purpose and block the stream was derived from. */
  readonly id: { readonly seed: string; readonly purpose: Purpose; readonly block: number };
}

/**
 * cyrb128 (bryc, public domain): a 128-bit string hash with full avalanche, used only to turn
 * (seed, purpose, block) into independent-looking generator keys.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * The seed as a canonical string: a finite number (42 and '42' are the same seed) or a non-empty
 * string. A value of another kind (a bigint, a symbol, null) is a TypeError, NaN or ±Infinity a
 * RangeError; `fn` (by default `seedKey`) names the function in the message.
 * @example seedKey(42) // => '42'
 */
export function seedKey(seed: Seed, fn = 'seedKey'): string {
  if (typeof fn !== 'string' || !/^[A-Za-z][A-Za-z0-9.]*$/.test(fn)) throw new TypeError(`seedKey: fn must be the name of the calling function (got ${show(fn)})`);
  const at = `${fn}: seed`;
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`${at} must be a finite number or a non-empty string (got ${seed})`);
    return String(seed);
  }
  if (typeof seed !== 'string') throw new TypeError(`${at} must be a finite number or a non-empty string (got ${show(seed)})`);
  if (seed.length === 0) throw new RangeError(`${at} must be a finite number or a non-empty string (got an empty string)`);
  return seed;
}

/**
 * What a stream is for: a name, or a tuple of names such as `['leg', leg.name, 'days']`. A tuple
 * is never joined into one string: names come from users (`a/delay` is a legal leg name), so each
 * part is encoded with its length and two different purposes never share a stream.
 */
export type Purpose = string | readonly string[];

/**
 * The stream for one purpose and one block of paths, derived from the run's seed.
 *
 * The key is a 128-bit hash of (seed, purpose, block), written as 32 hex digits, that seeds
 * seedrandom's `xor4096` (R. P. Brent's xorgens 4096: period 2^4096 − 1 times a Weyl sequence,
 * passes BigCrush; chosen over the faster `xor128`/`xorwow`, which fail BigCrush's linear-
 * complexity tests, and over `tychei`, whose seedrandom code departs from the published Tyche-i
 * in one rotation, so the published test results do not cover it — see bench/random.bench.ts).
 * Streams of different purposes or blocks do not overlap in practice, and adding a purpose never
 * shifts the draws of another.
 *
 * @example
 * const s = stream(42, 'volume/demand', 0);
 * s() // => 0.5196520301979035
 */
export function stream(seed: Seed, purpose: Purpose, block = 0): Stream {
  return makeStream(seedKey(seed, 'stream'), purpose, block);
}

/**
 * The text hashed for (seed, purpose, block): every field length-prefixed, so that no two
 * different triples give the same text. A one-part purpose is `n:part`; a tuple of several parts
 * is `n1:p1,n2:p2,…` (after `n1` characters comes a comma, where a one-part purpose ends with `|`).
 */
export function streamText(key: string, purpose: Purpose, block: number): string {
  const parts = typeof purpose === 'string' ? [purpose] : purpose;
  return `${key.length}:${key}|${parts.map((p) => `${p.length}:${p}`).join(',')}|${block}`;
}

/** The 32-hex-digit generator key of (seed, purpose, block). */
function streamKey(key: string, purpose: Purpose, block: number): string {
  return hash128(streamText(key, purpose, block))
    .map((w) => w.toString(16).padStart(8, '0'))
    .join('');
}

function checkPurpose(purpose: unknown): Purpose {
  const ok = (p: unknown) => typeof p === 'string' && p.length > 0;
  if (ok(purpose)) return purpose as string;
  if (Array.isArray(purpose) && purpose.length > 0 && purpose.every(ok)) return purpose as string[];
  throw new TypeError(`stream: purpose must be a non-empty string or a non-empty array of non-empty strings (got ${show(purpose)})`);
}

function makeStream(key: string, purposeIn: Purpose, block: number): Stream {
  const purpose = checkPurpose(purposeIn);
  if (typeof block !== 'number') throw new TypeError(`stream: block must be a whole number >= 0 (got ${show(block)})`);
  if (!(Number.isInteger(block) && block >= 0)) throw new RangeError(`stream: block must be a whole number >= 0 (got ${show(block)})`);
  const hex = streamKey(key, purpose, block);
  const g = new Xor4096(hex);
  const s = (() => g.uniform()) as Stream;
  s.int32 = () => g.int32();
  s.double = () => g.double();
  const parts = typeof purpose === 'string' ? purpose : Object.freeze([...purpose]);
  Object.defineProperty(s, 'generator', { value: g, enumerable: false });
  Object.defineProperty(s, 'id', { value: Object.freeze({ seed: key, purpose: parts, block }), enumerable: true });
  return s;
}
