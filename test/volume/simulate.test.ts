import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile, ScenarioError, simulateVolumes, type ScenarioInput } from 'middle-corridor';
import { sameBits } from '../helpers.js';

const base = (over: Partial<ScenarioInput> = {}): ScenarioInput => ({
  start: { year: 2025, volumeMt: 4.119 },
  horizon: 2030,
  growth: { model: 'exponential', rate: 0.3 },
  ...over,
});

/**
 * Checks the simulated median, P10 and P90 and P(≥ x) of each year against a lognormal law
 * log V_k ~ N(mu(k), s(k)²), within 4 standard errors: a quantile's SE is √(p(1−p)/n)/f(q) with
 * f the lognormal density at q; a probability's is √(P(1−P)/n).
 */
function checkLognormal(r: ReturnType<typeof simulateVolumes>, mu: (k: number) => number, s: (k: number) => number): void {
  const n = r.paths;
  r.years.forEach((year, k) => {
    if (k === 0) return;
    for (const p of [0.1, 0.5, 0.9]) {
      const q = Math.exp(mu(k) + s(k) * normalQuantile(p));
      const density = normalPdf(normalQuantile(p)) / (q * s(k));
      const se = Math.sqrt((p * (1 - p)) / n) / density;
      expect(Math.abs(r.quantile(year, p) - q), `P${p * 100} in ${year}`).toBeLessThan(4 * se);
    }
    for (const x of [Math.exp(mu(k)) * 0.7, Math.exp(mu(k) + s(k))]) {
      const want = 1 - normalCdf((Math.log(x) - mu(k)) / s(k));
      const got = r.probabilityAtLeast(year, x);
      expect(Math.abs(got.estimate - want), `P(>= ${x}) in ${year}`).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / n));
      expect(Math.abs(got.standardError - Math.sqrt((got.estimate * (1 - got.estimate)) / n))).toBeLessThan(1e-15);
    }
  });
}

describe('closed forms (docs/design.md, "Median path")', () => {
  for (const [rate, sigma, years] of [
    [0.3, 0.25, 5],
    [-0.1, 0.5, 3],
    [0.5, 0.1, 10],
  ] as const) {
    it(`exponential ${rate}, σ ${sigma}, ${years} years: log volume ~ N(log v0 + k·log(1 + rate), kσ²)`, () => {
      const r = simulateVolumes(base({ horizon: 2025 + years, growth: { model: 'exponential', rate }, volatility: sigma }), { paths: 200_000, seed: `cf-${rate}` });
      expect(r.demand[0]!.every((v) => v === 4.119)).toBe(true); // exactly start.volumeMt
      checkLognormal(
        r,
        (k) => Math.log(4.119) + k * Math.log1p(rate),
        (k) => sigma * Math.sqrt(k),
      );
    });
  }

  it('AR(1) shocks: Var(log V_k) = σ²[k(1+φ)/(1−φ) − 2φ(1−φ^k)/(1−φ)²], median unchanged', () => {
    const sigma = 0.3;
    const phi = 0.6;
    const r = simulateVolumes(base({ horizon: 2033, volatility: sigma, persistence: phi }), { paths: 200_000, seed: 'ar1' });
    const variance = (k: number) => sigma * sigma * ((k * (1 + phi)) / (1 - phi) - (2 * phi * (1 - phi ** k)) / (1 - phi) ** 2);
    checkLognormal(
      r,
      (k) => Math.log(4.119) + k * Math.log1p(0.3),
      (k) => Math.sqrt(variance(k)),
    );
  });

  it('without volatility every path is the median path, for every growth model', () => {
    // The anchored logistic (docs/design.md): through (2025, 4.119), plateau 12.
    const logistic = simulateVolumes(base({ growth: { model: 'logistic', capacityMt: 12, rate: 0.5 } }), { paths: 3, seed: 1 });
    const m = (t: number) => 12 / (1 + (12 / 4.119 - 1) * Math.exp(-0.5 * (t - 2025)));
    logistic.years.forEach((t, k) => expect(logistic.volume[k]![2]).toBeCloseTo(m(t), 12));
    const expr = simulateVolumes(base({ growth: { model: 'expression', formula: 'a * (t - 2000)', params: { a: 2 } } }), { paths: 3, seed: 1 });
    expr.years.forEach((t, k) => expect(expr.volume[k]![1]).toBeCloseTo((4.119 * (t - 2000)) / 25, 12));
    const pw = simulateVolumes(base({ growth: { model: 'piecewise', points: [{ year: 2025, volumeMt: 4 }, { year: 2027, volumeMt: 9 }] } }), { paths: 3, seed: 1 });
    expect(pw.volume[2]![0]).toBeCloseTo((4.119 * 9) / 4, 12);
    expect(pw.volume[1]![0]).toBeCloseTo(4.119 * 1.5, 12);
  });

  it('a growth rate drawn per path: each path is v0·(1 + rate_i)^k, with rate_i from the stream growth/rate', () => {
    const r = simulateVolumes(base({ growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.1, max: 0.5 } } }), { paths: 1000, seed: 'per-path' });
    for (let i = 0; i < 1000; i++) {
      const rate = r.volume[1]![i]! / 4.119 - 1;
      if (!(rate >= 0.1 && rate <= 0.5)) throw new Error(`rate ${rate} outside [0.1, 0.5]`);
      expect(r.volume[5]![i]).toBeCloseTo(4.119 * (1 + rate) ** 5, 9);
    }
  });
});

