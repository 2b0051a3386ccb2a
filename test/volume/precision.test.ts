/**
 * `precision`, a declared field of the results a run to a tolerance gives (src/engine/precision.ts):
 * null on a run of a fixed size and then absent from its JSON (whose bytes are what they always
 * were), present and frozen on an until run, written last by `toJSON()`, kept by JSON and
 * structuredClone round trips, set when the result is made (a plain own field, no property
 * patched on afterwards, the made result never changed), and shown in one line by the printed
 * and notebook views.
 */
import fc from 'fast-check';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Precision } from '../../src/engine/precision.js';
import { PRESETS } from '../../src/scenario/presets.js';
import { ROUTES } from '../../src/transit/routes.js';
import { TransitSample } from '../../src/transit/result.js';
import { simulateTransit } from '../../src/transit/simulate.js';
import { VolumeResult } from '../../src/volume/result.js';
import { VolumeSummary } from '../../src/volume/summary.js';
import { simulateVolumes } from '../../src/volume/simulate.js';

const official = PRESETS['official-capacity'];
const route = ROUTES['northern-rail'];
const until = { tolerance: 0.01, maxPaths: 100_000 };
const JUPYTER = Symbol.for('Jupyter.display');

const full = simulateVolumes(official, { seed: 1, untilStandardError: until });
const summary = simulateVolumes(official, { seed: 1, keep: 'summary', untilStandardError: until });
const sample = simulateTransit(route, { seed: 1, untilStandardError: { tolerance: 0.01, maxTrips: 100_000, statistic: { days: 20 } } });
// The runs of the same sizes on the same seeds, of a size fixed in advance.
const fixed = {
  full: simulateVolumes(official, { seed: 1, paths: full.paths }),
  summary: simulateVolumes(official, { seed: 1, paths: summary.paths, keep: 'summary', thresholds: [10] }),
  sample: simulateTransit(route, { seed: 1, trips: sample.trips }),
};
const pairs = [
  ['VolumeResult', full, fixed.full],
  ['VolumeSummary', summary, fixed.summary],
  ['TransitSample', sample, fixed.sample],
] as const;

const deeplyFrozen = (p: Precision) => Object.isFrozen(p) && Object.isFrozen(p.pilot) && Object.isFrozen(p.interval);

