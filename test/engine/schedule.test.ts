/**
 * The engine interface and the scheduler of this thread (src/engine/engine.ts, schedule.ts): the
 * scheduler's order of work checked on a toy engine whose right answers are known by hand; every
 * engine of the library gives the same bits for every chunk (a law, fast-check); and a worker
 * dispatches on an engine's kind to that engine's own `run`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateCorridor, simulateTransit, simulateVolumes, type VolumeResult, type VolumeSummary } from '../../src/index.js';
import type { Engine } from '../../src/engine/engine.js';
import { split } from '../../src/engine/engine.js';
import { runOnThisThread } from '../../src/engine/schedule.js';
import { precisionJSON, type Precision } from '../../src/engine/precision.js';
import { runUntil } from '../../src/engine/until.js';
import { corridorEngine, planCorridor } from '../../src/transit/corridor-engine.js';
import { planTransit, transitEngine } from '../../src/transit/engine.js';
import { planVolumes, volumeEngine } from '../../src/volume/engine.js';
import { POOL_ASIDES, WORKER_RUNS, runJob } from '../../src/engine/worker-jobs.js';
import { quantilesJob } from '../../src/volume/engine-run.js';

const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const allBits = (xs: readonly Float64Array[]) => xs.map(bits);

/** A toy engine: 5 blocks of 3, 3, 3, 3, 2 items; a block's number is 10 × block + the plan's offset, which its stage sets. */
interface Toy {
  offset: number | null;
}
interface ToyPart {
  b0: number;
  b1: number;
  values: number[];
}
const log: string[] = [];
const toy: Engine<Toy, ToyPart, number[]> = {
  kind: 'toy',
  unit: 'paths',
  blocks: () => 5,
  items: (_, b0, b1) => Math.min(b1 * 3, 14) - b0 * 3,
  run: (p, b0, b1) => {
    log.push(`run ${b0}-${b1}`);
    return { b0, b1, values: Array.from({ length: b1 - b0 }, (_, i) => 10 * (b0 + i) + p.offset!) };
  },
  merge: (_, parts) => {
    log.push(`merge ${parts.map((x) => `${x.b0}-${x.b1}`).join(',')}`);
    return parts.flatMap((x) => x.values);
  },
  before: (p) =>
    p.offset === null
      ? {
          engine: { kind: 'toy-stage', unit: 'paths', blocks: () => 2, items: () => 1, run: (_: unknown, b0: number, b1: number) => (b1 * (b1 + 1) - b0 * (b0 + 1)) / 2, merge: (_: unknown, xs: number[]) => xs.reduce((a, b) => a + b, 0) },
          plan: null,
          then: (sum) => ({ offset: sum as number }),
        }
      : null,
};

describe('runOnThisThread', () => {
  it('runs the stage, then the blocks a chunk at a time in block order, progress after each chunk, then one merge', () => {
    log.length = 0;
    const progress: number[] = [];
    // The stage: blocks 0 and 1 give 1 + 2 = 3, so block b gives 10b + 3.
    expect(runOnThisThread(toy, { offset: null }, { chunk: 2, track: { onProgress: (d) => progress.push(d.done) } })).toEqual([3, 13, 23, 33, 43]);
    expect(log).toEqual(['run 0-2', 'run 2-4', 'run 4-5', 'merge 0-2,2-4,4-5']);
    expect(progress).toEqual([0, 6, 12, 14]);
  });

  it("takes the engine's chunk, else one block at a time (so that an abort takes effect within one block), and runs into views of the engine's whole memory", () => {
    log.length = 0;
    const into: unknown[] = [];
    const withWhole: Engine<Toy, ToyPart, number[]> = {
      ...toy,
      chunk: () => 3,
      whole: () => ({ b0: 0, b1: 5, values: [] }),
      slice: (_, w, b0, b1) => ({ ...w, b0, b1 }),
      run: (p, b0, b1, x) => (into.push(x), toy.run(p, b0, b1)),
    };
    runOnThisThread(withWhole, { offset: 0 });
    expect(into).toEqual([{ b0: 0, b1: 3, values: [] }, { b0: 3, b1: 5, values: [] }]);
    log.length = 0;
    runOnThisThread(toy, { offset: 0 });
    expect(log).toEqual(['run 0-1', 'run 1-2', 'run 2-3', 'run 3-4', 'run 4-5', 'merge 0-1,1-2,2-3,3-4,4-5']);
  });

  it('split: contiguous ranges covering [0, n), as even as whole blocks allow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 }), (n, w) => {
        const r = split(n, w);
        expect(r.length).toBe(Math.min(n, w));
        expect(r[0]![0]).toBe(0);
        expect(r.at(-1)![1]).toBe(n);
        r.forEach(([a, b], i) => {
          expect(b - a).toBeGreaterThanOrEqual(Math.floor(n / r.length));
          expect(b - a).toBeLessThanOrEqual(Math.ceil(n / r.length));
          if (i > 0) expect(a).toBe(r[i - 1]![1]);
        });
      }),
    );
  });
});

