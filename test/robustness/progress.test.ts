/**
 * Progress and cancellation of every long call on this thread (docs/design.md, "Progress and
 * cancellation"): one shape `{ done, total, unit }`, done rising from 0 to total; an abort before
 * the call or from inside onProgress throws a DOMException named 'AbortError' and no block (run)
 * starts after it; bad values are TypeErrors naming the option; the numbers never change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backtest,
  compareRoutes,
  compareScenarios,
  evaluateForecasts,
  gaussianInputs,
  noChangeModel,
  PRESETS,
  ROUTES,
  shapleyEffects,
  shapleyEffectsOf,
  simulateCorridor,
  simulateTransit,
  simulateVolumes,
  sobolIndices,
  sobolIndicesOf,
  solveRoute,
  solveScenario,
  TITR_VOLUMES,
  tornado,
  type Progress,
  type ScenarioInput,
} from '../../src/index.js';
import { abortError, evaluations, tracker } from '../../src/engine/progress.js';
import { runOnThisThread } from '../../src/engine/schedule.js';
import type { Engine } from '../../src/engine/engine.js';

const short: ScenarioInput = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.1, max: 0.3 } }, volatility: 0.2 };
const route = ROUTES['corridor-poti'];

type Extra = { onProgress?: (p: Progress) => void; signal?: AbortSignal };
/** Every long call of the main entry, each big enough to report several times, with its unit. */
const CALLS: [string, string, (x: Extra) => unknown][] = [
  ['simulateVolumes', 'paths', (x) => simulateVolumes(short, { paths: 5 * 16_384, seed: 1, blockSize: 16_384, ...x })],
  ['simulateVolumes (summary)', 'paths', (x) => simulateVolumes(short, { paths: 6 * 16_384, seed: 1, blockSize: 16_384, keep: 'summary', ...x })],
  ['simulateVolumes (until)', 'paths', (x) => simulateVolumes(PRESETS['official-capacity'], { seed: 1, blockSize: 16_384, untilStandardError: { tolerance: 0.003, maxPaths: 400_000 }, ...x })],
  ['simulateTransit', 'trips', (x) => simulateTransit(route, { trips: 4 * 16_384, seed: 1, ...x })],
  ['simulateTransit (until)', 'trips', (x) => simulateTransit(route, { seed: 1, untilStandardError: { tolerance: 0.003, maxTrips: 200_000, statistic: { days: 20 } }, ...x })],
  ['simulateCorridor', 'trips', (x) => simulateCorridor(short, route, { paths: 3 * 16_384, seed: 1, ...x })],
  ['compareScenarios', 'runs', (x) => compareScenarios(short, PRESETS.baseline, { paths: 2000, seed: 1, ...x })],
  ['compareRoutes', 'runs', (x) => compareRoutes([route, ROUTES['suez-sea'], ROUTES['northern-rail']], { trips: 2000, seed: 1, ...x })],
  ['tornado', 'runs', (x) => tornado(PRESETS.baseline, { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: 1000, seed: 1, ...x })],
  ['sobolIndices', 'runs', (x) => sobolIndices(short, { output: { year: 2027 }, samples: 1024, seed: 1, ...x })],
  ['shapleyEffects', 'runs', (x) => shapleyEffects(short, { output: { year: 2027 }, permutations: 4, seed: 1, outer: 8, inner: 3, varianceSamples: 2000, ...x })],
  ['solveScenario', 'runs', (x) => solveScenario(short, { parameter: 'growth.rate', statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, level: 6, range: [0, 1], paths: 500, seed: 1, tolerance: 0.01, ...x })],
  ['solveRoute', 'runs', (x) => solveRoute(route, { parameter: 'days-scale', statistic: { statistic: 'quantile', p: 0.5 }, level: 15, range: [0.1, 1], trips: 500, seed: 1, tolerance: 0.01, ...x })],
  ['evaluateForecasts', 'runs', (x) => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 500, ...x })],
  ['sobolIndicesOf', 'evaluations', (x) => sobolIndicesOf((v) => v.a! + 0.1 * v.b!, { factors: ['a', 'b'], samples: 512, seed: 1, replicates: 2, ...x })],
  ['shapleyEffectsOf', 'evaluations', (x) => shapleyEffectsOf((v) => v.a! + v.b!, { factors: ['a', 'b'], ...gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] }), permutations: 50, varianceSamples: 500, seed: 1, ...x })],
  ['backtest', 'paths', (x) => backtest(TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 150_000, seed: 1, ...x })],
];

