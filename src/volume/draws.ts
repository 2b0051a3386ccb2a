import type { Param } from '../random/dist.js';
import { fillParam } from '../random/samplers.js';
import { stream, type Purpose } from '../random/stream.js';

/**
 * Paths per random stream. Every stream is derived from (seed, purpose, block of STREAM_BLOCK
 * paths), and draws within a block are made year by year, so the numbers do not depend on how
 * the paths are split into chunks for execution or across workers. 16,384: seeding a stream
 * costs about 20 µs (seedrandom's key schedule), so small blocks would spend more time seeding
 * than drawing.
 */
export const STREAM_BLOCK = 16_384;

/** Draws one value per path of a parameter, block by block from its own stream. */
export function drawPerPath(param: Param, seed: string, purpose: Purpose, first: number, count: number, out: Float64Array): Float64Array {
  if (typeof param === 'number') return out.fill(param, 0, count);
  for (let off = 0; off < count; off += STREAM_BLOCK) {
    const block = (first + off) / STREAM_BLOCK;
    fillParam(param, stream(seed, purpose, block), out, off, Math.min(off + STREAM_BLOCK, count));
  }
  return out;
}
