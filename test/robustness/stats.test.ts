/**
 * Issue 10, part 2 (stats helpers): never NaN or ±Infinity, never coerce. Each listed call is a
 * test; a fast-check property throws arbitrary values at every stats function.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BINS,
  estimate,
  histogram,
  mean,
  meanVariance,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSurvival,
  proportion,
  quantile,
  quantileSorted,
  quantiles,
  sum,
  variance,
  wilsonInterval,
} from 'middle-corridor';
import { select } from '../../src/stats/index.js';

const BIG = 1.7e308;

describe('quantile never coerces', () => {
  it("quantile([1, 'x', 3], 0.5) → TypeError naming the element", () => {
    expect(() => quantile([1, 'x', 3] as never, 0.5)).toThrow(TypeError);
    expect(() => quantile([1, 'x', 3] as never, 0.5)).toThrow(/^quantile: values\[1\] must be a number \(got "x"\)$/);
  });

  it("quantile('123', 0.5) → TypeError (a string is not an array)", () => {
    expect(() => quantile('123' as never, 0.5)).toThrow(/^quantile: values must be an array of numbers \(got "123"\)$/);
  });

  it("quantile([1, 2], '0.5') and null → TypeError; quantiles(x, ['0.5']) too", () => {
    expect(() => quantile([1, 2], '0.5' as never)).toThrow(/^quantile: p must be a number in \[0, 1\] \(got "0.5"\)$/);
    expect(() => quantile([1, 2], null as never)).toThrow(TypeError);
    expect(() => quantiles([1, 2], ['0.5'] as never)).toThrow(/^quantiles: ps\[0\] must be a number in \[0, 1\]/);
    expect(() => quantiles([1, 2], 0.5 as never)).toThrow(TypeError);
    expect(() => quantile([1, 2], 0.5, [0, 0] as never)).toThrow(/^quantile: scratch must be a Float64Array/);
  });

  it('±Infinity values are refused (numpy would give NaN or ±Infinity)', () => {
    expect(() => quantile([-Infinity, 1], 0.5)).toThrow(/^quantile: values\[0\] must be a finite number \(got -Infinity\)$/);
  });

  it('quantileSorted checks its input and the values it reads', () => {
    expect(() => quantileSorted('12' as never, 0.5)).toThrow(TypeError);
    expect(() => quantileSorted([1, '2'] as never, 1)).toThrow(/^quantileSorted: sorted\[1\] must be a number/);
    expect(() => quantileSorted([1, NaN], 1)).toThrow(RangeError);
  });
});

describe('quantile([-1.7e308, 1.7e308], 0.5): finite and correct (numpy gives -Infinity)', () => {
  it('interpolates without overflowing: 0 at the middle, −0.4 · 1.7e308 at p = 0.3, the ends at 0 and 1', () => {
    expect(quantile([-BIG, BIG], 0.5)).toBe(0);
    expect(quantile([-BIG, BIG], 0.3)).toBeCloseTo(-0.4 * BIG, -295);
    expect(quantile([BIG, -BIG], 0)).toBe(-BIG);
    expect(quantile([BIG, -BIG], 1)).toBe(BIG);
    expect(quantileSorted([-BIG, BIG], 0.75)).toBeCloseTo(0.5 * BIG, -295);
    // quantileSorted trusts its input to be sorted; unsorted, it still never overflows.
    expect(quantileSorted([BIG, -BIG], 0.25)).toBeCloseTo(0.5 * BIG, -295);
    expect(quantiles(Float64Array.of(-BIG, 0, BIG), [0.25, 0.5, 0.9])).toEqual([-BIG / 2, 0, 0.8 * BIG]);
  });

  it('ordinary inputs keep numpy\'s _lerp bits (pinned: numpy.quantile([0.1, 0.7, 2.5], [0.3, 0.77]) = [0.46, 1.672])', () => {
    expect(quantiles([0.1, 0.7, 2.5], [0.3, 0.77])).toEqual([0.45999999999999996, 1.6720000000000002]);
  });
});

describe('sum, mean and variance near the largest double', () => {
  it('sum([1e308, 1e308]) → RangeError (the sum is beyond a double), not NaN', () => {
    expect(() => sum([1e308, 1e308])).toThrow(RangeError);
    expect(() => sum([1e308, 1e308])).toThrow(/^sum: the sum of these 2 values exceeds the largest double/);
  });

  it('an intermediate overflow whose total fits gives the total: sum([1e308, 1e308, -1e308]) = 1e308', () => {
    expect(sum([1e308, 1e308, -1e308])).toBe(1e308);
    expect(sum([BIG, -BIG, 1])).toBe(1);
  });

  it("sum(['1']) and sum([NaN]) → TypeError and RangeError", () => {
    expect(() => sum(['1'] as never)).toThrow(/^sum: values\[0\] must be a number/);
    expect(() => sum([NaN])).toThrow(/^sum: values\[0\] must be a finite number/);
  });

  it('mean([-1.7e308, 1.7e308]) = 0 (Welford would overflow in x − mean)', () => {
    expect(mean([-BIG, BIG])).toBe(0);
    expect(mean([BIG, BIG, BIG])).toBe(BIG);
  });

  it('meanVariance and variance of a spread beyond a double → RangeError naming the function', () => {
    expect(() => meanVariance([-BIG, BIG])).toThrow(/^meanVariance: the variance of these values exceeds the largest double/);
    expect(() => variance([-BIG, BIG])).toThrow(/^variance: the variance/);
  });

  it('large but representable moments are finite and accurate (values scaled by 2^-600, exactly)', () => {
    const m = meanVariance([1e300, 1e300, 1e300]);
    expect(m).toEqual({ n: 3, mean: 1e300, variance: 0, sd: 0, standardError: 0 });
    const v = meanVariance([1e150, 3e150]);
    expect(Math.abs(v.mean / 2e150 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(v.variance / 2e300 - 1)).toBeLessThan(1e-15);
  });

  it('ordinary inputs keep their bits (the scaled path starts above 2^480)', () => {
    expect(meanVariance([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, variance: 4.571428571428571, sd: 2.138089935299395, standardError: 0.7559289460184544 });
  });
});

describe('histogram', () => {
  it(`histogram(x, { bins: 1e8 }) is refused at once (at most MAX_BINS = ${MAX_BINS.toLocaleString('en')} bins)`, () => {
    const t0 = Date.now();
    expect(() => histogram([1, 2, 3], { bins: 1e8 })).toThrow(/^histogram: bins must be a whole number in \[1, 1000000\] \(got 100000000\)$/);
    expect(Date.now() - t0).toBeLessThan(100);
    expect(MAX_BINS).toBe(1e6);
  });

  it("bins: '10', unknown options and bad min/max are refused, naming histogram", () => {
    expect(() => histogram([1], { bins: '10' } as never)).toThrow(TypeError);
    expect(() => histogram([1], { bins: 2, maxi: 3 } as never)).toThrow(/^histogram: unknown option 'maxi' \(allowed: bins, min, max\)$/);
    expect(() => histogram([1], { bins: 2, min: NaN, max: 2 })).toThrow(/^histogram: min must be a finite number/);
    expect(() => histogram([1], { bins: 2, min: 3, max: 2 })).toThrow(/^histogram: needs min <= max/);
    expect(() => histogram([1, 'a'] as never, { bins: 2 })).toThrow(/^histogram: values\[1\] must be a number/);
  });

  it('a range spanning the doubles gives finite edges (numpy gives NaN)', () => {
    const h = histogram([-BIG, 0, BIG], { bins: 2 });
    expect(h).toEqual([
      { x0: -BIG, x1: 0, count: 1 },
      { x0: 0, x1: BIG, count: 2 },
    ]);
    expect(histogram([Number.MAX_VALUE], { bins: 2 }).reduce((s, b) => s + b.count, 0)).toBe(1);
  });
});

describe('normal, proportion and estimate: kinds checked', () => {
  it("normalQuantile('0.5'), normalCdf(null), normalPdf(NaN), normalSurvival('1')", () => {
    expect(() => normalQuantile('0.5' as never)).toThrow(/^normalQuantile: p must be a number in \(0, 1\) \(got "0.5"\)$/);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalCdf(null as never)).toThrow(/^normalCdf: x must be a number \(got null\)$/);
    expect(() => normalPdf(NaN)).toThrow(/^normalPdf: x must be a number \(got NaN\)$/);
    expect(() => normalSurvival('1' as never)).toThrow(TypeError);
  });

  it('normalQuantile is finite down to the smallest subnormal (the Halley step overflowed to NaN there)', () => {
    for (const p of [5e-324, 1e-310, 1e-300]) expect(Number.isFinite(normalQuantile(p))).toBe(true);
    expect(normalQuantile(5e-324)).toBeCloseTo(-38.4674, 3);
  });

  it("proportion('3', 10), proportion(3, 10n), wilsonInterval(1, 10, '0.9'), estimate('1', 0)", () => {
    expect(() => proportion('3' as never, 10)).toThrow(/^proportion: successes must be a whole number/);
    expect(() => proportion(3, 10n as never)).toThrow(TypeError);
    expect(() => wilsonInterval(1, 10, '0.9' as never)).toThrow(/^wilsonInterval: confidence must be a number in \(0, 1\)/);
    expect(() => estimate('1' as never, 0)).toThrow(/^estimate: needs two numbers/);
    expect(() => estimate(1, Infinity)).toThrow(RangeError);
  });

  it('select checks its array and indices', () => {
    expect(() => select([3, 1, 2] as never, 1)).toThrow(/^select: a must be a Float64Array/);
    expect(() => select(Float64Array.of(3, 1, 2), 5)).toThrow(/^select: k must be a whole number/);
    const a = Float64Array.of(3, 1, 2);
    select(a, 1);
    expect(a[1]).toBe(2);
  });
});

/** Every number in a value (arrays, typed arrays, plain objects). */
function numbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x) || ArrayBuffer.isView(x)) for (const v of Array.from(x as ArrayLike<unknown>)) numbers(v, out);
  else if (x !== null && typeof x === 'object') for (const v of Object.values(x)) numbers(v, out);
  return out;
}

