/** The options of a volume run, checked: what every scheduler of the volume engine starts from. */
import { finiteNumbers, levels, oneOf, options, sampleSize, show } from '../args.js';
import { GiB } from '../engine/memory.js';
import { tracker, type ProgressOptions, type Tracker } from '../engine/progress.js';
import { seedKey, type Seed } from '../random/stream.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { STREAM_BLOCK, type SeedOverride } from './draws.js';
import type { VolumeModel } from './resolve.js';

/** The most paths one run may ask for (full runs: 3 arrays × years × paths × 8 bytes). */
export const MAX_PATHS = 50_000_000;

/** Options of {@link simulateVolumes}. */
export interface VolumeOptions extends ProgressOptions {
  /** Number of simulated paths (a whole number, at least 2: a standard error needs two). */
  paths: number;
  /** The run's seed: a finite number or a non-empty string. */
  seed: Seed;
  /**
   * Paths per execution chunk (progress is reported after each), a multiple of 16,384
   * (65,536 by default). The numbers are identical for every chunk size.
   */
  blockSize?: number;
  /**
   * 'all' (default): keep every path's demand, capacity and volume. 'summary': keep only the
   * statistics — exact quantiles at `quantiles`, probabilities at `thresholds` — in memory that
   * does not grow with the number of paths (see {@link VolumeSummary}).
   */
  keep?: 'all' | 'summary';
  /**
   * With keep 'summary': the quantile levels to keep (P10, P50, P90 are always kept). In a full
   * run on workers (`simulateVolumesParallel`), the levels computed there, every year, besides
   * P10, P50 and P90 (the same numbers as `quantiles()` would compute later on this thread). In a
   * full run on this thread nothing is precomputed, but the levels are checked all the same, so
   * that every run mode accepts and refuses the same options. At most 1,000 levels.
   */
  quantiles?: readonly number[];
  /** With keep 'summary': the volumes (Mt) whose probabilities and first years to keep (the target's is always kept). Checked in every mode; at most 1,000. */
  thresholds?: readonly number[];
  /**
   * 'random' (default): each path's parameters drawn independently. 'lhs': Latin hypercube — within
   * each stream block the paths form replicates of at most 2,048 (at least 8 a block), each
   * stratifying every distribution-valued parameter; the standard errors of means and
   * probabilities come from the spread between replicates. Full runs (keep 'all') only, and not
   * with scenario correlations.
   */
  sampling?: 'random' | 'lhs';
}

/** The keys an options object of {@link simulateVolumes} may have. */
export const VOLUME_OPTIONS = ['paths', 'seed', 'onProgress', 'signal', 'blockSize', 'keep', 'quantiles', 'thresholds', 'sampling'] as const;

/**
 * The most memory (bytes) one run may ask for: 4 GiB (2^32). A full run keeps 3 Float64Arrays
 * (demand, capacity, volume; 2 without a capacity) of years × paths doubles; it is checked before
 * anything is allocated, and a larger run is refused with a RangeError that says how much it
 * needs and points to `keep: 'summary'`, whose memory does not grow with the number of paths.
 */
export const MAX_RUN_BYTES = 2 ** 32;

/** Quantile levels every summary keeps. */
export const ALWAYS_KEPT = [0.1, 0.5, 0.9] as const;

/** Validated options (what {@link plan} returns; the engine's plan is this without `track`). */
export interface RunPlan {
  scenario: Scenario;
  paths: number;
  seed: string;
  chunk: number;
  years: number[];
  keep: 'all' | 'summary';
  /** The quantile levels kept or precomputed: P10, P50, P90 and `quantiles`, ascending, distinct. */
  levels: number[];
  /** The volumes asked for in `thresholds` (validated; the target's is added by a summary). */
  thresholds: number[];
  /** `onProgress` and `signal`, which stay with the scheduler. */
  track: Tracker;
  /** Present (and 'lhs') only for Latin hypercube runs. */
  sampling?: 'lhs';
}

/**
 * Checks the options of a volume run (a closed record: unknown keys are refused) and the memory
 * it needs, before anything is simulated or allocated. `fn` names the function in messages;
 * `allowed` lists the keys its options may have.
 */
