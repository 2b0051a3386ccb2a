import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cbrt } from '../../src/math/cbrt.js';
import { REF2, checkTable, nsPerCall, ulp, ulpDistance } from './accuracy.js';

describe('portable cbrt', () => {
  it(`is within 1 ulp of the correctly rounded cube root on ${REF2.cbrt.x.length} points (every binade, subnormals, exact cubes), correctly rounded in ≥ 99 %`, () => {
    checkTable('cbrt', cbrt, REF2.cbrt, Math.cbrt, 0.99, expect);
  });

  it('special values as Math.cbrt, and exact cubes give exact roots', () => {
    for (const x of [0, -0, Infinity, -Infinity]) expect(Object.is(cbrt(x), x)).toBe(true);
    expect(cbrt(Number.NaN)).toBeNaN();
    expect(cbrt(Number.MIN_VALUE)).toBe(1.7031839360032603e-108);
    expect(cbrt(Number.MAX_VALUE)).toBe(5.643803094122362e102);
    expect(cbrt(2)).toBe(1.2599210498948732);
    for (let n = 1; n <= 1 << 17; n += 7) expect(cbrt(n * n * n), `${n}³`).toBe(n);
    for (let e = -1074; e <= 1023; e += 3) expect(cbrt(2 ** e), `2^${e}`).toBe(2 ** (e / 3));
  });

  it('laws: odd to the bit, monotone, cbrt(x)³ within 4 ulp of x (c within 1/2 ulp of the root and two roundings), agrees with Math.cbrt to 2 ulp', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const c = cbrt(a);
        const ok3 = Math.abs(a) < 1e-300 || Math.abs(a) > 1e300 || Math.abs(c * c * c - a) <= 4 * ulp(a);
        return Object.is(cbrt(-a), -c) && cbrt(x) <= cbrt(y) && ok3 && ulpDistance(c, Math.cbrt(a)) <= 2;
      }),
      { numRuns: 20_000 },
    );
  });

  it('speed note (not asserted)', () => {
    const xs = new Float64Array(1 << 16).map((_, i) => 1e-3 + ((i * 0.6180339887) % 1) * 1e4);
    console.log(`cbrt: ${nsPerCall(cbrt, xs).toFixed(1)} ns/call (Math.cbrt ${nsPerCall(Math.cbrt, xs).toFixed(1)})`);
  });
});
