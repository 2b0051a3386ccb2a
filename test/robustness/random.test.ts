/**
 * Issue 10, the random module, the data helpers, formatPath and compileFormula: each call that
 * returned NaN/±Infinity, looped or threw a native error now gives a finite result or a clear
 * error naming the function.
 */
import { describe, expect, it } from 'vitest';
import {
  beta,
  compareSeries,
  compileFormula,
  exponential,
  fill,
  fillStandardNormal,
  formatPath,
  FormulaError,
  lognormal,
  moments,
  normal,
  paramQuantile,
  pertShapes,
  reportedVolumes,
  sampler,
  seedKey,
  sobolPoints,
  standardNormal,
  stream,
  triangular,
  uniform,
} from 'middle-corridor';

const s = () => stream(1, 'robust');
const draws = (f: () => number, n = 1000) => Array.from({ length: n }, f);

describe('samplers: arguments checked at the entry', () => {
  it("uniform(undefined, …) and uniform(s, null): TypeErrors naming uniform", () => {
    expect(() => uniform(undefined as never, { min: 0, max: 1 })).toThrow(/^uniform: rng must be a seeded stream or a function/);
    expect(() => uniform(s(), null as never)).toThrow(TypeError);
    expect(() => uniform(s(), null as never)).toThrow(/^uniform: options must be/);
    expect(() => uniform(s(), { min: '0', max: 1 } as never)).toThrow(TypeError);
  });

  it('a function rng that returns 1 or NaN is refused at the draw, not turned into NaN', () => {
    expect(() => uniform(() => NaN, { min: 0, max: 1 })()).toThrow(/^uniform: rng must return numbers in \[0, 1\) \(got NaN\)/);
    expect(uniform(() => 0.5, { min: 0, max: 2 })()).toBe(1);
  });

  it('gamma, normal, standardNormal need a seeded stream: Math.random is a TypeError', () => {
    expect(() => normal(Math.random as never, { mean: 0, sd: 1 })).toThrow(/^normal: s must be a seeded stream/);
    expect(() => standardNormal({} as never)).toThrow(/^standardNormal: s must be a seeded stream/);
    expect(() => fillStandardNormal(s(), [0, 0] as never)).toThrow(/^fillStandardNormal: out must be a Float64Array/);
  });

  it('uniform over [-1e308, 1e308]: max − min overflows, refused', () => {
    expect(() => uniform(s(), { min: -1e308, max: 1e308 })).toThrow(/^uniform: max − min must be a finite number/);
    expect(() => triangular(s(), { min: -1e308, mode: 0, max: 1e308 })).toThrow(RangeError);
  });

  it('lognormal sigma 1000: a draw that overflows is a RangeError, never Infinity', () => {
    const f = lognormal(s(), { median: 1, sigma: 1000 });
    expect(() => draws(f)).toThrow(/^lognormal: a draw overflowed to Infinity/);
    expect(() => draws(normal(s(), { mean: 0, sd: 1e308 }))).toThrow(/^normal: a draw overflowed/);
    expect(() => draws(exponential(s(), 1e308))).toThrow(/^exponential: a draw overflowed/);
  });

  it('beta with shapes near 0 (both gamma draws underflow) or near 1e308: in [0, 1], never NaN', () => {
    for (const [a, b] of [[5e-324, 5e-324], [1e-310, 1e-300], [1.7e308, 1.7e308]] as const) {
      for (const x of draws(beta(s(), a, b), 200)) expect(x >= 0 && x <= 1, `beta(${a}, ${b}) drew ${x}`).toBe(true);
    }
  });

  it('a normal truncated 1e200 sd from its mean returns its bound instead of looping forever', () => {
    expect(draws(normal(s(), { mean: 0, sd: 5e-324, min: 1 }), 10)).toEqual(Array(10).fill(1));
    expect(draws(normal(s(), { mean: 0, sd: 1e-300, max: -1e-100 }), 10)).toEqual(Array(10).fill(-1e-100));
  });

  it('fill refuses a draw that is not a finite number', () => {
    expect(() => fill(() => NaN, new Float64Array(2))).toThrow(/^fill: draw must return finite numbers \(got NaN at index 0\)/);
    expect(() => fill(undefined as never, new Float64Array(2))).toThrow(/^fill: draw must be a function/);
  });

  it('sampler(s, { dist: "uniform", min: 1, max: 0 }) names the function', () => {
    expect(() => sampler(s(), { dist: 'uniform', min: 1, max: 0 })).toThrow(/^sampler: param needs min <= max/);
  });

  it('pertShapes checks its parameters (was NaN for min = max)', () => {
    expect(() => pertShapes({ min: 1, mode: 1, max: 1 })).toThrow(/^pertShapes: needs min < max/);
    expect(() => pertShapes({ min: 0, mode: 2, max: 1 })).toThrow(/^pertShapes: needs min <= mode <= max/);
  });

  it('seedKey names itself by default and checks fn', () => {
    expect(() => seedKey({} as never)).toThrow(/^seedKey: seed must be/);
    expect(() => seedKey(1, 3 as never)).toThrow(/^seedKey: fn must be/);
  });

  it('sobolPoints: wrong kinds are TypeErrors; more than 2^27 values refused before allocating', () => {
    expect(() => sobolPoints(Symbol('d') as never, 4)).toThrow(TypeError);
    expect(() => sobolPoints(64, 2 ** 30)).toThrow(/^sobolPoints: dims × n = .* GiB/);
  });
});