export function volumeRun(s: ScenarioInput | Scenario, o: unknown, fn = 'simulateVolumes', allowed: readonly string[] = VOLUME_OPTIONS): RunPlan {
  const opts = options<VolumeOptions>(fn, o, allowed, ['paths', 'seed']);
  const paths = sampleSize(fn, 'paths', opts.paths, MAX_PATHS);
  const seed = seedKey(opts.seed, fn);
  const chunk = opts.blockSize === undefined ? 65_536 : blockSize(fn, opts.blockSize);
  const track = tracker(fn, opts);
  const keep = opts.keep === undefined ? 'all' : oneOf(fn, 'keep', opts.keep, ['all', 'summary'] as const);
  const asked = opts.quantiles === undefined ? [] : levels(fn, 'quantiles', opts.quantiles);
  const thresholds = opts.thresholds === undefined ? [] : finiteNumbers(fn, 'thresholds', opts.thresholds);
  if (asked.length > MAX_KEPT || thresholds.length > MAX_KEPT) {
    throw new RangeError(`${fn}: quantiles and thresholds may list at most ${MAX_KEPT} values each (got ${asked.length} and ${thresholds.length})`);
  }
  const scenario = parseScenario(s);
  const lhs = opts.sampling !== undefined && oneOf(fn, 'sampling', opts.sampling, ['random', 'lhs'] as const) === 'lhs';
  if (lhs && keep !== 'all') throw new RangeError(`${fn}: sampling 'lhs' takes keep 'all' (its standard errors come from the replicates' paths)`);
  if (lhs && scenario.correlations) throw new RangeError(`${fn}: sampling 'lhs' does not take a scenario with correlations yet`);
  const y0 = scenario.start.year;
  const years = Array.from({ length: scenario.horizon - y0 + 1 }, (_, k) => y0 + k);
  // The memory the run keeps: every path-year of 2 or 3 arrays, or (summary) the pilot's or a
  // small run's volumes, at most 4 stream blocks a year.
  const arrays = scenario.capacity === null ? 2 : 3;
  const bytes = keep === 'all' ? arrays * years.length * paths * 8 : years.length * Math.min(paths, 4 * STREAM_BLOCK) * 8;
  if (bytes > MAX_RUN_BYTES) {
    throw new RangeError(
      `${fn}: this run needs ${GiB(bytes)} (${arrays} arrays × ${years.length} years × ${paths} paths × 8 bytes), over the ${GiB(MAX_RUN_BYTES)} a run may use (MAX_RUN_BYTES); ` +
        `use keep: 'summary' (memory that does not grow with the number of paths), or fewer paths or years`,
    );
  }
  return { scenario, paths, seed, chunk, years, keep, levels: [...new Set([...ALWAYS_KEPT, ...asked])].sort((a, b) => a - b), thresholds: [...new Set(thresholds)], track, ...(lhs ? { sampling: 'lhs' as const } : {}) };
}

/** A chunk size: a positive multiple of STREAM_BLOCK. */
function blockSize(fn: string, x: unknown): number {
  const what = `blockSize must be a positive whole multiple of ${STREAM_BLOCK}`;
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${what} (got ${show(x)})`);
  if (!(Number.isSafeInteger(x) && x > 0 && x % STREAM_BLOCK === 0)) throw new RangeError(`${fn}: ${what} (got ${show(x)})`);
  return x;
}

/** The most quantile levels or thresholds one run may keep. */
const MAX_KEPT = 1000;


/** A quantile bracket: the order statistic `rank` is expected in [lo, hi]. */
export interface Bracket {
  rank: number;
  lo: number;
  hi: number;
}

/** One year of a summary plan: the pilot's volumes, the brackets placed from them, and the ranges counted. */
export interface SummaryYear {
  /** The pilot blocks' volumes that year (kept to widen a bracket that missed). */
  sample: Float64Array;
  brackets: Bracket[];
  ranges: { lo: number; hi: number }[];
}

/** What a `keep: 'summary'` plan adds: the order statistics, the pilot's blocks and, once placed, each year's brackets. */
export interface SummaryPlan {
  /** The order statistics every year (from `paths` and the levels). */
  ranks: number[];
  /** The pilot's blocks (evenly spaced, never the last); null for runs of at most 4 blocks, which keep their volumes instead. */
  pilot: number[] | null;
  /** Per year, the brackets placed from the pilot ({@link placeBrackets}); null until then, and for small runs. */
  years: SummaryYear[] | null;
}

/**
 * A volume run as plain data (the engine's plan: see docs/design.md, "Engine shape"): the parsed
 * scenario, the run's size and seed, the years, what is kept, and for summary runs the pilot and
 * brackets. Numbers, strings, plain objects and typed arrays only: it can be posted to a worker,
 * or written to a file (typed arrays as bytes) for another process or machine.
 */
export interface VolumePlan {
  kind: 'volume-plan';
  scenario: Scenario;
  /** The scenario resolved for the kernel over `years` (./resolve.ts): what every block reads, made once here. */
  model: VolumeModel;
  paths: number;
  seed: string;
  years: number[];
  /** Stream blocks of 16,384 paths: the run's blocks are [0, nBlocks). */
  nBlocks: number;
  /** Paths per chunk (the `blockSize` option): progress is reported after each in one-thread runs. */
  chunk: number;
  keep: 'all' | 'summary';
  /** P10, P50, P90 and the levels asked for, ascending, distinct. */
  levels: number[];
  /** The volumes whose probabilities a summary keeps (the target's first, when there is one); a full run's checked `thresholds`. */
  thresholds: number[];
  /** Null for full runs. */
  summary: SummaryPlan | null;
  /**
   * Per-purpose seed overrides (absent in ordinary runs): the streams of every purpose that
   * starts with an override's tuple come from its seed instead of `seed` (how {@link sobolIndices}
   * builds its AB_i runs).
   */
  seeds?: readonly SeedOverride[];
  /** Present (and 'lhs') only for Latin hypercube runs. */
  sampling?: 'lhs';
}

/** The partial of a full run over blocks [b0, b1): each year's demand, capacity (empty without one) and volume of the blocks' paths. */
export interface VolumeBlocks {
  kind: 'volume-blocks';
  b0: number;
  b1: number;
  /** The fingerprint of the plan that made it (runVolumeBlocks sets it; a merge refuses another plan's). */
  fingerprint?: string;
  demand: Float64Array[];
  capacity: Float64Array[];
  volume: Float64Array[];
}

/** The pilot's volumes of a summary run: per year, the volumes of pilot blocks [j0, j1) (indices into `plan.summary.pilot`), block after block. */
export interface VolumePilot {
  kind: 'volume-pilot';
  j0: number;
  j1: number;
  volumes: Float64Array[];
}
