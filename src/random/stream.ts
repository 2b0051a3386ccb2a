import { show } from '../args.js';
import { Xoshiro128 } from './xoshiro128.js';

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
  readonly generator: Xoshiro128;
  /** The seed, purpose and block the stream was derived from. */
  readonly id: { readonly seed: string; readonly purpose: Purpose; readonly block: number };
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
 * The generator is the library's xoshiro128** (see {@link Xoshiro128}), its 128-bit state drawn by
 * seedrandom's `xor4096` (R. P. Brent's xorgens key schedule) from the text of (seed, purpose,
 * block), every field length-prefixed (`streamText`). Streams of different purposes or
 * blocks do not overlap in practice, and adding a purpose never shifts the draws of another.
 *
 * @example
 * const s = stream(42, 'volume/demand', 0);
 * s() // => 0.31084041204303503
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
  const g = Xoshiro128.fromKey(streamText(key, purpose, block));
  const s = (() => g.uniform()) as Stream;
  s.int32 = () => g.int32();
  s.double = () => g.double();
  const parts = typeof purpose === 'string' ? purpose : Object.freeze([...purpose]);
  Object.defineProperty(s, 'generator', { value: g, enumerable: false });
  Object.defineProperty(s, 'id', { value: Object.freeze({ seed: key, purpose: parts, block }), enumerable: true });
  return s;
}
