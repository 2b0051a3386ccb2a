import { readFileSync } from 'node:fs';
import xor4096 from 'seedrandom/lib/xor4096.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamText } from '../../src/random/stream.js';
import { Xoshiro128 } from '../../src/random/xoshiro128.js';
import { triangularAt } from '../../src/random/triangular-at.js';

// The authors' xoshiro128starstar.c compiled by test/fixtures/xoshiro128.py.
interface Case {
  state: number[];
  outputs: number[];
  afterOutputs: number[];
  jumpState: number[];
  jumpOutputs: number[];
  longJumpState: number[];
  longJumpOutputs: number[];
  output1000001: number;
}
const REF = JSON.parse(readFileSync(new URL('../fixtures/xoshiro128.json', import.meta.url), 'utf8')) as { generator: string; cases: Case[] };
const u32 = (s: Int32Array) => Array.from(s, (w) => w >>> 0);

describe('xoshiro128** against the reference C code', () => {
  it.each(REF.cases.map((c) => [c.state.join(','), c] as const))('state [%s]: outputs, state after them, jump, long jump, output 1,000,001', (_, c) => {
    const g = new Xoshiro128(c.state);
    expect(c.outputs.map(() => g.next())).toEqual(c.outputs);
    expect(u32(g.s)).toEqual(c.afterOutputs);
    const block = new Xoshiro128(c.state);
    const words = new Int32Array(c.outputs.length);
    block.fillWords(words, 0, words.length);
    expect(u32(words)).toEqual(c.outputs);
    expect(u32(block.s)).toEqual(c.afterOutputs);

    const j = new Xoshiro128(c.state);
    j.jump();
    expect(u32(j.s)).toEqual(c.jumpState);
    expect(c.jumpOutputs.map(() => j.next())).toEqual(c.jumpOutputs);

    const l = new Xoshiro128(c.state);
    l.longJump();
    expect(u32(l.s)).toEqual(c.longJumpState);
    expect(c.longJumpOutputs.map(() => l.next())).toEqual(c.longJumpOutputs);

    const far = new Xoshiro128(c.state);
    const buf = new Float64Array(1_000_000);
    far.fillUniform(buf, 0, buf.length);
    expect(far.next()).toBe(c.output1000001);
  });

  it('refuses the all-zero state and a state of the wrong length', () => {
    expect(() => new Xoshiro128([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => new Xoshiro128([1, 2, 3])).toThrow(RangeError);
    expect(() => new Xoshiro128([0, 0, 0, 0x80000000])).not.toThrow();
  });
});

describe('xoshiro128** conventions', () => {
  const first = REF.cases[4]!;

  it('uniform() is next() / 2^32 on [0, 1)', () => {
    const g = new Xoshiro128(first.state);
    for (const o of first.outputs) expect(g.uniform()).toBe(o / 2 ** 32);
  });

  it('double() is (high 21 bits of one output + the next output / 2^32) / 2^21: 53 bits on (0, 1)', () => {
    const g = new Xoshiro128(first.state);
    for (let i = 0; i + 1 < first.outputs.length; i += 2) {
      const a = first.outputs[i]!;
      const b = first.outputs[i + 1]!;
      const want = (Math.floor(a / 2 ** 11) * 2 ** 32 + b) / 2 ** 53; // both integers < 2^53: exact
      expect(g.double()).toBe(want);
    }
    // from state [1, 2, 3, 4] the second output is 0 and the first is below 2^21: still inside (0, 1)
    const z = new Xoshiro128([1, 2, 3, 4]);
    for (let i = 0; i < 1000; i++) {
      const d = z.double();
      expect(d > 0 && d < 1).toBe(true);
    }
  });

  it('fillUniform equals uniform() one by one, for any state and any window', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer(), fc.integer(), fc.integer(), fc.integer()).filter((w) => (w[0] | w[1] | w[2] | w[3]) !== 0),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 1500 }),
        (state, from, len) => {
          const a = new Xoshiro128(state);
          const b = new Xoshiro128(state);
          const buf = new Float64Array(from + len + 5).fill(-1);
          a.fillUniform(buf, from, from + len);
          for (let i = 0; i < buf.length; i++) expect(buf[i]).toBe(i >= from && i < from + len ? b.uniform() : -1);
          expect(u32(a.s)).toEqual(u32(b.s));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the block form of the step', () => {
  it('fillWords gives next() | 0 one by one and leaves the same state, for any state and any window', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer(), fc.integer(), fc.integer(), fc.integer()).filter((w) => (w[0] | w[1] | w[2] | w[3]) !== 0),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 600 }),
        (state, from, len) => {
          const a = new Xoshiro128(state);
          const b = new Xoshiro128(state);
          const buf = new Int32Array(from + len + 3).fill(7);
          a.fillWords(buf, from, from + len);
          for (let i = 0; i < buf.length; i++) expect(buf[i]).toBe(i >= from && i < from + len ? b.int32() : 7);
          expect(u32(a.s)).toEqual(u32(b.s));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the fused triangular fill', () => {
  it('fillTriangular equals triangularAt(uniform()) one by one, for any state, window and triangle', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer(), fc.integer(), fc.integer(), fc.integer()).filter((w) => (w[0] | w[1] | w[2] | w[3]) !== 0),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 600 }),
        fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-9, max: 1e6, noNaN: true })),
        (state, from, len, [min, at, width]) => {
          const max = min + width;
          fc.pre(max > min);
          const span = max - min;
          const cut = (min + at * span - min) / span;
          const a = new Xoshiro128(state);
          const b = new Xoshiro128(state);
          const buf = new Float64Array(from + len + 3).fill(-7);
          a.fillTriangular(buf, from, from + len, min, max, span, cut);
          for (let i = 0; i < buf.length; i++) {
            const want = i >= from && i < from + len ? triangularAt(b.uniform(), min, max, span, cut) : -7;
            expect(Object.is(buf[i], want)).toBe(true);
          }
          for (let i = from; i < from + len; i++) expect(buf[i]! >= min && buf[i]! <= max).toBe(true);
          expect(u32(a.s)).toEqual(u32(b.s));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Xoshiro128.fromKey', () => {
  it('is seedrandom xor4096’s first four int32 words of the key text, the same every time', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (text) => {
        const ref = xor4096(text);
        const want = [ref.int32(), ref.int32(), ref.int32(), ref.int32()];
        expect(Array.from(Xoshiro128.fromKey(text).s)).toEqual(want);
        expect(Array.from(Xoshiro128.fromKey(text).s)).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });

  it('gives distinct states for distinct (seed, purpose, block), including names with separators', () => {
    const keys = [
      streamText('42', ['leg', 'a/delay'], 0),
      streamText('42', ['leg', 'a', 'delay'], 0),
      streamText('42', 'leg/a/delay', 0),
      streamText('42', ['leg', 'a'], 0),
      streamText('42', ['leg', 'a,1:delay'], 0),
      streamText('42', ['leg', 'a', '1:delay'], 0),
      streamText('4', ['2', 'leg'], 0),
      streamText('42', ['leg'], 0),
      streamText('42', 'volume/demand', 1),
      streamText('42', 'volume/demand', 10),
      streamText('421', 'volume/demand', 0),
      streamText('42', 'volume/demand1', 0),
    ];
    expect(new Set(keys).size).toBe(keys.length); // the texts differ …
    const states = keys.map((k) => u32(Xoshiro128.fromKey(k).s).join(','));
    expect(new Set(states).size).toBe(keys.length); // … and so do the states
    const blocks = Array.from({ length: 2000 }, (_, b) => u32(Xoshiro128.fromKey(streamText('7', ['volume', 'demand'], b)).s).join(','));
    expect(new Set(blocks).size).toBe(2000);
  });
});

