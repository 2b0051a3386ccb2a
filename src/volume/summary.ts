import { finiteNumber, level, levels } from '../args.js';
import type { Scenario } from '../scenario/types.js';
import { proportion } from '../stats/proportion.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { bracketsFor, counters, fromOrderStatistics, orderStatisticsFor, quantiles as exactQuantiles, RangeCounter } from '../stats/quantile.js';
import { runVolumeBlock, STREAM_BLOCK, workspace } from './kernel.js';
import { meanEstimate, medianFirstYear, mergeM2, summaryRows, yearIndexIn, yearsJSON, type FirstYearRow, type Unmet, type Utilisation, type VolumeSummaryRow, type VolumeYearJSON } from './result.js';
import type { RunPlan } from './simulate.js';
/** Blocks simulated first, to place the quantile brackets. */
const PILOT_BLOCKS = 4;

interface YearStats {
  sum: number;
  sumSq: number;
  ge: number[]; // per threshold
  first: number[]; // per threshold: paths first reaching it this year
  unmetSum: number;
  /** Σ (unmet − its mean)², merged block by block. */
  unmetM2: number;
  unmetCount: number;
  utilSum: number;
  /** Σ (utilisation − its mean)², merged block by block. */
  utilM2: number;
  atCapacity: number;
}

/** One kept quantile of a year in {@link VolumeSummaryJSON}. */
export interface KeptQuantile {
  p: number;
  value: number;
}

/** One kept threshold of a year in {@link VolumeSummaryJSON}: P(volume ≥ volumeMt). */
export interface KeptProbability {
  volumeMt: number;
  probability: Estimate;
}

/**
 * What `JSON.stringify` writes for a {@link VolumeSummary}: the inputs as parsed, the levels and
 * thresholds kept, every year's statistics (the summary row, unmet demand, utilisation, every
 * kept quantile and every kept threshold's probability), and the first years reaching each kept
 * threshold.
 */
export interface VolumeSummaryJSON {
  kind: 'volume-summary';
  seed: string;
  paths: number;
  scenario: Scenario;
  keptQuantiles: number[];
  thresholds: number[];
  years: (VolumeYearJSON & { quantiles: KeptQuantile[]; probabilityAtLeast: KeptProbability[] })[];
  firstYearReachingTarget: FirstYearRow[] | null;
  firstYearReaching: { volumeMt: number; rows: FirstYearRow[] }[];
}

/**
 * The statistics of a volume run kept without its paths (`keep: 'summary'`): memory grows with
 * years × kept levels, not with paths. Quantiles are exact — the same numbers as a full run with
 * the same seed — by two passes: a pilot of 4 stream blocks (65,536 paths) places, for each
 * order statistic, a bracket of ±6 binomial standard deviations; the full pass counts the paths
 * below each bracket and keeps those inside, where a selection finds the statistic. A bracket
 * that missed (it cannot, short of a one-in-10⁹ pilot) is widened and that year recounted.
 * Probabilities, first years and means are accumulated in the full pass (means agree with a full
 * run to rounding: they are summed in another order).
 */
export class VolumeSummary {
  readonly kind = 'volume-summary' as const;
  readonly keep = 'summary' as const;
  readonly scenario: Scenario;
  readonly seed: string;
  readonly paths: number;
  readonly years: number[];
  readonly hasCapacity: boolean;
  /** Not kept in a summary run: empty. */
  readonly demand: Float64Array[] = [];
  readonly capacity: Float64Array[] = [];
  readonly volume: Float64Array[] = [];
  /** The quantile levels and the volumes this summary can answer for. */
  readonly keptQuantiles: readonly number[];
  readonly thresholds: readonly number[];
  readonly #q: Map<string, number>;
  readonly #stats: YearStats[];

  constructor(run: RunPlan, levels: number[], thresholds: number[], q: Map<string, number>, stats: YearStats[]) {
    this.scenario = run.scenario;
    this.seed = run.seed;
    this.paths = run.paths;
    this.years = run.years;
    this.hasCapacity = run.scenario.capacity !== null;
    this.keptQuantiles = levels;
    this.thresholds = thresholds;
    this.#q = q;
    this.#stats = stats;
  }

