/**
 * Issue 10, `middle-corridor/node`: every failure found by the adversarial tries on the worker
 * pool, as a test (the built package's entries are checked in test/package/entries.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FormulaError, PRESETS, ROUTES, ScenarioError, simulateVolumes, TransitSample, VolumeResult, VolumeSummary } from 'middle-corridor';
import { closeWorkers, maxWorkers, simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel, WORKERS_PER_CPU } from '../../src/node/index.js';
import { pooledWorkers, runWorker, startRun, workerExecArgv } from '../../src/node/pool.js';
import { fromWire } from '../../src/engine/wire.js';
import { toWire } from '../../src/engine/wire-out.js';

afterAll(closeWorkers);

const root = fileURLToPath(new URL('../..', import.meta.url));
const corridorOptions = { paths: 20_001, seed: 'cor', tripsPerPath: 2, useScenarioCapacity: true };

/** What a promise settles to, its rejection handled from the start (so closing the pool before awaiting it is no unhandled rejection). */
const settled = (p: Promise<unknown>): Promise<unknown> => p.then((value) => ({ value }), (error: unknown) => error);

/** Runs `node <flags> -e <code>` from the repository root (source, through tsx). */
function node(flags: string[], code: string) {
  const r = spawnSync(process.execPath, [...flags, '-e', code], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('closeWorkers() while a parallel run is in flight: the run rejects, it never hangs', () => {
  const closed = (fn: string) => new RegExp(`^${fn}: the worker pool was closed \\(closeWorkers\\(\\)\\) while the run was in flight$`);

  it('simulateVolumesParallel(PRESETS.baseline, { paths: 400_001, seed: 1, workers: 2 }); closeWorkers()', async () => {
    const run = settled(simulateVolumesParallel(PRESETS.baseline, { paths: 400_001, seed: 1, workers: 2 }));
    await closeWorkers();
    const e = await run;
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(closed('simulateVolumesParallel'));
  });

  it("simulateVolumesParallel(..., { keep: 'summary', paths: 150_001, workers: 2 }); closeWorkers()", async () => {
    const run = settled(simulateVolumesParallel(PRESETS.baseline, { paths: 150_001, seed: 1, workers: 2, keep: 'summary' }));
    await closeWorkers();
    expect(await run).toBeInstanceOf(Error);
    expect(((await run) as Error).message).toMatch(closed('simulateVolumesParallel'));
  });

  it("simulateTransitParallel(ROUTES['corridor-poti'], { trips: 200_001, seed: 1, workers: 2 }); closeWorkers()", async () => {
    const run = settled(simulateTransitParallel(ROUTES['corridor-poti'], { trips: 200_001, seed: 1, workers: 2 }));
    await closeWorkers();
    expect(await run).toBeInstanceOf(Error);
    expect(((await run) as Error).message).toMatch(closed('simulateTransitParallel'));
  });

  it("simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], ...); closeWorkers() (in the volume phase and in the trip phase)", async () => {
    const early = settled(simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], { ...corridorOptions, workers: 2 }));
    await closeWorkers();
    expect(await early).toBeInstanceOf(Error);
    expect(((await early) as Error).message).toMatch(closed('simulateCorridorParallel'));
  });

  it('a run whose pool was closed between its phases (volumes, then trips or quantiles) starts no new workers: its next phase rejects', async () => {
    const run = startRun('simulateCorridorParallel');
    await closeWorkers();
    await expect(runWorker(run, 0, { engine: 'volume', aside: { years: [0], volume: [new Float64Array(1)], levels: [0.5] } })).rejects.toThrow(closed('simulateCorridorParallel'));
    expect(pooledWorkers()).toHaveLength(0);
  });

  it('a run after closeWorkers() starts new workers and gives the one-thread numbers', async () => {
    const run = settled(simulateVolumesParallel(PRESETS.baseline, { paths: 40_001, seed: 'again', workers: 2 }));
    await closeWorkers();
    expect(await run).toBeInstanceOf(Error);
    expect(((await run) as Error).message).toMatch(closed('simulateVolumesParallel'));
    const par = await simulateVolumesParallel(PRESETS.baseline, { paths: 40_001, seed: 'again', workers: 2 });
    const serial = simulateVolumes(PRESETS.baseline, { paths: 40_001, seed: 'again' });
    expect(par.quantiles(2030, [0.1, 0.5, 0.9])).toEqual(serial.quantiles(2030, [0.1, 0.5, 0.9]));
  });

  it('top-level await: node --import tsx --input-type=module -e "...await closeWorkers()..." prints the error and exits 0, not 13', () => {
    const r = node(
      ['--import', 'tsx', '--input-type=module'],
      `import { PRESETS } from './src/index.ts';
       import { simulateVolumesParallel, closeWorkers } from './src/node/index.ts';
       const run = simulateVolumesParallel(PRESETS.baseline, { paths: 400001, seed: 1, workers: 2 }).catch((e) => e.message);
       await closeWorkers();
       console.log(await run);`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(closed('simulateVolumesParallel'));
    expect(r.status).toBe(0);
  });
});

describe('a worker that stops mid-job rejects the jobs it had', () => {
  it('simulateVolumesParallel(PRESETS.baseline, { paths: 400_001, seed: 1, workers: 2 }), then a worker is terminated', async () => {
    const run = settled(simulateVolumesParallel(PRESETS.baseline, { paths: 400_001, seed: 1, workers: 2 }));
    await pooledWorkers()[0]!.terminate();
    expect(await run).toBeInstanceOf(Error);
    expect(((await run) as Error).message).toMatch(/^simulateVolumesParallel: a worker stopped \(exit code 1\) while the run was in flight$/);
    // The pool forgot the stopped worker: the next run works.
    const r = await simulateTransitParallel(ROUTES['corridor-poti'], { trips: 40_001, seed: 1, workers: 2 });
    expect(r).toBeInstanceOf(TransitSample);
  });
});

describe('workers: bounded by what the machine can hold', () => {
  const fns = [
    ['simulateVolumesParallel', (workers: unknown) => simulateVolumesParallel(PRESETS.baseline, { paths: 10, seed: 1, workers } as never)],
    ['simulateTransitParallel', (workers: unknown) => simulateTransitParallel(ROUTES['corridor-poti'], { trips: 10, seed: 1, workers } as never)],
    ['simulateCorridorParallel', (workers: unknown) => simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 10, seed: 1, workers } as never)],
  ] as const;

  it('maxWorkers() is at least 1 and at most 4 × availableParallelism()', () => {
    expect(maxWorkers()).toBeGreaterThanOrEqual(1);
    expect(maxWorkers()).toBeLessThanOrEqual(WORKERS_PER_CPU * availableParallelism());
  });

  for (const [fn, call] of fns) {
    it(`${fn}(..., { workers: maxWorkers() + 1 }) and { workers: 10_000 }: a RangeError naming the function, the value, the bound and why`, async () => {
      for (const w of [maxWorkers() + 1, 10_000]) {
        const e = await call(w).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(RangeError);
        expect((e as Error).message).toMatch(new RegExp(`^${fn}: workers must be a whole number in \\[1, ${maxWorkers()}\\] \\(got ${w}\\): this machine has \\d+ CPUs? \\(at most 4 workers each\\) and \\d+ MB free \\(64 MB per worker\\); see maxWorkers\\(\\)$`));
      }
    });

    it(`${fn}(..., { workers: '2' | null | 0 | 1.5 | NaN | -1 }): TypeError for a wrong kind, RangeError for a bad number`, async () => {
      for (const w of ['2', null, true, 2n]) await expect(call(w)).rejects.toThrow(TypeError);
      for (const w of [0, 1.5, Number.NaN, -1, Number.POSITIVE_INFINITY]) await expect(call(w)).rejects.toThrow(RangeError);
      await expect(call('2')).rejects.toThrow(new RegExp(`^${fn}: workers must be a whole number in \\[1, \\d+\\] \\(got "2"\\)$`));
    });
  }

  it('simulateVolumesParallel(PRESETS.baseline, { paths: 40_001, seed: 1, workers: 32 }): the one-thread numbers, or a RangeError giving the bound (never EMFILE or a module error)', async () => {
    const run = simulateVolumesParallel(PRESETS.baseline, { paths: 40_001, seed: 1, workers: 32 });
    if (32 > maxWorkers()) {
      await expect(run).rejects.toThrow(new RegExp(`^simulateVolumesParallel: workers must be a whole number in \\[1, ${maxWorkers()}\\] \\(got 32\\)`));
    } else {
      expect((await run).quantile(2030, 0.5)).toBe(simulateVolumes(PRESETS.baseline, { paths: 40_001, seed: 1 }).quantile(2030, 0.5));
    }
  });
});