describe('capacity and disruptions (docs/design.md, "Capacity", "Disruptions")', () => {
  it('volume = min(demand, capacity); an expansion adds the share of each year after year + delay, from index 1 on', () => {
    const r = simulateVolumes(
      base({ capacity: { baseMt: 5, expansions: [{ year: 2026, addMt: 3, delayYears: 1.2 }, { year: 2024, addMt: 1 }] } }),
      { paths: 10, seed: 3 },
    );
    expect(Array.from(r.capacity[0]!)).toEqual(new Array(10).fill(5)); // index 0: base only
    expect(r.capacity[1]![0]).toBe(6); // 2026: the 2024 expansion is live, the other arrives at 2026 + 1.2
    expect(r.capacity[2]![0]).toBeCloseTo(6 + 3 * 0.8, 12); // 2027: 0.8 of the year after it arrives
    expect(r.capacity[3]![0]).toBe(9); // 2028
    r.years.forEach((_, k) => {
      for (let i = 0; i < 10; i++) expect(r.volume[k]![i]).toBe(Math.min(r.demand[k]![i]!, r.capacity[k]![i]!));
    });
  });

  it('a disruption strikes each year with its probability (within 4 SE) and only that year', () => {
    const n = 100_000;
    const r = simulateVolumes(base({ horizon: 2028, disruptions: [{ name: 'slump', probability: 0.2, demandFactor: 0.5 }] }), { paths: n, seed: 'dis' });
    const plain = simulateVolumes(base({ horizon: 2028 }), { paths: n, seed: 'dis' });
    for (let k = 1; k < r.years.length; k++) {
      let hits = 0;
      let other = 0;
      for (let i = 0; i < n; i++) {
        const ratio = r.demand[k]![i]! / plain.demand[k]![i]!;
        if (Math.abs(ratio - 0.5) < 1e-12) hits++;
        else if (!(Math.abs(ratio - 1) < 1e-12)) other++;
      }
      expect(other).toBe(0);
      expect(Math.abs(hits / n - 0.2)).toBeLessThan(4 * Math.sqrt(0.16 / n));
    }
  });
});

describe('agreement with the numpy reference (test/fixtures/numpy-volume.json)', () => {
  const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/numpy-volume.json', import.meta.url)), 'utf8'));
  const r = simulateVolumes(fixture.case as ScenarioInput, { paths: 400_000, seed: 'numpy-check' });
  const nNp = fixture.n as number;

  it('P(volume ≥ target) agrees within 4 combined standard errors', () => {
    const { pTarget, pTargetSE, target } = fixture.results;
    const ours = r.probabilityAtLeast(target.year, target.volumeMt);
    expect(Math.abs(ours.estimate - pTarget)).toBeLessThan(4 * Math.hypot(ours.standardError, pTargetSE));
  });

  it('numpy’s P10, P50, P90 of every year sit at our 10th, 50th, 90th percentiles (within 4 combined SE)', () => {
    const { years, p10, p50, p90 } = fixture.results;
    years.forEach((year: number, k: number) => {
      if (k === 0) return;
      for (const [p, q] of [
        [0.1, p10[k]],
        [0.5, p50[k]],
        [0.9, p90[k]],
      ] as const) {
        const v = r.volume[k]!;
        let below = 0;
        let at = 0;
        for (let i = 0; i < v.length; i++) {
          if (v[i]! < q) below++;
          else if (v[i]! === q) at++;
        }
        // With an atom at capacity, the quantile level may lie anywhere in [F(q−), F(q)].
        const lo = below / v.length;
        const hi = (below + at) / v.length;
        const se = Math.sqrt(p * (1 - p) * (1 / v.length + 1 / nNp));
        expect(p, `P${p * 100} ${year}`).toBeGreaterThanOrEqual(lo - 4 * se);
        expect(p, `P${p * 100} ${year}`).toBeLessThanOrEqual(hi + 4 * se);
      }
    });
  });
});

