import type { Observation, ObservationKind } from '../data/volumes.js';
import { options } from '../args.js';
import { selectObservations } from './observations.js';
import { expm1, log } from '../math/index.js';

const FN = 'fitRandomWalk';

/** Options of {@link fitRandomWalk}. */
export interface RandomWalkOptions {
  from?: number;
  through?: number;
  /** Kinds used; outturns only by default. */
  kinds?: readonly ObservationKind[];
}

/** A random walk with drift fitted to log volumes: the model `simulateVolumes` runs forward. */
export interface RandomWalkFit {
  /** What this is, as every result says: 'random-walk-fit'. */
  kind: 'random-walk-fit';
  /** Mean log growth per year g (MLE: total log growth over the years spanned). */
  logGrowth: number;
  /** Its standard error σ/√T (T years spanned). */
  logGrowthSE: number;
  /** e^g − 1: the median path's growth per year. */
  rate: number;
  /** Delta-method standard error of `rate`: (1 + rate)·SE(g). */
  rateSE: number;
  /** Sd of the yearly log-shock σ (unbiased: gaps of h years count as h years of variance). */
  volatility: number;
  /** Lag-1 autocorrelation of the yearly log growth (consecutive years only); null with fewer than 3 steps. */
  persistence: number | null;
  /** The last observation used: where a forecast starts. */
  last: { year: number; volumeMt: number };
  years: number[];
  n: number;
}

/**
 * Fits log v(t+h) − log v(t) ~ N(h·g, h·σ²) to the record: the maximum-likelihood drift is the
 * total log growth over the years spanned, σ² the unbiased mean square of the standardised
 * steps. This is the model that {@link simulateVolumes} runs with an exponential growth model,
 * so its estimates are the ones to feed it (the least-squares trend of {@link fitGrowth} assumes
 * shocks that do not accumulate). On the ministry record 2019–2025: rate 32.6 %/yr (±25.4),
 * volatility 0.469, lag-1 autocorrelation −0.03.
 *
 * @example fitRandomWalk(TITR_VOLUMES).rate // => 0.32563817656…
 * @example fitRandomWalk(TITR_VOLUMES).kind // => 'random-walk-fit'
 */
export function fitRandomWalk(obs: readonly Observation[], o: RandomWalkOptions = {}): RandomWalkFit {
  const opts = options<RandomWalkOptions>(FN, o, ['from', 'through', 'kinds']);
  const used = selectObservations(FN, obs, opts);
  if (used.length < 3) throw new RangeError(`fitRandomWalk: needs at least 3 observations to estimate a drift and a volatility (got ${used.length})`);
  const first = used[0]!;
  const last = used[used.length - 1]!;
  const span = last.year - first.year;
  // Ratios as differences of logs: volumes from 1e-300 to 1e300 do not overflow.
  const g = (log(last.volumeMt) - log(first.volumeMt)) / span;
  let ss = 0;
  const steps: number[] = [];
  for (let i = 1; i < used.length; i++) {
    const h = used[i]!.year - used[i - 1]!.year;
    const d = log(used[i]!.volumeMt) - log(used[i - 1]!.volumeMt);
    ss += ((d - h * g) * (d - h * g)) / h;
    if (h === 1) steps.push(d);
  }
  const m = used.length - 1;
  const volatility = Math.sqrt(ss / (m - 1));
  // The Pearson correlation of consecutive yearly steps (d_i, d_i+1), as numpy.corrcoef gives it.
  const persistence = steps.length >= 3 ? pearson(steps.slice(0, -1), steps.slice(1)) : null;
  const logGrowthSE = volatility / Math.sqrt(span);
  const rate = expm1(g);
  if (!(rate <= Number.MAX_VALUE && (1 + rate) * logGrowthSE <= Number.MAX_VALUE && Number.isFinite(ss))) {
    throw new RangeError(
      `fitRandomWalk: the growth of these observations is beyond a double (log growth ${g} per year from ${first.volumeMt} Mt in ${first.year} to ${last.volumeMt} Mt in ${last.year}; e^g − 1 overflows)`,
    );
  }
  return {
    kind: 'random-walk-fit',
    logGrowth: g,
    logGrowthSE,
    rate,
    rateSE: (1 + rate) * logGrowthSE,
    volatility,
    persistence,
    last: { year: last.year, volumeMt: last.volumeMt },
    years: used.map((x) => x.year),
    n: used.length,
  };
}

function pearson(a: number[], b: number[]): number | null {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += ((a[i]! - ma) * (a[i]! - ma));
    sbb += ((b[i]! - mb) * (b[i]! - mb));
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}
