/**
 * The volume engine (docs/design.md, "Engine shape"): `planVolumes` → `runVolumeBlocks(plan, b0,
 * b1)` → partial → `mergeVolumes(plan, partials)` → result. Plans and partials are plain data, so
 * block ranges can run on this thread, on workers (`middle-corridor/node`), in other processes or
 * on other machines, and merge to the same bits as one thread. A `keep: 'summary'` run of more
 * than 4 blocks has one step more, before its blocks: a pilot (`runVolumePilot`) whose volumes
 * place each year's quantile brackets (`placeBrackets`).
 */
import { show } from '../args.js';
import { blockRange, checkCover, finiteArrays, joined } from '../engine/blocks.js';
import { checkFingerprints, fingerprint } from '../engine/fingerprint.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { STREAM_BLOCK } from './draws.js';
import { volumeRun, VOLUME_OPTIONS, type VolumeBlocks, type VolumePilot, type VolumePlan } from './plan.js';
import { checkBlocks, checkCounts, checkVolumePlan } from './engine-checks.js';
import { VolumeResult } from './result.js';
import { summaryYear, type VolumeCounts } from './summary-run.js';
import { finishSummary } from './summary-merge.js';
import { volumePlan } from './volume-plan.js';
import { pathsIn, pilotBlocks, volumeBlocks, volumeBlocksBuffers, volumeQuantiles, volumeViews, type VolumePartial } from './engine-run.js';
import type { Engine } from '../engine/engine.js';
import { runOnThisThread } from '../engine/schedule.js';
import type { Tracker } from '../engine/progress.js';
import type { VolumeSummary } from './summary.js';

export { pathsIn, pilotBlocks, volumeBlocks, volumeBlocksBuffers, volumePlan, volumeQuantiles };

export type { VolumeCounts } from './summary-run.js';
export { STREAM_BLOCK } from './draws.js';
export type { VolumePlan, SummaryPlan, SummaryYear, Bracket, VolumeBlocks, VolumePilot } from './plan.js';

/** A partial of a volume run: {@link VolumeBlocks} (full runs) or {@link VolumeCounts} (`keep: 'summary'`). */
export type { VolumePartial };

/**
 * Plans a volume run: checks the scenario and the options of {@link simulateVolumes} (without
 * `onProgress` and `signal`) and returns the run as plain data. Its blocks are [0, plan.nBlocks).
 *
 * @example planVolumes({ start: { year: 2025, volumeMt: 4 }, horizon: 2030, growth: { model: 'exponential', rate: 0.1 } }, { paths: 40000, seed: 7 }).nBlocks // => 3
 */
export function planVolumes(s: ScenarioInput | Scenario, o: unknown): VolumePlan {
  return volumePlan(volumeRun(s, o, 'planVolumes', VOLUME_OPTIONS.filter((k) => k !== 'onProgress' && k !== 'signal')));
}

/** Whether a summary plan still needs its pilot and brackets before its blocks run. */
export function needsPilot(plan: VolumePlan): boolean {
  return plan.summary !== null && plan.summary.pilot !== null && plan.summary.years === null;
}

/** Simulates pilot blocks [j0, j1) of a summary plan (all of them by default): their volumes, for {@link placeBrackets}. */
export function runVolumePilot(plan: VolumePlan, j0?: number, j1?: number): VolumePilot {
  const fn = 'runVolumePilot';
  const p = checkVolumePlan(fn, plan);
  const pilot = p.summary?.pilot;
  if (!pilot) throw new RangeError(`${fn}: only a keep: 'summary' plan of more than 4 blocks has a pilot (this one has ${p.summary ? 'none: its blocks keep their volumes' : "keep: 'all'"})`);
  const [a, b] = blockRange(fn, j0 ?? 0, j1 ?? pilot.length, pilot.length);
  return pilotBlocks(p, a, b);
}

