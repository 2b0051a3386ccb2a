/**
 * The summaries of {@link evaluateForecasts}: mean scores and skills with standard errors that
 * allow for the forecasts from one origin sharing its record (clustered by origin), and 95 %
 * intervals from Student's t with (origins − 1) degrees of freedom (docs/forecasting.md,
 * "Uncertainty of the scores").
 */
import { estimate, printable } from '../stats/estimate.js';
import { studentTQuantile } from '../stats/student-t.js';
import { exp } from '../math/index.js';

/** One forecast scored against one outturn. */
export interface ForecastScore {
  model: string;
  origin: number;
  year: number;
  horizon: number;
  outturn: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  /** CRPS in Mt. */
  crps: number;
  /** CRPS of log volume against the log outturn (no unit): relative errors, so every year weighs alike; null where a volume is not positive. */
  crpsLog: number | null;
  /** Interval scores of the central 50 % [P25, P75] and 80 % [P10, P90] intervals. */
  intervalScore50: number;
  intervalScore80: number;
  covered50: boolean;
  covered80: boolean;
  /** The forecast's probability of a volume below the outturn (ties half): uniform if calibrated. */
  pit: number;
}

/**
 * A mean over forecasts, or a skill, with its standard error clustered by origin and its 95 %
 * interval from Student's t with origins − 1 degrees of freedom, formed on the log scale of the
 * mean score or of the ratio CRPS/CRPS(baseline) (so it is not symmetric); null with one origin
 * (no spread to go on) and across horizons unless bootstrapped ({@link ForecastSummary.horizon}).
 */
export interface IntervalEstimate {
  readonly estimate: number;
  /** Clustered by origin; null where it cannot be estimated (the forecasts come from one origin), never 0. */
  readonly standardError: number | null;
  readonly interval: readonly [number, number] | null;
}

/** A model's scores summarised over origins, for one horizon or for all of them. */
export interface ForecastSummary {
  model: string;
  /**
   * Years ahead, or 'all': the forecasts of every horizon together. Their standard errors are
   * clustered by origin, but they get an interval only from the parametric bootstrap (the
   * `bootstrap` option of evaluateForecasts): the forecasts overlap (one outturn is scored from
   * every origin) and the longest horizon has one origin, and in the simulation study t intervals
   * from the clustered errors would cover the truth 66–81 % (log scale) and 21–57 % (Mt) of the
   * time, not 95 % (test/forecast/coverage.test.ts).
   */
  horizon: number | 'all';
  /** How many (origin, horizon) forecasts were scored. */
  n: number;
  /** How many origins they come from: the independent units of the standard errors. */
  origins: number;
  /** Degrees of freedom of the Student-t intervals: origins − 1. */
  df: number;
  /**
   * How the intervals were formed: 'student-t' (one horizon, two or more origins),
   * 'parametric-bootstrap' (all horizons, with the `bootstrap` option), or null (no interval).
   */
  intervalMethod: 'student-t' | 'parametric-bootstrap' | null;
  /** Means over the forecasts (CRPS in Mt and of log volume), with standard errors clustered by origin and t intervals. */
  crps: IntervalEstimate;
  crpsLog: IntervalEstimate | null;
  intervalScore50: IntervalEstimate;
  intervalScore80: IntervalEstimate;
  coverage50: number;
  coverage80: number;
  /** 1 − CRPS / CRPS of the baseline on the same forecasts (delta method, clustered by origin); null for the baseline itself or where it has no forecast. */
  skill: IntervalEstimate | null;
  /** The same on the log-scale CRPS. */
  skillLog: IntervalEstimate | null;
}

const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Sums of `xs` by cluster (the origins, in the order met). */
function clusterSums(xs: readonly number[], clusters: readonly number[]): number[] {
  const sums = new Map<number, number>();
  xs.forEach((x, i) => sums.set(clusters[i]!, (sums.get(clusters[i]!) ?? 0) + x));
  return [...sums.values()];
}

/**
 * The estimate with its cluster-robust standard error √(C/(C − 1)·Σ_c R_c²)/scale (R_c the
 * cluster sums of the residuals, C clusters; with one forecast per cluster the usual sd/√n), and
 * its 95 % interval on the log scale of the positive quantity `level` (a mean score, or the ratio
 * CRPS/CRPS of the baseline): level·e^(±t·SE/level), t = t(0.975, C − 1), mapped by `toValue`.
 * Scores are positive, right-skewed and spread in proportion to their level (the CRPS is
 * scale-equivariant); the symmetric interval covered 87–88 % of one-year-ahead means in the
 * simulation study, this one 90–92 % (test/forecast/coverage.test.ts). No interval with one
 * cluster, or when `interval` is false.
 */
