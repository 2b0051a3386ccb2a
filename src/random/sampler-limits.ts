import { finiteNumber, show } from '../args.js';

// What every sampler shares: its type, the finite-number check, and the guards against a draw
// that overflows (refused where it arises, saying what to narrow).

/** A zero-argument sampler. */
export type Sampler = () => number;

export const finite = (name: string, what: string, x: unknown): number => finiteNumber(name, what, x);

/** The largest |z| the ziggurat can return (its tail draw from two 32-bit words), rounded up. */
export const Z_MAX = 11;

/** A draw that overflowed: refused where it arises, saying what to narrow. */
export function overflow(fn: string, x: number, what: string): never {
  throw new RangeError(`${fn}: a draw overflowed to ${show(x)} (${what}); narrow the distribution`);
}