describe('precision, a field of the result', () => {
  it('is null on a run of a fixed size, and then absent from toJSON()', () => {
    for (const [, , r] of pairs) {
      expect(r.precision).toBeNull();
      expect(Object.hasOwn(r.toJSON(), 'precision')).toBe(false);
      expect(JSON.stringify(r)).not.toContain('"precision"');
    }
    // A transit sample made by a corridor run or a route comparison has none either.
    expect(simulateTransit(route, { seed: 2, trips: 100, volumeMt: 1 }).precision).toBeNull();
  });

  it('is present and frozen, all the way down, on a run to a tolerance', () => {
    for (const [, r] of pairs) {
      expect(r.precision).not.toBeNull();
      expect(deeplyFrozen(r.precision)).toBe(true);
      expect(() => {
        (r.precision as { reached: boolean }).reached = !r.precision.reached;
      }).toThrow(TypeError);
    }
    expect(full.precision.statistic).toBe('P(volume ≥ 10 Mt in 2027)');
    expect(sample.precision.statistic).toBe('P(trip ≤ 20 days)');
  });

  it('toJSON() writes it last, a plain copy equal to it; the rest is, byte for byte, the JSON of the fixed run of that size', () => {
    for (const [, r, same] of pairs) {
      const json = r.toJSON();
      expect(Object.keys(json).at(-1)).toBe('precision');
      expect(json.precision).toEqual(r.precision);
      expect(json.precision).not.toBe(r.precision);
      expect(Object.isFrozen(json.precision)).toBe(false);
      const { precision: _, ...rest } = JSON.parse(JSON.stringify(r)) as { precision: unknown };
      expect(JSON.stringify(rest)).toBe(JSON.stringify(same));
    }
  });

  it('is kept by a JSON round trip and by structuredClone', () => {
    for (const [, r] of pairs) {
      expect(JSON.parse(JSON.stringify(r)).precision).toEqual(r.precision);
      expect(JSON.parse(JSON.stringify(r.toJSON())).precision).toEqual(r.precision);
      expect(structuredClone(r).precision).toEqual(r.precision);
    }
  });

  it('is a plain own field set when the result is made: no property patched on, the same own keys as a fixed run', () => {
    for (const [name, r, same] of pairs) {
      const d = Object.getOwnPropertyDescriptor(r, 'precision');
      expect(d, name).toEqual({ value: r.precision, writable: true, enumerable: true, configurable: true });
      expect(Object.hasOwn(r, 'toJSON'), name).toBe(false);
      expect(Reflect.ownKeys(r), name).toEqual(Reflect.ownKeys(same));
    }
    expect([full.toJSON, summary.toJSON, sample.toJSON]).toEqual([VolumeResult.prototype.toJSON, VolumeSummary.prototype.toJSON, TransitSample.prototype.toJSON]);
  });

  it('shows in the printed lines and the notebook view as one line: P(…) ± SE, the target, reached', () => {
    for (const [name, r, same] of pairs) {
      const p = r.precision;
      // The estimate in percent to the decimal of the standard error's first digit, the standard error in points to two digits.
      const decimals = -Math.floor(Math.log10(p.standardError * 100));
      const line = `${p.statistic} ${(p.estimate * 100).toFixed(decimals)} % ± ${Number((p.standardError * 100).toPrecision(2))}, target ± 1, ${p.reached ? 'reached' : 'not reached'}`;
      expect(String(r).split('\n'), name).toEqual([...String(same).split('\n'), `  ${line}`]);
      expect(inspect(r)).toBe(String(r));
      const [bundle, plain] = [(r as unknown as Record<symbol, () => Record<string, string>>)[JUPYTER]!(), (same as unknown as Record<symbol, () => Record<string, string>>)[JUPYTER]!()];
      expect(bundle['text/plain'], name).toBe(`${plain['text/plain']}\n${line}`);
      expect(bundle['text/html'], name).toBe(`${plain['text/html']}<p>${line}</p>`);
    }
    expect(full.precision.reached && sample.precision.reached).toBe(true);
  });
});

describe('precision, as laws', () => {
  const precisions: fc.Arbitrary<Precision> = fc.record({
    statistic: fc.string(),
    tolerance: fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
    max: fc.integer({ min: 2, max: 50_000_000 }),
    pilot: fc.record({ seed: fc.string(), paths: fc.nat(), hits: fc.nat() }),
    paths: fc.nat(),
    hits: fc.nat(),
    estimate: fc.double({ min: 0, max: 1, noNaN: true }),
    standardError: fc.double({ min: 0, max: 0.5, noNaN: true }),
    interval: fc.record({ lower: fc.double({ min: 0, max: 1, noNaN: true }), upper: fc.double({ min: 0, max: 1, noNaN: true }), level: fc.constant(0.95), method: fc.constant('wilson' as const) }),
    reached: fc.boolean(),
  });
  const small = [
    simulateVolumes(official, { seed: 3, paths: 10 }),
    simulateVolumes(official, { seed: 3, paths: 10, keep: 'summary' }),
    simulateTransit(route, { seed: 3, trips: 10 }),
  ] as const;

  it('law: withPrecision makes a new result with the precision (frozen copy), leaves the made one unchanged, and adds precision — only it — to the JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), precisions, (r, p) => {
        const before = JSON.stringify(r);
        const given = structuredClone(p);
        const q = r.withPrecision(p);
        expect(q).not.toBe(r);
        expect(r.precision).toBeNull();
        expect(JSON.stringify(r)).toBe(before);
        expect(p).toEqual(given);
        expect(q.precision).toEqual(p);
        expect(q.precision).not.toBe(p);
        expect(deeplyFrozen(q.precision)).toBe(true);
        expect(q.toJSON()).toEqual({ ...r.toJSON(), precision: p });
        expect(JSON.parse(JSON.stringify(q)).precision).toEqual(JSON.parse(JSON.stringify(p)));
        expect(q.constructor).toBe(r.constructor);
      }),
      { numRuns: 200 },
    );
  });
});