describe("the library's engines: the same bits for every chunk", () => {
  const scenario = PRESETS['official-capacity'];
  it('volumes, full and summary (with its pilot), against simulateVolumes', () => {
    const full = simulateVolumes(scenario, { paths: 5 * 16_384 + 7, seed: 'chunks' });
    const summary = simulateVolumes(scenario, { paths: 5 * 16_384 + 7, seed: 'chunks', keep: 'summary' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), (chunk) => {
        const f = runOnThisThread(volumeEngine, planVolumes(scenario, { paths: 5 * 16_384 + 7, seed: 'chunks' }), { chunk }) as VolumeResult;
        expect(allBits(f.volume)).toEqual(allBits(full.volume));
        expect(allBits(f.demand)).toEqual(allBits(full.demand));
        const s = runOnThisThread(volumeEngine, planVolumes(scenario, { paths: 5 * 16_384 + 7, seed: 'chunks', keep: 'summary' }), { chunk }) as VolumeSummary;
        expect(s.toJSON()).toEqual(summary.toJSON());
      }),
      { numRuns: 4 },
    );
  });

  it('transit and corridor, against simulateTransit and simulateCorridor', () => {
    const route = ROUTES['corridor-poti'];
    const sample = simulateTransit(route, { trips: 3 * 16_384 + 5, seed: 'chunks', volumeMt: 5 });
    const corridor = simulateCorridor(scenario, route, { paths: 20_000, seed: 'chunks', tripsPerPath: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), (chunk) => {
        expect(bits(runOnThisThread(transitEngine, planTransit(route, { trips: 3 * 16_384 + 5, seed: 'chunks', volumeMt: 5 }), { chunk }).days)).toBe(bits(sample.days));
        const c = runOnThisThread(corridorEngine, planCorridor(scenario, route, { paths: 20_000, seed: 'chunks', tripsPerPath: 2 }), { chunk });
        expect(c.toJSON()).toEqual(corridor.toJSON());
        expect(bits(c.transit(2030).days)).toBe(bits(corridor.transit(2030).days));
      }),
      { numRuns: 3 },
    );
  });
});

describe('a worker dispatches on the engine kind to the same run', () => {
  it("WORKER_RUNS and POOL_ASIDES hold each engine's own functions", () => {
    const summary = planVolumes(PRESETS.baseline, { paths: 10 * 16_384, seed: 1, keep: 'summary' });
    const pilot = volumeEngine.before!(summary)!.engine;
    for (const e of [volumeEngine, pilot, transitEngine, corridorEngine]) expect(WORKER_RUNS[e.kind]).toBe(e.run);
    expect(POOL_ASIDES[volumeEngine.kind]!.run).toBe(quantilesJob);
    expect(Object.keys(WORKER_RUNS).sort()).toEqual(['corridor', 'transit', 'volume', 'volume-pilot']);
  });

  it('an unknown kind is a TypeError naming it and the known ones', () => {
    expect(() => runJob({ engine: 'volumes', plan: null, b0: 0, b1: 1 })).toThrow(/no engine of kind "volumes" \(known: volume, volume-pilot, transit, corridor\)/);
  });
});

