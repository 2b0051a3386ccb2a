import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateTransit, simulateVolumes, type VolumeResult } from 'middle-corridor';
import { closeWorkers, simulateTransitParallel, simulateVolumesParallel } from '../../src/node/index.js';

afterAll(closeWorkers);

/** Bit-for-bit equality of two arrays of doubles (fast, and strict about -0 and NaN). */
const same = (a: Float64Array | undefined, b: Float64Array | undefined) =>
  expect(a !== undefined && b !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))).toBe(true);

// Odd path counts that end mid-block, and more workers than blocks.
describe('worker threads give the one-thread numbers, bit for bit', () => {
  for (const workers of [1, 2, 3]) {
    // (1 worker runs on the calling thread.)
    it(`simulateVolumesParallel, ${workers} worker(s)`, async () => {
      const paths = 40_001;
      const serial = simulateVolumes(PRESETS.baseline, { paths, seed: 'par' });
      const par = (await simulateVolumesParallel(PRESETS.baseline, { paths, seed: 'par', workers })) as VolumeResult;
      serial.years.forEach((_, k) => {
        same(par.volume[k], serial.volume[k]);
        same(par.demand[k], serial.demand[k]);
        same(par.capacity[k], serial.capacity[k]);
      });
      expect(par.quantile(2027, 0.5)).toBe(serial.quantile(2027, 0.5));
    });

    it(`simulateTransitParallel, ${workers} worker(s)`, async () => {
      const trips = 50_001;
      const serial = simulateTransit(ROUTES['corridor-poti'], { trips, seed: 'par', volumeMt: 5.5 });
      const par = await simulateTransitParallel(ROUTES['corridor-poti'], { trips, seed: 'par', volumeMt: 5.5, workers });
      same(par.days, serial.days);
      expect(par.legs()).toEqual(serial.legs());
      expect(par.saturated).toBe(serial.saturated);
    });
  }

  it('errors in a worker come back as errors, and bad worker counts are refused', async () => {
    await expect(simulateTransitParallel({ name: 'r', legs: [{ name: 'q', mode: 'port', days: 1, queue: { servers: 1, serviceDays: 1 } }] }, { trips: 10, seed: 1, volumeMt: 2, workers: 2 })).rejects.toThrow(/no capacityMt/);
    await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers: 0 })).rejects.toThrow(/workers: must be a whole number/);
  });
});
