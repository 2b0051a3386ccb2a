import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateCorridor, simulateTransit, simulateVolumes, type CorridorResult, type TransitSample, type VolumeResult, type VolumeSummary } from '../../src/index.js';
import { mergeCorridor, planCorridor, planCorridorTrips, runCorridorBlocks } from '../../src/transit/corridor-engine.js';
import { mergeTransit, planTransit, runTransitBlocks, type TripBlocks } from '../../src/transit/engine.js';
import { mergeVolumes, placeBrackets, planVolumes, runVolumeBlocks, runVolumePilot, type VolumeBlocks, type VolumePartial, type VolumePlan } from '../../src/volume/engine.js';
import { decode, encode } from '../../src/cli/codec.js';
import { fingerprint } from '../../src/engine/fingerprint.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mc-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs blocks [b0, b1) of the plan in its own Node process; resolves with the partial it wrote. */
function inProcess<T>(kind: 'volumes' | 'transit', planFile: string, b0: number, b1: number): Promise<T> {
  const out = join(dir, `${kind}-${b0}-${b1}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/engine/run-half.ts'), kind, planFile, String(b0), String(b1), out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(decode<T>(readFileSync(out, 'utf8'))) : reject(new Error(`run-half exited ${code}: ${err}`))));
  });
}

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The same bits: toJSON, and every raw array byte for byte. */
function sameBits(a: { toJSON(): unknown }, b: { toJSON(): unknown }, arrays: (x: never) => Float64Array[]): void {
  expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
  const [xa, xb] = [arrays(a as never), arrays(b as never)];
  expect(xa.length).toBe(xb.length);
  xa.forEach((x, i) => expect(Buffer.compare(bytes(x), bytes(xb[i]!)), `array ${i}`).toBe(0));
}

const volumeArrays = (r: VolumeResult) => [...r.demand, ...r.capacity, ...r.volume];
const tripDays = (t: TransitSample) => [t.days];

describe('a run split in two halves, each in its own Node process, merges to the one-thread bits', () => {
  async function splitVolumes(plan: VolumePlan): Promise<VolumeResult | VolumeSummary> {
    const planFile = join(dir, `plan-${plan.keep}.json`);
    writeFileSync(planFile, encode(plan));
    const mid = Math.floor(plan.nBlocks / 2);
    const parts = await Promise.all([inProcess<VolumePartial>('volumes', planFile, 0, mid), inProcess<VolumePartial>('volumes', planFile, mid, plan.nBlocks)]);
    return mergeVolumes(decode<VolumePlan>(readFileSync(planFile, 'utf8')), parts);
  }

  it('volumes, full: official-capacity, 70,000 paths (5 blocks: [0, 2) and [2, 5))', async () => {
    const o = { paths: 70_000, seed: 7 };
    const merged = (await splitVolumes(planVolumes(PRESETS['official-capacity'], o))) as VolumeResult;
    sameBits(merged, simulateVolumes(PRESETS['official-capacity'], o), volumeArrays);
  });

  it("volumes, keep: 'summary': baseline, 120,000 paths (pilot and brackets first, on this side; 8 blocks: [0, 4) and [4, 8))", async () => {
    const o = { paths: 120_000, seed: 7, keep: 'summary' as const, quantiles: [0.05, 0.37], thresholds: [10] };
    const planned = planVolumes(PRESETS.baseline, o);
    const merged = (await splitVolumes(placeBrackets(planned, [runVolumePilot(planned)]))) as VolumeSummary;
    sameBits(merged, simulateVolumes(PRESETS.baseline, o), () => []);
  });

  it('transit: corridor-poti at 3 Mt, 70,000 trips (5 blocks)', async () => {
    const o = { trips: 70_000, seed: 7, volumeMt: 3 };
    const plan = planTransit(ROUTES['corridor-poti'], o);
    const planFile = join(dir, 'plan-transit.json');
    writeFileSync(planFile, encode(plan));
    const parts = await Promise.all([inProcess<TripBlocks>('transit', planFile, 0, 2), inProcess<TripBlocks>('transit', planFile, 2, plan.nBlocks)]);
    sameBits(mergeTransit(plan, parts), simulateTransit(ROUTES['corridor-poti'], o), tripDays);
  });
});

/** Contiguous ranges covering [0, n): cuts drawn by fast-check. */
const ranges = (n: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: n - 1 }).map((cuts) => {
    const c = [0, ...cuts.sort((a, b) => a - b), n];
    return c.slice(1).map((b1, i) => [c[i]!, b1] as [number, number]);
  });

describe('property: any split of the blocks into contiguous ranges merges to the same bits', () => {
  const scenario = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2028, growth: { model: 'exponential' as const, rate: 0.2 }, volatility: 0.2, capacity: { baseMt: 6 }, target: { year: 2028, volumeMt: 8 } };

  it('volumes, full and summary (5 blocks, 80,000 paths)', () => {
    for (const keep of ['all', 'summary'] as const) {
      const o = { paths: 80_000, seed: 'split', keep };
      const one = simulateVolumes(scenario, o);
      let plan = planVolumes(scenario, o);
      if (keep === 'summary') plan = placeBrackets(plan, [runVolumePilot(plan, 0, 1), runVolumePilot(plan, 1, 4)]);
      fc.assert(
        fc.property(ranges(plan.nBlocks), (rs) => {
          const merged = mergeVolumes(plan, rs.map(([b0, b1]) => runVolumeBlocks(plan, b0, b1)));
          sameBits(merged, one, (r: VolumeResult | VolumeSummary) => (r.kind === 'volumes' ? volumeArrays(r) : []));
        }),
        { numRuns: 8 },
      );
    }
  });

  it('transit and corridor (5 blocks)', () => {
    const o = { trips: 80_000, seed: 'split', volumeMt: 3 };
    const plan = planTransit(ROUTES['corridor-poti'], o);
    const one = simulateTransit(ROUTES['corridor-poti'], o);
    const c = { paths: 80_000, seed: 'split', useScenarioCapacity: true };
    const cplan = planCorridor(scenario, ROUTES['corridor-poti'], c);
    const trips = planCorridorTrips(cplan, mergeVolumes(cplan.volumes, [runVolumeBlocks(cplan.volumes, 0, cplan.volumes.nBlocks)]) as VolumeResult);
    const cone = simulateCorridor(scenario, ROUTES['corridor-poti'], c);
    const corridorDays = (r: CorridorResult) => r.years.map((y) => r.transit(y).days);
    fc.assert(
      fc.property(ranges(plan.nBlocks), (rs) => {
        sameBits(mergeTransit(plan, rs.map(([b0, b1]) => runTransitBlocks(plan, b0, b1))), one, tripDays);
        sameBits(mergeCorridor(trips, rs.map(([b0, b1]) => runCorridorBlocks(trips, b0, b1))), cone, corridorDays);
      }),
      { numRuns: 8 },
    );
  });

  it('refuses partials that do not cover the blocks in order', () => {
    const plan = planTransit(ROUTES['corridor-poti'], { trips: 40_000, seed: 1 });
    const [a, b] = [runTransitBlocks(plan, 0, 1), runTransitBlocks(plan, 1, 3)];
    expect(() => mergeTransit(plan, [b, a])).toThrow(/mergeTransit: partials must cover blocks \[0, 3\) in block order: partials\[0\] starts at block 1, expected 0/);
    expect(() => mergeTransit(plan, [a])).toThrow(/mergeTransit: partials must cover blocks \[0, 3\) in block order: they end at block 1/);
    expect(() => runTransitBlocks(plan, 2, 2)).toThrow(/runTransitBlocks: b1 must be a whole number in \[3, 3\]/);
  });
});

describe('partials carry their plan fingerprint, and a merge refuses another plan partials', () => {
  const scenario = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2028, growth: { model: 'exponential' as const, rate: 0.2 }, volatility: 0.2, capacity: { baseMt: 6 }, target: { year: 2028, volumeMt: 8 } };
  it('volumes (full and summary), transit and corridor: another seed, scenario, option or block size is refused, naming the partial', () => {
    const o = { paths: 40_000, seed: 'fp' };
    const plan = planVolumes(scenario, o);
    const own = (p: VolumePlan) => [runVolumeBlocks(p, 0, 1), runVolumeBlocks(p, 1, p.nBlocks)];
    expect(() => mergeVolumes(plan, own(plan))).not.toThrow();
    for (const other of [planVolumes(scenario, { ...o, seed: 'other' }), planVolumes({ ...scenario, horizon: scenario.horizon }, { ...o, blockSize: 32_768 }), planVolumes({ ...scenario, volatility: 0.3 }, o), planVolumes(scenario, { ...o, quantiles: [0.25] })]) {
      const [a, b] = [runVolumeBlocks(plan, 0, 1), runVolumeBlocks(other, 1, other.nBlocks)];
      expect(() => mergeVolumes(plan, [a, b])).toThrow(/^mergeVolumes: partials\[1\] was made from another plan \(fingerprint "[0-9a-f]{16}", this plan's [0-9a-f]{16}\)/);
    }
    const { fingerprint: _fp, ...bare } = runVolumeBlocks(plan, 1, plan.nBlocks);
    expect(() => mergeVolumes(plan, [runVolumeBlocks(plan, 0, 1), bare as VolumePartial])).toThrow(/partials\[1\] carries no fingerprint/);

    const t = planTransit(ROUTES['corridor-poti'], { trips: 40_000, seed: 'fp' });
    const t2 = planTransit(ROUTES['corridor-poti'], { trips: 40_000, seed: 'fp', volumeMt: 4 });
    expect(() => mergeTransit(t, [runTransitBlocks(t, 0, 1), runTransitBlocks(t2, 1, t2.nBlocks)])).toThrow(/^mergeTransit: partials\[1\] was made from another plan/);
  });

  it('a plan and its JSON copy (typed arrays as arrays) have one fingerprint; a shard made from the copy merges', () => {
    const plan = planVolumes(scenario, { paths: 40_000, seed: 'fp' });
    const copy = JSON.parse(JSON.stringify(plan)) as VolumePlan;
    expect(fingerprint(copy)).toBe(fingerprint(plan));
    expect(mergeVolumes(plan, [runVolumeBlocks(copy, 0, 1), runVolumeBlocks(plan, 1, plan.nBlocks)]).paths).toBe(40_000);
    expect(fingerprint({ ...plan, seed: 'fp2' })).not.toBe(fingerprint(plan));
    expect(fingerprint({ a: -0 })).not.toBe(fingerprint({ a: 0 }));
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint(new Float64Array([1, 2]))).toBe(fingerprint([1, 2]));
  });
});

describe('a merge refuses numbers no run gives, not only non-finite ones', () => {
  const scenario = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2028, growth: { model: 'exponential' as const, rate: 0.2 }, volatility: 0.2, capacity: { baseMt: 6 }, target: null };
  it('a volume below 0 or above demand or capacity, a negative trip', () => {
    const plan = planVolumes(scenario, { paths: 20_000, seed: 'x' });
    for (const [k, value] of [[1, -5], [2, 1e9]] as const) {
      const part = runVolumeBlocks(plan, 0, plan.nBlocks) as VolumeBlocks;
      part.volume[k]![3] = value;
      expect(() => mergeVolumes(plan, [part])).toThrow(/^mergeVolumes: partials\[0\] holds numbers no run gives on path 3 in 202[67]/);
    }
    const t = planTransit(ROUTES['corridor-poti'], { trips: 20_000, seed: 'x' });
    const trips = runTransitBlocks(t, 0, t.nBlocks);
    trips.days[0]![7] = -1;
    expect(() => mergeTransit(t, [trips])).toThrow(/^mergeTransit: partials\[0\]\.days holds -1 days for trip 7/);
  });
});

it('a plan with a field no plan has is refused, naming it (a plan is data: nothing is ignored)', () => {
  const plan = planVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2027, growth: { model: 'exponential', rate: 0.1 } }, { paths: 100, seed: 1 });
  expect(() => runVolumeBlocks({ ...plan, blocksize: 5 } as never, 0, 1)).toThrow(/^runVolumeBlocks: plan has 'blocksize', a field no plan of planVolumes has/);
  const t = planTransit(ROUTES['corridor-poti'], { trips: 100, seed: 1 });
  expect(() => mergeTransit({ ...t, extra: 1 } as never, [runTransitBlocks(t, 0, 1)])).toThrow(/^mergeTransit: plan has 'extra'/);
});
