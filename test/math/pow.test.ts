import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pow } from '../../src/math/pow.js';
import { REF2, measure, nsPerCall, ulpDistance } from './accuracy.js';

const P = REF2.pow;
/** pow's table as a one-argument function of the row index, for measure(). */
const rows = { x: P.x.map((_, i) => i), y: P.z };

/** x^n rounded correctly, from the exact integer m^n (x = m·2^e): for x^n in the normal range. */
function exactPower(x: number, n: number): number {
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2; // exact
    e--;
  }
  let v = Number(BigInt(m) ** BigInt(n)); // Number(BigInt) rounds correctly
  let k = e * n;
  for (; k < -1000; k += 1000) v *= 2 ** -1000; // exact while v stays normal
  v *= 2 ** k;
  return x < 0 && n % 2 === 1 ? -v : v;
}

describe('portable pow', () => {
  it(`is within 1 ulp of the correctly rounded x^y on ${P.x.length} points (any x and y with |y·ln x| ≤ 760, x near 1 with large y, results near overflow and subnormal, negative bases), correctly rounded in ≥ 99 %`, () => {
    const m = measure((i) => pow(P.x[i]!, P.y[i]!), rows);
    const v = measure((i) => Math.pow(P.x[i]!, P.y[i]!), rows);
    console.log(`pow: max ${m.maxUlp} ulp (at x = ${P.x[m.worst]}, y = ${P.y[m.worst]}), correctly rounded ${(100 * m.correctlyRounded).toFixed(2)} % of ${m.n} (the engine's Math.pow here: max ${v.maxUlp} ulp, ${(100 * v.correctlyRounded).toFixed(2)} %)`);
    P.x.forEach((x, i) => expect(ulpDistance(pow(x, P.y[i]!), P.z[i]!), `pow(${x}, ${P.y[i]})`).toBeLessThanOrEqual(1));
    expect(m.correctlyRounded).toBeGreaterThanOrEqual(0.99);
  });

  it('follows ECMAScript Number::exponentiate for every special case (table, and Math.pow on a grid)', () => {
    const table: [number, number, number][] = [
      [1, Number.NaN, Number.NaN], [Number.NaN, 0, 1], [Number.NaN, -0, 1], [5, -0, 1], [Infinity, 0, 1], [Number.NaN, 1, Number.NaN],
      [Infinity, 0.5, Infinity], [Infinity, -0.5, 0], [-Infinity, 3, -Infinity], [-Infinity, 2, Infinity], [-Infinity, 0.5, Infinity],
      [-Infinity, -3, -0], [-Infinity, -2, 0], [0, 3, 0], [0, -3, Infinity], [-0, 3, -0], [-0, 2, 0], [-0, 0.5, 0], [-0, -3, -Infinity],
      [-0, -2, Infinity], [-0, -0.5, Infinity], [2, Infinity, Infinity], [0.5, Infinity, 0], [2, -Infinity, 0], [0.5, -Infinity, Infinity],
      [1, Infinity, Number.NaN], [-1, Infinity, Number.NaN], [1, -Infinity, Number.NaN], [-1, -Infinity, Number.NaN], [-2, 0.5, Number.NaN],
      [-8, 1 / 3, Number.NaN], [-2, 3, -8], [-2, -3, -0.125], [-2, 2, 4], [-1, 2 ** 53, 1], [-1, 2 ** 53 + 2, 1], [-1, 1e300, 1], [-1, 3, -1],
      [1, 1e300, 1], [1, -0.5, 1], [2, 1024, Infinity], [2, -1075, 0], [-2, -1075, -0], [2, -1074, 5e-324], [10, 308, 1e308], [2, 0.5, Math.SQRT2],
      [-0.5, 1e300, 0], [-3, 1e300, Infinity], [0.9999999999999999, 1e300, 0],
    ];
    for (const [x, y, want] of table) expect(Object.is(pow(x, y), want), `pow(${x}, ${y}) = ${pow(x, y)}, want ${want}`).toBe(true);
    // on a grid of special and ordinary values every special result (NaN, ±0, ±Infinity, ±1) is Math.pow's
    const vs = [Number.NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, -1.5, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e300, -1e300, 5e-324, -5e-324, 0.999, 1.001];
    for (const x of vs)
      for (const y of vs) {
        const want = Math.pow(x, y);
        if (want !== want || want === 0 || !Number.isFinite(want) || Math.abs(want) === 1) expect(Object.is(pow(x, y), want), `pow(${x}, ${y})`).toBe(true);
        else expect(ulpDistance(pow(x, y), want), `pow(${x}, ${y})`).toBeLessThanOrEqual(2);
      }
  });

  it('law: pow(x, n) for n = 2…8 is within 1 ulp of the correctly rounded x^n (exact BigInt power), and x^n·x^-n stays near 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e30, max: 1e30, noNaN: true }).filter((x) => Math.abs(x) > 1e-30), fc.integer({ min: 2, max: 8 }), (x, n) => {
        const want = exactPower(x, n);
        return ulpDistance(pow(x, n), want) <= 1 && Math.abs(pow(x, n) * pow(x, -n) - 1) <= 4.5e-16;
      }),
      { numRuns: 10_000 },
    );
  });

  it('laws: pow(x, 1/2) is within 1 ulp of Math.sqrt (correctly rounded); odd integer powers of −x are −(x^n), even ones x^n, exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (x) => ulpDistance(pow(x, 0.5), Math.sqrt(x)) <= 1),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: -100, max: 100 }), (x, n) => Object.is(pow(-x, n), n % 2 === 0 ? pow(x, n) : -pow(x, n))),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Math.pow to 2 ulp on growth-formula sizes (law: both near x^y)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), (x, y) => {
        const w = Math.pow(x, y);
        return w === 0 || !Number.isFinite(w) ? Object.is(pow(x, y), w) : ulpDistance(pow(x, y), w) <= 2;
      }),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted): ns per call against Math.pow in this process', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => 0.5 + ((i * 0.6180339887) % 1) * 3);
    const f = (x: number) => pow(x, 7.3);
    const g = (x: number) => Math.pow(x, 7.3);
    console.log(`pow: ${nsPerCall(f, xs).toFixed(1)} ns/call, Math.pow ${nsPerCall(g, xs).toFixed(1)} ns/call`);
  });
});
