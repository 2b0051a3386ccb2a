/**
 * The promise of issue 10, checked across the whole public API rather than call by call: every
 * function the main entry exports, called with arbitrary values — valid calls with one argument or
 * one option replaced by an adversarial value, and calls made of anything at all — either returns
 * a result with no NaN and no ±Infinity anywhere in it (its `toJSON()` included), or throws a
 * TypeError, RangeError, ScenarioError or FormulaError whose message names the function (or, for
 * a ScenarioError, the bad field's path). A native error ("Cannot read properties of undefined")
 * or a NaN is a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const { PRESETS, ROUTES, TITR_VOLUMES, stream, FormulaError, ScenarioError } = api;

const route = ROUTES['corridor-poti'];
const small = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.3 }, volatility: 0.2, capacity: { baseMt: 6 } } as const;
const rows = [{ year: 2025, p10: 3, p50: 4, p90: 5 }, { year: 2026, p10: 3.5, p50: 5, p90: 7 }];
const est = { estimate: 0.3, standardError: 0.01 };
const idx = { ...est, lower: 0.28, upper: 0.32 };

/**
 * One valid call of each exported function: the arguments, and which of them (by index) are
 * sizes that must stay small (they are never replaced by large valid numbers, which would only
 * make the test slow).
 */
const CALLS: Record<string, () => unknown[]> = {
  allenCunneenWait: () => [{ servers: 3, utilisation: 0.8, serviceDays: 1, arrivalCv: 1, serviceCv: 1 }],
  backtest: () => [TITR_VOLUMES, { fitThrough: 2024, horizon: 2025, paths: 500, seed: 1 }],
  backtestChart: () => [[{ origin: 2023, year: 2024, p10: 3, p50: 4, p90: 5, outturn: 4.5 }]],
  bernoulli: () => [stream(1, 'x'), 0.3],
  beta: () => [stream(1, 'x'), 2, 3],
  cagr: () => [{ year: 2020, volumeMt: 0.783 }, { year: 2024, volumeMt: 4.484 }],
  compareRoutes: () => [[route, ROUTES['suez-sea']], { trips: 500, seed: 1 }],
  compareScenarios: () => [small, { ...small, volatility: 0.3 }, { paths: 500, seed: 1 }],
  compareSeries: () => [api.ANNOUNCED_TRAJECTORY, TITR_VOLUMES],
  containerShares: () => [14],
  compileFormula: () => ['a * exp(b * (t - 2025))', ['a', 'b']],
  // 'auto' only: 'off' would turn kernel generation off for the other files of this worker.
  kernelCodegen: () => ['auto'],
  convergenceChart: () => [[{ paths: 1000, estimate: 0.3, standardError: 0.01 }], { statistic: 'P' }],
  crps: () => [[1, 2, 3], 2],
  toCSV: () => [[{ key: 2027, statistic: 'p50', value: 5, standardError: null }], 'year'],
  dampedTrendModel: () => [{ phi: 0.8 }],
  driftModel: () => [{}],
  empirical: () => [stream(1, 'x'), { values: [1, 2], weights: [1, 3] }],
  erlangC: () => [3, 2.4],
  estimate: () => [0.3, 0.01],
  evaluateForecasts: () => [TITR_VOLUMES, { seed: 1, paths: 200, origins: [2023, 2024], horizons: [1], models: { 'no-change': api.noChangeModel() } }],
  exponential: () => [stream(1, 'x'), 2],
  fanChart: () => [rows, { record: [{ year: 2025, volumeMt: 4.119 }], target: { year: 2027, volumeMt: 10 } }],
  fill: () => [api.uniform(stream(1, 'x'), { min: 0, max: 1 }), new Float64Array(3)],
  fillStandardNormal: () => [stream(1, 'x'), new Float64Array(3)],
  firstYearChart: () => [[{ year: 2027, probability: 0.4 }, { year: null, probability: 0.6 }], { levelMt: 10 }],
  fitGrowth: () => [TITR_VOLUMES, 'exponential'],
  fitRandomWalk: () => [TITR_VOLUMES],
  forecastModels: () => [],
  forecastScenario: () => [TITR_VOLUMES, { fitThrough: 2024, horizon: 2026 }],
  formatPath: () => [['legs', 2, 'days']],
  gamma: () => [stream(1, 'x'), 2],
  growthCurve: () => [{ model: 'logistic', capacityMt: 10, rate: 0.5 }, { year: 2025, volumeMt: 4.119 }],
  histogram: () => [[1, 2, 2, 3], { bins: 2 }],
  intervalScore: () => [3, 7, 8, 0.2],
  logGrowthRatio: () => [{ model: 'exponential', rate: 0.25 }, 2025, 2027],
  lognormal: () => [stream(1, 'x'), { median: 3, sigma: 0.4 }],
  mean: () => [[1, 2, 3]],
  moments: () => [{ dist: 'pert', min: 1, mode: 2, max: 5 }],
  meanVariance: () => [[1, 2, 3]],
  noChangeModel: () => [],
  normal: () => [stream(1, 'x'), { mean: 0.2, sd: 0.1, min: 0 }],
  normalCdf: () => [0.3],
  normalPdf: () => [0.3],
  normalQuantile: () => [0.3],
  studentTCdf: () => [1.5, 3],
  studentTQuantile: () => [0.9, 4],
  volatilityPosterior: () => [0.5, 2],
  normalSurvival: () => [0.3],
  paramQuantile: () => [{ dist: 'pert', min: 1, mode: 2, max: 5 }, 0.3],
  parseRoute: () => [route],
  parseScenario: () => [small],
  pert: () => [stream(1, 'x'), { min: 5, mode: 6, max: 12 }],
  pertShapes: () => [{ min: 5, mode: 6, max: 12 }],
  pitChart: () => [[{ model: 'a', pit: 0.3 }]],
  proportion: () => [30, 100],
  quantile: () => [[1, 2, 3, 4], 0.5],
  quantileSorted: () => [[1, 2, 3, 4], 0.5],
  quantiles: () => [Float64Array.of(1, 2, 3, 4), [0.1, 0.5]],
  ranks: () => [[3, 1, 2]],
  reportedVolumes: () => [TITR_VOLUMES],
  requiredGrowth: () => [{ year: 2025, volumeMt: 4.119 }, { year: 2027, volumeMt: 10 }],
  sampler: () => [stream(1, 'x'), { dist: 'triangular', min: 1, mode: 2, max: 4 }],
  seedKey: () => [42],
  shrunkDriftModel: () => [{ priorSd: 0.1 }],
  simulateCorridor: () => [small, route, { paths: 200, seed: 1 }],
  simulateTransit: () => [route, { trips: 500, seed: 1, volumeMt: 4 }],
  simulateVolumes: () => [PRESETS.baseline, { paths: 500, seed: 1 }],
  sobolChart: () => [[{ factor: 'a', firstOrder: idx, total: idx }], { output: 'v' }],
  sobolIndicesOf: () => [(x: Record<string, number>) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 64, seed: 1, replicates: 4 }],
  sobolIndices: () => [PRESETS['official-capacity'], { output: { year: 2027 }, samples: 64, seed: 1, bootstrap: 20 }],
  rankCorrelations: () => [PRESETS.baseline, { output: { year: 2027 }, paths: 200, seed: 1 }],
  shapleyEffects: () => [{ ...small, capacity: { baseMt: { dist: 'uniform', min: 5, max: 7 } } }, { output: { year: 2027 }, permutations: 4, seed: 1, outer: 4, varianceSamples: 50 }],
  shapleyEffectsOf: () => [(x: Record<string, number>) => x.a! + 2 * x.b!, { factors: ['a', 'b'], ...api.gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] }), permutations: 10, seed: 1, varianceSamples: 50 }],
  gaussianInputs: () => [['a', 'b'], { mean: [1, 2], covariance: [[1, 0.5], [0.5, 1]] }],
  sobolPoints: () => [2, 8],
  scrambledSobolPoints: () => [2, 8, 1, 0],
  solveRoute: () => [route, { parameter: 'days-scale', statistic: { statistic: 'quantile', p: 0.5 }, level: 20, range: [0.2, 1], trips: 200, seed: 1, tolerance: 0.05 }],
  solveScenario: () => [small, { parameter: 'growth.rate', statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, level: 6, range: [0, 1], paths: 100, seed: 1, tolerance: 0.01 }],
  spearman: () => [[1, 2, 3], [1, 3, 2]],
  standardNormal: () => [stream(1, 'x')],
  stream: () => [1, 'x', 0],
  sum: () => [[1, 2, 3]],
  tornado: () => [small, { statistic: { statistic: 'mean', year: 2027 }, paths: 200, seed: 1 }],
  tornadoChart: () => [[{ parameter: 'a', low: est, high: est }], { statistic: 'P', baseline: 0.3 }],
  transitChart: () => [[{ route: 'r', levels: [0, 0.5, 1], days: [20, 30, 40] }]],
  triangular: () => [stream(1, 'x'), { min: 1, mode: 2, max: 4 }],
  uniform: () => [stream(1, 'x'), { min: 0, max: 1 }],
  variance: () => [[1, 2, 3]],
  wilsonInterval: () => [3, 100],
  withKnownCapacity: () => [api.driftModel()],
  planVolumes: () => [small, { paths: 100, seed: 1 }],
  runVolumePilot: () => { const p = api.planVolumes(small, { paths: 70_000, seed: 1, keep: 'summary' }); return [p, 0, 1]; },
  placeBrackets: () => { const p = api.planVolumes(small, { paths: 70_000, seed: 1, keep: 'summary' }); return [p, [api.runVolumePilot(p)]]; },
  runVolumeBlocks: () => [api.planVolumes(small, { paths: 100, seed: 1 }), 0, 1],
  mergeVolumes: () => { const p = api.planVolumes(small, { paths: 100, seed: 1, keep: 'summary' }); return [p, [api.runVolumeBlocks(p, 0, 1)]]; },
  planTransit: () => [route, { trips: 100, seed: 1 }],
  runTransitBlocks: () => [api.planTransit(route, { trips: 100, seed: 1 }), 0, 1],
  mergeTransit: () => { const p = api.planTransit(route, { trips: 100, seed: 1 }); return [p, [api.runTransitBlocks(p, 0, 1)]]; },
  planCorridor: () => [small, route, { paths: 100, seed: 1, useScenarioCapacity: true }],
  planCorridorTrips: () => { const p = api.planCorridor(small, route, { paths: 100, seed: 1, useScenarioCapacity: true }); return [p, api.mergeVolumes(p.volumes, [api.runVolumeBlocks(p.volumes, 0, 1)])]; },
  runCorridorBlocks: () => { const p = api.planCorridor(small, route, { paths: 100, seed: 1, useScenarioCapacity: true }); return [api.planCorridorTrips(p, api.mergeVolumes(p.volumes, [api.runVolumeBlocks(p.volumes, 0, 1)]) as never), 0, 1]; },
  planTornado: () => [small, { statistic: { statistic: 'mean', year: 2027 }, paths: 200, seed: 1 }],
  planSobol: () => [PRESETS['official-capacity'], { output: { year: 2027 }, samples: 64, seed: 1, bootstrap: 20 }],
  runSweepRows: () => [api.planTornado(small, { statistic: { statistic: 'mean', year: 2027 }, paths: 200, seed: 1 }), 0, 1],
  mergeSweep: () => { const p = api.planTornado(small, { statistic: { statistic: 'mean', year: 2027 }, paths: 200, seed: 1 }); return [p, [api.runSweepRows(p, 0, p.rows)]]; },
  mergeCorridor: () => { const p = api.planCorridor(small, route, { paths: 100, seed: 1, useScenarioCapacity: true }); const t = api.planCorridorTrips(p, api.mergeVolumes(p.volumes, [api.runVolumeBlocks(p.volumes, 0, 1)]) as never); return [t, [api.runCorridorBlocks(t, 0, 1)]]; },
};

