// A fixed set of seeded runs through the built package, each reduced to a hash of every output
// byte: the same script runs under Node (V8), Deno (a newer V8) and Bun (JavaScriptCore), and
// test/engines/cross-engine.test.ts compares what they print. Plain JavaScript, no engine APIs:
// it prints one JSON line { name: hash } on stdout.
import {
  PRESETS,
  TITR_VOLUMES,
  ROUTES,
  fitGrowth,
  forecastScenario,
  normalQuantile,
  paramQuantile,
  sampler,
  simulateCorridor,
  simulateTransit,
  simulateVolumes,
  stream,
  fillStandardNormal,
  gamma,
  beta,
} from 'middle-corridor';

/** FNV-1a over 32-bit words, two lanes (64 bits): enough to tell two byte streams apart. */
function hasher() {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 ^ 0x5bd1e995;
  const f64 = new Float64Array(1);
  const words = new Int32Array(f64.buffer);
  const word = (w) => {
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995) ^ (b >>> 15);
  };
  const num = (x) => {
    f64[0] = x;
    word(words[0]);
    word(words[1]);
  };
  const value = (v) => {
    if (typeof v === 'number') return (word(1), num(v));
    if (typeof v === 'string') {
      word(2);
      word(v.length);
      for (let i = 0; i < v.length; i++) word(v.charCodeAt(i));
      return;
    }
    if (typeof v === 'boolean') return word(v ? 3 : 4);
    if (v === null || v === undefined) return word(5);
    if (v instanceof Float64Array) {
      word(6);
      word(v.length);
      for (let i = 0; i < v.length; i++) num(v[i]);
      return;
    }
    if (ArrayBuffer.isView(v)) return value(Array.from(v));
    if (Array.isArray(v)) {
      word(7);
      word(v.length);
      for (const x of v) value(x);
      return;
    }
    if (typeof v === 'object') {
      const json = typeof v.toJSON === 'function' ? v.toJSON() : v;
      if (json !== v) return value(json);
      word(8);
      for (const k of Object.keys(v)) (value(k), value(v[k]));
      return;
    }
    throw new TypeError(`fingerprint: cannot hash ${typeof v}`);
  };
  return {
    value,
    hex: () => (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0'),
  };
}

const out = {};
let count = 0;
function record(name, ...values) {
  const h = hasher();
  for (const v of values) h.value(v);
  out[name] = h.hex();
  count += 1;
}

// Volumes, every path kept: the three stored arrays of every year, and the statistics.
const full = simulateVolumes(PRESETS.baseline, { paths: 20_000, seed: 7 });
record('volume full (baseline)', full.demand, full.capacity, full.volume, full.toJSON(), full.probabilityAtLeast(2030, 10), full.firstYearReaching(10));

// A scenario that reaches every sampler and growth form: anchored logistic with a drawn plateau,
// lognormal and PERT and truncated-normal parameters, correlations, Latin hypercube sampling.
const wide = {
  name: 'every sampler',
  start: { year: 2025, volumeMt: 4.119 },
  horizon: 2035,
  growth: { model: 'logistic', capacityMt: { dist: 'normal', mean: 12, sd: 2, min: 6, max: 20 }, rate: { dist: 'pert', min: 0.2, mode: 0.45, max: 0.9 } },
  volatility: { dist: 'normal', mean: 0.3, sd: 0.1, min: 0.05, max: 0.8 },
  correlations: [{ between: ['capacity.baseMt', 'capacity.expansions[0].addMt'], spearman: -0.4 }],
  capacity: { baseMt: { dist: 'triangular', min: 5, mode: 6, max: 7 }, expansions: [{ year: 2028, addMt: { dist: 'lognormal', median: 2, sigma: 0.4 }, delayYears: { dist: 'pert', min: 0, mode: 1, max: 3 } }] },
  disruptions: [{ name: 'low water', probability: 0.3, capacityFactor: { dist: 'uniform', min: 0.7, max: 0.9 } }],
};
{
  const r = simulateVolumes(wide, { paths: 10_000, seed: 'wide' });
  record('volume full (every sampler, correlated)', r.demand, r.capacity, r.volume, r.toJSON());
  const { correlations, ...uncorrelated } = wide;
  const l = simulateVolumes(uncorrelated, { paths: 10_000, seed: 'wide', sampling: 'lhs' });
  record('volume full (every sampler, Latin hypercube)', l.demand, l.capacity, l.volume, l.toJSON());
}
record('volume full (gompertz)', simulateVolumes({ ...wide, growth: { model: 'gompertz', capacityMt: 14, midpointYear: 2029 } }, { paths: 5_000, seed: 3 }).volume);