  /** Index of a year in the run; TypeError for a non-number, RangeError outside the run. */
  yearIndex(year: number): number {
    return yearIndexIn(this.years, year, 'VolumeSummary.yearIndex');
  }

  /** Kept volume quantiles of one year (RangeError for a level that was not kept). */
  quantiles(year: number, ps: readonly number[]): number[] {
    return this.#quantiles('VolumeSummary.quantiles', year, levels('VolumeSummary.quantiles', 'ps', ps));
  }

  #quantiles(fn: string, year: number, ps: readonly number[]): number[] {
    const k = yearIndexIn(this.years, year, fn);
    return ps.map((p) => {
      const q = this.#q.get(`${k}:${p}`);
      if (q === undefined) throw new RangeError(`${fn}: p = ${p} was not kept; run with keep: 'summary' and quantiles: [${p}] (kept: ${this.keptQuantiles.join(', ')})`);
      return q;
    });
  }

  /** A kept p-quantile of volume in a year (`'0.5'` or `null` is a TypeError, as in a full run). */
  quantile(year: number, p: number): number {
    const fn = 'VolumeSummary.quantile';
    yearIndexIn(this.years, year, fn);
    return this.#quantiles(fn, year, [level(fn, 'p', p)])[0]!;
  }

  #threshold(fn: string, volumeMt: unknown): number {
    const x = finiteNumber(fn, 'volumeMt', volumeMt);
    const j = this.thresholds.indexOf(x);
    if (j < 0) throw new RangeError(`${fn}: volumeMt = ${x} was not kept; run with keep: 'summary' and thresholds: [${x}] (kept: ${this.thresholds.join(', ') || 'none'})`);
    return j;
  }

  probabilityAtLeast(year: number, volumeMt: number): Estimate {
    const fn = 'VolumeSummary.probabilityAtLeast';
    const k = yearIndexIn(this.years, year, fn);
    return proportion(this.#stats[k]!.ge[this.#threshold(fn, volumeMt)]!, this.paths);
  }

  firstYearReaching(volumeMt: number): FirstYearRow[] {
    const j = this.#threshold('VolumeSummary.firstYearReaching', volumeMt);
    let never = this.paths;
    const rows: FirstYearRow[] = this.#stats.map((s, k) => {
      never -= s.first[j]!;
      return { year: this.years[k]!, probability: proportion(s.first[j]!, this.paths) };
    });
    rows.push({ year: null, probability: proportion(never, this.paths) });
    return rows;
  }

  medianFirstYear(volumeMt: number): number | null {
    this.#threshold('VolumeSummary.medianFirstYear', volumeMt);
    return medianFirstYear(this.firstYearReaching(volumeMt));
  }

  mean(year: number): Estimate {
    const s = this.#stats[yearIndexIn(this.years, year, 'VolumeSummary.mean')]!;
    const n = this.paths;
    const shifted = s.sum / n; // sums are of volume − start volume
    const variance = n > 1 ? Math.max(s.sumSq - n * shifted * shifted, 0) / (n - 1) : 0;
    return estimate(this.scenario.start.volumeMt + shifted, Math.sqrt(variance / n));
  }

  unmet(year: number): Unmet {
    const s = this.#stats[yearIndexIn(this.years, year, 'VolumeSummary.unmet')]!;
    return { mean: meanEstimate(s.unmetSum, s.unmetM2, this.paths), probability: proportion(s.unmetCount, this.paths) };
  }

  utilisation(year: number): Utilisation | null {
    const s = this.#stats[yearIndexIn(this.years, year, 'VolumeSummary.utilisation')]!;
    return this.hasCapacity ? { mean: meanEstimate(s.utilSum, s.utilM2, this.paths), atCapacity: proportion(s.atCapacity, this.paths) } : null;
  }

  summary(): VolumeSummaryRow[] {
    return summaryRows(this);
  }

  /** Plain statistics (see {@link VolumeSummaryJSON}): every kept statistic of every year, a few KB. */
  toJSON(): VolumeSummaryJSON {
    const { years, firstYearReachingTarget } = yearsJSON(this);
    return {
      kind: this.kind,
      seed: this.seed,
      paths: this.paths,
      scenario: this.scenario,
      keptQuantiles: [...this.keptQuantiles],
      thresholds: [...this.thresholds],
      years: years.map((y) => ({
        ...y,
        quantiles: this.keptQuantiles.map((p) => ({ p, value: this.quantile(y.year, p) })),
        probabilityAtLeast: this.thresholds.map((volumeMt) => ({ volumeMt, probability: this.probabilityAtLeast(y.year, volumeMt) })),
      })),
      firstYearReachingTarget,
      firstYearReaching: this.thresholds.map((volumeMt) => ({ volumeMt, rows: this.firstYearReaching(volumeMt) })),
    };
  }
}