/** Size fields: replaced only by values that are invalid or small, never by a large valid size. */
const SIZES = new Set(['paths', 'trips', 'samples', 'bootstrap', 'replicates', 'tripsPerPath', 'n', 'bins', 'permutations', 'outer', 'inner', 'varianceSamples']);

const exported = Object.entries(api).filter(([, v]) => typeof v === 'function' && !/^class /.test(String(v))) as [string, (...a: unknown[]) => unknown][];

/** Adversarial values: wrong kinds, non-finite and extreme numbers, lookalikes. */
const adversarial = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, 0, -0, 1e308, -1e308, 5e-324, 1.5, 2 ** 53, '1', '0.5', '', null, undefined, true, [], {}, 10n, Symbol('s'), () => 1, [NaN], { dist: 'uniform', min: 1, max: 0 }, '__proto__', 'constructor'),
  fc.anything({ maxDepth: 2, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
);

/** Values that may replace a size field: never a large valid one. */
const sizeValue = adversarial.filter((v) => !(typeof v === 'number' && Number.isInteger(v) && v > 2000));

/** Every number in a value (and in its toJSON, when it has one), with where it was found. */
function nonFinite(x: unknown, where = '', seen = new Set<unknown>()): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${where || '(result)'} = ${x}`];
  if (x === null || typeof x !== 'object' || seen.has(x)) return [];
  seen.add(x);
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    const a = x as unknown as ArrayLike<unknown>;
    for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i])) return [`${where}[${i}] = ${a[i]}`];
    return [];
  }
  const out: string[] = [];
  const json = (x as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function' && !(x instanceof Date)) out.push(...nonFinite(json.call(x), `${where}.toJSON()`, seen));
  for (const [k, v] of Object.entries(x)) out.push(...nonFinite(v, `${where}.${k}`, seen));
  return out;
}

const CLEAR = [TypeError, RangeError, ScenarioError, FormulaError];

/** Calls f and checks the outcome; a returned sampler is drawn from three times. */
function check(name: string, f: (...a: unknown[]) => unknown, args: unknown[]): void {
  let out: unknown;
  try {
    out = f(...args);
    if (typeof out === 'function' && /^(uniform|triangular|pert|normal|lognormal|empirical|bernoulli|exponential|gamma|beta|sampler|standardNormal|stream)$/.test(name)) {
      out = [0, 1, 2].map(() => (out as () => unknown)());
    }
  } catch (e) {
    expect(CLEAR.some((C) => e instanceof C), `${name}: threw ${String(e)}`).toBe(true);
    const message = (e as Error).message;
    if (!(e instanceof ScenarioError)) {
      // The message names the function (or the method or sampler it reached), never a native error's wording.
      expect(message, `${name}: ${message}`).not.toMatch(/Cannot read prop|is not a function|is not iterable|Cannot convert|undefined is not|null is not|Maximum call stack/);
      expect(message.includes(name) || /^[a-zA-Z.]+( [a-z]+)?: /.test(message), `${name}: the message does not say which function: ${message}`).toBe(true);
    }
    return;
  }
  expect(nonFinite(out), `${name}(${args.map((a) => typeof a).join(', ')})`).toEqual([]);
}

describe('every exported function: a finite result or a clear error, for any input', () => {
  it('has a valid call for every exported function (so none is left out of the checks)', () => {
    expect(exported.map(([n]) => n).filter((n) => !(n in CALLS))).toEqual([]);
  });

  for (const [name, f] of exported) {
    const call = CALLS[name];
    if (!call) continue;
    it(`${name}: the valid call gives a finite result`, () => {
      check(name, f, call());
    });
    it(`${name}: one argument, or one option, replaced by an adversarial value`, () => {
      const args = call();
      const slots: { at: number; key?: string }[] = args.flatMap((a, at) =>
        a !== null && typeof a === 'object' && !Array.isArray(a) && !ArrayBuffer.isView(a) ? [{ at }, ...Object.keys(a).map((key) => ({ at, key }))] : [{ at }],
      );
      if (slots.length === 0) slots.push({ at: 0 });
      fc.assert(
        fc.property(fc.integer({ min: 0, max: slots.length - 1 }), adversarial, sizeValue, (s, value, size) => {
          const slot = slots[s]!;
          const fresh = call();
          if (slot.key === undefined) fresh[slot.at] = value;
          else fresh[slot.at] = { ...(fresh[slot.at] as object), [slot.key]: SIZES.has(slot.key) ? size : value };
          check(name, f, fresh);
        }),
        { numRuns: 40 },
      );
    });
    it(`${name}: called with anything at all`, () => {
      fc.assert(
        fc.property(fc.array(sizeValue, { maxLength: 4 }), (args) => check(name, f, args)),
        { numRuns: 25 },
      );
    });
  }
});

describe('a run of one path or one trip is refused: a standard error needs at least 2 (reporting 0 would claim an exact answer)', () => {
  const ONE = /must be a whole number in \[2, \d+\] \(got 1\): a standard error needs at least 2/;
  const runs: [string, string][] = [
    ['simulateVolumes', 'paths'], ['simulateTransit', 'trips'], ['simulateCorridor', 'paths'], ['compareRoutes', 'trips'],
    ['compareScenarios', 'paths'], ['tornado', 'paths'], ['solveScenario', 'paths'], ['solveRoute', 'trips'],
  ];
  it.each(runs)('%s with %s: 1 is a RangeError naming the function and saying why; 2 runs', (name, field) => {
    const f = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    const args = CALLS[name]!();
    const last = args.length - 1;
    const withN = (n: number) => args.map((a, i) => (i === last ? { ...(a as object), [field]: n } : a));
    expect(() => f(...withN(1))).toThrow(RangeError);
    expect(() => f(...withN(1))).toThrow(new RegExp(`^${name}: ${field} ${ONE.source}`));
    expect(() => f(...withN(2))).not.toThrow();
  });

  it("sampling 'lhs' and untilStandardError's maxPaths / maxTrips too; 2 paths give a standard error > 0", () => {
    expect(() => api.simulateVolumes(small, { paths: 1, seed: 1, sampling: 'lhs' })).toThrow(ONE);
    expect(() => api.simulateVolumes(small, { seed: 1, untilStandardError: { tolerance: 0.01, maxPaths: 1 } } as never)).toThrow(/untilStandardError\.maxPaths must be a whole number in \[2, \d+\] \(got 1\)/);
    expect(() => api.simulateTransit(route, { seed: 1, untilStandardError: { tolerance: 0.01, maxTrips: 1 } } as never)).toThrow(/untilStandardError\.maxTrips must be a whole number in \[2, \d+\] \(got 1\)/);
    expect(api.simulateVolumes(small, { paths: 2, seed: 1 }).mean(2027).standardError).toBeGreaterThan(0);
    expect(api.simulateVolumes(small, { paths: 2, seed: 1, sampling: 'lhs' }).mean(2027).standardError).toBeGreaterThan(0);
    expect(api.simulateTransit(route, { trips: 2, seed: 1 }).mean.standardError).toBeGreaterThan(0);
  });
});

describe('boxed numbers and strings are refused as what they are', () => {
  it('new Number(2028) for a year or a seed: the message says a Number object, not a number (it prints as 2028)', () => {
    expect(() => api.parseScenario({ ...PRESETS.baseline, horizon: new Number(2028) })).toThrow(/horizon: must be a whole year \(got new Number\(2028\), a Number object, not a number\)/);
    expect(() => api.simulateVolumes(PRESETS.baseline, { paths: 10, seed: new Number(1) } as never)).toThrow(/seed must be .*\(got new Number\(1\), a Number object, not a number\)/);
    expect(() => api.cagr({ year: new Number(2020), volumeMt: 1 } as never, { year: 2021, volumeMt: 2 })).toThrow(new TypeError('cagr: from.year must be a finite number (got new Number(2020), a Number object, not a number)'));
    expect(() => api.studentTQuantile(new Number(0.5) as never, 3)).toThrow(TypeError);
    expect(() => api.parseScenario({ ...PRESETS.baseline, name: new String('x') })).toThrow(/name: .*\(got new String\("x"\), a String object, not a string\)/);
    expect(() => api.simulateVolumes(PRESETS.baseline, { paths: 10, seed: 1, keep: new Boolean(true) } as never)).toThrow(/new Boolean\(true\), a Boolean object, not a boolean/);
  });
});

describe('sparse arrays: a hole is a value (undefined), never skipped', () => {
  it('levels, thresholds, routes and factors with holes are refused by name', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holes = [0.5, , 0.9] as number[];
    expect(() => api.simulateVolumes(PRESETS.baseline, { paths: 10, seed: 1, quantiles: holes })).toThrow(/simulateVolumes: quantiles\[1\] must be a number/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => api.compareRoutes([route, , route] as never, { trips: 10, seed: 1 })).toThrow(ScenarioError);
    // The hole is named by its index, as the route's own problems are.
    // eslint-disable-next-line no-sparse-arrays
    expect(() => api.compareRoutes([route, , route] as never, { trips: 10, seed: 1 })).toThrow(/^invalid route \(1 problem\):\n {2}routes\[1\]: is required/);
    const bad = { ...route, legs: [{ ...route.legs[0]!, days: { dist: 'triangular', min: 1, mode: 7, max: 5 } }] };
    expect(() => api.compareRoutes([route, route, bad] as never, { trips: 10, seed: 1 })).toThrow(/routes\[2\]\.legs\[0\]\.days\.mode: must lie between min and max/);
    try {
      api.compareRoutes([route, null] as never, { trips: 10, seed: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as InstanceType<typeof ScenarioError>).issues[0]!.path).toEqual(['routes', 1]);
    }
    // eslint-disable-next-line no-sparse-arrays
    expect(() => api.sobolIndicesOf((x) => x.a!, { factors: ['a', , 'b'] as string[], samples: 8, seed: 1 })).toThrow(/factors\[1\] must be a non-empty string/);
  });
});