function withInterval(level: number, residuals: readonly number[], clusters: readonly number[], scale: number, toValue: (level: number) => number, interval: boolean): IntervalEstimate {
  const sums = clusterSums(residuals, clusters);
  const c = sums.length;
  const value = toValue(level);
  // One origin: no spread between origins to go on, so no standard error (null, not 0).
  if (c < 2) return printable({ estimate: estimate(value, 0).estimate /* checked finite */, standardError: null, interval: null });
  const se = Math.sqrt((c / (c - 1)) * sumOf(sums.map((r) => r * r))) / scale;
  if (!interval) return printable({ ...estimate(value, se), interval: null });
  const q = studentTQuantile(0.975, c - 1);
  // The log-scale interval of a positive level; a level of 0 (a perfect score) has SE 0 only if every residual is 0.
  const [lo, hi] = level > 0 ? [level * exp((-q * se) / level), level * exp((q * se) / level)] : [level - q * se, level + q * se];
  const [a, b] = [toValue(lo), toValue(hi)];
  return printable({ ...estimate(value, se), interval: a <= b ? [a, b] : [b, a] });
}

const same = (x: number) => x;

/** The mean of `xs` over forecasts from the origins `clusters`. */
export function clusteredMean(xs: readonly number[], clusters: readonly number[], interval = true): IntervalEstimate {
  const m = sumOf(xs) / xs.length;
  return withInterval(m, xs.map((x) => x - m), clusters, xs.length, same, interval);
}

/** 1 − Σa/Σb on paired forecasts, with the delta-method SE of the ratio clustered by origin; null without a positive baseline score. */
export function clusteredSkill(a: readonly number[], b: readonly number[], clusters: readonly number[], interval = true): IntervalEstimate | null {
  const sb = sumOf(b);
  if (a.length === 0 || !(sb > 0)) return null;
  const r = sumOf(a) / sb;
  return withInterval(r, a.map((x, i) => x - r * b[i]!), clusters, sb, (x) => 1 - x, interval);
}

/** The summaries by model and horizon (each of `horizons`, then 'all'). */
export function summarise(scores: readonly ForecastScore[], horizons: readonly number[], baseline: string): ForecastSummary[] {
  const summaries: ForecastSummary[] = [];
  const names = [...new Set(scores.map((s) => s.model))];
  const key = (s: ForecastScore) => `${s.origin}/${s.year}`;
  const base = new Map(scores.filter((s) => s.model === baseline).map((s) => [key(s), s]));
  const logs = (xs: readonly ForecastScore[]) => (xs.every((s) => s.crpsLog !== null) ? xs.map((s) => s.crpsLog!) : null);
  for (const name of names) {
    for (const h of [...horizons, 'all' as const]) {
      const mine = scores.filter((s) => s.model === name && (h === 'all' || s.horizon === h));
      if (mine.length === 0) continue;
      const at = mine.map((s) => s.origin);
      const origins = new Set(at).size;
      const paired = mine.filter((s) => base.has(key(s)));
      const pairedAt = paired.map((s) => s.origin);
      const theirs = paired.map((s) => base.get(key(s))!);
      const mineLog = logs(mine);
      const pairedLog = logs(paired);
      const theirsLog = logs(theirs);
      // Across horizons no interval: see ForecastSummary.horizon.
      const iv = h !== 'all';
      summaries.push({
        model: name,
        horizon: h,
        n: mine.length,
        origins,
        df: origins - 1,
        intervalMethod: iv && origins > 1 ? 'student-t' : null,
        crps: clusteredMean(mine.map((s) => s.crps), at, iv),
        crpsLog: mineLog && clusteredMean(mineLog, at, iv),
        intervalScore50: clusteredMean(mine.map((s) => s.intervalScore50), at, iv),
        intervalScore80: clusteredMean(mine.map((s) => s.intervalScore80), at, iv),
        coverage50: sumOf(mine.map((s) => +s.covered50)) / mine.length,
        coverage80: sumOf(mine.map((s) => +s.covered80)) / mine.length,
        skill: name === baseline ? null : clusteredSkill(paired.map((s) => s.crps), theirs.map((s) => s.crps), pairedAt, iv),
        skillLog: name === baseline || !pairedLog || !theirsLog ? null : clusteredSkill(pairedLog, theirsLog, pairedAt, iv),
      });
    }
  }
  return summaries;
}