describe('workers start with the flags they need, not every flag of the parent', () => {
  it('workerExecArgv drops what to run (-e, -p, --input-type) and process modes, keeps loaders and conditions', () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'code'])).toEqual([]);
    expect(workerExecArgv(['--import', 'tsx', '--input-type', 'module', '--eval', 'x'])).toEqual(['--import', 'tsx']);
    expect(workerExecArgv(['-p', '1 + 1', '--conditions=dev'])).toEqual(['--conditions=dev']);
    expect(workerExecArgv(['--print=1', '-pe', 'x', '--watch', '--watch-path', 'src', '--test', '-i', '--check'])).toEqual([]);
    // Nothing to drop: inherit every flag, as Node does by default.
    expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=4096'])).toBeUndefined();
    expect(workerExecArgv([])).toBeUndefined();
  });

  it('node --import tsx --input-type=module -e "...simulateVolumesParallel(..., { workers: 2 })..." (was ERR_INPUT_TYPE_NOT_ALLOWED)', () => {
    const r = node(
      ['--import', 'tsx', '--input-type=module', '--max-old-space-size=2048'],
      `import { PRESETS, simulateVolumes } from './src/index.ts';
       import { simulateVolumesParallel } from './src/node/index.ts';
       const par = await simulateVolumesParallel(PRESETS.baseline, { paths: 40001, seed: 1, workers: 2 });
       console.log(par.quantile(2030, 0.5) === simulateVolumes(PRESETS.baseline, { paths: 40001, seed: 1 }).quantile(2030, 0.5));`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
    expect(r.status).toBe(0);
  });
});