/** The plan with each year's quantile brackets placed from the pilot's volumes (pilot partials covering the pilot, in order). */
export function placeBrackets(plan: VolumePlan, pilots: readonly VolumePilot[]): VolumePlan {
  const fn = 'placeBrackets';
  const p = checkVolumePlan(fn, plan);
  const s = p.summary;
  if (!s?.pilot) throw new RangeError(`${fn}: only a keep: 'summary' plan of more than 4 blocks has a pilot`);
  if (!Array.isArray(pilots)) throw new TypeError(`${fn}: pilots must be an array of runVolumePilot's partials (got ${show(pilots)})`);
  const parts = checkCover<{ kind: 'volume-pilot'; b0: number; b1: number; volumes: Float64Array[] }>(
    fn,
    pilots.map((x: unknown) => (typeof x === 'object' && x !== null ? { ...x, b0: (x as VolumePilot).j0, b1: (x as VolumePilot).j1 } : x)),
    'volume-pilot',
    s.pilot.length,
  );
  parts.forEach((x, i) => finiteArrays(fn, `pilots[${i}].volumes`, x.volumes, p.years.length, (x.b1 - x.b0) * STREAM_BLOCK));
  return bracketsFrom(p, parts);
}

/** {@link placeBrackets} for pilot partials this library made (unchecked: for schedulers). */
export function bracketsFrom(p: VolumePlan, pilots: readonly { volumes: Float64Array[] }[]): VolumePlan {
  const s = p.summary!;
  const years = p.years.map((_, k) => summaryYear(joined(pilots.map((x) => x.volumes[k]!), s.pilot!.length * STREAM_BLOCK).slice(), p.paths, s.ranks));
  return { ...p, summary: { ...s, years } };
}

/**
 * Runs blocks [b0, b1) of a planned volume run: the partial that {@link mergeVolumes} takes. A
 * full run's partial holds the blocks' paths (written into `into` when given, e.g. views of
 * shared memory); a summary's, per-block statistics and bracket counts (its brackets placed
 * first, see {@link placeBrackets}). The numbers of a block never depend on the range it is run in.
 */
export function runVolumeBlocks(plan: VolumePlan, b0: number, b1: number, into?: VolumeBlocks): VolumePartial {
  const fn = 'runVolumeBlocks';
  const p = checkVolumePlan(fn, plan);
  const [a, b] = blockRange(fn, b0, b1, p.nBlocks);
  if (p.summary !== null && p.summary.pilot !== null && p.summary.years === null) {
    throw new RangeError(`${fn}: this summary plan's brackets are not placed yet: run its pilot (runVolumePilot) and placeBrackets first`);
  }
  if (into !== undefined && p.summary !== null) throw new TypeError(`${fn}: into is for full runs (keep: 'all') only (got ${show(into)})`);
  const part = volumeBlocks(p, a, b, into === undefined ? undefined : checkBlocks(fn, p, { ...into, b0: a, b1: b }, 'into', false));
  return { ...part, fingerprint: fingerprint(p) };
}

/**
 * Merges the partials of consecutive block ranges covering [0, plan.nBlocks), in block order,
 * into the run's result: the same result, bit for bit, as {@link simulateVolumes} with the same
 * options, whatever the split.
 */
export function mergeVolumes(plan: VolumePlan, partials: readonly VolumePartial[]): VolumeResult | VolumeSummary {
  const fn = 'mergeVolumes';
  const p = checkVolumePlan(fn, plan);
  if (p.summary !== null) {
    if (p.summary.pilot !== null && p.summary.years === null) throw new RangeError(`${fn}: this summary plan's brackets are not placed yet (placeBrackets)`);
    const counts = checkCover<VolumeCounts>(fn, partials, 'volume-counts', p.nBlocks);
    checkFingerprints(fn, counts, fingerprint(p));
    return mergePartials(p, counts.map((c, i) => checkCounts(fn, p, c, i)));
  }
  const blocks = checkCover<VolumeBlocks>(fn, partials, 'volume-blocks', p.nBlocks);
  checkFingerprints(fn, blocks, fingerprint(p));
  return mergePartials(p, blocks.map((x, i) => checkBlocks(fn, p, x, `partials[${i}]`, true)));
}

