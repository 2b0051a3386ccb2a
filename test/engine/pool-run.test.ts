/**
 * The pools' scheduler (src/engine/pool-run.ts) over an in-process pool whose jobs finish in an
 * arbitrary order: for any number of workers, ranges per worker, and with or without shared
 * memory, a run equals one thread bit for bit (volumes full and summary, transit); progress
 * rises to the total; and when ranges fail, the run rejects with the failure first in block
 * order, whichever finished first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, ROUTES } from '../../src/index.js';
import type { AnyEngine } from '../../src/engine/engine.js';
import { split } from '../../src/engine/engine.js';
import { runOnPool, type WorkerPool } from '../../src/engine/pool-run.js';
import { runOnThisThread } from '../../src/engine/schedule.js';
import { runJob, type Job } from '../../src/engine/worker-jobs.js';
import { planTransit, transitEngine } from '../../src/transit/engine.js';
import { planVolumes, volumeEngine } from '../../src/volume/engine.js';

const bits = (xs: readonly Float64Array[]) => xs.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'));

/** A pool on this thread: each job answers after its own delay (so they finish out of order), through a structured clone as a worker's answer would. */
function pool(delays: number[], shared: boolean, rangesPerWorker: number, fail?: (job: Job) => Error | null): WorkerPool {
  let k = 0;
  return {
    fn: 'test',
    rangesPerWorker,
    shared: shared ? (bytes) => new SharedArrayBuffer(bytes) : undefined,
    run: async (_i, job) => {
      await new Promise((r) => setTimeout(r, delays[k++ % delays.length]));
      const error = fail?.(job);
      if (error) throw error;
      return structuredClone(runJob(job));
    },
  };
}

const cases: [string, AnyEngine, () => unknown, (r: never) => unknown][] = [
  ['volumes, full', volumeEngine, () => planVolumes(PRESETS['official-capacity'], { paths: 70_001, seed: 'pool' }), (r: { demand: Float64Array[]; volume: Float64Array[]; quantiles(y: number, p: number[]): number[] }) => [bits(r.demand), bits(r.volume), r.quantiles(2030, [0.1, 0.5, 0.9])]],
  ['volumes, summary', volumeEngine, () => planVolumes(PRESETS['official-capacity'], { paths: 100_001, seed: 'pool', keep: 'summary' }), (r: { toJSON(): unknown; quantiles(y: number, p: number[]): number[] }) => [r.toJSON(), r.quantiles(2030, [0.1, 0.5, 0.9])]],
  ['transit', transitEngine, () => planTransit(ROUTES['corridor-poti'], { trips: 70_001, seed: 'pool', volumeMt: 5.5 }), (r: { days: Float64Array; toJSON(): unknown }) => [bits([r.days]), r.toJSON()]],
];

describe('runOnPool', () => {
  for (const [name, engine, plan, view] of cases) {
    it(`${name}: the one-thread bits for any workers, ranges per worker, order of answers, shared or not; progress rises to the total`, async () => {
      const one = view(runOnThisThread(engine, plan()) as never);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), async (workers, per, shared, delays) => {
          const progress: [number, number][] = [];
          const r = await runOnPool(pool(delays, shared, per), engine, plan(), workers, { onProgress: ({ done, total }) => progress.push([done, total]) });
          expect(view(r as never)).toEqual(one);
          const total = progress[0]![1];
          expect(progress.at(-1)).toEqual([total, total]);
          // From 0, rising after every range.
          expect(progress[0]![0]).toBe(0);
          progress.forEach(([d, t], i) => {
            expect(t).toBe(total);
            if (i > 0) expect(d).toBeGreaterThan(progress[i - 1]![0]);
          });
        }),
        { numRuns: 12 },
      );
    });
  }

  it('rejects with the failure first in block order, whichever range fails first', async () => {
    const p = planTransit(ROUTES['corridor-poti'], { trips: 200_000, seed: 'pool' });
    const n = transitEngine.blocks(p);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), async (workers, per, poisoned, delays) => {
        const fail = (job: Job) => ('b0' in job && poisoned.some((b) => b >= job.b0 && b < job.b1) ? new RangeError(`range ${job.b0}-${job.b1}`) : null);
        const first = Math.min(...poisoned);
        const [b0, b1] = split(n, workers * per).find(([a, b]) => first >= a && first < b)!;
        await expect(runOnPool(pool(delays, false, per, fail), transitEngine, p, workers)).rejects.toThrow(new RangeError(`range ${b0}-${b1}`));
      }),
      { numRuns: 40 },
    );
  });
});