describe('moments: null for an unbounded side, never ±Infinity', () => {
  it('normal without bounds, lognormal', () => {
    expect(moments({ dist: 'normal', mean: 1, sd: 2 })).toEqual({ mean: 1, variance: 4, min: null, max: null });
    expect(moments({ dist: 'normal', mean: 1, sd: 2, min: 0 }).max).toBeNull();
    const l = moments({ dist: 'lognormal', median: 1, sigma: 0.5 });
    expect([l.min, l.max]).toEqual([0, null]);
  });

  it('a variance too large for a double is a RangeError (was Infinity)', () => {
    expect(() => moments({ dist: 'lognormal', median: 1, sigma: 40 })).toThrow(/^moments: the mean of .* is too large for a double/);
    expect(() => moments({ dist: 'uniform', min: 0, max: 1e200 })).toThrow(/^moments: the variance/);
    expect(moments({ dist: 'uniform', min: 1e308, max: 1e308 }).mean).toBe(1e308);
  });

  it('bad parameters are errors naming moments', () => {
    expect(() => moments(undefined as never)).toThrow(/^moments: param must be/);
    expect(() => moments({ dist: 'uniform', min: 1, max: 0 })).toThrow(/^moments: param needs min <= max/);
  });
});

describe('paramQuantile', () => {
  it('p = 0 or 1 on an unbounded side is a RangeError (was ±Infinity)', () => {
    expect(() => paramQuantile({ dist: 'normal', mean: 0, sd: 1 }, 0)).toThrow(/^paramQuantile: p must be in \(0, 1\) .* unbounded below/);
    expect(() => paramQuantile({ dist: 'lognormal', median: 1, sigma: 1 }, 1)).toThrow(/unbounded above/);
    expect(paramQuantile({ dist: 'lognormal', median: 1, sigma: 1 }, 0)).toBe(0);
    expect(paramQuantile({ dist: 'normal', mean: 0, sd: 1, min: -1 }, 0)).toBe(-1);
  });

  it('wrong kinds are TypeErrors naming it', () => {
    expect(() => paramQuantile({ dist: 'pert', min: 1, mode: 2, max: 5 }, '0.5' as never)).toThrow(TypeError);
    expect(() => paramQuantile(null as never, 0.5)).toThrow(/^paramQuantile: param must be/);
  });
});

describe('data, formatPath, compileFormula', () => {
  it('reportedVolumes(new Map()) and compareSeries([ , ]) are TypeErrors naming them', () => {
    expect(() => reportedVolumes(new Map() as never)).toThrow(/^reportedVolumes: obs must be an array/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => compareSeries([, ] as never)).toThrow(/^compareSeries: claimed\[0\] must be an object/);
    expect(() => reportedVolumes(undefined, ['outturn' as never])).toThrow(RangeError);
  });

  it('formatPath(NaN) is a TypeError naming it (was "path is not iterable")', () => {
    expect(() => formatPath(NaN as never)).toThrow(/^formatPath: path must be an array/);
    expect(() => formatPath(['a', -1])).toThrow(RangeError);
  });

  it("compileFormula(NaN, …) and compileFormula('', []) name the function", () => {
    expect(() => compileFormula(NaN as never, [])).toThrow(/^compileFormula: formula must be a string/);
    expect(() => compileFormula('', [])).toThrow(FormulaError);
    expect(() => compileFormula('', [])).toThrow(/^compileFormula: must be a non-empty formula in t/);
    let e: unknown;
    try {
      compileFormula('a * t + foo', ['a']);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(FormulaError);
    expect((e as FormulaError).reason).toMatch(/^unknown symbol 'foo'/);
  });
});