describe('xoshiro128** statistical sanity (fixed key, tolerance from the standard error)', () => {
  it('mean 1/2 and lag-1 correlation 0 within 4 standard errors over 10^6 uniforms; each bit fair', () => {
    const n = 1_000_000;
    const u = new Float64Array(n);
    Xoshiro128.fromKey(streamText('2027', ['test', 'xoshiro128'], 0)).fillUniform(u, 0, n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += u[i]!;
    const mean = sum / n;
    // Var U = 1/12 for a uniform on [0, 1)
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    let c = 0;
    for (let i = 1; i < n; i++) c += (u[i]! - 0.5) * (u[i - 1]! - 0.5);
    const rho = c / (n - 1) / (1 / 12);
    // under independence the lag-1 sample correlation has standard error ≈ 1/√n
    expect(Math.abs(rho)).toBeLessThan(4 / Math.sqrt(n));
    // every bit of the raw output, including the lowest (xoshiro128+'s weak spot), is 1 half the time
    const g = Xoshiro128.fromKey(streamText('2027', ['test', 'bits'], 0));
    const ones = new Float64Array(32);
    const m = 200_000;
    for (let i = 0; i < m; i++) {
      const x = g.next();
      for (let b = 0; b < 32; b++) ones[b]! += (x >>> b) & 1;
    }
    for (let b = 0; b < 32; b++) expect(Math.abs(ones[b]! / m - 0.5), `bit ${b}`).toBeLessThan(4 * Math.sqrt(0.25 / m));
  });
});