/** Called for each tile of a block-year with its demand, capacity (null: unlimited) and volume, of paths from..from+n (index 0 = path `from`). */
type YearSink = (k: number, from: number, n: number, demand: Float64Array, capacity: Float64Array | null, volume: Float64Array) => void;

/** The fields of a run that the kernel needs (what a worker is sent). */
export type KernelRun = Pick<RunPlan, 'scenario' | 'years' | 'seed' | 'paths'>;

/** Runs the blocks in `blocks`, in order, through a sink; `afterBlock` is called after each. */
function runBlocks(run: KernelRun, blocks: Iterable<number>, each: YearSink, afterBlock?: (b: number) => void): void {
  const ws = workspace(run.scenario);
  const sink = { target: () => ws.year, done: (k: number, from: number, n: number) => each(k, from, n, ws.year.demand, ws.year.capacity, ws.year.volume) };
  for (const b of blocks) {
    const first = b * STREAM_BLOCK;
    runVolumeBlock(run.scenario, run.years, run.seed, first, Math.min(STREAM_BLOCK, run.paths - first), ws, sink);
    afterBlock?.(b);
  }
}

/** The whole numbers a, a + 1, …, b − 1. */
export function range(b0: number, b1: number): number[] {
  return Array.from({ length: b1 - b0 }, (_, j) => b0 + j);
}

/** Doubles per block-year in the partials: 8 statistics, then ≥ and first-reaching counts per threshold. */
const partialWidth = (thresholds: number) => 8 + 2 * thresholds;

/** A bracket's counts, as a worker sends them back. */
export interface CounterState {
  below: number;
  atLo: number;
  atHi: number;
  values: Float64Array;
}

/** What a pass over blocks [b0, b1) gives: per-block partial statistics, and each counted year's counters. */
export interface BlockCounts {
  /** (b − b0, k) → partialWidth(T) doubles: Σ(v − v0), Σ(v − v0)², Σ unmet, Σ v/c, #unmet, #at capacity, Σ (unmet − block mean)², Σ (v/c − block mean)², then ≥ and first per threshold. */
  partials: Float64Array;
  counters: (CounterState[] | null)[];
}

/**
 * The full pass of a summary run over blocks [b0, b1): each block's statistics summed on their
 * own (block-local sums, tiles in order), so that merging blocks in order gives the same bits
 * whichever thread ran them; and the paths counted against each year's bracket ranges.
 */
