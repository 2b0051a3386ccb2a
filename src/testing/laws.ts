/**
 * The library's laws as reusable properties: each returns a fast-check property over the given
 * scenario (or route) arbitrary, to run with `fc.assert` against your own generators or wrappers.
 * They hold for every valid input, so a counterexample is a bug (in the library or in a wrapper).
 *
 * No law passes vacuously: each checks that the run it reads has every year and path (or trip) of
 * finite numbers, and a law that needs a kind of input (an exponential growth of a fixed rate, an
 * expansion, two legs) skips the others with `fc.pre` — so a generator that makes too few of them
 * fails the run (fast-check's "too many pre-condition failures") instead of passing on nothing.
 */
import type { Arbitrary, IPropertyWithHooks } from 'fast-check';
import fc from './fast-check-peer.js';
import { options, show } from '../args.js';
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

/**
 * The checked arguments of law `law`: a fast-check arbitrary (what fast-check itself accepts: an
 * object with generate, shrink and canShrinkWithoutContext), and options with at most `simulate`,
 * a function. A TypeError naming the law otherwise, rather than fast-check's message or an
 * option silently ignored.
 */
function lawArgs<F>(law: string, arbitrary: unknown, o: unknown): LawOptions<F> {
  const a = arbitrary as Record<string, unknown> | null;
  if (typeof a !== 'object' || a === null || !['generate', 'shrink', 'canShrinkWithoutContext'].every((k) => typeof a[k] === 'function')) {
    throw new TypeError(`${law}: the first argument must be a fast-check arbitrary, e.g. scenario() from middle-corridor/testing (got ${show(arbitrary)})`);
  }
  const c = options<LawOptions<F>>(law, o, ['simulate']);
  if (c.simulate !== undefined && typeof c.simulate !== 'function') throw new TypeError(`${law}: simulate must be a function with the library's signature (got ${show(c.simulate)})`);
  return c;
}

type VolumeRun = ReturnType<VolumeSimulator>;

/**
 * The run of `s` by the simulator under test, checked to hold what a law compares: every year of
 * the scenario, and for each a volume and a demand array (and a capacity array when the scenario
 * has a capacity) of `paths` finite numbers. A wrapper that returns less fails the law.
 */
function runner(o: LawOptions<VolumeSimulator>) {
  const sim = o.simulate ?? library;
  return (s: ScenarioInput, seed: string, paths = PATHS, blockSize?: number): VolumeRun => {
    const r = sim(s, { paths, seed, ...(blockSize === undefined ? {} : { blockSize }) });
    const years = s.horizon - s.start.year + 1;
    if (r.years.length !== years || r.years[0] !== s.start.year) throw new Error(`the run has years ${JSON.stringify(r.years)}, not the scenario's ${s.start.year}–${s.horizon}`);
    const arrays: [string, readonly Float64Array[]][] = [['volume', r.volume], ['demand', r.demand], ...(s.capacity ? [['capacity', r.capacity] as [string, readonly Float64Array[]]] : [])];
    for (const [name, xs] of arrays) {
      if (xs.length !== years) throw new Error(`the run's ${name} has ${xs.length} years, not ${years}`);
      xs.forEach((x, k) => {
        if (x.length !== paths) throw new Error(`the run's ${name} in ${r.years[k]} has ${x.length} paths, not ${paths}`);
        for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) throw new Error(`the run's ${name} is ${x[i]} on path ${i} in ${r.years[k]}`);
      });
    }
    return r;
  };
}

