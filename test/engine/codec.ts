/**
 * Plans and partials as text, for the split-run tests: JSON whose Float64Arrays are their bytes in
 * base64 (`{ $f64 }`) and whose non-finite numbers are named (`{ $num }`), so that a value read
 * back is the value written, bit for bit. What a batch job would write between its steps.
 */
export function encode(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Float64Array) return { $f64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
    return v;
  });
}

export function decode<T>(s: string): T {
  return JSON.parse(s, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && '$f64' in v) {
      const b = Buffer.from((v as { $f64: string }).$f64, 'base64');
      return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    if (v !== null && typeof v === 'object' && '$num' in v) return Number((v as { $num: string }).$num);
    return v;
  }) as T;
}
