import type { Param } from '../random/dist.js';
import { fillParam } from '../random/samplers.js';
import { fillParamStratified } from '../random/lhs.js';
import { stream, type Purpose, type Stream } from '../random/stream.js';

/**
 * Paths per random stream. Every stream is derived from (seed, purpose, block of STREAM_BLOCK
 * paths), and draws within a block are made year by year, so the numbers do not depend on how
 * the paths are split into chunks for execution or across workers. 16,384: seeding a stream
 * costs about 20 µs (seedrandom's key schedule), so small blocks would spend more time seeding
 * than drawing.
 */
export const STREAM_BLOCK = 16_384;

/**
 * A purpose whose streams come from another seed: every purpose that starts with the tuple
 * `purpose` (a one-part purpose such as 'volatility' is the tuple ['volatility']). How the A, B
 * and AB_i runs of {@link sobolIndices} are built (docs/design.md, "Variance-based indices").
 */
export interface SeedOverride {
  readonly purpose: readonly string[];
  readonly seed: string;
}

/** The seed of a run's streams: one seed, or one with per-purpose overrides (plain data). */
export type StreamSeed = string | { readonly seed: string; readonly overrides: readonly SeedOverride[]; readonly columns?: ReadonlyMap<string, Float64Array>; readonly lhs?: boolean };

/** The key of a purpose in {@link StreamSeed} columns. */
export const purposeKey = (purpose: Purpose) => (typeof purpose === 'string' ? purpose : purpose.join('\u0000'));

/** Whether `prefix` is a prefix of the purpose tuple. */
const startsWith = (purpose: Purpose, prefix: readonly string[]) => {
  const parts = typeof purpose === 'string' ? [purpose] : purpose;
  return prefix.length <= parts.length && prefix.every((x, i) => parts[i] === x);
};

/** The seed the streams of `purpose` are derived from (the first override whose prefix matches, else the run's seed). */
export function seedFor(seed: StreamSeed, purpose: Purpose): string {
  if (typeof seed === 'string') return seed;
  for (const o of seed.overrides) if (startsWith(purpose, o.purpose)) return o.seed;
  return seed.seed;
}

/** A run's stream seed: its seed, with its overrides when it has any. */
export function runSeed(run: { readonly seed: string; readonly seeds?: readonly SeedOverride[] | undefined; readonly sampling?: 'lhs' | undefined }): StreamSeed {
  const lhs = run.sampling === 'lhs';
  return (run.seeds === undefined || run.seeds.length === 0) && !lhs ? run.seed : { seed: run.seed, overrides: run.seeds ?? [], ...(lhs ? { lhs } : {}) };
}

/** The stream of (seed, purpose, block), overrides applied: the one call every volume stream goes through. */
export function keyedStream(seed: StreamSeed, purpose: Purpose, block: number): Stream {
  return stream(seedFor(seed, purpose), purpose, block);
}

/** Draws one value per path of a parameter, block by block from its own stream. */
export function drawPerPath(param: Param, seed: StreamSeed, purpose: Purpose, first: number, count: number, out: Float64Array): Float64Array {
  if (typeof param === 'number') return out.fill(param, 0, count);
  // A block's draws already made (and rearranged by the scenario's correlations): the same values.
  const made = typeof seed === 'object' ? seed.columns?.get(purposeKey(purpose)) : undefined;
  if (made !== undefined && made.length === count) {
    out.set(made);
    return out;
  }
  for (let off = 0; off < count; off += STREAM_BLOCK) {
    const block = (first + off) / STREAM_BLOCK;
    const end = Math.min(off + STREAM_BLOCK, count);
    if (typeof seed === 'object' && seed.lhs) {
      // Latin hypercube replicates of at most 2,048 paths (src/volume/replicates.ts), one stream a block.
      const g = keyedStream(seed, purpose, block).generator;
      const m = Math.min(2048, Math.ceil((end - off) / 8));
      for (let lo = off; lo < end; lo += m) fillParamStratified(param, g, out, lo, Math.min(lo + m, end));
    } else fillParam(param, keyedStream(seed, purpose, block), out, off, end);
  }
  return out;
}
