import type { Scenario } from '../scenario/types.js';
import { proportion, type ProportionEstimate } from '../stats/proportion.js';
import { bracketsFor, counters, fromOrderStatistics, orderStatisticsFor, quantiles as exactQuantiles, RangeCounter } from '../stats/quantile.js';
import { runVolumeBlock, STREAM_BLOCK, workspace } from './kernel.js';
import { medianFirstYear, summaryRows, yearIndexIn, type FirstYearRow, type VolumeSummaryRow } from './result.js';
import type { RunPlan, VolumeOptions } from './simulate.js';

const ALWAYS = [0.1, 0.5, 0.9];
/** Blocks simulated first, to place the quantile brackets. */
const PILOT_BLOCKS = 4;

interface YearStats {
  sum: number;
  sumSq: number;
  ge: number[]; // per threshold
  first: number[]; // per threshold: paths first reaching it this year
  unmetSum: number;
  unmetCount: number;
  utilSum: number;
  atCapacity: number;
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

  /** Index of a year in the run; RangeError outside it. */
  yearIndex(year: number): number {
    return yearIndexIn(this.years, year);
  }

  quantiles(year: number, ps: readonly number[]): number[] {
    const k = this.yearIndex(year);
    return ps.map((p) => {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`p: must be in [0, 1] (got ${p})`);
      const q = this.#q.get(`${k}:${p}`);
      if (q === undefined) throw new RangeError(`p: ${p} was not kept; run with keep: 'summary' and quantiles: [${p}] (kept: ${this.keptQuantiles.join(', ')})`);
      return q;
    });
  }

  quantile(year: number, p: number): number {
    return this.quantiles(year, [p])[0]!;
  }

  #threshold(volumeMt: number): number {
    const j = this.thresholds.indexOf(volumeMt);
    if (j < 0) throw new RangeError(`volumeMt: ${volumeMt} was not kept; run with keep: 'summary' and thresholds: [${volumeMt}] (kept: ${this.thresholds.join(', ') || 'none'})`);
    return j;
  }

  probabilityAtLeast(year: number, volumeMt: number): ProportionEstimate {
    return proportion(this.#stats[this.yearIndex(year)]!.ge[this.#threshold(volumeMt)]!, this.paths);
  }

  firstYearReaching(volumeMt: number): FirstYearRow[] {
    const j = this.#threshold(volumeMt);
    let never = this.paths;
    const rows: FirstYearRow[] = this.#stats.map((s, k) => {
      never -= s.first[j]!;
      const { estimate, standardError } = proportion(s.first[j]!, this.paths);
      return { year: this.years[k]!, probability: estimate, standardError };
    });
    const { estimate, standardError } = proportion(never, this.paths);
    rows.push({ year: null, probability: estimate, standardError });
    return rows;
  }

  medianFirstYear(volumeMt: number): number | null {
    return medianFirstYear(this.firstYearReaching(volumeMt));
  }

  mean(year: number): { estimate: number; standardError: number } {
    const s = this.#stats[this.yearIndex(year)]!;
    const n = this.paths;
    const shifted = s.sum / n; // sums are of volume − start volume
    const variance = n > 1 ? Math.max(s.sumSq - n * shifted * shifted, 0) / (n - 1) : 0;
    return { estimate: this.scenario.start.volumeMt + shifted, standardError: Math.sqrt(variance / n) };
  }

  unmet(year: number): { meanMt: number; probability: ProportionEstimate } {
    const s = this.#stats[this.yearIndex(year)]!;
    return { meanMt: s.unmetSum / this.paths, probability: proportion(s.unmetCount, this.paths) };
  }

  utilisation(year: number): { mean: number; atCapacity: ProportionEstimate } | null {
    const s = this.#stats[this.yearIndex(year)]!;
    return this.hasCapacity ? { mean: s.utilSum / this.paths, atCapacity: proportion(s.atCapacity, this.paths) } : null;
  }

  summary(): VolumeSummaryRow[] {
    return summaryRows(this);
  }
}

/** Called for each tile of a block-year with its demand, capacity (null: unlimited) and volume, of paths from..from+n (index 0 = path `from`). */
type YearSink = (k: number, from: number, n: number, demand: Float64Array, capacity: Float64Array | null, volume: Float64Array) => void;

/** Runs the blocks in `blocks`, in order, through a sink; reports progress when asked. */
function runBlocks(run: RunPlan, blocks: number[], each: YearSink, onProgress?: (done: number) => void): void {
  const ws = workspace(run.scenario);
  const sink = { target: () => ws.year, done: (k: number, from: number, n: number) => each(k, from, n, ws.year.demand, ws.year.capacity, ws.year.volume) };
  const total = Math.ceil(run.paths / STREAM_BLOCK);
  const every = run.chunk / STREAM_BLOCK;
  blocks.forEach((b, j) => {
    const first = b * STREAM_BLOCK;
    runVolumeBlock(run.scenario, run.years, run.seed, first, Math.min(STREAM_BLOCK, run.paths - first), ws, sink);
    if (onProgress && blocks.length === total && ((j + 1) % every === 0 || j + 1 === total)) onProgress(Math.min((b + 1) * STREAM_BLOCK, run.paths) / run.paths);
  });
}

function checkLevels(name: string, xs: readonly number[] | undefined, ok: (x: number) => boolean, allowed: string): number[] {
  if (xs === undefined) return [];
  if (!Array.isArray(xs)) throw new TypeError(`${name}: must be an array of numbers`);
  for (const x of xs) if (!ok(x)) throw new RangeError(`${name}: each must be ${allowed} (got ${x})`);
  return [...xs];
}