export function countBlocks(
  run: KernelRun,
  b0: number,
  b1: number,
  thresholds: readonly number[],
  ranges: readonly ({ lo: number; hi: number }[] | null)[],
  o: { withStats: boolean; afterBlock?: (b: number) => void; keep?: Float64Array[] },
): BlockCounts {
  const { withStats, keep } = o;
  const K = run.years.length;
  const T = thresholds.length;
  const W = partialWidth(T);
  const partials = new Float64Array(withStats ? (b1 - b0) * K * W : 0);
  const lists = ranges.map((r) => (r ? r.map(({ lo, hi }) => new RangeCounter(lo, hi)) : null));
  const shift = run.scenario.start.volumeMt;
  const hasCapacity = run.scenario.capacity !== null;
  const reached = thresholds.map(() => new Uint8Array(STREAM_BLOCK));
  runBlocks(run, range(b0, b1), (k, from, n, d, c, v) => {
    keep?.[k]!.set(v.subarray(0, n), from);
    const list = lists[k];
    if (list) RangeCounter.addAll(list, v, n);
    if (!withStats) return;
    const at = ((Math.floor(from / STREAM_BLOCK) - b0) * K + k) * W;
    const off = from % STREAM_BLOCK; // the tile's place in its block
    let sum = 0;
    let sumSq = 0;
    let unmetSum = 0;
    let unmetCount = 0;
    let util = 0;
    let atCap = 0;
    // Without a capacity, read the volume as its own capacity: utilisation is not reported then
    // (and a volume of 0 makes it 0/0 there, never read).
    const cap = c && hasCapacity ? c : v;
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      const dv = d[i]!;
      const cv = cap[i]!;
      // Shifted by the start volume, so that the sum of squares does not cancel.
      const y = x - shift;
      sum += y;
      sumSq += y * y;
      // Volume is min(demand, capacity): the gap is 0 unless capacity binds.
      const gap = dv - x;
      unmetSum += gap;
      unmetCount += +(gap > 0); // +c: no branch on a random condition (V8 compiles c ? 1 : 0 to one)
      util += x / cv;
      atCap += +(dv >= cv);
    }
    // The tile's squared deviations from its own means (a second pass, in cache), merged into
    // the block's by Chan's update: the block's paths so far are the `off` before this tile.
    const mu = unmetSum / n;
    const mc = util / n;
    let unmetM2 = 0;
    let utilM2 = 0;
    for (let i = 0; i < n; i++) {
      const e = d[i]! - v[i]! - mu;
      unmetM2 += e * e;
    }
    if (hasCapacity) {
      for (let i = 0; i < n; i++) {
        const f = v[i]! / cap[i]! - mc;
        utilM2 += f * f;
      }
    }
    partials[at + 6] = mergeM2(off, partials[at + 2]!, partials[at + 6]!, n, unmetSum, unmetM2);
    partials[at + 7] = mergeM2(off, partials[at + 3]!, partials[at + 7]!, n, util, utilM2);
    partials[at] = partials[at]! + sum;
    partials[at + 1] = partials[at + 1]! + sumSq;
    partials[at + 2] = partials[at + 2]! + unmetSum;
    partials[at + 3] = partials[at + 3]! + util;
    partials[at + 4] = partials[at + 4]! + unmetCount;
    partials[at + 5] = partials[at + 5]! + atCap;
    for (let j = 0; j < T; j++) {
      const x = thresholds[j]!;
      const r = reached[j]!;
      if (k === 0) r.fill(0, off, off + n);
      let ge = 0;
      let first = 0;
      for (let i = 0; i < n; i++) {
        const hit = +(v[i]! >= x);
        const was = r[off + i]!;
        ge += hit;
        first += hit & (was ^ 1);
        r[off + i] = was | hit;
      }
      partials[at + 8 + 2 * j] = partials[at + 8 + 2 * j]! + ge;
      partials[at + 9 + 2 * j] = partials[at + 9 + 2 * j]! + first;
    }
  }, o.afterBlock);
  return { partials, counters: lists.map((l) => (l ? l.map((c) => c.state()) : null)) };
}

type Bracket = { rank: number; lo: number; hi: number };
interface YearPlan {
  brackets: Bracket[];
  ranges: { lo: number; hi: number }[];
}

/**
 * A summary run up to its full pass: the levels and thresholds kept, and each year's brackets
 * from a pilot (null for runs of at most PILOT_BLOCKS blocks, which keep their volumes instead).
 */
