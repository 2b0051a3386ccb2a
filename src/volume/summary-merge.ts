/**
 * The merge of a summary run's partials (the calling thread's side of ./summary-run.ts): the
 * per-block statistics summed in block order, the quantiles from the brackets' counts (a bracket
 * that missed is widened and its year recounted), and the VolumeSummary result.
 */
import { RangeCounter } from '../stats/brackets.js';
import { fromOrderStatistics, quantilesUnchecked } from '../stats/quantile.js';
import { STREAM_BLOCK } from './kernel.js';
import type { VolumePlan } from './plan.js';
import { mergeM2 } from './result-rows.js';
import { VolumeSummary, type YearStats } from './summary.js';
import { countBlocks, partialWidth, summaryYear, type VolumeCounts } from './summary-run.js';

/** The per-block statistics of consecutive block ranges (in block order) summed in block order. */
function mergeStats(plan: VolumePlan, parts: readonly VolumeCounts[]): YearStats[] {
  const { paths, years, thresholds } = plan;
  const K = years.length;
  const T = thresholds.length;
  const W = partialWidth(T);
  const stats: YearStats[] = years.map(() => ({
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
  for (const { b0, stats: partials } of parts) {
    for (let at = 0; at < partials.length; at += W) {
      const s = stats[(at / W) % K]!;
      const b = b0 + Math.floor(at / W / K);
      const before = b * STREAM_BLOCK; // the paths before block b
      const nb = Math.min(STREAM_BLOCK, paths - before);
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
  }
  return stats;
}

/**
 * Merges the counts of consecutive block ranges covering the run (in block order) into a
 * summary. Small runs take their quantiles straight from the kept volumes. A bracket that missed
 * its order statistic (it cannot, short of a one-in-10⁹ pilot) is widened and that year
 * recounted here, on this thread.
 */
export function finishSummary(plan: VolumePlan, parts: readonly VolumeCounts[]): VolumeSummary {
  const { paths, levels, thresholds } = plan;
  const { ranks } = plan.summary!;
  const stats = mergeStats(plan, parts);
  const q = new Map<string, number>();
  if (plan.summary!.pilot === null) {
    plan.years.forEach((_, k) => {
      const v = new Float64Array(paths);
      for (const part of parts) v.set(part.volumes![k]!, part.b0 * STREAM_BLOCK);
      quantilesUnchecked(v, levels).forEach((x, i) => q.set(`${k}:${levels[i]}`, x));
    });
    return new VolumeSummary(plan, levels, thresholds, q, stats);
  }
  const years = [...plan.summary!.years!];
  let counted = parts;
  let todo = plan.years.map((_, k) => k);
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
      else for (const p of levels) q.set(`${k}:${p}`, fromOrderStatistics(paths, p, stat));
    }
    if (missed.length === 0) return new VolumeSummary(plan, levels, thresholds, q, stats);
    // Widen (to 24, then 96 binomial sds, then everything) and recount the years that missed
    // (the pilot's sample copied: selections reorder it, and the plan is not ours to change).
    width = width < 24 ? width * 4 : Infinity;
    for (const k of missed) years[k] = summaryYear(years[k]!.sample.slice(), paths, ranks, width);
    counted = [countBlocks(plan, 0, plan.nBlocks, thresholds, plan.years.map((_, k) => (missed.includes(k) ? years[k]!.ranges : null)), { withStats: false })];
    todo = missed;
  }
}