/** A summary run (see {@link VolumeSummary}). */
export function summarise(run: RunPlan, o: VolumeOptions): VolumeSummary {
  const K = run.years.length;
  const levels = [...new Set([...ALWAYS, ...checkLevels('quantiles', o.quantiles, (p) => p >= 0 && p <= 1, 'in [0, 1]')])].sort((a, b) => a - b);
  const target = run.scenario.target ? [run.scenario.target.volumeMt] : [];
  const thresholds = [...new Set([...target, ...checkLevels('thresholds', o.thresholds, Number.isFinite, 'a finite number')])];
  const T = thresholds.length;
  const hasCapacity = run.scenario.capacity !== null;
  const stats: YearStats[] = run.years.map(() => ({ sum: 0, sumSq: 0, ge: new Array<number>(T).fill(0), first: new Array<number>(T).fill(0), unmetSum: 0, unmetCount: 0, utilSum: 0, atCapacity: 0 }));
  const nBlocks = Math.ceil(run.paths / STREAM_BLOCK);
  const shift = run.scenario.start.volumeMt;
  const all = Array.from({ length: nBlocks }, (_, b) => b);

  // The statistics that accumulate, for one block-year.
  const reached = thresholds.map(() => new Uint8Array(STREAM_BLOCK));
  const accumulate = (k: number, from: number, n: number, d: Float64Array, c: Float64Array | null, v: Float64Array) => {
    const s = stats[k]!;
    const off = from % STREAM_BLOCK; // the tile's place in its block
    let sum = 0;
    let sumSq = 0;
    let unmetSum = 0;
    let unmetCount = 0;
    let util = 0;
    let at = 0;
    // Without a capacity, read the volume as its own capacity: utilisation is not reported then.
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
      unmetCount += gap > 0 ? 1 : 0;
      util += x / cv;
      at += dv >= cv ? 1 : 0;
    }
    s.sum += sum;
    s.sumSq += sumSq;
    s.unmetSum += unmetSum;
    s.unmetCount += unmetCount;
    s.utilSum += util;
    s.atCapacity += at;
    for (let j = 0; j < T; j++) {
      const x = thresholds[j]!;
      const r = reached[j]!;
      if (k === 0) r.fill(0, off, off + n);
      let ge = 0;
      let first = 0;
      for (let i = 0; i < n; i++) {
        const hit = v[i]! >= x ? 1 : 0;
        const was = r[off + i]!;
        ge += hit;
        first += hit & (was ^ 1);
        r[off + i] = was | hit;
      }
      s.ge[j]! += ge;
      s.first[j]! += first;
    }
  };

  const q = new Map<string, number>();
  // The same order statistics every year.
  const ranks = orderStatisticsFor(run.paths, levels);

  if (nBlocks <= PILOT_BLOCKS) {
    // Small runs: keep each year's volumes and take the quantiles directly.
    const vols = run.years.map(() => new Float64Array(run.paths));
    runBlocks(run, all, (k, from, n, d, c, v) => {
      vols[k]!.set(v.subarray(0, n), from);
      accumulate(k, from, n, d, c, v);
    }, o.onProgress);
    vols.forEach((v, k) => exactQuantiles(v, levels).forEach((x, i) => q.set(`${k}:${levels[i]}`, x)));
    return new VolumeSummary(run, levels, thresholds, q, stats);
  }

  // Pilot: a sample of whole blocks, evenly spaced (never the last block, the only one that can be short).
  const pilot = Array.from({ length: PILOT_BLOCKS }, (_, j) => Math.floor((j * nBlocks) / PILOT_BLOCKS));
  const slot = new Map(pilot.map((b, j) => [b, j * STREAM_BLOCK]));
  const samples = run.years.map(() => new Float64Array(PILOT_BLOCKS * STREAM_BLOCK));
  runBlocks(run, pilot, (k, from, n, _d, _c, v) => {
    samples[k]!.set(v.subarray(0, n), slot.get(Math.floor(from / STREAM_BLOCK))! + (from % STREAM_BLOCK));
  });

  // Brackets per year, counted in the full pass with everything else; widened where they missed.
  let todo = run.years.map((_, k) => k);
  let width = 6;
  let first = true;
  while (todo.length > 0) {
    const plans = new Map<number, { brackets: { rank: number; lo: number; hi: number }[]; list: RangeCounter[]; of: (b: { lo: number; hi: number }) => RangeCounter }>();
    for (const k of todo) {
      const brackets = width === Infinity ? ranks.map((rank) => ({ rank, lo: -Infinity, hi: Infinity })) : bracketsFor(samples[k]!, run.paths, ranks, width);
      plans.set(k, { brackets, ...counters(brackets) });
    }
    const withStats = first;
    runBlocks(run, all, (k, f, n, d, c, v) => {
      if (withStats) accumulate(k, f, n, d, c, v);
      const plan = plans.get(k);
      if (plan) RangeCounter.addAll(plan.list, v, n);
    }, first ? o.onProgress : undefined);
    first = false;
    const missed: number[] = [];
    for (const [k, plan] of plans) {
      const stat = new Map<number, number>();
      let ok = true;
      for (const b of plan.brackets) {
        const x = plan.of(b).rank(b.rank);
        if (x === undefined) ok = false;
        else stat.set(b.rank, x);
      }
      if (!ok) {
        missed.push(k);
        continue;
      }
      for (const p of levels) q.set(`${k}:${p}`, fromOrderStatistics(run.paths, p, stat));
    }
    todo = missed;
    width = width < 24 ? width * 4 : Infinity;
  }
  return new VolumeSummary(run, levels, thresholds, q, stats);
}