/** The progress a call reports, checked against the one shape: whole numbers, done from 0 rising to total, one unit. */
function reported(call: (x: Extra) => unknown, unit: string): Progress[] {
  const seen: Progress[] = [];
  call({ onProgress: (p) => seen.push({ ...p }) });
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(seen[0]!.done).toBe(0);
  const total = seen[0]!.total;
  for (const [i, p] of seen.entries()) {
    expect(p).toEqual({ done: p.done, total, unit });
    expect(Number.isSafeInteger(p.done) && Number.isSafeInteger(p.total)).toBe(true);
    if (i > 0) expect(p.done).toBeGreaterThan(seen[i - 1]!.done);
  }
  expect(seen.at(-1)!.done).toBe(total);
  return seen;
}

describe('every long call reports { done, total, unit } and stops on an abort', () => {
  for (const [name, unit, call] of CALLS) {
    it(`${name}: done rises from 0 to total in ${unit}; an abort from inside onProgress stops it there; a signal aborted before throws at once`, () => {
      const seen = reported(call, unit);
      // Abort at the first report after some work: nothing more is run (no later report), and the call throws the AbortError.
      const c = new AbortController();
      const after: Progress[] = [];
      let aborted = false;
      const err = (() => {
        try {
          call({ signal: c.signal, onProgress: (p) => (aborted ? after.push(p) : p.done > 0 && (c.abort(), (aborted = true))) });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(DOMException);
      expect((err as DOMException).name).toBe('AbortError');
      expect(err).toBe(c.signal.reason);
      expect(after).toEqual([]);
      expect(seen.length).toBeGreaterThan(2); // so the abort came before the end
      // Aborted before: no progress at all.
      const before = new AbortController();
      before.abort();
      const none: Progress[] = [];
      expect(() => call({ signal: before.signal, onProgress: (p) => none.push(p) })).toThrow(expect.objectContaining({ name: 'AbortError' }));
      expect(none).toEqual([]);
    });
  }

  it('a signal that is never aborted and an onProgress change no number', () => {
    const signal = new AbortController().signal;
    for (const [, , call] of CALLS.filter(([n]) => ['simulateVolumes', 'simulateCorridor', 'tornado', 'evaluateForecasts'].includes(n))) {
      const a = JSON.stringify(call({}));
      expect(JSON.stringify(call({ signal, onProgress: () => undefined }))).toBe(a);
    }
  });

  it("the signal reaches each simulation of an analysis: an abort while a forecast model runs stops the evaluation before that model's simulation", () => {
    const c = new AbortController();
    const seen: Progress[] = [];
    let calls = 0;
    const model = noChangeModel();
    const abortingModel: typeof model = (h, t, y) => (++calls === 2 && c.abort(), model(h, t, y));
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 500, models: { n: abortingModel }, baseline: 'n', signal: c.signal, onProgress: (p) => seen.push(p) })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
    // 0, then the first origin's run; the second run never started (its own check refused it).
    expect(seen.map((p) => p.done)).toEqual([0, 1]);
  });
});

describe('the AbortError and bad values', () => {
  it("the signal's reason when it is an AbortError, else a new AbortError whose cause is the reason", () => {
    const c = new AbortController();
    c.abort();
    expect(abortError(c.signal)).toBe(c.signal.reason);
    const d = new AbortController();
    d.abort('the user left');
    const e = abortError(d.signal);
    expect(e).toBeInstanceOf(DOMException);
    expect(e.name).toBe('AbortError');
    expect((e as { cause?: unknown }).cause).toBe('the user left');
    const timeout = AbortSignal.abort(new DOMException('late', 'TimeoutError'));
    expect(() => simulateVolumes(short, { paths: 100, seed: 1, signal: timeout })).toThrow(expect.objectContaining({ name: 'AbortError', cause: timeout.reason }));
  });

  for (const [name, , call] of CALLS) {
    const fn = name.split(' ')[0];
    it(`${name}: onProgress not a function, signal not an AbortSignal: a TypeError naming the option`, () => {
      expect(() => call({ onProgress: 1 as never })).toThrow(new TypeError(`${fn}: onProgress must be a function of { done, total, unit } (got 1)`));
      expect(() => call({ signal: { aborted: false } as never })).toThrow(new TypeError(`${fn}: signal must be an AbortSignal (from an AbortController, or AbortSignal.timeout) (got {"aborted":false})`));
      expect(() => call({ signal: null as never })).toThrow(/signal must be an AbortSignal .*\(got null\)$/);
    });
  }

  it('tracker takes an AbortSignal of another realm (its shape), and nothing else', () => {
    const foreign = { aborted: false, reason: undefined, addEventListener() {}, removeEventListener() {} };
    expect(tracker('f', { signal: foreign }).signal).toBe(foreign);
    expect(() => tracker('f', { signal: 'stop' })).toThrow(TypeError);
  });
});

describe('the law of progress on this thread (fast-check): over sizes and chunk sizes', () => {
  it("a user function's evaluations: reported at most about 1,000 times, every `every`-th and the last, the signal checked after each", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.nat(), (total, k) => {
        const seen: number[] = [];
        const e = evaluations({ onProgress: (p) => seen.push(p.done) }, total);
        for (let i = 0; i < total; i++) e.step();
        const every = Math.max(1, Math.floor(total / 1000));
        expect(seen).toEqual([0, ...Array.from({ length: Math.floor(total / every) }, (_, i) => (i + 1) * every), ...(total % every === 0 ? [] : [total])]);
        expect(seen.length).toBeLessThanOrEqual(2002);
        // An abort after evaluation j (not a reported one too) stops at the next step.
        const j = k % total;
        const c = new AbortController();
        const f = evaluations({ signal: c.signal }, total);
        let ran = 0;
        expect(() => {
          for (let i = 0; i < total; i++) {
            ran++;
            if (i === j) c.abort();
            f.step();
          }
        }).toThrow(expect.objectContaining({ name: 'AbortError' }));
        expect(ran).toBe(j + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('a toy engine of n blocks of any items, chunked by c: reports 0, then after each chunk, ending at the total; an abort at report k runs no block after it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), fc.nat(), (sizes, chunk, k) => {
        const ran: number[] = [];
        const sum = (b0: number, b1: number) => sizes.slice(b0, b1).reduce((a, b) => a + b, 0);
        const toy: Engine<null, number, number> = { kind: 'toy', unit: 'paths', blocks: () => sizes.length, items: (_, b0, b1) => sum(b0, b1), run: (_, b0, b1) => (ran.push(b0, b1), sum(b0, b1)), merge: (_, xs) => xs.reduce((a, b) => a + b, 0) };
        const seen: number[] = [];
        expect(runOnThisThread(toy, null, { chunk, track: { onProgress: (p) => seen.push(p.done) } })).toBe(sum(0, sizes.length));
        const chunks = Math.ceil(sizes.length / chunk);
        expect(seen).toEqual([0, ...Array.from({ length: chunks }, (_, i) => sum(0, Math.min((i + 1) * chunk, sizes.length)))]);
        // Abort at report k (0 … chunks): exactly k chunks ran.
        const at = k % (chunks + 1);
        const c = new AbortController();
        ran.length = 0;
        let reports = 0;
        expect(() => runOnThisThread(toy, null, { chunk, track: { signal: c.signal, onProgress: () => reports++ === at && c.abort() } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
        expect(ran.length / 2).toBe(at);
        expect(reports).toBe(at + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('simulateVolumes over paths and blockSize: done is monotone, starts at 0, ends at paths, one report per chunk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 * 16_384 }), fc.integer({ min: 1, max: 3 }), (paths, blocks) => {
        const seen: Progress[] = [];
        simulateVolumes({ ...short, horizon: 2026 }, { paths, seed: 1, blockSize: blocks * 16_384, onProgress: (p) => seen.push(p) });
        const chunks = Math.ceil(paths / (blocks * 16_384));
        expect(seen.map((p) => p.done)).toEqual([0, ...Array.from({ length: chunks }, (_, i) => Math.min((i + 1) * blocks * 16_384, paths))]);
        expect(seen.every((p) => p.total === paths && p.unit === 'paths')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
