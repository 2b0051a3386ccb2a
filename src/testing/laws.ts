/**
 * The library's laws as reusable properties: each returns a fast-check property over the given
 * scenario (or route) arbitrary, to run with `fc.assert` against your own generators or wrappers.
 * They hold for every valid input, so a counterexample is a bug (in the library or in a wrapper).
 */
import fc from 'fast-check';
import type { RouteInput, ScenarioInput } from '../scenario/types.js';
import { simulateTransit } from '../transit/simulate.js';
import type { VolumeResult } from '../volume/result.js';
import { simulateVolumes } from '../volume/simulate.js';

const PATHS = 300;

/** What a volume law runs: `simulateVolumes`, or a wrapper of it with the same signature. */
export type VolumeSimulator = (s: ScenarioInput, o: { paths: number; seed: string; blockSize?: number }) => Pick<VolumeResult, 'years' | 'demand' | 'capacity' | 'volume' | 'probabilityAtLeast'>;
/** What a route law runs: `simulateTransit`, or a wrapper of it. */
export type TransitSimulator = (r: RouteInput, o: { trips: number; seed: string }) => { days: Float64Array };

/** Options of the laws: the function under test (the library's own by default). */
export interface LawOptions<F> {
  simulate?: F;
}

const library: VolumeSimulator = (s, o) => simulateVolumes(s, o) as VolumeResult;

function runner(o: LawOptions<VolumeSimulator>) {
  const sim = o.simulate ?? library;
  return (s: ScenarioInput, seed: string, paths = PATHS, blockSize?: number) => sim(s, { paths, seed, ...(blockSize === undefined ? {} : { blockSize }) });
}

/** Volume never exceeds capacity nor demand, on every path and year, and every number is finite. */
export function volumeWithinCapacity(scenarios: fc.Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): fc.IPropertyWithHooks<[ScenarioInput]> {
  const run = runner(o);
  return fc.property(scenarios, (s) => {
    const r = run(s, 'law:capacity');
    r.years.forEach((year, k) => {
      const v = r.volume[k]!;
      const d = r.demand[k]!;
      const c = r.capacity[k];
      for (let i = 0; i < v.length; i++) {
        const ok = Number.isFinite(v[i]!) && v[i]! <= d[i]! && (!c || v[i]! <= c[i]!);
        if (!ok) throw new Error(`volume ${v[i]} exceeds demand ${d[i]} or capacity ${c?.[i]} on path ${i} in ${year}`);
      }
    });
  });
}

/**
 * P(volume ≥ x) does not fall when the (exponential) growth rate rises, on common random numbers:
 * the same seed, the same draws, a larger rate.
 */
export function probabilityMonotoneInGrowth(scenarios: fc.Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): fc.IPropertyWithHooks<[ScenarioInput, number, number]> {
  const run = runner(o);
  return fc.property(scenarios, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.1, max: 30, noNaN: true }), (s, bump, x) => {
    if (s.growth.model !== 'exponential' || typeof s.growth.rate !== 'number') return;
    const higher: ScenarioInput = { ...s, growth: { model: 'exponential', rate: s.growth.rate + bump } };
    const a = run(s, 'law:monotone');
    const b = run(higher, 'law:monotone');
    for (const year of a.years) {
      const pa = a.probabilityAtLeast(year, x).estimate;
      const pb = b.probabilityAtLeast(year, x).estimate;
      if (pb < pa) throw new Error(`P(volume >= ${x}) in ${year} fell from ${pa} to ${pb} when the rate rose by ${bump}`);
    }
  });
}

/**
 * An expansion that arrives later never adds capacity: on the same seed, one expansion's
 * `delayYears` set to a number and then to a larger one (by 1/64 to 3 years) lowers or keeps
 * every path-year's capacity, and so its volume (an expansion adds the share of each year after
 * `year + delayYears`). Scenarios without expansions pass as they are.
 */
export function capacityMonotoneInDelay(scenarios: fc.Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): fc.IPropertyWithHooks<[ScenarioInput, number, number, number]> {
  const run = runner(o);
  return fc.property(scenarios, fc.nat(), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 1 / 64, max: 3, noNaN: true }), (s, pick, delay, bump) => {
    const expansions = s.capacity?.expansions ?? [];
    if (expansions.length === 0) return;
    const j = pick % expansions.length;
    const at = (delayYears: number): ScenarioInput => ({ ...s, capacity: { ...s.capacity!, expansions: expansions.map((e, i) => (i === j ? { ...e, delayYears } : e)) } });
    const a = run(at(delay), 'law:delay');
    const b = run(at(delay + bump), 'law:delay');
    a.years.forEach((year, k) => {
      const [ca, cb, va, vb] = [a.capacity[k]!, b.capacity[k]!, a.volume[k]!, b.volume[k]!];
      for (let i = 0; i < va.length; i++) {
        if (cb[i]! > ca[i]! || vb[i]! > va[i]!) throw new Error(`expansion ${j} delayed ${delay + bump} instead of ${delay} years raised path ${i} in ${year}: capacity ${ca[i]} → ${cb[i]}, volume ${va[i]} → ${vb[i]}`);
      }
    });
  });
}

/** The numbers do not depend on the block size (paths per chunk): the same bits. */
export function blockSizeInvariant(scenarios: fc.Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): fc.IPropertyWithHooks<[ScenarioInput]> {
  const run = runner(o);
  return fc.property(scenarios, (s) => {
    const n = 16_384 + 100; // two stream blocks, the second partial
    const a = run(s, 'law:block', n, 16_384);
    const b = run(s, 'law:block', n, 32_768);
    a.volume.forEach((v, k) => {
      const w = b.volume[k]!;
      for (let i = 0; i < v.length; i++) if (!Object.is(v[i], w[i])) throw new Error(`block size changed path ${i} of ${a.years[k]}: ${v[i]} vs ${w[i]}`);
    });
  });
}

/** The same seed gives the same numbers, bit for bit. */
export function seedFixesNumbers(scenarios: fc.Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): fc.IPropertyWithHooks<[ScenarioInput, string]> {
  const run = runner(o);
  return fc.property(scenarios, fc.string({ minLength: 1, maxLength: 8 }), (s, seed) => {
    const a = run(s, seed, 200);
    const b = run(s, seed, 200);
    a.volume.forEach((v, k) => {
      const w = b.volume[k]!;
      for (let i = 0; i < v.length; i++) if (!Object.is(v[i], w[i])) throw new Error(`seed ${JSON.stringify(seed)} gave ${v[i]} then ${w[i]} on path ${i}`);
    });
  });
}

/** Adding a leg never shortens a trip (same seed: the other legs draw the same numbers). */
export function addingALegNeverShortens(routes: fc.Arbitrary<RouteInput>, o: LawOptions<TransitSimulator> = {}): fc.IPropertyWithHooks<[RouteInput]> {
  const sim: TransitSimulator = o.simulate ?? ((r, opts) => simulateTransit(r, opts));
  return fc.property(routes, (r) => {
    if (r.legs.length < 2) return;
    const shorter = { ...r, legs: r.legs.slice(0, -1) };
    const a = sim(shorter, { trips: 300, seed: 'law:leg' }).days;
    const b = sim(r, { trips: 300, seed: 'law:leg' }).days;
    for (let i = 0; i < a.length; i++) if (b[i]! < a[i]!) throw new Error(`trip ${i}: ${b[i]} days with the extra leg, ${a[i]} without`);
  });
}