export interface SummaryPlan {
  run: RunPlan;
  levels: number[];
  thresholds: number[];
  nBlocks: number;
  ranks: number[];
  /** Per year: the pilot's volumes (reordered by selections) and the brackets placed from them. */
  years: { sample: Float64Array; plan: YearPlan }[] | null;
}

/** The pilot's blocks: evenly spaced, never the last one (the only block that can be short); none for small runs. */
export function pilotBlocks(nBlocks: number): number[] | null {
  return nBlocks <= PILOT_BLOCKS ? null : Array.from({ length: PILOT_BLOCKS }, (_, j) => Math.floor((j * nBlocks) / PILOT_BLOCKS));
}

/** The volumes of whole blocks, per year, block after block (a pilot's sample). */
export function blockVolumes(run: KernelRun, blocks: readonly number[]): Float64Array[] {
  const slot = new Map(blocks.map((b, j) => [b, j * STREAM_BLOCK]));
  const samples = run.years.map(() => new Float64Array(blocks.length * STREAM_BLOCK));
  runBlocks(run, blocks, (k, from, n, _d, _c, v) => {
    samples[k]!.set(v.subarray(0, n), slot.get(Math.floor(from / STREAM_BLOCK))! + (from % STREAM_BLOCK));
  });
  return samples;
}

/**
 * Plans a summary run: the levels and thresholds to keep, and each year's brackets from the
 * pilot's volumes (`samples`: per year, the pilot blocks' volumes in order; simulated here when
 * not given).
 */
export function planSummary(run: RunPlan, samples?: Float64Array[]): SummaryPlan {
  const levels = run.levels;
  const target = run.scenario.target ? [run.scenario.target.volumeMt] : [];
  const thresholds = [...new Set([...target, ...run.thresholds])];
  const nBlocks = Math.ceil(run.paths / STREAM_BLOCK);
  // The same order statistics every year.
  const ranks = orderStatisticsFor(run.paths, levels);
  const pilot = pilotBlocks(nBlocks);
  if (pilot === null) return { run, levels, thresholds, nBlocks, ranks, years: null };
  const sample = samples ?? blockVolumes(run, pilot);
  return { run, levels, thresholds, nBlocks, ranks, years: sample.map((s) => ({ sample: s, plan: yearPlan(bracketsFor(s, run.paths, ranks)) })) };
}

function yearPlan(brackets: Bracket[]): YearPlan {
  return { brackets, ranges: counters(brackets).list.map((c) => ({ lo: c.lo, hi: c.hi })) };
}

/** The per-block partials of consecutive block ranges summed in block order. */
function mergeStats(plan: SummaryPlan, parts: readonly BlockCounts[]): YearStats[] {
  const { run, thresholds } = plan;
  const K = run.years.length;
  const T = thresholds.length;
  const W = partialWidth(T);
  const stats: YearStats[] = run.years.map(() => ({
    sum: 0,
    sumSq: 0,
    ge: new Array<number>(T).fill(0),
    first: new Array<number>(T).fill(0),
    unmetSum: 0,
    unmetM2: 0,
    unmetCount: 0,
    utilSum: 0,
    utilM2: 0,
    atCapacity: 0,
  }));
  // Parts are consecutive block ranges from block 0: the paths before block b are b·STREAM_BLOCK.
  let b0 = 0;
  for (const { partials } of parts) {
    for (let at = 0; at < partials.length; at += W) {
      const s = stats[(at / W) % K]!;
      const b = b0 + Math.floor(at / W / K);
      const before = b * STREAM_BLOCK;
      const nb = Math.min(STREAM_BLOCK, run.paths - before);
      s.unmetM2 = mergeM2(before, s.unmetSum, s.unmetM2, nb, partials[at + 2]!, partials[at + 6]!);
      s.utilM2 = mergeM2(before, s.utilSum, s.utilM2, nb, partials[at + 3]!, partials[at + 7]!);
      s.sum += partials[at]!;
      s.sumSq += partials[at + 1]!;
      s.unmetSum += partials[at + 2]!;
      s.utilSum += partials[at + 3]!;
      s.unmetCount += partials[at + 4]!;
      s.atCapacity += partials[at + 5]!;
      for (let j = 0; j < T; j++) {
        s.ge[j]! += partials[at + 8 + 2 * j]!;
        s.first[j]! += partials[at + 9 + 2 * j]!;
      }
    }
    b0 += partials.length / (W * K);
  }
  return stats;
}

