/**
 * Plans and partials as text: JSON whose Float64Arrays are their bytes in base64 (`{ $f64 }`) and
 * whose non-finite numbers and −0 are named (`{ $num }`: JSON writes −0 as 0), so that a value read back is the value written,
 * bit for bit. What a shard writes and `merge` reads (docs/design.md "Across machines").
 */

/**
 * The text of a plan or partial.
 * @example
 * decode(encode({ a: new Float64Array([0.1, -0]) })).a // Float64Array [0.1, -0], the same bits (test/engine/split.test.ts)
 */
export function encode(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Float64Array) return { $f64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { $num: Object.is(v, -0) ? '-0' : String(v) };
    return v;
  });
}

/**
 * The value of a text {@link encode} wrote.
 * @example
 * decode('{"x":{"$num":"NaN"}}').x // NaN
 */
export function decode<T>(s: string): T {
  return JSON.parse(s, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && '$f64' in v) {
      const b = Buffer.from((v as { $f64: string }).$f64, 'base64');
      if (b.byteLength % 8 !== 0) throw new RangeError(`decode: a Float64Array's bytes must be a multiple of 8 (got ${b.byteLength})`);
      return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    if (v !== null && typeof v === 'object' && '$num' in v) return Number((v as { $num: string }).$num);
    return v;
  }) as T;
}
