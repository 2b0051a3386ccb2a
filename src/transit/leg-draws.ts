/**
 * A leg's random draws for one block of trips, handed to the trip kernel a tile at a time: the
 * days (and the delay's days) filled tile by tile in one pass where the parameter allows it (a
 * number, a uniform, a triangular: {@link onePassFill}), so a tile's draws are made where they are
 * used, in cache; other distributions, and a queue's draws, filled for the whole block first.
 * Either way a stream is read in trip order, so the numbers are the same as a whole-block fill.
 */
import type { Param } from '../random/dist.js';
import { ExponentialZiggurat } from '../random/exponential.js';
import { fillParam, onePassFill, type OnePassFill } from '../random/samplers.js';
import { stream } from '../random/stream.js';
import type { Xoshiro128 } from '../random/xoshiro128.js';
import type { Route } from '../scenario/types.js';

/** One leg of a parsed route. */
type Leg = Route['legs'][number];

/** One parameter's draws for a block: a tile buffer filled per tile, or the block's values. */
class Column {
  readonly #param: Param;
  readonly #fill: OnePassFill | null;
  readonly #values: Float64Array;
  #g: Xoshiro128 | null = null;
  /** Where the values of the last tile asked for start in {@link at}'s array. */
  off = 0;

  constructor(param: Param, block: number, tile: number) {
    this.#param = param;
    this.#fill = onePassFill(param);
    this.#values = new Float64Array(this.#fill ? tile : block);
  }

  /** Starts a block of n trips on the stream (seed, purpose, block). */
  start(seed: string, purpose: readonly string[], block: number, n: number): void {
    const s = stream(seed, purpose, block);
    if (this.#fill) this.#g = s.generator;
    else fillParam(this.#param, s, this.#values, 0, n);
  }

  /** The draws of trips [lo, hi) of the block: at(lo, hi)[off + i] is trip lo + i's. */
  at(lo: number, hi: number): Float64Array {
    if (this.#fill) {
      this.#fill(this.#g!, this.#values, 0, hi - lo);
      this.off = 0;
    } else this.off = lo;
    return this.#values;
  }
}

/** A leg's draws for a block; {@link LegDraws.tile} leaves the tile's base days (days plus any delay) in `base` from `off`. */
export class LegDraws {
  readonly #leg: Leg;
  readonly #days: Column;
  readonly #delayDays: Column | null;
  readonly #strike: Float64Array | null;
  #strikes: Xoshiro128 | null = null;
  /** The tile's days plus delay (a delayed leg's own buffer, or the days column's). */
  base: Float64Array;
  off = 0;
  /** Delays that struck in the last tile. */
  delays = 0;
  /** A queue's block draws: capacity (when the queue has its own), whether a trip waits, an Exp(1) wait. */
  readonly capacity: Float64Array | null;
  readonly waitU: Float64Array | null;
  readonly waitE: Float64Array | null;

  constructor(leg: Leg, block: number, tile: number) {
    this.#leg = leg;
    this.#days = new Column(leg.days, block, tile);
    this.#delayDays = leg.delay ? new Column(leg.delay.days, block, tile) : null;
    this.#strike = leg.delay ? new Float64Array(tile) : null;
    this.base = leg.delay ? new Float64Array(tile) : new Float64Array(0);
    const q = leg.queue;
    this.capacity = q && q.capacityMt !== null ? new Float64Array(block) : null;
    this.waitU = q ? new Float64Array(block) : null;
    this.waitE = q ? new Float64Array(block) : null;
  }

  /**
   * Starts a block: its streams, keyed by the leg's name and the block, and the whole-block fills.
   * Every trip draws both a delay's strike and its days, so positions in each stream never shift.
   */
  start(seed: string, block: number, n: number): void {
    const leg = this.#leg;
    const purpose = (...what: string[]) => ['leg', leg.name, ...what];
    this.#days.start(seed, purpose('days'), block, n);
    if (leg.delay) {
      this.#strikes = stream(seed, purpose('delay', 'strikes'), block).generator;
      this.#delayDays!.start(seed, purpose('delay', 'days'), block, n);
    }
    const q = leg.queue;
    if (q) {
      if (this.capacity) fillParam(q.capacityMt!, stream(seed, purpose('queue', 'capacity'), block), this.capacity, 0, n);
      stream(seed, purpose('queue', 'waits'), block).generator.fillUniform(this.waitU!, 0, n);
      new ExponentialZiggurat(stream(seed, purpose('queue', 'wait'), block).generator).fill(this.waitE!, 0, n);
    }
  }

  /** Draws trips [lo, hi) of the block: the days, plus the delay's days where it strikes. */
  tile(lo: number, hi: number): void {
    const days = this.#days.at(lo, hi);
    if (!this.#leg.delay) {
      this.base = days;
      this.off = this.#days.off;
      return;
    }
    const m = hi - lo;
    const strike = this.#strike!;
    this.#strikes!.fillUniform(strike, 0, m);
    const dd = this.#delayDays!.at(lo, hi);
    const od = this.#delayDays!.off;
    const o = this.#days.off;
    const p = this.#leg.delay.probability;
    const v = this.base;
    let delays = 0;
    for (let i = 0; i < m; i++) {
      // × 0 or × 1, exact, and without a branch on a random condition.
      const dl = dd[od + i]! * +(strike[i]! < p);
      v[i] = days[o + i]! + dl;
      delays += +(dl > 0);
    }
    this.off = 0;
    this.delays = delays;
  }
}