/** Volume never exceeds capacity nor demand, on every path and year, and every number is finite. */
export function volumeWithinCapacity(scenarios: Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): IPropertyWithHooks<[ScenarioInput]> {
  o = lawArgs('volumeWithinCapacity', scenarios, o);
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
 * the same seed, the same draws, a larger rate. Only scenarios with an exponential growth of a
 * fixed rate are compared (others are skipped with `fc.pre`); x is a quantile of the first run's
 * volume in one of its years, so that the probabilities compared are not all 0 or all 1.
 */
export function probabilityMonotoneInGrowth(scenarios: Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): IPropertyWithHooks<[ScenarioInput, number, number, number]> {
  o = lawArgs('probabilityMonotoneInGrowth', scenarios, o);
  const run = runner(o);
  return fc.property(scenarios, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.nat(), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (s, bump, pick, level) => {
    fc.pre(s.growth.model === 'exponential' && typeof s.growth.rate === 'number');
    const rate = (s.growth as { rate: number }).rate;
    const higher: ScenarioInput = { ...s, growth: { model: 'exponential', rate: rate + bump } };
    const a = run(s, 'law:monotone');
    const b = run(higher, 'law:monotone');
    const sorted = Float64Array.from(a.volume[pick % a.years.length]!).sort();
    const x = sorted[Math.floor(level * (sorted.length - 1))]!;
    for (const year of a.years) {
      const pa = a.probabilityAtLeast(year, x).estimate;
      const pb = b.probabilityAtLeast(year, x).estimate;
      if (!(pb >= pa)) throw new Error(`P(volume >= ${x}) in ${year} fell from ${pa} to ${pb} when the rate rose by ${bump}`);
    }
  });
}

/**
 * An expansion that arrives later never adds capacity: on the same seed, one expansion's
 * `delayYears` set to a number and then to a larger one (by 1/64 to 3 years) lowers or keeps
 * every path-year's capacity, and so its volume (an expansion adds the share of each year after
 * `year + delayYears`). Scenarios without expansions are skipped (`fc.pre`).
 */
export function capacityMonotoneInDelay(scenarios: Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): IPropertyWithHooks<[ScenarioInput, number, number, number]> {
  o = lawArgs('capacityMonotoneInDelay', scenarios, o);
  const run = runner(o);
  return fc.property(scenarios, fc.nat(), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 1 / 64, max: 3, noNaN: true }), (s, pick, delay, bump) => {
    const expansions = s.capacity?.expansions ?? [];
    fc.pre(expansions.length > 0);
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
export function blockSizeInvariant(scenarios: Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): IPropertyWithHooks<[ScenarioInput]> {
  o = lawArgs('blockSizeInvariant', scenarios, o);
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
export function seedFixesNumbers(scenarios: Arbitrary<ScenarioInput>, o: LawOptions<VolumeSimulator> = {}): IPropertyWithHooks<[ScenarioInput, string]> {
  o = lawArgs('seedFixesNumbers', scenarios, o);
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

/**
 * Adding a leg never shortens a trip (same seed: the other legs draw the same numbers). Routes of
 * one leg are skipped (`fc.pre`); both runs must give every trip's days as a finite number.
 */
export function addingALegNeverShortens(routes: Arbitrary<RouteInput>, o: LawOptions<TransitSimulator> = {}): IPropertyWithHooks<[RouteInput]> {
  o = lawArgs('addingALegNeverShortens', routes, o);
  const sim: TransitSimulator = o.simulate ?? ((r, opts) => simulateTransit(r, opts));
  const TRIPS = 300;
  const days = (r: RouteInput, what: string) => {
    const d = sim(r, { trips: TRIPS, seed: 'law:leg' }).days;
    if (d.length !== TRIPS) throw new Error(`the run ${what} has ${d.length} trips, not ${TRIPS}`);
    for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i]!)) throw new Error(`trip ${i} ${what} took ${d[i]} days`);
    return d;
  };
  return fc.property(routes, (r) => {
    fc.pre(r.legs.length >= 2);
    const a = days({ ...r, legs: r.legs.slice(0, -1) }, 'without the last leg');
    const b = days(r, 'with every leg');
    for (let i = 0; i < a.length; i++) if (b[i]! < a[i]!) throw new Error(`trip ${i}: ${b[i]} days with the extra leg, ${a[i]} without`);
  });
}