describe('runUntil: the one until driver, over any engine', () => {
  it('runs the pilot on its own seed block by block, sizes the run from it, and reports the run (values worked by hand)', () => {
    // Every block of 100 has 30 events. The pilot stops after block 0 (30 with, 70 without: ≥ 10 each).
    // Its 95 % Wilson interval is [0.2189, 0.3958] (statsmodels' proportion_confint, method 'wilson'),
    // so p(1 − p) is taken at 0.3958: 0.3958 · 0.6042 / 0.05² = 95.7 paths, less than 50 / 0.3 = 166.7;
    // 167 rounds up to 2 blocks of 100: 200 paths, 60 events.
    interface Plan {
      seed: string;
      n: number;
    }
    const seeds: string[] = [];
    const ran: string[] = [];
    // The toy's result, as the library's results are: precision a field (null when merged), made
    // again with it by withPrecision, written by toJSON only when present.
    interface Counted {
      readonly hits: number;
      readonly n: number;
      readonly precision: Precision | null;
      toJSON(): object;
      withPrecision(p: Precision): Counted & { readonly precision: Precision };
    }
    const counted = (hits: number, n: number, precision: Precision | null = null): Counted => ({
      hits,
      n,
      precision,
      toJSON: () => ({ hits, n, ...precisionJSON(precision) }),
      withPrecision: (p) => counted(hits, n, p) as Counted & { readonly precision: Precision },
    });
    const merged: Counted[] = [];
    const engine: Engine<Plan, { hits: number; n: number }, Counted> = {
      kind: 'toy-until',
      unit: 'trips',
      blocks: (p) => Math.ceil(p.n / 100),
      items: (p, b0, b1) => Math.min(b1 * 100, p.n) - b0 * 100,
      run: (p, b0, b1) => {
        ran.push(`${p.seed} ${b0}-${b1}`);
        return { hits: 30 * (b1 - b0), n: Math.min(b1 * 100, p.n) - b0 * 100 };
      },
      merge: (_, parts) => {
        const hits = parts.reduce((a, x) => a + x.hits, 0);
        const n = parts.reduce((a, x) => a + x.n, 0);
        merged.push(counted(hits, n));
        return merged.at(-1)!;
      },
    };
    const r = runUntil(engine, {
      statistic: 'P(toy)',
      tolerance: 0.05,
      max: 10_000,
      size: 100,
      seed: 's',
      pilot: (seed) => (seeds.push(seed), { seed, n: 10_000 }),
      sized: (n) => ({ seed: 's', n }),
      count: (part) => part,
      hits: (result) => result.hits,
      fn: 'toy',
    });
    expect(seeds).toEqual(['s|until-pilot']);
    expect(ran).toEqual(['s|until-pilot 0-1', 's 0-1', 's 1-2']);
    expect(r.n).toBe(200);
    expect(r.precision).toMatchObject({ statistic: 'P(toy)', pilot: { seed: 's|until-pilot', paths: 100, hits: 30 }, paths: 200, hits: 60, estimate: 0.3, reached: true });
    expect(r.precision.standardError).toBeCloseTo(Math.sqrt((0.3 * 0.7) / 200), 15);
    expect(r.toJSON()).toMatchObject({ hits: 60, n: 200, precision: { paths: 200 } });
    // The merged result is left as it was made: the run's result is a new one.
    expect(merged).toHaveLength(1);
    expect(merged[0]!.precision).toBeNull();
    expect(r).not.toBe(merged[0]);
  });
});
