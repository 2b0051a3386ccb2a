/**
 * Intervals across horizons for {@link evaluateForecasts}, by a parametric bootstrap: the
 * forecasts of every horizon overlap (one outturn is scored from every origin) and the longest
 * horizon has one origin, so their mean has no interval from the origins alone. Records like
 * this one are drawn from the random walk with drift fitted to it ({@link fitRandomWalk}), the
 * same evaluation is run on each, and the spread of their all-horizon summaries (on the log scale
 * of the mean score, or of the ratio CRPS/CRPS of the baseline) gives the interval
 * level·e^(±1.96·sd): docs/forecasting.md, "Uncertainty of the scores".
 */
import type { Observation } from '../data/volumes.js';
import { fitRandomWalk, type RandomWalkFit } from '../growth/randomWalk.js';
import { exp, log } from '../math/index.js';
import { standardNormal } from '../random/normal.js';
import { stream } from '../random/stream.js';
import { estimate, printable } from '../stats/estimate.js';
import { normalQuantile } from '../stats/normal.js';
import { scoreForecasts, type ScoringPlan } from './score.js';
import { summarise, type ForecastSummary, type IntervalEstimate } from './summarise.js';

/** The summary fields that are means of scores, and those that are skills (1 − a ratio). */
const MEANS = ['crps', 'crpsLog', 'intervalScore50', 'intervalScore80'] as const;
const SKILLS = ['skill', 'skillLog'] as const;
type Field = (typeof MEANS)[number] | (typeof SKILLS)[number];

/** A record with the years of `outturns`, from its first outturn, drawn from the fitted walk: a gap of h years is one step of drift h·g and sd σ·√h. */
function drawRecord(outturns: readonly Observation[], fit: RandomWalkFit, z: () => number): Observation[] {
  const first = outturns[0]!;
  let logVolume = log(first.volumeMt);
  const out: Observation[] = [{ year: first.year, volumeMt: first.volumeMt, kind: 'reported', source: 'parametric bootstrap' }];
  for (let i = 1; i < outturns.length; i++) {
    const h = outturns[i]!.year - outturns[i - 1]!.year;
    logVolume += h * fit.logGrowth + fit.volatility * Math.sqrt(h) * z();
    out.push({ year: outturns[i]!.year, volumeMt: exp(logVolume), kind: 'reported', source: 'parametric bootstrap' });
  }
  return out;
}

/** The positive level of a field's value: the mean score, or the ratio 1 − skill. */
const levelOf = (f: Field, value: number) => ((SKILLS as readonly string[]).includes(f) ? 1 - value : value);

/**
 * The all-horizon summaries of the models, with standard errors and 95 % intervals from `records`
 * bootstrap records (each evaluated with `paths` paths per forecast, without the point
 * forecasts, which are numbers rather than models); the summaries of other horizons unchanged.
 */
export function bootstrapAcrossHorizons(outturns: readonly Observation[], plan: ScoringPlan, baseline: string, summaries: readonly ForecastSummary[], records: number, paths: number): ForecastSummary[] {
  const fit = fitRandomWalk(outturns);
  // By model, then by field: the bootstrap records' all-horizon values.
  const replicates = new Map<string, Map<Field, number[]>>();
  for (let b = 0; b < records; b++) {
    const record = drawRecord(outturns, fit, standardNormal(stream(plan.seed, ['evaluateForecasts', 'bootstrap', String(b)])));
    const scores = scoreForecasts(record, { ...plan, points: [], paths, seed: `${plan.seed}/bootstrap/${b}` });
    for (const s of summarise(scores, plan.horizons, baseline)) {
      if (s.horizon !== 'all') continue;
      const byField = replicates.get(s.model) ?? new Map<Field, number[]>();
      replicates.set(s.model, byField);
      for (const f of [...MEANS, ...SKILLS]) {
        const x = s[f];
        if (x === null) continue;
        byField.set(f, [...(byField.get(f) ?? []), x.estimate]);
      }
    }
  }
  const z = normalQuantile(0.975);
  const withBootstrap = (model: string, f: Field, x: IntervalEstimate | null): IntervalEstimate | null => {
    const values = replicates.get(model)?.get(f);
    const level = x === null ? 0 : levelOf(f, x.estimate);
    if (x === null || !values || values.length < 2 || !(level > 0)) return x;
    const logs = values.map((v) => levelOf(f, v)).filter((v) => v > 0).map(log);
    if (logs.length < 2) return x;
    const sd = (xs: number[]) => {
      const m = xs.reduce((a, v) => a + v, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, v) => a + (v - m) * (v - m), 0) / (xs.length - 1));
    };
    const spread = sd(logs);
    const [lo, hi] = [level * exp(-z * spread), level * exp(z * spread)];
    const interval: [number, number] = (SKILLS as readonly string[]).includes(f) ? [1 - hi, 1 - lo] : [lo, hi];
    return printable({ ...estimate(x.estimate, sd(values)), interval });
  };
  return summaries.map((s) => {
    if (s.horizon !== 'all' || !replicates.has(s.model)) return s;
    const m = s.model;
    return {
      ...s,
      intervalMethod: 'parametric-bootstrap' as const,
      crps: withBootstrap(m, 'crps', s.crps)!,
      crpsLog: withBootstrap(m, 'crpsLog', s.crpsLog),
      intervalScore50: withBootstrap(m, 'intervalScore50', s.intervalScore50)!,
      intervalScore80: withBootstrap(m, 'intervalScore80', s.intervalScore80)!,
      skill: withBootstrap(m, 'skill', s.skill),
      skillLog: withBootstrap(m, 'skillLog', s.skillLog),
    };
  });
}
