import { describe, expect, it } from 'vitest';
import { erf } from '../../src/growth/erf.js';
import { compileFormula } from 'middle-corridor';

// erf(x) to 25 digits (mpmath, 40-digit arithmetic).
const TABLE: [number, number][] = [
  [1e-300, 1.128379167095512602172316e-300], [1e-10, 1.12837916709551261500173e-10], [1e-5, 0.00001128379167057900027298965], [0.001, 0.001128378790969236403437564],
  [0.1, 0.1124629160182848984047123], [0.25, 0.2763263901682369329850683], [0.4, 0.4283923550466684764541096], [0.46875, 0.4926134732179379915881761],
  [0.49, 0.5116682611885230913288847], [0.5, 0.5204998778130465376827467], [0.5000001, 0.5204999656912999910589546], [0.6, 0.6038560908479259050823068],
  [0.75, 0.7111556336535151315989378], [1, 0.8427007929497148693412206], [1.5, 0.9661051464753107270669763], [2, 0.9953222650189527341620693],
  [2.5, 0.9995930479825550410604358], [3, 0.9999779095030014145586272], [3.5, 0.9999992569016276585872545], [4, 0.9999999845827420997199811],
  [4.5, 0.9999999998033839558457113], [5, 0.999999999998462540205572], [5.5, 0.999999999999992642152082], [6, 0.9999999999999999784802633],
  [-0.3, -0.328626759459127416189618], [-1.2, -0.9103139782296353683659318],
];

const ulp = (x: number) => {
  const a = Math.abs(x);
  return a === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(a)) - 52);
};

describe('erf (the formula function)', () => {
  it('is within 4 ulp of a 25-digit table', () => {
    for (const [x, want] of TABLE) expect(Math.abs(erf(x) - want) / ulp(want), `erf(${x})`).toBeLessThanOrEqual(4);
  });
  it('is odd, 0 at 0, ±1 far out, NaN for NaN', () => {
    expect(erf(0)).toBe(0);
    expect(erf(-0.2)).toBe(-erf(0.2));
    expect(erf(30)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
  });
  it('is the formula function erf', () => {
    expect(compileFormula('erf(t - 2025)', []).evaluate(2026, {})).toBe(erf(1));
  });
});
