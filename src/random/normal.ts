import { float64Out, streamArg } from './check.js';
import { exp } from '../math/exp.js';
import { log } from '../math/log.js';
import type { Xoshiro128 } from './xoshiro128.js';
import { layerTables, Ziggurat } from './ziggurat.js';
import type { Stream } from './stream.js';

/**
 * Standard normal draws by the ziggurat method (./ziggurat.ts) with 256 layers: `exp` only in the
 * wedges and `log` only in the tail (beyond 3.654), both the library's own.
 */

const R = 3.6541528853610088; // start of the tail
const V = 0.00492867323399; // area of each layer

let TABLES: [Float64Array, Float64Array] | undefined;
const density = (t: number) => exp(-0.5 * t * t);
const tables = () => (TABLES ??= layerTables(R, V, density, (y) => Math.sqrt(-2 * log(y))));

/** The normal ziggurat on one generator: `next()` draws one standard normal, `fill` a run of them. */
export class ZigguratNormal extends Ziggurat {
  constructor(g: Xoshiro128) {
    super(g, ...tables(), true);
  }

  protected finish(i: number, u: number): number {
    if (i === 0) return this.tail(u < 0);
    const x = this.x;
    const xi = x[i]!;
    const t = u * xi;
    const xj = x[i + 1]!;
    const f0 = exp(-0.5 * (xi * xi - t * t)); // f(x[i]) / f(t)
    const f1 = exp(-0.5 * (xj * xj - t * t)); // f(x[i+1]) / f(t)
    return f1 + this.open01() * (f0 - f1) < 1 ? t : this.next();
  }

  private tail(negative: boolean): number {
    let a: number, b: number;
    do {
      a = log(this.open01()) / R;
      b = log(this.open01());
    } while (-2 * b < a * a);
    return negative ? a - R : R - a;
  }
}

/**
 * A bound standard-normal sampler on a stream.
 * @example
 * const z = standardNormal(stream(1, 'demo'));
 * z() // => 0.059270008420176594
 */
export function standardNormal(s: Stream): () => number {
  const z = new ZigguratNormal(streamArg('standardNormal', 's', s).generator);
  return () => z.next();
}

/**
 * Fills `out` with standard normal draws (the same sequence as calling
 * {@link standardNormal} on the same stream `out.length` times) and returns it.
 * @example fillStandardNormal(stream(1, 'demo'), new Float64Array(2)) // => Float64Array(2) [ 0.059270008420176594, -0.38595542617737505 ]
 */
export function fillStandardNormal(s: Stream, out: Float64Array): Float64Array {
  const g = streamArg('fillStandardNormal', 's', s).generator;
  new ZigguratNormal(g).fill(float64Out('fillStandardNormal', 'out', out), 0, out.length);
  return out;
}
