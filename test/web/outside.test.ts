/**
 * `middle-corridor/web` outside a browser: its checks are the Node pool's and come first; then,
 * with no web workers to run on, a TypeError that says to use `middle-corridor/node` — from the
 * ES module and from the CommonJS build, which also says it cannot find its worker.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { PRESETS, ROUTES } from 'middle-corridor';
import { maxWorkers, simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel } from 'middle-corridor/web';
import { built } from '../package/built.js';

it('checks its arguments first, as the Node pool does, then says web workers are missing', async () => {
  await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 1, seed: 1 })).rejects.toThrow(/^simulateVolumesParallel: paths must be/);
  await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers: maxWorkers() + 1 })).rejects.toThrow(
    new RegExp(`^simulateVolumesParallel: workers must be a whole number in \\[1, ${maxWorkers()}\\] \\(got ${maxWorkers() + 1}\\): this browser reports \\d+ logical CPUs? \\(navigator.hardwareConcurrency; at most 4 workers each\\); see maxWorkers\\(\\)$`),
  );
  const missing = /runs on web workers, which this runtime lacks \(in Node, use middle-corridor\/node\)$/;
  await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers: 2 })).rejects.toThrow(missing);
  await expect(simulateTransitParallel(ROUTES['corridor-poti'], { trips: 10, seed: 1 })).rejects.toThrow(missing);
  await expect(simulateCorridorParallel(PRESETS.baseline, ROUTES['corridor-poti'], { paths: 10, seed: 1 })).rejects.toThrow(missing);
  await expect(simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError', message: 'This operation was aborted' });
});

it('the CommonJS build loads under require and says it cannot find its worker', async () => {
  const b = await built();
  const code = `
    globalThis.Worker = class {};
    const { simulateVolumesParallel } = require('middle-corridor/web');
    const { PRESETS } = require('middle-corridor');
    simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers: 1 }).catch((e) => console.log(e.name + ': ' + e.message));
  `;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: b.dir, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('TypeError: simulateVolumesParallel: the CommonJS build of middle-corridor/web cannot find its worker: import its ES module (dist/web/index.js)');
});