/**
 * Merges the counts of consecutive block ranges (in block order) into a summary. A bracket that
 * missed its order statistic (it cannot, short of a one-in-10⁹ pilot) is widened and that year
 * recounted here, on this thread.
 */
export function finishSummary(plan: SummaryPlan, parts: readonly BlockCounts[]): VolumeSummary {
  const { run, levels, thresholds, ranks } = plan;
  const stats = mergeStats(plan, parts);
  const q = new Map<string, number>();
  const years = plan.years!.map((y) => y.plan);
  let counted = parts;
  let todo = run.years.map((_, k) => k);
  let width = 6;
  for (;;) {
    const missed: number[] = [];
    for (const k of todo) {
      const { brackets, ranges } = years[k]!;
      const list = ranges.map(({ lo, hi }) => new RangeCounter(lo, hi));
      for (const part of counted) part.counters[k]!.forEach((c, i) => list[i]!.merge(c));
      const stat = new Map<number, number>();
      for (const b of brackets) {
        const x = list.find((c) => b.lo >= c.lo && b.hi <= c.hi)!.rank(b.rank);
        if (x !== undefined) stat.set(b.rank, x);
      }
      if (stat.size < new Set(brackets.map((b) => b.rank)).size) missed.push(k);
      else for (const p of levels) q.set(`${k}:${p}`, fromOrderStatistics(run.paths, p, stat));
    }
    if (missed.length === 0) return new VolumeSummary(run, levels, thresholds, q, stats);
    // Widen (to 24, then 96 binomial sds, then everything) and recount the years that missed.
    width = width < 24 ? width * 4 : Infinity;
    for (const k of missed) {
      years[k] = yearPlan(width === Infinity ? ranks.map((rank) => ({ rank, lo: -Infinity, hi: Infinity })) : bracketsFor(plan.years![k]!.sample, run.paths, ranks, width));
    }
    counted = [countBlocks(run, 0, plan.nBlocks, thresholds, run.years.map((_, k) => (missed.includes(k) ? years[k]!.ranges : null)), { withStats: false })];
    todo = missed;
  }
}

/** A small run's summary: quantiles straight from the kept volumes. */
function finishSmall(plan: SummaryPlan, counts: BlockCounts, volumes: Float64Array[]): VolumeSummary {
  const { run, levels } = plan;
  const q = new Map<string, number>();
  volumes.forEach((v, k) => exactQuantiles(v, levels).forEach((x, i) => q.set(`${k}:${levels[i]}`, x)));
  return new VolumeSummary(run, levels, plan.thresholds, q, mergeStats(plan, [counts]));
}

/** A summary run on this thread (see {@link VolumeSummary}). */
export function summarise(run: RunPlan): VolumeSummary {
  const plan = planSummary(run);
  const total = plan.nBlocks;
  const every = run.chunk / STREAM_BLOCK;
  const progress = run.onProgress;
  const afterBlock = progress ? (b: number) => void (((b + 1) % every === 0 || b + 1 === total) && progress(Math.min((b + 1) * STREAM_BLOCK, run.paths) / run.paths)) : undefined;
  if (plan.years === null) {
    // Small runs: keep each year's volumes and take the quantiles directly.
    const keep = run.years.map(() => new Float64Array(run.paths));
    return finishSmall(plan, countBlocks(run, 0, total, plan.thresholds, run.years.map(() => null), { withStats: true, afterBlock, keep }), keep);
  }
  return finishSummary(plan, [countBlocks(run, 0, total, plan.thresholds, plan.years.map((y) => y.plan.ranges), { withStats: true, afterBlock })]);
}
