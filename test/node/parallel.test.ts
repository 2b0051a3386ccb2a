import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateCorridor, simulateTransit, simulateVolumes, type VolumeResult } from 'middle-corridor';
import { closeWorkers, simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel } from '../../src/node/index.js';

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
      const par = (await simulateVolumesParallel(PRESETS.baseline, { paths, seed: 'par', workers, quantiles: [0.25] })) as VolumeResult;
      serial.years.forEach((year, k) => {
        same(par.volume[k], serial.volume[k]);
        same(par.demand[k], serial.demand[k]);
        same(par.capacity[k], serial.capacity[k]);
        // computed on the workers (or, with one, here): the same numbers
        expect(par.quantiles(year, [0.1, 0.25, 0.5, 0.9])).toEqual(serial.quantiles(year, [0.1, 0.25, 0.5, 0.9]));
      });
      // On workers, the result's arrays are the shared memory they wrote, not a copy of it.
      if (workers > 1) for (const a of [...par.volume, ...par.demand]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    });

    it(`simulateTransitParallel, ${workers} worker(s)`, async () => {
      const trips = 50_001;
      const serial = simulateTransit(ROUTES['corridor-poti'], { trips, seed: 'par', volumeMt: 5.5 });
      const par = await simulateTransitParallel(ROUTES['corridor-poti'], { trips, seed: 'par', volumeMt: 5.5, workers });
      same(par.days, serial.days);
      if (workers > 1) expect(par.days.buffer).toBeInstanceOf(SharedArrayBuffer); // the workers' memory, not a copy
      expect(par.legs()).toEqual(serial.legs());
      expect(par.saturated).toEqual(serial.saturated);
      expect(par.toJSON()).toEqual(serial.toJSON());
    });
  }

  for (const workers of [2, 3]) {
    it(`simulateVolumesParallel with keep: 'summary', ${workers} workers: every statistic, bit for bit`, async () => {
      const o = { paths: 150_001, seed: 'sum', keep: 'summary' as const, quantiles: [0.05, 0.999], thresholds: [6] };
      const serial = simulateVolumes(PRESETS.baseline, o);
      const par = await simulateVolumesParallel(PRESETS.baseline, { ...o, workers });
      for (const year of serial.years) {
        expect(par.quantiles(year, [0.05, 0.1, 0.5, 0.9, 0.999])).toEqual(serial.quantiles(year, [0.05, 0.1, 0.5, 0.9, 0.999]));
        expect(par.mean(year)).toEqual(serial.mean(year)); // sums merged in block order: the same bits
        expect(par.unmet(year)).toEqual(serial.unmet(year));
        expect(par.utilisation(year)).toEqual(serial.utilisation(year));
        expect(par.probabilityAtLeast(year, 6)).toEqual(serial.probabilityAtLeast(year, 6));
      }
      expect(par.firstYearReaching(6)).toEqual(serial.firstYearReaching(6));
      // and the same quantiles as a full run
      const full = simulateVolumes(PRESETS.baseline, { paths: 150_001, seed: 'sum' });
      expect(par.quantiles(2031, [0.1, 0.5, 0.9])).toEqual(full.quantiles(2031, [0.1, 0.5, 0.9]));
    });
  }

  for (const workers of [1, 2, 3]) {
    it(`simulateCorridorParallel, ${workers} worker(s)`, async () => {
      const o = { paths: 20_001, seed: 'cor', tripsPerPath: 2, useScenarioCapacity: true };
      const serial = simulateCorridor(PRESETS['official-capacity'], ROUTES['corridor-poti'], o);
      const par = await simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], { ...o, workers });
      for (const year of serial.years) {
        same(par.transit(year).days, serial.transit(year).days);
        expect(par.transit(year).saturated).toEqual(serial.transit(year).saturated);
        expect(par.transit(year).legs()).toEqual(serial.transit(year).legs());
      }
      expect(par.summary()).toEqual(serial.summary());
      expect(par.toJSON()).toEqual(serial.toJSON());
    });
  }

  it('errors in a worker come back as errors, and bad worker counts are refused', async () => {
    await expect(simulateTransitParallel({ name: 'r', legs: [{ name: 'q', mode: 'port', days: 1, queue: { servers: 1, serviceDays: 1 } }] }, { trips: 10, seed: 1, volumeMt: 2, workers: 2 })).rejects.toThrow(/no capacityMt/);
    await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers: 0 })).rejects.toThrow(/simulateVolumesParallel: workers must be a whole number in \[1, \d+\] \(got 0\)/);
    await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers: 2, quantiles: [2] })).rejects.toThrow(/simulateVolumesParallel: quantiles\[0\] must be a number in \[0, 1\] \(got 2\)/);
  });
});
