/**
 * The shared data is frozen all the way down: a write throws (test files are ES modules, so
 * strict mode), a sloppy-mode write is ignored, and a later call still sees the sourced values.
 */
import { describe, expect, it } from 'vitest';
import {
  ANNOUNCED_TRAJECTORY, CAPACITIES, OFFICIAL_CLAIMS_2026, OFFICIAL_FORECASTS, PRESETS, ROUTES, SOURCES, TARGETS, TITR_TEU, TITR_VOLUMES,
  TONNES_PER_TEU, TRANSIT_TIMES, parseScenario, simulateTransit, simulateVolumes,
} from '../../src/index.js';
import * as api from '../../src/index.js';

const DATA: Record<string, unknown> = {
  TITR_VOLUMES, ANNOUNCED_TRAJECTORY, OFFICIAL_FORECASTS, OFFICIAL_CLAIMS_2026, TITR_TEU, TARGETS, SOURCES, TRANSIT_TIMES, CAPACITIES, TONNES_PER_TEU, PRESETS, ROUTES,
};

/** Every object and array reachable from x, with its path. */
function objects(x: unknown, path: string, out: [string, object][] = []): [string, object][] {
  if (x === null || typeof x !== 'object') return out;
  out.push([path, x]);
  for (const k of Object.keys(x)) objects((x as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

describe('the shared data is frozen deeply', () => {
  for (const [name, value] of Object.entries(DATA)) {
    it(`${name}: every object and array inside it is frozen`, () => {
      const all = objects(value, name);
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter(([, o]) => !Object.isFrozen(o)).map(([p]) => p)).toEqual([]);
    });
  }

  it('so is every other object or array the public API exports (GROWTH_MODELS, DIST_NAMES, LEG_MODES, limits, …)', () => {
    const exported = Object.entries(api).filter(([, v]) => v !== null && typeof v === 'object');
    expect(exported.length).toBeGreaterThanOrEqual(Object.keys(DATA).length + 3);
    const open = exported.flatMap(([name, v]) => objects(v, name)).filter(([, o]) => !Object.isFrozen(o)).map(([p]) => p);
    expect(open).toEqual([]);
    expect(() => { (api.GROWTH_MODELS as unknown as string[]).push('linear'); }).toThrow(TypeError);
    expect(() => parseScenario({ ...PRESETS.baseline, growth: { model: 'linear' } })).toThrow(/growth/);
  });

  it('writes throw in strict mode and leave the sourced values', () => {
    const v0 = TITR_VOLUMES[0]!.volumeMt;
    expect(() => { (TITR_VOLUMES[0] as { volumeMt: number }).volumeMt = 99; }).toThrow(TypeError);
    expect(() => { (PRESETS.baseline as { horizon: number }).horizon = 1; }).toThrow(TypeError);
    expect(() => { (ROUTES['suez-sea'].legs[0] as { days: unknown }).days = 999; }).toThrow(TypeError);
    expect(() => { (PRESETS.baseline.start as { volumeMt: number }).volumeMt = 1; }).toThrow(TypeError);
    expect(() => { (TITR_VOLUMES as unknown as unknown[]).push({}); }).toThrow(TypeError);
    expect(TITR_VOLUMES[0]!.volumeMt).toBe(v0);
  });

  it('a sloppy-mode write is ignored, and a later call sees the sourced values', () => {
    const before = simulateVolumes(PRESETS.baseline, { paths: 200, seed: 1 }).mean(2027).estimate;
    const days = simulateTransit(ROUTES['suez-sea'], { trips: 200, seed: 1 }).mean.estimate;
    // A Function body is sloppy unless it says otherwise: the assignments are silently ignored.
    new Function('P', 'R', 'V', 'P.baseline.horizon = 1; P.baseline.growth.rate = 5; R["suez-sea"].legs[0].days = 999; V[0].volumeMt = 99;')(PRESETS, ROUTES, TITR_VOLUMES);
    expect(PRESETS.baseline.horizon).not.toBe(1);
    expect(ROUTES['suez-sea'].legs[0]!.days).not.toBe(999);
    expect(TITR_VOLUMES[0]!.volumeMt).not.toBe(99);
    expect(simulateVolumes(PRESETS.baseline, { paths: 200, seed: 1 }).mean(2027).estimate).toBe(before);
    expect(simulateTransit(ROUTES['suez-sea'], { trips: 200, seed: 1 }).mean.estimate).toBe(days);
  });

  it('a spread copy is a new object, not frozen at its top level: { ...PRESETS.baseline, horizon } keeps working', () => {
    const s = { ...PRESETS.baseline, horizon: 2030 };
    expect(Object.isFrozen(s)).toBe(false);
    s.name = 'mine';
    expect(parseScenario(s).horizon).toBe(2030);
    expect(simulateVolumes(s, { paths: 100, seed: 1 }).years.at(-1)).toBe(2030);
  });
});
