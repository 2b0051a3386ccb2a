import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, parseScenario, ROUTE_LIMITS, ScenarioError, type LegInput } from 'middle-corridor';
import { param, route } from 'middle-corridor/testing';
import { moments } from '../../src/random/moments.js';

const one = (days: unknown, delay?: unknown) => ({ name: 'r', legs: [{ name: 'a', mode: 'rail', days, ...(delay === undefined ? {} : { delay }) }] });
const refusal = (doc: unknown): string => {
  try {
    parseRoute(doc as never);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return String((e as Error).message);
  }
  throw new Error('parsed');
};

describe('lognormal legs (issue 22)', () => {
  it('a lognormal without max is truncated at ROUTE_LIMITS.days (3650): parsing writes the cap, and the result parses to itself', () => {
    const r = parseRoute(one({ dist: 'lognormal', median: 12, sigma: 0.6 }, { probability: 0.2, days: { dist: 'lognormal', median: 4, sigma: 1 } }));
    expect(r.legs[0]!.days).toEqual({ dist: 'lognormal', median: 12, sigma: 0.6, max: ROUTE_LIMITS.days });
    expect(r.legs[0]!.delay!.days).toEqual({ dist: 'lognormal', median: 4, sigma: 1, max: 3650 });
    expect(parseRoute(r)).toEqual(r);
    // A sigma-0 lognormal is its median: nothing to cap. A given max is kept.
    expect(parseRoute(one({ dist: 'lognormal', median: 12, sigma: 0 })).legs[0]!.days).toEqual({ dist: 'lognormal', median: 12, sigma: 0 });
    expect(parseRoute(one({ dist: 'lognormal', median: 12, sigma: 0.6, min: 3, max: 40 })).legs[0]!.days).toEqual({ dist: 'lognormal', median: 12, sigma: 0.6, min: 3, max: 40 });
  });
  it('a parsed route with lognormal legs parses to itself (fast-check)', () => {
    const lognormalLeg = fc
      .tuple(fc.double({ min: 0.01, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.option(fc.double({ min: 0, max: 3650, noNaN: true }), { nil: undefined }), fc.option(fc.double({ min: 1e-3, max: 3650, noNaN: true }), { nil: undefined }))
      .filter(([median, sigma, min, max]) => (min === undefined || max === undefined || min <= max) && (sigma > 0 || (median >= (min ?? 0) && median <= (max ?? Infinity))))
      .map(([median, sigma, min, max]): LegInput['days'] => ({ dist: 'lognormal', median, sigma, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }));
    fc.assert(
      fc.property(lognormalLeg, (days) => {
        const r = parseRoute(one(days));
        expect(parseRoute(r)).toEqual(r);
        const d = r.legs[0]!.days as { max?: number; sigma: number };
        if (d.sigma > 0) expect(d.max).toBeLessThanOrEqual(ROUTE_LIMITS.days);
      }),
      { seed: 22, numRuns: 500 },
    );
  });
  it('the testing kit generates truncated lognormal legs, and every generated route parses to itself', () => {
    let lognormals = 0;
    fc.assert(
      fc.property(route(), (input) => {
        const r = parseRoute(input);
        expect(parseRoute(r)).toEqual(r);
        lognormals += r.legs.filter((l) => typeof l.days === 'object' && l.days.dist === 'lognormal').length;
      }),
      { seed: 22, numRuns: 500 },
    );
    expect(lognormals).toBeGreaterThan(50);
  });
  it("the kit's param({ dists: ['lognormal'] }) with a finite max gives truncated lognormals inside the bounds", () => {
    fc.assert(
      fc.property(param({ min: 2, max: 50, dists: ['lognormal'] }), (p) => {
        expect(typeof p === 'object' && p.dist === 'lognormal').toBe(true);
        const m = moments(p);
        expect(m.min! >= 2 && m.max! <= 50 && m.mean >= 2 && m.mean <= 50).toBe(true);
        void parseScenario({ start: { year: 2025, volumeMt: 1 }, horizon: 2026, growth: { model: 'exponential', rate: 0.1 }, capacity: { baseMt: p } });
      }),
      { seed: 22, numRuns: 500 },
    );
    expect(() => param({ min: -2, max: 0, dists: ['lognormal'] })).toThrow(/no distribution shape left/);
  });
  it('refuses max <= 0, max < min, max above the cap, min beyond it, sigma < 0 and a negative min, naming the field', () => {
    const ln = (over: object) => one({ dist: 'lognormal', median: 10, sigma: 0.5, ...over });
    expect(refusal(ln({ max: 0 }))).toMatch(/legs\[0\]\.days\.max: must be > 0 \(got 0\)/);
    expect(refusal(ln({ max: -3 }))).toMatch(/legs\[0\]\.days\.max: must be > 0 \(got -3\)/);
    expect(refusal(ln({ min: 8, max: 5 }))).toMatch(/legs\[0\]\.days\.max: must be >= min \(got min 8, max 5\)/);
    expect(refusal(ln({ max: 5000 }))).toMatch(/legs\[0\]\.days\.max: must be in \[0, 3650\] \(got 5000\)/);
    expect(refusal(ln({ min: 4000 }))).toMatch(/legs\[0\]\.days\.min: must be in \[0, 3650\] \(got 4000\)/);
    expect(refusal(ln({ min: -1 }))).toMatch(/legs\[0\]\.days\.min: must be >= 0 \(got -1\)/);
    const sigma = refusal(ln({ sigma: -1 }));
    expect(sigma).toMatch(/legs\[0\]\.days\.sigma: must be >= 0 \(got -1\)/);
    expect(sigma).toMatch(/\(1 problem\)/);
    expect(refusal(ln({ sigma: 0, median: 20, max: 15 }))).toMatch(/legs\[0\]\.days\.median: with sigma 0 must lie in \[min, max\]/);
    expect(refusal(ln({ maximum: 10 }))).toMatch(/maximum: is not a known field \(allowed: dist, median, sigma, min, max\)/);
  });
  it('in a scenario an untruncated lognormal stays allowed where it was, and refused where a bound above applies', () => {
    const s = parseScenario({ start: { year: 2025, volumeMt: 1 }, horizon: 2027, growth: { model: 'exponential', rate: 0.1 }, capacity: { baseMt: { dist: 'lognormal', median: 5, sigma: 0.3 } } });
    expect(s.capacity!.baseMt).toEqual({ dist: 'lognormal', median: 5, sigma: 0.3 });
    expect(() => parseScenario({ start: { year: 2025, volumeMt: 1 }, horizon: 2027, growth: { model: 'exponential', rate: 0.1 }, volatility: { dist: 'lognormal', median: 0.1, sigma: 0.3 }, disruptions: [{ name: 'd', probability: { dist: 'lognormal', median: 0.1, sigma: 0.3 }, demandFactor: 0.9 }] })).toThrow(
      /disruptions\[0\]\.probability: a lognormal is unbounded above here: give it max/,
    );
    // …and a truncated one whose support fits is accepted there.
    const t = parseScenario({ start: { year: 2025, volumeMt: 1 }, horizon: 2027, growth: { model: 'exponential', rate: 0.1 }, disruptions: [{ name: 'd', probability: { dist: 'lognormal', median: 0.1, sigma: 0.3, max: 0.5 }, demandFactor: 0.9 }] });
    expect(t.disruptions[0]!.probability).toEqual({ dist: 'lognormal', median: 0.1, sigma: 0.3, max: 0.5 });
  });
});