// Volumes, summary only (bracketed order statistics above 20,000 paths).
record('volume summary (official capacity)', simulateVolumes(PRESETS['official-capacity'], { paths: 60_000, seed: 2027, keep: 'summary' }).toJSON());

// Transit: every trip's days, and the statistics, with and without a load on the queues.
const free = simulateTransit(ROUTES['corridor-poti'], { trips: 50_000, seed: 15 });
record('transit (corridor-poti)', free.days, free.toJSON());
const loaded = simulateTransit(ROUTES['corridor-btk'], { trips: 30_000, seed: 15, volumeMt: 4.119 });
record('transit (corridor-btk, 4.119 Mt)', loaded.days, loaded.toJSON());

// Corridor: volumes feeding the queues of a route.
const corridor = simulateCorridor(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 1_000, seed: 9 });
record('corridor', corridor.toJSON(), corridor.volumes.volume, corridor.transit(2027).days);

// Samplers one by one (the bound samplers' own paths, not the kernels' fills).
const dists = {
  uniform: { dist: 'uniform', min: 1, max: 3 },
  triangular: { dist: 'triangular', min: 0, mode: 1, max: 4 },
  pert: { dist: 'pert', min: 0, mode: 1, max: 10 },
  normal: { dist: 'normal', mean: 1, sd: 2 },
  truncated: { dist: 'normal', mean: 0, sd: 1, min: 2.5, max: 9 },
  lognormal: { dist: 'lognormal', median: 3, sigma: 0.8 },
  empirical: { dist: 'empirical', values: [1, 2, 3, 5, 8], weights: [1, 1, 2, 3, 5] },
};
for (const [name, param] of Object.entries(dists)) {
  const draw = sampler(stream(11, ['fingerprint', name]), param);
  const xs = new Float64Array(20_000);
  for (let i = 0; i < xs.length; i++) xs[i] = draw();
  record(`sampler ${name}`, xs, [0.001, 0.1, 0.5, 0.9, 0.999].map((p) => paramQuantile(param, p)));
}
// Gamma and beta with shapes below 1 (the boosted path: u^(1/shape)).
{
  const g = gamma(stream(12, 'gamma'), 0.3);
  const b = beta(stream(12, 'beta'), 0.4, 0.7);
  const xs = new Float64Array(20_000);
  for (let i = 0; i < xs.length; i += 2) (xs[i] = g(), (xs[i + 1] = b()));
  record('gamma and beta, shapes below 1', xs);
}
record('standard normals (ziggurat fill)', fillStandardNormal(stream(5, 'normals'), new Float64Array(100_000)));
record('normal quantiles', Array.from({ length: 999 }, (_, i) => normalQuantile((i + 1) / 1000)));

// A fit and a forecast from the record (not seeded: the optimiser's arithmetic).
record('fit (logistic)', fitGrowth(TITR_VOLUMES, 'logistic').toJSON());
record('forecast', simulateVolumes(forecastScenario(TITR_VOLUMES, { fitThrough: 2025, horizon: 2030 }), { paths: 5_000, seed: 1 }).volume);

console.log(JSON.stringify({ count, hashes: out }));