describe('property: arbitrary values thrown at every stats function', () => {
  const nasty = fc.constantFrom<unknown>(0, -0, 1, -1, 0.5, 1e308, -1e308, BIG, -BIG, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 2 ** 53, NaN, Infinity, -Infinity, '1', null, undefined, 10n);
  const num = fc.oneof(nasty, fc.double(), fc.integer());
  const values = fc.oneof(
    fc.array(num, { maxLength: 12 }),
    fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(BIG, -BIG, 1e308)), { minLength: 1, maxLength: 12 }),
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 12 }).map((a) => Float64Array.from(a)),
    fc.anything(),
  );
  const arg = fc.oneof(num, fc.anything(), values);
  const small = fc.oneof(fc.integer({ min: 1, max: 50 }), num, fc.anything());
  const calls: [string, fc.Arbitrary<unknown[]>, (...a: never[]) => unknown][] = [
    ['quantile', fc.tuple(values, arg), quantile],
    ['quantiles', fc.tuple(values, fc.oneof(fc.array(num, { maxLength: 4 }), arg)), quantiles],
    ['quantileSorted', fc.tuple(values, arg), quantileSorted],
    ['sum', fc.tuple(values), sum],
    ['mean', fc.tuple(values), mean],
    ['variance', fc.tuple(values), variance],
    ['meanVariance', fc.tuple(values), meanVariance],
    ['histogram', fc.tuple(values, fc.oneof(fc.record({ bins: small, min: num, max: num }, { requiredKeys: ['bins'] }), arg)), histogram],
    ['proportion', fc.tuple(small, small), proportion],
    ['wilsonInterval', fc.tuple(small, small, arg), wilsonInterval],
    ['estimate', fc.tuple(arg, arg), estimate],
    ['normalCdf', fc.tuple(arg), normalCdf],
    ['normalSurvival', fc.tuple(arg), normalSurvival],
    ['normalPdf', fc.tuple(arg), normalPdf],
    ['normalQuantile', fc.tuple(fc.oneof(arg, fc.double({ min: 0, max: 1 }))), normalQuantile],
    ['select', fc.tuple(fc.oneof(values, values.map((v) => (Array.isArray(v) ? Float64Array.from(v.filter((x) => typeof x === 'number') as number[]) : v))), arg, arg, arg), select],
  ];
  for (const [name, args, f] of calls) {
    it(`${name}: a TypeError/RangeError whose message starts with '${name}: ', or a result with no NaN or ±Infinity`, () => {
      fc.assert(
        fc.property(args, (a) => {
          let r: unknown;
          try {
            r = (f as (...x: unknown[]) => unknown)(...a);
          } catch (e) {
            expect(e instanceof TypeError || e instanceof RangeError, String(e)).toBe(true);
            expect((e as Error).message.startsWith(`${name}: `), (e as Error).message).toBe(true);
            return;
          }
          // select returns nothing; it rearranges its array in place.
          const bad = numbers(name === 'select' ? [] : r).filter((x) => !Number.isFinite(x));
          expect(bad).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
