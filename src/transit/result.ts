import { proportion } from '../stats/proportion.js';
import type { Estimate } from '../stats/estimate.js';
import { trustedQuantiles as selectQuantiles } from '../stats/quantile.js';
import type { KernelOutput } from './kernel.js';

/** One leg's part in the trip time. */
export interface LegBreakdown {
  leg: string;
  mode: string;
  /** Mean days on the leg, its delay and its queue included. */
  meanDays: number;
  sdDays: number;
  /** Cov(leg, total)/Var(total): the leg's share of the variance of the trip time (the shares sum to 1). */
  varianceShare: number;
  /** Share of trips on which the leg's delay struck (0 without a delay). */
  delayRate: number;
  /** Share of trips that waited in the leg's queue (0 without a queue or a volume). */
  waitRate: number;
  /** Share of trips whose queue on this leg hit its utilisation cap. */
  saturatedRate: number;
}

/**
 * Trip times (days) and statistics computed on demand and cached. Quantiles are numpy's default;
 * probabilities carry their standard errors.
 */
export class TransitSample {
  /** Days of each trip. */
  readonly days: Float64Array;
  /** Share of trips on which some queue hit its utilisation cap (maxUtilisation). */
  readonly saturated: number;
  readonly trips: number;
  readonly #legs: LegBreakdown[];
  readonly #cache = new Map<string, unknown>();

  constructor(out: KernelOutput, legs: readonly { name: string; mode: string }[]) {
    this.days = out.days;
    this.trips = out.days.length;
    this.saturated = out.saturated / this.trips;
    const n = this.trips;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      sum += this.days[i]!;
      sumSq += this.days[i]! * this.days[i]!;
    }
    const meanT = sum / n;
    const varT = sumSq / n - meanT * meanT;
    this.#cache.set('mean', meanT);
    this.#legs = out.legs.map((s, l) => {
      const m = s.sum / n;
      const v = Math.max(s.sumSq / n - m * m, 0);
      const cov = s.sumCross / n - m * meanT;
      return {
        leg: legs[l]!.name,
        mode: legs[l]!.mode,
        meanDays: m,
        sdDays: Math.sqrt(v),
        varianceShare: varT > 0 ? cov / varT : 0,
        delayRate: s.delays / n,
        waitRate: s.waits / n,
        saturatedRate: s.saturated / n,
      };
    });
  }

  /** Mean trip days. */
  get mean(): number {
    return this.#cache.get('mean') as number;
  }

  /** Standard error of the mean trip time. */
  get meanSE(): number {
    if (!this.#cache.has('meanSE')) {
      const m = this.mean;
      let ss = 0;
      for (let i = 0; i < this.trips; i++) ss += (this.days[i]! - m) ** 2;
      this.#cache.set('meanSE', Math.sqrt(ss / Math.max(this.trips - 1, 1) / this.trips));
    }
    return this.#cache.get('meanSE') as number;
  }

  /** Trip-time quantiles, several p at once (numpy's default). */
  quantiles(ps: readonly number[]): number[] {
    for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`p: must be in [0, 1] (got ${p})`);
    const missing = ps.filter((p) => !this.#cache.has(`q:${p}`));
    if (missing.length > 0) selectQuantiles(this.days, missing).forEach((q, i) => this.#cache.set(`q:${missing[i]}`, q));
    return ps.map((p) => this.#cache.get(`q:${p}`) as number);
  }

  /** The p-quantile of trip days. */
  quantile(p: number): number {
    return this.quantiles([p])[0]!;
  }

  /** P(trip ≤ days), with its standard error. */
  probabilityWithin(days: number): Estimate {
    if (!Number.isFinite(days)) throw new RangeError(`days: must be a finite number (got ${days})`);
    const key = `within:${days}`;
    if (!this.#cache.has(key)) {
      let k = 0;
      for (let i = 0; i < this.trips; i++) if (this.days[i]! <= days) k++;
      this.#cache.set(key, proportion(k, this.trips));
    }
    return this.#cache.get(key) as Estimate;
  }

  /** Each leg's mean days, share of the variance, delay, wait and saturation rates. */
  legs(): LegBreakdown[] {
    return this.#legs.map((l) => ({ ...l }));
  }
}
