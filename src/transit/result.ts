import { finiteNumber, level, levels } from '../args.js';
import { frozenPrecision, precisionJSON, type Precision } from '../engine/precision.js';
import { estimate, type Estimate } from '../stats/estimate.js';
import { proportion } from '../stats/proportion.js';
import { quantilesUnchecked } from '../stats/quantile.js';
import type { Route } from '../scenario/types.js';
import type { KernelOutput } from './kernel.js';
import { displayBundle, tidy, toCSV, type CSVOptions, type TidyRow } from '../report/display.js';
import { block, est, num, pct, precisionLine, printAs, runOf } from '../report/print.js';
import { transitChart } from '../report/transit-chart.js';

/** One leg's part in the trip time (every share is of all trips). */
export interface LegBreakdown {
  leg: string;
  mode: string;
  /** Mean days on the leg, its delay and its queue included. */
  mean: Estimate;
  /** Standard deviation of the days on the leg. */
  sdDays: number;
  /** Cov(leg, total)/Var(total): the leg's share of the variance of the trip time (the shares sum to 1). */
  varianceShare: number;
  /** Share of trips on which the leg's delay struck (0 without a delay). */
  delayed: Estimate;
  /** Share of trips that waited in the leg's queue (0 without a queue or a volume). */
  waited: Estimate;
  /** Share of trips whose queue on this leg hit its utilisation cap (maxUtilisation). */
  saturated: Estimate;
}

/** Where a sample's load came from: a constant volume (simulateTransit) or a year of a corridor run. */
export interface TransitContext {
  volumeMt: number | null;
  year: number | null;
}

/** The levels {@link TransitSample.toJSON} reports. */
const JSON_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
/** The threshold {@link TransitSample.toJSON} reports: the stated ambition of 15 days. */
const JSON_WITHIN = 15;

/** The statistics of a sample as plain data (the body of {@link TransitSample.toJSON}). */
export interface TransitStatistics {
  trips: number;
  volumeMt: number | null;
  year: number | null;
  mean: Estimate;
  sd: number;
  min: number;
  max: number;
  quantiles: { p: number; days: number }[];
  within: { days: number; probability: Estimate };
  saturated: Estimate;
  legs: LegBreakdown[];
}

/** What {@link TransitSample.toJSON} returns. */
export interface TransitJSON extends TransitStatistics {
  kind: 'transit';
  seed: string;
  route: Route;
  /** How a run to a tolerance was sized and what it found: present only on such a run. */
  precision?: Precision;
}

/**
 * Trip times (days) and statistics computed on demand and cached. Quantiles are numpy's default;
 * every Monte Carlo estimate is an {@link Estimate}. Accessors never coerce: `quantile('0.5')`
 * and `quantile(null)` are TypeErrors, `quantile(2)` a RangeError.
 */
export class TransitSample {
  readonly kind = 'transit' as const;
  /** The seed as a canonical string. */
  readonly seed: string;
  /** The route, as parsed. */
  readonly route: Route;
  /** Days of each trip (raw data: not part of {@link toJSON}). */
  readonly days: Float64Array;
  readonly trips: number;
  /** The volume through the queues (Mt/yr) of a {@link simulateTransit} run; null otherwise. */
  readonly volumeMt: number | null;
  /** The year of a corridor run the trips belong to; null otherwise. */
  readonly year: number | null;
  /** Share of trips on which some queue hit its utilisation cap (maxUtilisation). */
  readonly saturated: Estimate;
  /** How a run to a tolerance (`untilStandardError`) was sized and what it found, frozen; null for a sample of a size fixed in advance. */
  readonly precision: Precision | null;
  readonly #out: KernelOutput;
  readonly #legs: LegBreakdown[];
  readonly #cache = new Map<string, unknown>();

