import { readFileSync } from 'node:fs';

/** The 60-digit references of test/fixtures/math.py: x and the correctly rounded f(x). */
export const REF = JSON.parse(readFileSync(new URL('../fixtures/math.json', import.meta.url), 'utf8')) as Record<
  'log' | 'log1p' | 'expm1' | 'sinpi',
  { x: number[]; y: number[] }
>;

type Ref = { x: number[]; y: number[] };
/** The 60-digit references of `python3 test/fixtures/math.py elementary` (pow's table is x, y and z = x^y). */
export const REF2 = JSON.parse(readFileSync(new URL('../fixtures/math-elementary.json', import.meta.url), 'utf8')) as Record<
  'log2' | 'log10' | 'sin' | 'cos' | 'tan' | 'atan' | 'sinh' | 'cosh' | 'tanh' | 'cbrt',
  Ref
> & { pow: { x: number[]; y: number[]; z: number[] } };

const F = new Float64Array(1);
const U = new BigUint64Array(F.buffer);

/** Position of a double on the ordered line of doubles (−0 and +0 both at 0): adjacent doubles differ by 1. */
export function ordinal(x: number): bigint {
  F[0] = x;
  const b = U[0]!;
  return b >= 0x8000000000000000n ? -(b - 0x8000000000000000n) : b;
}

/** How many doubles apart two results are (0: identical, 1: neighbours). */
export const ulpDistance = (a: number, b: number): number => Number(ordinal(a) - ordinal(b) < 0n ? ordinal(b) - ordinal(a) : ordinal(a) - ordinal(b));

/** The gap to the next double away from zero at |x| (Number.MIN_VALUE at 0). */
export function ulp(x: number): number {
  const a = Math.abs(x);
  F[0] = a;
  U[0] = U[0]! + 1n;
  return F[0]! - a;
}

/** Compares f with the reference: the largest distance in doubles and the share correctly rounded. */
export function measure(f: (x: number) => number, ref: { x: number[]; y: number[] }) {
  let maxUlp = 0;
  let exact = 0;
  let worst = NaN;
  ref.x.forEach((x, i) => {
    const d = ulpDistance(f(x), ref.y[i]!);
    if (d === 0) exact++;
    if (d > maxUlp) {
      maxUlp = d;
      worst = x;
    }
  });
  return { n: ref.x.length, maxUlp, worst, correctlyRounded: exact / ref.x.length };
}

/** Nanoseconds per call of f over xs (best of a few rounds; a note, never asserted). */
export function nsPerCall(f: (x: number) => number, xs: Float64Array, rounds = 5): number {
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < xs.length; i++) sink += f(xs[i]!);
    const t = Number(process.hrtime.bigint() - t0) / xs.length;
    if (t < best) best = t;
  }
  if (sink === 0.123456789) console.log(sink); // keep the loop's result alive
  return best;
}

/**
 * Checks f against a reference table: every point within 1 ulp, and the share correctly rounded at
 * least `minExact`; logs both figures next to those of the engine's own function (a note).
 */
export function checkTable(name: string, f: (x: number) => number, ref: { x: number[]; y: number[] }, native: (x: number) => number, minExact: number, expect: (v: unknown, m?: string) => { toBeLessThanOrEqual(n: number): void; toBeGreaterThanOrEqual(n: number): void }) {
  const m = measure(f, ref);
  const v = measure(native, ref);
  console.log(`${name}: max ${m.maxUlp} ulp (at x = ${m.worst}), correctly rounded ${(100 * m.correctlyRounded).toFixed(2)} % of ${m.n} (the engine's here: max ${v.maxUlp} ulp, ${(100 * v.correctlyRounded).toFixed(2)} %)`);
  ref.x.forEach((x, i) => expect(ulpDistance(f(x), ref.y[i]!), `${name}(${x})`).toBeLessThanOrEqual(1));
  expect(m.correctlyRounded).toBeGreaterThanOrEqual(minExact);
}
