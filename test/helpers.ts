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

/**
 * The spread of an estimate across independent seeds against the standard error each run
 * reports: the ratio of the variance of the M estimates to the mean of their squared standard
 * errors is 1 when the errors are honest. Its log has the standard error (delta method) of the
 * sample variance's (from the estimates' fourth moment, so without assuming normality) and of the
 * mean of the squared errors (from their own spread) combined.
 */
export function spreadAgainstReported(estimates: number[], errors: number[]): { ratio: number; z: number } {
  const e = sampleStats(Float64Array.from(estimates));
  const s2 = sampleStats(Float64Array.from(errors, (x) => x * x));
  const ratio = e.variance / s2.mean;
  const seLog = Math.hypot(e.seVariance / e.variance, s2.seMean / s2.mean);
  return { ratio, z: Math.log(ratio) / seLog };
}
