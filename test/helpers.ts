import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reference numbers from numpy/scipy: see test/fixtures/reference.py for how each was made. */
export const REF = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/reference.json', import.meta.url)), 'utf8'));

/** Relative closeness: |a − b| <= tol · max(|b|, tiny). */
export function closeRel(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300);
}

/** Sample mean, variance and the standard errors of both (the variance's from the 4th moment). */
export function sampleStats(x: Float64Array): { mean: number; variance: number; seMean: number; seVariance: number } {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i]!;
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean: m, variance, seMean: Math.sqrt(variance / n), seVariance: Math.sqrt(Math.max(m4 - variance * variance, 0) / n) };
}

/**
 * Whether two typed arrays hold the same bits (a byte comparison: -0 and 0 differ, as do NaN
 * payloads). Far faster than `toEqual` on large arrays, which walks them element by element.
 */
export function sameBits(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
