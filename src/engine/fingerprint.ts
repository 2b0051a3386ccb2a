/**
 * Fingerprints of plans: a partial carries its plan's, and a merge refuses a partial whose
 * fingerprint is not the plan's (a shard run with another seed, scenario, options or block size
 * would otherwise merge into numbers no run gives). A 64-bit FNV-1a over the plan's structure:
 * object keys sorted, every number by its two 32-bit words (so −0 and 0 differ, and a JSON round
 * trip keeps the fingerprint), typed arrays by their bytes. Not a cryptographic hash: it tells an
 * honest mistake, not a forgery.
 */
import { show } from '../args.js';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

class Fnv64 {
  // The 64-bit state as two 32-bit halves; the prime 2^40 + 2^8 + 0xb3.
  hi = 0xcbf29ce4;
  lo = 0x84222325;

  word(w: number): void {
    for (let s = 0; s < 32; s += 8) {
      this.lo ^= (w >>> s) & 0xff;
      // (hi, lo) × (2^40 + 435): lo × 435 and the carries into hi, then lo << 8 into hi.
      const lo = this.lo;
      const a = (lo & 0xffff) * 435;
      const b = (lo >>> 16) * 435 + (a >>> 16);
      this.lo = ((b & 0xffff) << 16) | (a & 0xffff);
      this.hi = (Math.imul(this.hi, 435) + (b >>> 16) + (lo << 8)) >>> 0;
      this.lo >>>= 0;
    }
  }

  text(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}

function walk(h: Fnv64, x: unknown): void {
  if (x === null || x === undefined) return h.word(x === null ? 1 : 2);
  switch (typeof x) {
    case 'boolean':
      return h.word(x ? 3 : 4);
    case 'number':
      F64[0] = x;
      h.word(5);
      h.word(U32[0]!);
      return h.word(U32[1]!);
    case 'string':
      h.word(6);
      return h.text(x);
    case 'object':
      break;
    default:
      throw new TypeError(`fingerprint: a plan holds only data (got ${show(x)})`);
  }
  if (ArrayBuffer.isView(x)) {
    // Typed arrays hash as arrays of numbers (a Float64Array and its JSON copy agree).
    const a = x as unknown as ArrayLike<number>;
    h.word(7);
    h.word(a.length);
    for (let i = 0; i < a.length; i++) walk(h, a[i]);
    return;
  }
  if (Array.isArray(x)) {
    h.word(7);
    h.word(x.length);
    for (const v of x) walk(h, v);
    return;
  }
  const keys = Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined).sort();
  h.word(8);
  h.word(keys.length);
  for (const k of keys) {
    h.text(k);
    walk(h, (x as Record<string, unknown>)[k]);
  }
}

/** The fingerprint of a plan (plain data): 16 hex digits. */
export function fingerprint(plan: unknown): string {
  const h = new Fnv64();
  walk(h, plan);
  return h.hex();
}

/** Each partial's fingerprint must be `want` (its plan's), else a RangeError naming the partial. */
export function checkFingerprints(fn: string, partials: readonly { fingerprint?: unknown }[], want: string): void {
  partials.forEach((p, i) => {
    if (p.fingerprint === want) return;
    throw new RangeError(
      p.fingerprint === undefined
        ? `${fn}: partials[${i}] carries no fingerprint: merge only partials that this plan's run…Blocks made`
        : `${fn}: partials[${i}] was made from another plan (fingerprint ${show(p.fingerprint)}, this plan's ${want}): another scenario, seed, options or block size; merge only partials of this plan`,
    );
  });
}
