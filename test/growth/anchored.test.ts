/**
 * The anchored logistic and Gompertz curves (docs/design.md, "Median path"; issue 10, part 1): the
 * median path passes through the start point and levels off at K = capacityMt, whatever the
 * other parameters; `rate` and `midpointYear` are two ways to give the same curve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthCurve, parseScenario, ScenarioError, simulateVolumes, type GrowthModel, type ScenarioInput } from 'middle-corridor';
import { drawPerPath } from '../../src/volume/draws.js';
import { seedKey } from '../../src/random/stream.js';
import { closeRel } from '../helpers.js';

const start = { year: 2025, volumeMt: 4.119 };
const KINDS = ['logistic', 'gompertz'] as const;

/** The midpoint (logistic) or inflection (Gompertz) year of the anchored curve with rate r. */
const midpointOf = (kind: 'logistic' | 'gompertz', K: number, v0: number, r: number, t0: number) =>
  t0 + (kind === 'logistic' ? Math.log(K / v0 - 1) : Math.log(Math.log(K / v0))) / r;

describe('the issue’s measurements: K is the plateau', () => {
  it('logistic capacityMt 10 levels off at 10 Mt (was 15.3), Gompertz capacityMt 10 stays below 10 Mt (was 364 Mt by 2060)', () => {
    const lg = growthCurve({ model: 'logistic', capacityMt: 10, midpointYear: 2027 }, start);
    // (Anchored at 4.119 Mt, a K of 10 < e × 4.119 puts the Gompertz inflection before 2025, so
    // the issue's midpointYear 2030 is refused; its rate 0.3 is the same question.)
    const gz = growthCurve({ model: 'gompertz', capacityMt: 10, rate: 0.3 }, start);
    expect(closeRel(lg(start.year + 2000), 10, 1e-9)).toBe(true);
    expect(gz(2060)).toBeLessThan(10);
    expect(closeRel(gz(start.year + 2000), 10, 1e-9)).toBe(true);
  });
});

