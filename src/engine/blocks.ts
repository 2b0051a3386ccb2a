/**
 * Block ranges, the unit of the engine shape (docs/design.md, "Engine shape"): a run's work is
 * stream blocks [0, nBlocks); `run(plan, b0, b1)` simulates [b0, b1) and gives a partial; a merge
 * takes partials of consecutive ranges covering [0, nBlocks), in block order.
 */
import { show, wholeNumber } from '../args.js';

/** Checks a block range [b0, b1) of a run of `nBlocks` blocks: whole numbers, 0 <= b0 < b1 <= nBlocks. */
export function blockRange(fn: string, b0: unknown, b1: unknown, nBlocks: number): [number, number] {
  const lo = wholeNumber(fn, 'b0', b0, 0, nBlocks - 1);
  const hi = wholeNumber(fn, 'b1', b1, lo + 1, nBlocks);
  return [lo, hi];
}

/**
 * A plan of the given kind (what `plan…` returned, or its copy), else a TypeError naming `fn`;
 * with `fields`, a field no such plan has is refused too (a plan is data: nothing is ignored).
 */
export function checkPlan<P extends { kind: string }>(fn: string, plan: unknown, kind: P['kind'], from: string, fields?: readonly string[]): P {
  if (typeof plan !== 'object' || plan === null || (plan as { kind?: unknown }).kind !== kind) {
    throw new TypeError(`${fn}: plan must be what ${from} returned (got ${show(plan)})`);
  }
  const unknown = fields === undefined ? [] : Object.keys(plan).filter((k) => !fields.includes(k));
  if (unknown.length > 0) throw new TypeError(`${fn}: plan has ${unknown.map((k) => `'${k}'`).join(', ')}, a field no plan of ${from} has (its fields: ${fields!.join(', ')})`);
  return plan as P;
}

/**
 * Checks partials for a merge: of the given kind, consecutive block ranges that cover [0, nBlocks)
 * in block order (a missing, repeated or misplaced range is a RangeError saying which).
 */
export function checkCover<T extends { kind: string; b0: number; b1: number }>(fn: string, parts: unknown, kind: T['kind'], nBlocks: number): T[] {
  if (!Array.isArray(parts)) throw new TypeError(`${fn}: partials must be an array of partials (got ${show(parts)})`);
  let next = 0;
  parts.forEach((p: unknown, i) => {
    if (typeof p !== 'object' || p === null || (p as { kind?: unknown }).kind !== kind) throw new TypeError(`${fn}: partials[${i}] must be a '${kind}' partial (got ${show(p)})`);
    const { b0, b1 } = p as T;
    if (b0 !== next) throw new RangeError(`${fn}: partials must cover blocks [0, ${nBlocks}) in block order: partials[${i}] starts at block ${show(b0)}, expected ${next}`);
    next = b1;
  });
  if (next !== nBlocks) throw new RangeError(`${fn}: partials must cover blocks [0, ${nBlocks}) in block order: they end at block ${next}`);
  return parts as T[];
}

/**
 * The pieces, in order, as one array of `length` elements: the pieces' own memory when they are
 * consecutive views that fill one buffer exactly (what the parallel runs write into shared
 * memory), else a copy.
 */
export function joined(pieces: readonly Float64Array[], length: number): Float64Array {
  const first = pieces[0];
  if (first && first.byteOffset === 0 && first.buffer.byteLength === length * 8) {
    let at = 0;
    const inPlace = pieces.every((p) => {
      const ok = p.buffer === first.buffer && p.byteOffset === at;
      at += p.byteLength;
      return ok;
    });
    if (inPlace && at === length * 8) return new Float64Array(first.buffer, 0, length);
  }
  const out = new Float64Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  if (at !== length) throw new RangeError(`the partials hold ${at} values where ${length} were expected: were they made from this plan?`);
  return out;
}

/** `x` as `n` Float64Arrays of `length` finite numbers each (a plan's or partial's arrays), else a TypeError or RangeError naming `fn` and `what`. */
export function finiteArrays(fn: string, what: string, x: unknown, n: number, length: number): Float64Array[] {
  if (!Array.isArray(x) || x.length !== n) throw new TypeError(`${fn}: ${what} must be an array of ${n} Float64Arrays (got ${show(x)})`);
  return x.map((a: unknown, i) => {
    if (!(a instanceof Float64Array) || a.length !== length) throw new TypeError(`${fn}: ${what}[${i}] must be a Float64Array of ${length} numbers (got ${show(a)})`);
    for (let j = 0; j < length; j++) if (!Number.isFinite(a[j]!)) throw new RangeError(`${fn}: ${what}[${i}][${j}] is ${a[j]}, not a finite number: was it made by this plan?`);
    return a;
  });
}

/** Whether two plain values (numbers, strings, arrays, plain objects) are the same. */
export function samePlain(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // a BigInt or a cycle: not what a plan holds
  }
}
