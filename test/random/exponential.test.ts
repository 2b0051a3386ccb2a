import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXP_MAX, ExponentialZiggurat, MAX_TAILS } from '../../src/random/exponential.js';
import { Xoshiro128 } from '../../src/random/xoshiro128.js';
import { exponential, stream } from '../../src/index.js';

const draws = (key: string, n: number) => {
  const out = new Float64Array(n);
  new ExponentialZiggurat(Xoshiro128.fromKey(key)).fill(out, 0, n);
  return out;
};

describe('the exponential ziggurat', () => {
  it('fill gives the numbers of next() in a loop, for any key and any windows', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 6 }), (key, sizes) => {
        const a = new ExponentialZiggurat(Xoshiro128.fromKey(key));
        const b = new ExponentialZiggurat(Xoshiro128.fromKey(key));
        for (const n of sizes) {
          const out = new Float64Array(n + 3);
          a.fill(out, 3, n + 3);
          for (let i = 3; i < n + 3; i++) expect(out[i]).toBe(b.next());
        }
      }),
      { numRuns: 60 },
    );
  });

  // 10^6 draws from a fixed key; every tolerance is a quantile of the statistic's own law.
  const n = 1_000_000;
  const xs = draws('exponential-law', n);

  it('has mean 1 and variance 1 within 4 standard errors', () => {
    let m = 0;
    for (const x of xs) m += x;
    m /= n;
    let v = 0;
    for (const x of xs) v += (x - m) * (x - m);
    v /= n - 1;
    expect(Math.abs(m - 1)).toBeLessThan(4 / Math.sqrt(n)); // sd of an Exp(1) is 1
    expect(Math.abs(v - 1)).toBeLessThan(4 * Math.sqrt(8 / n)); // var of (X − 1)² is μ4 − 1 = 8
  });

  it('matches 1 − e^-x in 100 equiprobable bins (χ², 99 degrees of freedom, p > 0.001)', () => {
    const counts = new Float64Array(100);
    for (const x of xs) counts[Math.min(99, Math.floor(100 * -Math.expm1(-x)))]! += 1;
    let chi2 = 0;
    for (const c of counts) chi2 += ((c - n / 100) * (c - n / 100)) / (n / 100);
    expect(chi2).toBeLessThan(148.2); // the 0.999 quantile of χ²(99)
  });

  it('puts the right mass in the tail beyond r = 7.697 and beyond 2r (within 4 SE)', () => {
    for (const cut of [7.69711747013104972, 2 * 7.69711747013104972, 3]) {
      const p = Math.exp(-cut);
      let k = 0;
      for (const x of xs) k += +(x > cut);
      expect(Math.abs(k / n - p), `P(X > ${cut})`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1 / n);
    }
  });

  it('passes Kolmogorov–Smirnov against 1 − e^-x (√n·D below the 0.001 critical value 1.95)', () => {
    const s = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = -Math.expm1(-s[i]!);
      d = Math.max(d, f - i / n, (i + 1) / n - f);
    }
    expect(Math.sqrt(n) * d).toBeLessThan(1.95);
  });
});

describe('the exponential ziggurat’s hard bound', () => {
  it('takes at most MAX_TAILS tails in a row: a generator that always lands in the tail gives EXP_MAX, not a loop', () => {
    // Words in the ziggurat's order: a word of four layer indices 0, then four uniforms near 1
    // (beyond the base strip's rectangle: the tail), again and again.
    let k = 0;
    const tailsForever = { fillWords: (out: Int32Array, from: number, to: number) => { for (let i = from; i < to; i++, k++) out[i] = k % 5 === 0 ? 0 : 0xff000000 | 0; } };
    const z = new ExponentialZiggurat(tailsForever as unknown as Xoshiro128);
    const x = z.next();
    expect(x).toBeCloseTo((MAX_TAILS + 1) * 7.69711747013104972, 9);
    expect(x).toBeLessThanOrEqual(EXP_MAX * (1 + 1e-15));
    const out = new Float64Array(3);
    z.fill(out, 0, 3);
    for (const y of out) expect(y).toBeCloseTo(x, 9);
    expect(EXP_MAX).toBeLessThan(500.4);
  });
});

describe('exponential(s, mean)', () => {
  it('is mean × the ziggurat’s Exp(1) draws on the stream', () => {
    const s = stream(3, 'exp');
    const draw = exponential(s, 2.5);
    const z = new ExponentialZiggurat(stream(3, 'exp').generator);
    for (let i = 0; i < 1000; i++) expect(draw()).toBe(2.5 * z.next());
  });
});