describe('laws (fast-check)', () => {
  const scenario = fc.record({
    rate: fc.double({ min: -0.3, max: 0.8, noNaN: true }),
    sigma: fc.double({ min: 0, max: 0.6, noNaN: true }),
    base: fc.double({ min: 1, max: 20, noNaN: true }),
    add: fc.double({ min: 0, max: 5, noNaN: true }),
    p: fc.double({ min: 0, max: 1, noNaN: true }),
    horizon: fc.integer({ min: 2025, max: 2035 }),
  });
  const make = (x: { rate: number; sigma: number; base: number; add: number; p: number; horizon: number }): ScenarioInput =>
    base({
      horizon: x.horizon,
      growth: { model: 'exponential', rate: x.rate },
      volatility: x.sigma,
      capacity: { baseMt: x.base, expansions: [{ year: 2027, addMt: x.add, delayYears: { dist: 'uniform', min: 0, max: 2 } }] },
      disruptions: [{ name: 'low water', probability: x.p, capacityFactor: { dist: 'uniform', min: 0.7, max: 0.9 } }],
    });

  it('volume <= capacity and <= demand on every path-year; all finite', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 2, max: 700 }), (x, paths) => {
        const r = simulateVolumes(make(x), { paths, seed: 'law' });
        r.years.forEach((_, k) => {
          for (let i = 0; i < paths; i++) {
            const v = r.volume[k]![i]!;
            if (!(Number.isFinite(v) && v <= r.capacity[k]![i]! && v <= r.demand[k]![i]!)) throw new Error(`bad volume ${v} at ${k}, ${i}`);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a higher growth rate or capacity never lowers any quantile (same seed)', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, dr, dc) => {
        const a = simulateVolumes(make(x), { paths: 500, seed: 'mono' });
        const b = simulateVolumes(make({ ...x, rate: x.rate + dr }), { paths: 500, seed: 'mono' });
        const c = simulateVolumes(make({ ...x, base: x.base + dc }), { paths: 500, seed: 'mono' });
        for (const year of a.years) {
          for (const p of [0, 0.1, 0.5, 0.9, 1]) {
            expect(b.quantile(year, p)).toBeGreaterThanOrEqual(a.quantile(year, p));
            expect(c.quantile(year, p)).toBeGreaterThanOrEqual(a.quantile(year, p));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('same seed → identical arrays; every block size → identical arrays', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 2, max: 40_000 }), fc.constantFrom(16_384, 32_768, 49_152), (x, paths, blockSize) => {
        const a = simulateVolumes(make(x), { paths, seed: 7 });
        const b = simulateVolumes(make(x), { paths, seed: 7, blockSize });
        // Byte comparison: toEqual on 40,000-element arrays took most of this test's 10 s.
        a.years.forEach((_, k) => {
          expect(sameBits(b.volume[k]!, a.volume[k]!)).toBe(true);
          expect(sameBits(b.demand[k]!, a.demand[k]!)).toBe(true);
          expect(sameBits(b.capacity[k]!, a.capacity[k]!)).toBe(true);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('adding a disruption leaves the undisrupted demand shocks unchanged (common random numbers)', () => {
    fc.assert(
      fc.property(scenario, (x) => {
        const s = make(x);
        const a = simulateVolumes(s, { paths: 300, seed: 'crn' });
        const b = simulateVolumes({ ...s, disruptions: [...(s.disruptions ?? []), { name: 'slump', probability: 0.3, demandFactor: 0.5 }] }, { paths: 300, seed: 'crn' });
        a.years.forEach((_, k) => {
          for (let i = 0; i < 300; i++) {
            const ratio = b.demand[k]![i]! / a.demand[k]![i]!;
            if (!(Math.abs(ratio - 1) < 1e-12 || Math.abs(ratio - 0.5) < 1e-12)) throw new Error(`demand shock changed: ratio ${ratio}`);
          }
          // Capacity draws are untouched too.
          expect(b.capacity[k]).toEqual(a.capacity[k]);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('the probabilities of firstYearReaching sum to 1', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0.1, max: 30, noNaN: true }), (x, level) => {
        const rows = simulateVolumes(make(x), { paths: 400, seed: 'first' }).firstYearReaching(level);
        expect(Math.abs(rows.reduce((s, r) => s + r.probability.estimate, 0) - 1)).toBeLessThan(1e-12);
        expect(rows[rows.length - 1]!.year).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});

describe('results', () => {
  const r = simulateVolumes(
    base({ volatility: 0.3, capacity: { baseMt: 6 }, disruptions: [{ name: 'low water', probability: 0.3, capacityFactor: 0.8 }] }),
    { paths: 20_000, seed: 'results' },
  );

  it('summary has a row per year with P10 <= P50 <= P90 and P(≥ target)', () => {
    const rows = r.summary();
    expect(rows.map((x) => x.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    for (const row of rows) {
      expect(row.p10).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p90);
      expect(row.probabilityAtLeastTarget).toEqual(r.probabilityAtLeast(row.year, 10));
      expect(row.mean).toEqual(r.mean(row.year));
    }
    expect(r.seed).toBe('results');
  });

  it('unmet demand and utilisation are consistent with the arrays', () => {
    const k = r.yearIndex(2029);
    let unmet = 0;
    for (let i = 0; i < r.paths; i++) unmet += r.demand[k]![i]! - r.volume[k]![i]!;
    expect(r.unmet(2029).mean.estimate).toBeCloseTo(unmet / r.paths, 10);
    expect(r.unmet(2029).mean.standardError).toBeGreaterThan(0);
    const u = r.utilisation(2029)!;
    expect(u.mean.estimate).toBeGreaterThan(0);
    expect(u.mean.estimate).toBeLessThanOrEqual(1);
    expect(u.mean.standardError).toBeGreaterThan(0);
    expect(u.atCapacity.estimate).toBe(r.unmet(2029).probability.estimate);
    expect(simulateVolumes(base(), { paths: 5, seed: 1 }).utilisation(2026)).toBeNull();
  });

  it('onProgress reports the paths done, 0 first, then after each chunk, ending at all of them', () => {
    const seen: unknown[] = [];
    simulateVolumes(base(), { paths: 40_000, seed: 1, blockSize: 16_384, onProgress: (x) => seen.push(x) });
    expect(seen).toEqual([0, 16_384, 32_768, 40_000].map((done) => ({ done, total: 40_000, unit: 'paths' })));
  });

  it('statistics are cached: the same object comes back', () => {
    expect(r.firstYearReaching(6)).toBe(r.firstYearReaching(6));
    expect(r.unmet(2027)).toBe(r.unmet(2027));
  });

  it('medianFirstYear is the first year by which half the paths got there', () => {
    let cum = 0;
    let want: number | null = null;
    for (const row of r.firstYearReaching(5.5)) {
      cum += row.probability.estimate;
      if (row.year !== null && cum >= 0.5) {
        want = row.year;
        break;
      }
    }
    expect(r.medianFirstYear(5.5)).toBe(want);
    expect(r.medianFirstYear(1000)).toBeNull();
  });
});

describe('bad input', () => {
  it('paths <= 0 or not whole, bad seeds and block sizes', () => {
    for (const paths of [0, -5, 2.5, NaN, Infinity]) expect(() => simulateVolumes(base(), { paths, seed: 1 })).toThrow(/simulateVolumes: paths must be a whole number/);
    expect(() => simulateVolumes(base(), { paths: 10, seed: NaN })).toThrow(/seed/);
    expect(() => simulateVolumes(base(), { paths: 10, seed: 1, blockSize: 100 })).toThrow(/simulateVolumes: blockSize must be a positive whole multiple of 16384/);
    expect(() => simulateVolumes({ ...base(), horizon: 2000 }, { paths: 10, seed: 1 })).toThrow(ScenarioError);
  });

  it('a year outside the run and p outside [0, 1]', () => {
    const r = simulateVolumes(base(), { paths: 10, seed: 1 });
    expect(() => r.quantile(2031, 0.5)).toThrow(/VolumeResult.quantile: year must be a whole year in the run, 2025–2030 \(got 2031\)/);
    expect(() => r.quantile(2026.5, 0.5)).toThrow(RangeError);
    expect(() => r.quantile(2026, 1.5)).toThrow(/VolumeResult.quantile: p must be a number in \[0, 1\] \(got 1.5\)/);
    expect(() => r.probabilityAtLeast(2024, 1)).toThrow(RangeError);
    expect(() => r.probabilityAtLeast(2026, NaN)).toThrow(/VolumeResult.probabilityAtLeast: volumeMt must be a finite number/);
  });

  it('growth that overflows a double is refused, never returned as Infinity', () => {
    expect(() => simulateVolumes(base({ horizon: 2125, growth: { model: 'exponential', rate: 2000 } }), { paths: 2, seed: 1 })).toThrow(/simulateVolumes: demand exceeds 1e\+100 Mt \(MAX_VOLUME_MT\)/);
  });

  it('a capacity factor without a capacity is refused at parse time', () => {
    expect(() => simulateVolumes(base({ disruptions: [{ name: 'x', probability: 0.1, capacityFactor: 0.5 }] }), { paths: 2, seed: 1 })).toThrow(/has no capacity to act on/);
  });
});
