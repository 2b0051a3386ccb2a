/**
 * A scenario's `correlations` in the volume kernel: per stream block, each correlated
 * parameter's draws are made from its own stream as usual, then rearranged together by
 * Iman–Conover (each column keeps its values: the marginals are unchanged), the shuffles from
 * streams `['correlation', name]`. The kernel then reads these columns instead of drawing again.
 */
import { imposeRankCorrelation } from '../random/rank-correlation.js';
import type { Param } from '../random/dist.js';
import type { Purpose } from '../random/stream.js';
import { drawPerPath, keyedStream, purposeKey, STREAM_BLOCK, type StreamSeed } from './draws.js';
import type { CorrelationRun } from './resolve.js';

/** The stream seed of block paths [first, first + n) with the correlated columns drawn (the seed itself when the scenario has none). */
export function correlatedSeed(correlation: CorrelationRun | null, seed: StreamSeed, first: number, n: number): StreamSeed {
  if (correlation === null) return seed;
  const { names, params, matrix } = correlation;
  const block = first / STREAM_BLOCK;
  const columns = params.map(({ param, purpose }) => drawPerPath(param, seed, purpose, first, n, new Float64Array(n)));
  if (n > 1) imposeRankCorrelation(columns, matrix, names.map((name) => keyedStream(seed, ['correlation', name], block).generator));
  const base = typeof seed === 'string' ? { seed, overrides: [] } : seed;
  return { ...base, columns: new Map(params.map(({ purpose }, i) => [purposeKey(purpose), columns[i]!])) };
}

/**
 * The per-path draws of parameters (given by their stream purposes) as a run of `paths` paths on
 * `seed` used them: block by block, with the scenario's correlations (resolved) imposed exactly as the kernel
 * imposes them (so a correlated parameter's column is the rearranged one, not a fresh draw).
 */
export function runDraws(correlation: CorrelationRun | null, seed: StreamSeed, params: readonly { param: Param; purpose: Purpose }[], paths: number): Float64Array[] {
  const out = params.map(() => new Float64Array(paths));
  for (let first = 0; first < paths; first += STREAM_BLOCK) {
    const n = Math.min(STREAM_BLOCK, paths - first);
    const s = correlatedSeed(correlation, seed, first, n);
    params.forEach(({ param, purpose }, i) => drawPerPath(param, s, purpose, first, n, out[i]!.subarray(first, first + n)));
  }
  return out;
}