describe('options of the parallel functions are closed records', () => {
  const calls = [
    ['simulateVolumesParallel', 'paths, seed, onProgress, signal, blockSize, keep, quantiles, thresholds, sampling, workers', (o: unknown) => simulateVolumesParallel(PRESETS.baseline, o as never)],
    ['simulateTransitParallel', 'trips, seed, volumeMt, onProgress, signal, workers', (o: unknown) => simulateTransitParallel(ROUTES['corridor-poti'], o as never)],
    ['simulateCorridorParallel', 'paths, seed, tripsPerPath, useScenarioCapacity, onProgress, signal, workers', (o: unknown) => simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], o as never)],
  ] as const;

  for (const [fn, , call] of calls) {
    it(`${fn}(..., undefined) and (..., null): a TypeError naming the function (not a native TypeError)`, async () => {
      const required = fn === 'simulateTransitParallel' ? 'trips, seed' : 'paths, seed';
      await expect(call(undefined)).rejects.toThrow(new RegExp(`^${fn}: options must be an object with ${required} \\(got nothing\\)$`));
      await expect(call(null)).rejects.toThrow(new RegExp(`^${fn}: options must be an object with ${required} \\(got null\\)$`));
      await expect(call(undefined)).rejects.toThrow(TypeError);
    });
  }

  it("simulateTransitParallel(route, { trips, seed, volumeMT: 5 }): the misspelt option is refused, naming the allowed ones", async () => {
    await expect(simulateTransitParallel(ROUTES['corridor-poti'], { trips: 10, seed: 1, volumeMT: 5 } as never)).rejects.toThrow(
      new TypeError(`simulateTransitParallel: unknown option 'volumeMT' (allowed: ${calls[1][1]})`),
    );
  });

  it("simulateTransitParallel(route, { trips, seed, volumeMt: '5' | -1 | NaN }): TypeError for a wrong kind, RangeError for a bad number, naming the function", async () => {
    const call = (volumeMt: unknown) => simulateTransitParallel(ROUTES['corridor-poti'], { trips: 10, seed: 1, volumeMt } as never);
    await expect(call('5')).rejects.toThrow(new TypeError('simulateTransitParallel: volumeMt must be a finite number (got "5")'));
    await expect(call(-1)).rejects.toThrow(new RangeError('simulateTransitParallel: volumeMt must be a finite number >= 0 (got -1)'));
    await expect(call(Number.NaN)).rejects.toThrow(new RangeError('simulateTransitParallel: volumeMt must be a finite number (got NaN)'));
  });

  for (const [fn, allowed, call] of calls) {
    it(`${fn}(..., { ...valid, workerCount: 2 }): unknown keys listed with the allowed ones`, async () => {
      await expect(call({ paths: 10, trips: 10, seed: 1, workerCount: 2 })).rejects.toThrow(/unknown option/);
      const e = await call({ ...(fn === 'simulateTransitParallel' ? { trips: 10 } : { paths: 10 }), seed: 1, workerCount: 2 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TypeError);
      expect((e as Error).message).toBe(`${fn}: unknown option 'workerCount' (allowed: ${allowed})`);
    });
  }

  it('property: any options value is a valid run or a TypeError/RangeError naming the function, never a hang or a native error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), fc.anything(), async ([fn, , call], o) => {
        const e = await call(o).then(
          () => null,
          (x: unknown) => x,
        );
        if (e === null) return;
        expect(e instanceof TypeError || e instanceof RangeError).toBe(true);
        expect((e as Error).message.startsWith(`${fn}: `)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('property: any workers value is a valid run or a TypeError/RangeError naming the function and the bound', async () => {
    const workers = fc.oneof(fc.anything(), fc.integer({ min: -5, max: 300 }), fc.double());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), workers, async ([fn, , call], w) => {
        const valid = w === undefined || (typeof w === 'number' && Number.isInteger(w) && w >= 1 && w <= maxWorkers());
        const run = call({ ...(fn === 'simulateTransitParallel' ? { trips: 10 } : { paths: 10 }), seed: 1, workers: w });
        if (valid) {
          await expect(run).resolves.toBeDefined();
        } else {
          const e = await run.catch((x: unknown) => x);
          expect(e).toBeInstanceOf(typeof w === 'number' ? RangeError : TypeError);
          expect((e as Error).message).toMatch(new RegExp(`^${fn}: workers must be a whole number in \\[1, ${maxWorkers()}\\]`));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('errors from workers keep their class and message', () => {
  it('ScenarioError, FormulaError, RangeError, TypeError cross threads as themselves (message and issues too)', () => {
    const issues = [{ path: ['growth', 'rate'], message: 'must be > -1 (got -1.5)' }];
    const scenario = new ScenarioError('scenario', issues);
    const back = fromWire(structuredClone(toWire(scenario)));
    expect(back).toBeInstanceOf(ScenarioError);
    expect(back.message).toBe(scenario.message);
    expect((back as ScenarioError).issues).toEqual(issues);
    for (const e of [new RangeError('simulateVolumes: demand overflows'), new TypeError('x: must be a number'), new FormulaError('cannot be parsed')]) {
      const b = fromWire(structuredClone(toWire(e)));
      expect(b).toBeInstanceOf(e.constructor);
      expect(b.name).toBe(e.name);
      expect(b.message).toBe(e.message);
    }
    expect(fromWire(toWire('a string')).message).toBe('a worker threw a non-error: "a string"');
  });

  it('a RangeError and a TypeError thrown on a worker arrive as a RangeError and a TypeError with their messages', async () => {
    const run = startRun('test');
    // No values: the quantiles throw a RangeError there.
    const range = await runWorker(run, 0, { engine: 'volume', aside: { years: [0], volume: [new Float64Array(0)], levels: [0.5] } }).catch((x: unknown) => x);
    expect(range).toBeInstanceOf(RangeError);
    expect((range as Error).message).toMatch(/needs at least one value/);
    const type = await runWorker(run, 0, { engine: 'volume', aside: { years: [0], volume: [new Float64Array(8)], levels: null as never } }).catch((x: unknown) => x);
    expect(type).toBeInstanceOf(TypeError);
  });
});

describe('results of middle-corridor/node are the main entry\'s classes (from source; the build: test/package/entries.test.ts)', () => {
  it('VolumeResult, VolumeSummary, TransitSample, ScenarioError', async () => {
    expect(await simulateVolumesParallel(PRESETS.baseline, { paths: 40_001, seed: 1, workers: 2 })).toBeInstanceOf(VolumeResult);
    expect(await simulateVolumesParallel(PRESETS.baseline, { paths: 150_001, seed: 1, workers: 2, keep: 'summary' })).toBeInstanceOf(VolumeSummary);
    expect(await simulateTransitParallel(ROUTES['corridor-poti'], { trips: 40_001, seed: 1, workers: 2 })).toBeInstanceOf(TransitSample);
    await expect(simulateVolumesParallel({ ...PRESETS.baseline, horizon: 'x' } as never, { paths: 10, seed: 1, workers: 2 })).rejects.toThrow(ScenarioError);
  });
});