/**
 * {@link mergeVolumes} of partials this library made (unchecked: for schedulers). `quantiles`
 * (full runs): [year index, p, value] triples computed already from these arrays (see
 * {@link volumeQuantiles}).
 */
export function mergePartials(p: VolumePlan, parts: readonly VolumePartial[], quantiles?: [number, number, number][]): VolumeResult | VolumeSummary {
  if (p.summary !== null) return finishSummary(p, parts as VolumeCounts[]);
  const blocks = parts as VolumeBlocks[];
  const join = (pick: (x: VolumeBlocks) => Float64Array[]) => (pick(blocks[0]!).length === 0 ? [] : p.years.map((_, k) => joined(blocks.map((x) => pick(x)[k]!), p.paths)));
  const { scenario, seed, paths, years } = p;
  return new VolumeResult({ scenario, seed, paths, years, demand: join((x) => x.demand), capacity: join((x) => x.capacity), volume: join((x) => x.volume), ...(quantiles ? { quantiles } : {}), ...(p.sampling ? { sampling: p.sampling } : {}) });
}

/**
 * Runs a plan on this thread (what {@link simulateVolumes} does): {@link runOnThisThread} of the
 * {@link volumeEngine} — the pilot and brackets when it needs them, its blocks a chunk at a time
 * (progress reported and the signal checked after each), written straight into the result's
 * arrays, then the merge.
 */
export function runVolumePlan(plan: VolumePlan, track?: Tracker, fn = 'simulateVolumes'): VolumeResult | VolumeSummary {
  return runOnThisThread(volumeEngine, plan, { track, fn });
}

/** A summary's pilot as an engine (the stage before its blocks): blocks [0, 4), merged into the plan with its brackets placed. */
const pilotEngine: Engine<VolumePlan, VolumePilot, VolumePlan> = {
  kind: 'volume-pilot',
  unit: 'paths',
  blocks: (p) => p.summary!.pilot!.length,
  items: (_, j0, j1) => (j1 - j0) * STREAM_BLOCK,
  run: pilotBlocks,
  merge: bracketsFrom,
};

/**
 * The volume engine (full and `keep: 'summary'` runs): a summary of more than 4 blocks has its
 * pilot as a stage before its blocks; a full run's partials are run-sized (schedulers run each
 * range into views of one memory); a pool computes its quantiles beside the merge (POOL_ASIDES).
 */
export const volumeEngine: Engine<VolumePlan, VolumePartial, VolumeResult | VolumeSummary, [number, number, number][]> = {
  kind: 'volume',
  unit: 'paths',
  blocks: (p) => p.nBlocks,
  items: pathsIn,
  run: volumeBlocks,
  merge: mergePartials,
  chunk: (p) => p.chunk / STREAM_BLOCK,
  before: (p) => (needsPilot(p) ? { engine: pilotEngine, plan: p, then: (placed) => placed as VolumePlan } : null),
  whole: (p, alloc, fn) => (p.summary === null ? volumeBlocksBuffers(p, 0, p.nBlocks, alloc, fn) : null),
  slice: (p, whole, b0, b1) => volumeViews(p, whole as VolumeBlocks, b0, b1),
  // Small summary runs keep their paths for direct quantiles: faster on one thread.
  local: (p) => p.summary !== null && p.summary.pilot === null,
};

/**
 * Checks a volume run's scenario and options for `fn` (`extra`: keys a variant adds, e.g.
 * workers): its engine plan, and its progress and signal, which stay with the scheduler.
 */
export function checkVolumes(fn: string, s: unknown, o: unknown, extra: readonly string[] = []): { plan: VolumePlan; track: Tracker } {
  const run = volumeRun(s as ScenarioInput, o, fn, [...VOLUME_OPTIONS, ...extra]);
  return { plan: volumePlan(run), track: run.track };
}