describe('anchored curves through growthCurve', () => {
  for (const kind of KINDS) {
    it(`${kind}: v(t0) = v0, v(t0 + 2000) = K within 1e-9, increasing, and rate ≡ midpointYear`, () => {
      const K = 10;
      const r = 0.4;
      const byRate = growthCurve({ model: kind, capacityMt: K, rate: r }, start);
      const tm = midpointOf(kind, K, start.volumeMt, r, start.year);
      const byMid = growthCurve({ model: kind, capacityMt: K, midpointYear: tm }, start);
      expect(byRate(start.year)).toBe(start.volumeMt);
      expect(byMid(start.year)).toBe(start.volumeMt);
      expect(closeRel(byRate(start.year + 2000), K, 1e-9)).toBe(true);
      for (let t = 2020; t <= 2100; t += 5) {
        // tm is rounded to a double: r from it carries a relative error ~ulp(tm)/|tm − t0|.
        expect(closeRel(byMid(t), byRate(t), 1e-9)).toBe(true);
        expect(byRate(t + 1)).toBeGreaterThanOrEqual(byRate(t));
      }
      // At the midpoint the logistic is K/2, the Gompertz K/e.
      expect(closeRel(byRate(tm), kind === 'logistic' ? K / 2 : K / Math.E, 1e-12)).toBe(true);
    });
  }

  it('laws (fast-check): through v0, plateau K, rate and midpointYear give the same curve', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1.001, max: 1e4, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.integer({ min: 1950, max: 2100 }),
        (kind, v0, ratio, r, t0) => {
          const K = v0 * ratio;
          const anchor = { year: t0, volumeMt: v0 };
          const curve = growthCurve({ model: kind, capacityMt: K, rate: r }, anchor);
          expect(curve(t0)).toBe(v0);
          expect(closeRel(curve(t0 + 2000), K, 1e-9)).toBe(true);
          const tm = midpointOf(kind, K, v0, r, t0);
          fc.pre(Number.isFinite(tm) && tm !== t0);
          const other = growthCurve({ model: kind, capacityMt: K, midpointYear: tm }, anchor);
          for (const dt of [-5, 1, 3, 10, 40]) {
            const a = curve(t0 + dt);
            const b = other(t0 + dt);
            expect(Number.isFinite(a) && a >= 0 && a <= K * (1 + 1e-12)).toBe(true);
            // tm is rounded to a double, so r from it carries a relative error δ ≈ ulp(tm)/|tm − t0|;
            // log v moves by r·|dt|·δ times the curve's log-sensitivity (≤ L·e^(−r·dt) for dt < 0).
            const delta = (4 * Number.EPSILON * Math.abs(tm)) / Math.abs(tm - t0) + 1e-15;
            const sens = Math.max(1, Math.log(ratio) * Math.exp(-r * Math.min(dt, 0)));
            expect(closeRel(b, a, 10 * delta * (1 + r * Math.abs(dt)) * sens + 1e-13)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('anchored curves in simulateVolumes (volatility 0: every path is its median path)', () => {
  const base = (growth: GrowthModel): ScenarioInput => ({ start, horizon: start.year + 100, growth });

  for (const kind of KINDS) {
    it(`${kind}, fixed K: the path ends at K within 1e-9, and rate and midpointYear give the same path`, () => {
      const r = 0.5;
      const a = simulateVolumes(base({ model: kind, capacityMt: 10, rate: r }), { paths: 2, seed: 1 });
      const b = simulateVolumes(base({ model: kind, capacityMt: 10, midpointYear: midpointOf(kind, 10, start.volumeMt, r, start.year) }), { paths: 2, seed: 1 });
      const curve = growthCurve({ model: kind, capacityMt: 10, rate: r }, start);
      expect(a.volume[0]![0]).toBe(start.volumeMt);
      expect(closeRel(a.volume[100]![0]!, 10, 1e-9)).toBe(true);
      a.years.forEach((t, k) => {
        expect(closeRel(a.volume[k]![1]!, curve(t), 1e-12)).toBe(true);
        expect(closeRel(b.volume[k]![1]!, a.volume[k]![1]!, 1e-11)).toBe(true);
      });
    });

    it(`${kind}, K drawn per path: each path levels off at its own K (drawn from the stream ['growth', 'capacityMt'])`, () => {
      const K = kind === 'logistic' ? ({ dist: 'uniform', min: 9, max: 20 } as const) : ({ dist: 'uniform', min: 12, max: 20 } as const);
      const paths = 200;
      const run = (growth: GrowthModel) => simulateVolumes(base(growth), { paths, seed: 'plateau' });
      const byRate = run({ model: kind, capacityMt: K, rate: 0.6 });
      const byMid = run({ model: kind, capacityMt: K, midpointYear: 2029 });
      const draws = drawPerPath(K, seedKey('plateau'), ['growth', 'capacityMt'], 0, paths, new Float64Array(paths));
      for (let i = 0; i < paths; i++) {
        expect(closeRel(byRate.volume[100]![i]!, draws[i]!, 1e-9)).toBe(true);
        expect(byRate.volume[0]![i]).toBe(start.volumeMt);
        // Per path the curve is the anchored one with that path's K.
        const c = growthCurve({ model: kind, capacityMt: draws[i]!, midpointYear: 2029 }, start);
        expect(closeRel(byMid.volume[5]![i]!, c(2030), 1e-12)).toBe(true);
      }
    });
  }

  it('uncertain rate and midpoint are drawn per path too, and stay finite', () => {
    const r = simulateVolumes(base({ model: 'gompertz', capacityMt: { dist: 'triangular', min: 12, mode: 15, max: 30 }, midpointYear: { dist: 'uniform', min: 2026, max: 2040 } }), {
      paths: 500,
      seed: 2,
    });
    const last = r.volume[100]!;
    for (let i = 0; i < 500; i++) {
      expect(last[i]).toBeGreaterThan(start.volumeMt);
      expect(last[i]).toBeLessThanOrEqual(30 * (1 + 1e-9));
    }
    expect(new Set(last).size).toBe(500);
  });
});

describe('the schema checks the anchored curve over every draw', () => {
  const parse = (growth: unknown) => parseScenario({ start, horizon: 2030, growth });
  const fails = (growth: unknown, path: string, message: RegExp) => {
    try {
      parse(growth);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const iss = (e as ScenarioError).issues.find((i) => i.path.join('.') === path);
      expect(iss, (e as Error).message).toBeDefined();
      expect(iss!.message).toMatch(message);
      return;
    }
    throw new Error('parsed');
  };

  it('exactly one of rate or midpointYear', () => {
    fails({ model: 'logistic', capacityMt: 10 }, 'growth', /needs exactly one of rate or midpointYear \(got neither\)/);
    fails({ model: 'gompertz', capacityMt: 10, rate: 0.3, midpointYear: 2030 }, 'growth.midpointYear', /needs exactly one of rate or midpointYear \(got both\)/);
  });

  it('every draw of K above start.volumeMt', () => {
    fails({ model: 'logistic', capacityMt: 4, rate: 0.3 }, 'growth.capacityMt', /every draw must exceed start.volumeMt 4.119.*\(got 4\)/);
    fails({ model: 'logistic', capacityMt: { dist: 'uniform', min: 3, max: 12 }, rate: 0.3 }, 'growth.capacityMt', /every draw must exceed start.volumeMt 4.119/);
    fails({ model: 'gompertz', capacityMt: { dist: 'lognormal', median: 10, sigma: 0.3 }, rate: 0.3 }, 'growth.capacityMt', /every draw must exceed/);
    fails({ model: 'gompertz', capacityMt: { dist: 'normal', mean: 10, sd: 1 }, rate: 0.3 }, 'growth.capacityMt', /unbounded below/);
    fails({ model: 'gompertz', capacityMt: { dist: 'normal', mean: 10, sd: 1, min: 4 }, rate: 0.3 }, 'growth.capacityMt', /every draw must exceed start.volumeMt 4.119.*a normal over \[4, Infinity\]/);
    expect(parse({ model: 'gompertz', capacityMt: { dist: 'normal', mean: 10, sd: 1, min: 5 }, rate: 0.3 }).growth).toMatchObject({ model: 'gompertz' });
  });

  it('r > 0 for every draw: rate > 0, and midpointYear on the side of start.year that K says', () => {
    fails({ model: 'logistic', capacityMt: 10, rate: 0 }, 'growth.rate', /must be > 0/);
    fails({ model: 'logistic', capacityMt: 10, rate: { dist: 'uniform', min: -0.1, max: 0.5 } }, 'growth.rate.min', /must be > 0/);
    fails({ model: 'logistic', capacityMt: 10, midpointYear: 2020 }, 'growth.midpointYear', /must be after start.year 2025 when capacityMt > 2 × start.volumeMt \(8.238\)/);
    fails({ model: 'logistic', capacityMt: 10, midpointYear: { dist: 'uniform', min: 2024, max: 2030 } }, 'growth.midpointYear', /must be after start.year 2025/);
    fails({ model: 'logistic', capacityMt: 6, midpointYear: 2030 }, 'growth.midpointYear', /must be before start.year 2025 when capacityMt < 2 × start.volumeMt/);
    fails({ model: 'gompertz', capacityMt: 10, midpointYear: 2030 }, 'growth.midpointYear', /must be before start.year 2025 when capacityMt < e × start.volumeMt \(11.2\)/);
    fails({ model: 'gompertz', capacityMt: { dist: 'uniform', min: 5, max: 20 }, midpointYear: 2030 }, 'growth.midpointYear', /cannot fix the rate when capacityMt can be e × start.volumeMt/);
    fails({ model: 'logistic', capacityMt: 2 * 4.119, midpointYear: 2030 }, 'growth.midpointYear', /cannot fix the rate/);
    // The consistent pairs parse.
    expect(parse({ model: 'logistic', capacityMt: 6, midpointYear: 2024 }).growth).toEqual({ model: 'logistic', capacityMt: 6, midpointYear: 2024 });
    expect(parse({ model: 'gompertz', capacityMt: { dist: 'uniform', min: 12, max: 20 }, midpointYear: { dist: 'uniform', min: 2026, max: 2040 } }).growth.model).toBe('gompertz');
  });
});
