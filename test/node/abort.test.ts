/**
 * Progress and cancellation on the worker pool (docs/design.md, "Progress and cancellation"): a
 * pool hands out one block at a time, so an abort rejects with the AbortError once the blocks
 * out on the workers (one each) are back — no block starts after it —, frees the workers (a run
 * right after does not wait for the aborted run's blocks) and leaves other runs untouched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateVolumes, type Progress, type ScenarioInput, type VolumeSummary } from 'middle-corridor';
import { closeWorkers, simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel } from '../../src/node/index.js';

afterAll(closeWorkers);

const B = 16_384;
const WORKERS = 2;
const short: ScenarioInput = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2026, growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.1, max: 0.3 } }, volatility: 0.2 };
const long: ScenarioInput = { ...short, horizon: 2032 };

type Extra = { onProgress?: (p: Progress) => void; signal?: AbortSignal };
const CALLS: [string, number, (x: Extra) => Promise<unknown>][] = [
  ['simulateVolumesParallel (full)', 24, (x) => simulateVolumesParallel(short, { paths: 24 * B, seed: 1, workers: WORKERS, ...x })],
  ['simulateVolumesParallel (summary)', 24, (x) => simulateVolumesParallel(short, { paths: 24 * B, seed: 1, workers: WORKERS, keep: 'summary', ...x })],
  ['simulateTransitParallel', 16, (x) => simulateTransitParallel(ROUTES['corridor-poti'], { trips: 16 * B, seed: 1, workers: WORKERS, ...x })],
  ['simulateCorridorParallel', 8, (x) => simulateCorridorParallel(short, ROUTES['corridor-poti'], { paths: 8 * B, seed: 1, workers: WORKERS, ...x })],
];

describe('an aborted parallel run rejects within one block and frees its workers', () => {
  for (const [name, blocks, call] of CALLS) {
    it(`${name}: progress block by block from 0 to total; an abort starts no block after it and rejects with the AbortError`, async () => {
      const seen: Progress[] = [];
      await call({ onProgress: (p) => seen.push(p) });
      expect(seen.map((p) => p.done)).toEqual(seen.map((_, i) => Math.min(i, blocks) * (seen[0]!.total / blocks)));
      expect(seen.length).toBe(blocks + 1);
      // Abort at the first block's report: the other worker's block (one at most) may still come back, nothing more.
      const c = new AbortController();
      const after: Progress[] = [];
      const e = await call({ signal: c.signal, onProgress: (p) => (c.signal.aborted ? after.push(p) : p.done > 0 && c.abort()) }).catch((x: unknown) => x);
      expect(e).toBe(c.signal.reason);
      expect((e as DOMException).name).toBe('AbortError');
      expect(after.length).toBeLessThanOrEqual(WORKERS - 1);
      // Aborted before the call: no progress, the same error.
      const none: Progress[] = [];
      await expect(call({ signal: AbortSignal.abort(), onProgress: (p) => none.push(p) })).rejects.toMatchObject({ name: 'AbortError' });
      expect(none).toEqual([]);
    });
  }

  it('two runs in flight, one aborted: the other gives the one-thread numbers; a run right after the abort does not wait for its blocks', async () => {
    const big = { paths: 96 * B, seed: 2, workers: WORKERS, keep: 'summary' } as const;
    // How long the big run takes when nothing stops it.
    let t0 = performance.now();
    await simulateVolumesParallel(long, big);
    const full = performance.now() - t0;
    const c = new AbortController();
    const aborted = simulateVolumesParallel(long, { ...big, signal: c.signal, onProgress: (p) => p.done >= 4 * B && c.abort() });
    const other = simulateVolumesParallel(PRESETS.baseline, { paths: 6 * B + 7, seed: 3, workers: WORKERS, keep: 'summary' });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    t0 = performance.now();
    const next = await simulateVolumesParallel(short, { paths: 2 * B, seed: 4, workers: WORKERS, keep: 'summary' });
    const after = performance.now() - t0;
    // Were the aborted run's 90-odd remaining blocks still out on the workers, this run would queue behind them.
    expect(after).toBeLessThan(full / 2);
    expect(next.toJSON()).toEqual(simulateVolumes(short, { paths: 2 * B, seed: 4, keep: 'summary' }).toJSON());
    const o = (await other) as VolumeSummary;
    expect(o.toJSON()).toEqual(simulateVolumes(PRESETS.baseline, { paths: 6 * B + 7, seed: 3, keep: 'summary' }).toJSON());
  });
});