  /** @internal The engine's merge makes a sample (and {@link TransitSample.withPrecision} one with its precision). */
  constructor(out: KernelOutput, route: Route, seed: string, at: TransitContext, precision: Precision | null = null) {
    this.#out = out;
    this.precision = frozenPrecision(precision);
    this.seed = seed;
    this.route = route;
    this.volumeMt = at.volumeMt;
    this.year = at.year;
    this.days = out.days;
    this.trips = out.days.length;
    this.saturated = proportion(out.saturated, this.trips);
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
        leg: route.legs[l]!.name,
        mode: route.legs[l]!.mode,
        mean: estimate(m, n > 1 ? Math.sqrt(v / (n - 1)) : 0),
        sdDays: Math.sqrt(v),
        varianceShare: varT > 0 ? cov / varT : 0,
        delayed: proportion(s.delays, n),
        waited: proportion(s.waits, n),
        saturated: proportion(s.saturated, n),
      };
    });
  }

  /** @internal The same sample with its precision (a run to a tolerance makes it): a new sample of the same trips. */
  withPrecision(precision: Precision): TransitSample & { readonly precision: Precision } {
    return new TransitSample(this.#out, this.route, this.seed, { volumeMt: this.volumeMt, year: this.year }, precision) as TransitSample & { readonly precision: Precision };
  }

  /** Mean trip days, with its standard error (from the two-pass sample variance). */
  get mean(): Estimate {
    if (!this.#cache.has('meanEstimate')) {
      const m = this.#cache.get('mean') as number;
      let ss = 0;
      for (let i = 0; i < this.trips; i++) ss += ((this.days[i]! - m) * (this.days[i]! - m));
      this.#cache.set('sd', Math.sqrt(ss / Math.max(this.trips - 1, 1)));
      this.#cache.set('meanEstimate', estimate(m, Math.sqrt(ss / Math.max(this.trips - 1, 1) / this.trips)));
    }
    return this.#cache.get('meanEstimate') as Estimate;
  }

  /** Trip-time quantiles, several levels at once (numpy's default). */
  quantiles(ps: readonly number[]): number[] {
    levels('TransitSample.quantiles', 'ps', ps);
    return this.#quantiles(ps);
  }

  #quantiles(ps: readonly number[]): number[] {
    const missing = ps.filter((p) => !this.#cache.has(`q:${p}`));
    if (missing.length > 0) quantilesUnchecked(this.days, missing).forEach((q, i) => this.#cache.set(`q:${missing[i]}`, q));
    return ps.map((p) => this.#cache.get(`q:${p}`) as number);
  }

  /** The p-quantile of trip days. */
  quantile(p: number): number {
    return this.#quantiles([level('TransitSample.quantile', 'p', p)])[0]!;
  }

  /** P(trip ≤ days), with its standard error. */
  probabilityWithin(days: number): Estimate {
    finiteNumber('TransitSample.probabilityWithin', 'days', days);
    const key = `within:${days}`;
    if (!this.#cache.has(key)) {
      // A count without a branch on the random side (+c: 0 or 1; a branch mispredicts near the median).
      const d = this.days;
      let k = 0;
      for (let i = 0; i < d.length; i++) k += +(d[i]! <= days);
      this.#cache.set(key, proportion(k, this.trips));
    }
    return this.#cache.get(key) as Estimate;
  }

  /** Each leg's mean days, spread, share of the variance, and its delayed, waited and saturated shares. */
  legs(): LegBreakdown[] {
    return this.#legs.map((l) => ({ ...l }));
  }

  /** The statistics without the echo of the route (a corridor result reports them per year). */
  statistics(): TransitStatistics {
    const mean = this.mean;
    const qs = this.#quantiles([0, ...JSON_LEVELS, 1]);
    return {
      trips: this.trips,
      volumeMt: this.volumeMt,
      year: this.year,
      mean,
      sd: this.#cache.get('sd') as number,
      min: qs[0]!,
      max: qs[qs.length - 1]!,
      quantiles: JSON_LEVELS.map((p, i) => ({ p, days: qs[i + 1]! })),
      within: { days: JSON_WITHIN, probability: this.probabilityWithin(JSON_WITHIN) },
      saturated: this.saturated,
      legs: this.legs(),
    };
  }

  /** Tidy rows `{ route, statistic, value, standardError, threshold }`: mean, p10, p50, p90, probabilityWithin (threshold 15 days), saturated. */
  toRecords(): TidyRow<'route'>[] {
    const [p10, p50, p90] = this.quantiles([0.1, 0.5, 0.9]) as [number, number, number];
    return tidy({ route: this.route.name }, { mean: this.mean, p10, p50, p90, probabilityWithin: this.probabilityWithin(15), saturated: this.saturated }, { probabilityWithin: 15 });
  }

  /** The tidy rows as CSV (route, statistic, value, standardError, threshold); the options of {@link toCSV}. */
  toCSV(o?: string | CSVOptions): string {
    return toCSV(this.toRecords(), o);
  }

  /** Jupyter (Deno kernel): the table and the distribution of trip days with the 15-day line (and the sample's precision under them when it has one). */
  [Symbol.for('Jupyter.display')](): Record<string, unknown> {
    return displayBundle({
      title: `${this.route.name}: door-to-door days (${this.trips.toLocaleString('en')} trips, seed ${this.seed})`,
      text: `TransitSample ${this.route.name}: mean ${this.mean.estimate.toFixed(1)} days`,
      rows: this.toRecords(),
      chart: transitChart(this, { within: 15 }),
      note: this.precision === null ? null : precisionLine(this.precision),
    });
  }

  /**
   * Plain, small data (never the trips): `{ kind: 'transit', seed, route, trips, volumeMt, year,
   * mean, sd, min, max, quantiles: [{ p, days }] (P5, P10, P25, P50, P75, P90, P95),
   * within: { days: 15, probability }, saturated, legs }`, every estimate an {@link Estimate};
   * then `precision` on a sample run to a tolerance only.
   */
  toJSON(): TransitJSON {
    return { kind: this.kind, seed: this.seed, route: this.route, ...this.statistics(), ...precisionJSON(this.precision) };
  }
}

/** A sample as a few lines: the run, the days (median, P10–P90, mean), P(≤ 15 days), and its precision when it was run to a tolerance. */
export function transitText(t: TransitSample): string {
  const [p10, p50, p90] = t.quantiles([0.1, 0.5, 0.9]) as [number, number, number];
  const at = [t.volumeMt === null ? null : `${t.volumeMt} Mt/yr`, t.year === null ? null : `year ${t.year}`].filter((x) => x !== null);
  return block(`TransitSample ${t.route.name}: ${runOf(t.trips, 'trips', t.seed)}${at.length > 0 ? `, ${at.join(', ')}` : ''}`, [
    `median ${num(p50, 'days')} (P10 ${num(p10)}, P90 ${num(p90)}), mean ${est(t.mean, 'days')}`,
    `P(≤ 15 days) ${pct(t.probabilityWithin(15))}, queues saturated on ${pct(t.saturated)} of trips`,
    ...(t.precision === null ? [] : [precisionLine(t.precision)]),
  ]);
}
printAs(TransitSample.prototype, transitText);
