import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillStandardNormal, normalCdf, standardNormal, stream } from 'middle-corridor';
import { ZigguratNormal } from '../../src/random/normal.js';
import { sameBits } from '../helpers.js';

const draws = (seed: string | number, purpose: string, block = 0, n = 8) => {
  const s = stream(seed, purpose, block);
  return Array.from({ length: n }, () => s());
};

describe('seeded streams', () => {
  it('same (seed, purpose, block) → the same draws (law)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.integer()), fc.string({ minLength: 1 }), fc.nat(1e6), (seed, purpose, block) => {
        expect(draws(seed, purpose, block)).toEqual(draws(seed, purpose, block));
      }),
    );
  });

  it('different purposes, blocks or seeds → different draws (law)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (seed, a, b) => {
        fc.pre(a !== b);
        expect(draws(seed, a)).not.toEqual(draws(seed, b));
        expect(draws(seed, a, 0)).not.toEqual(draws(seed, a, 1));
      }),
    );
  });

  it('short seeds differ (seedrandom xorshift7 ignores seeds under 8 characters; ours must not)', () => {
    const seen = new Set<string>();
    for (const seed of ['a', 'b', 'c', 'd', 'ab', 'ba', 'x', 'y', 0, 1, 2, -1]) seen.add(draws(seed, 'p').join(','));
    expect(seen.size).toBe(12);
  });

  it('a number seed and its string are the same seed; seeds must be finite or non-empty', () => {
    expect(draws(42, 'p')).toEqual(draws('42', 'p'));
    expect(() => stream(NaN, 'p')).toThrow(RangeError);
    expect(() => stream(Infinity, 'p')).toThrow(RangeError);
    expect(() => stream('', 'p')).toThrow(RangeError);
    // Other kinds are TypeErrors whose message says what was given.
    expect(() => stream(10n as never, 'p')).toThrow(/seed must be a finite number or a non-empty string \(got 10n \(a bigint\)\)/);
    expect(() => stream(Symbol('s') as never, 'p')).toThrow(/got Symbol\(s\) \(a symbol\)/);
    expect(() => stream(null as never, 'p')).toThrow(TypeError);
    expect(() => stream(1, 'p', -1)).toThrow(/stream: block must be a whole number >= 0 \(got -1\)/);
  });

  it('field boundaries cannot collide: (seed "a:b", purpose "c") differs from ("a", "b:c")', () => {
    expect(draws('a:b', 'c')).not.toEqual(draws('a', 'b:c'));
  });

  it('draws are uniform on [0, 1): mean 1/2, variance 1/12 within 4 SE, and a KS test at 0.1 %', () => {
    const s = stream('uniformity', 'test');
    const n = 200_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = s();
    let m = 0;
    for (const v of x) m += v;
    m /= n;
    expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    const sorted = Float64Array.from(x).sort();
    let d = 0;
    for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(sorted[i]! - i / n), Math.abs(sorted[i]! - (i + 1) / n));
    expect(d * Math.sqrt(n)).toBeLessThan(1.95); // Kolmogorov: P(D√n > 1.95) ≈ 0.001
    expect(sorted[0]).toBeGreaterThanOrEqual(0);
    expect(sorted[n - 1]).toBeLessThan(1);
    const dbl = stream('uniformity', 'double');
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = dbl.double();
      if (!(u > 0 && u < 1)) outside++;
    }
    expect(outside).toBe(0);
  });
});

describe('ziggurat standard normal', () => {
  const n = 1_000_000;
  const z = fillStandardNormal(stream('ziggurat', 'test'), new Float64Array(n));

  it('fills the same sequence as the bound sampler, wedges and tails included (10^6 draws, bit for bit)', () => {
    const draw = standardNormal(stream('ziggurat', 'test'));
    let differ = 0;
    for (let i = 0; i < n; i++) if (!Object.is(draw(), z[i])) differ++;
    expect(differ).toBe(0);
    // Fills that stop and resume mid-way (odd lengths) continue the same sequence.
    const s = stream('ziggurat', 'test');
    const zig = new ZigguratNormal(s.generator);
    const parts = new Float64Array(1001);
    zig.fill(parts, 0, 333);
    zig.fill(parts, 333, 334);
    zig.fill(parts, 334, 1001);
    expect(sameBits(parts, z.subarray(0, 1001)), 'fills resumed mid-way continue the same sequence').toBe(true);
  });

  it('has mean 0 and variance 1 within 4 SE', () => {
    let m = 0;
    for (const v of z) m += v;
    m /= n;
    let v2 = 0;
    for (const v of z) v2 += (v - m) ** 2;
    v2 /= n - 1;
    expect(Math.abs(m)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(v2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('matches Φ at points inside layers, in wedges and in the tail (within 4 SE)', () => {
    // 3.6541528853610088 is where the ziggurat's tail begins.
    for (const x of [-4.5, -3.7, -3.6541528853610088, -2, -1, -0.3, 0, 0.5, 1.7, 3, 3.6541528853610088, 4.2]) {
      let k = 0;
      for (const v of z) if (v <= x) k++;
      const p = normalCdf(x);
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(k / n - p)).toBeLessThan(4 * se + 1 / n);
    }
  });

  it('passes a Kolmogorov–Smirnov test at 0.1 %', () => {
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d * Math.sqrt(n)).toBeLessThan(1.95);
  });

  it('has no correlation between successive draws (lag-1 within 4 SE)', () => {
    let c = 0;
    for (let i = 1; i < n; i++) c += z[i]! * z[i - 1]!;
    expect(Math.abs(c / (n - 1))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('encodes a purpose tuple unambiguously: a leg named "a/delay" never shares leg "a"\'s delay stream', () => {
    const draws = (p: string | string[]) => Array.from({ length: 4 }, stream(7, p, 0));
    expect(draws(['leg', 'a/delay', 'days'])).not.toEqual(draws(['leg', 'a', 'delay', 'days']));
    expect(draws(['leg', 'a/delay'])).not.toEqual(draws('leg/a/delay'));
    expect(draws(['a,1:b'])).toEqual(draws('a,1:b')); // a one-part tuple is its string
    expect(draws(['a', 'b'])).not.toEqual(draws('1:a,1:b'));
    expect(() => stream(1, [])).toThrow(TypeError);
    expect(() => stream(1, ['a', ''])).toThrow(TypeError);
  });
});
