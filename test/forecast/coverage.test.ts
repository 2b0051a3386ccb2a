/**
 * The simulation study of issue 21 §4: do the reported 95 % intervals of evaluateForecasts cover
 * the truth? Records of 2019–2025 are drawn from the random walk with drift fitted to the
 * ministry's record (fitRandomWalk(TITR_VOLUMES): log growth 0.2819/yr, σ 0.469, from 0.759 Mt in
 * 2019) and evaluated with the default origins (2021–2024) and horizons (1–4), 200 paths per
 * forecast. "The truth" of a summary is its expectation under that process: the mean over 1,500
 * further records drawn with other seeds (for a skill, 1 − E[Σ CRPS]/E[Σ CRPS of the baseline]).
 * The coverage is then estimated from 600 records, so its standard error is
 * √(0.94·0.06/600) ≈ 0.010 and the band 0.90–0.98 lies 4 SE either side of 0.94.
 */
import { describe, expect, it } from 'vitest';
import { TITR_VOLUMES, evaluateForecasts, fitRandomWalk, noChangeModel, shrunkDriftModel, driftModel, standardNormal, stream, type ForecastSummary, type Observation } from 'middle-corridor';
import { exp, log } from '../../src/math/index.js';

const fit = fitRandomWalk(TITR_VOLUMES);
const models = { 'no-change': noChangeModel(), 'shrunk-drift': shrunkDriftModel(), drift: driftModel() };
const PATHS = 200;

function record(purpose: string, r: number): Observation[] {
  const z = standardNormal(stream(21, ['coverage', purpose, String(r)]));
  let lv = log(0.759);
  const out: Observation[] = [{ year: 2019, volumeMt: 0.759, kind: 'reported', source: 'simulated' }];
  for (let year = 2020; year <= 2025; year++) {
    lv += fit.logGrowth + fit.volatility * z();
    out.push({ year, volumeMt: exp(lv), kind: 'reported', source: 'simulated' });
  }
  return out;
}

type Pick = (s: ForecastSummary) => ForecastSummary['crps'] | null;
const FIELDS: Record<string, Pick> = { crps: (s) => s.crps, crpsLog: (s) => s.crpsLog, skill: (s) => s.skill, skillLog: (s) => s.skillLog };

function run(purpose: string, n: number) {
  return Array.from({ length: n }, (_, r) => evaluateForecasts(record(purpose, r), { seed: r, paths: PATHS, models, points: [] }).summaries.filter((s) => s.horizon === 1));
}

describe('coverage of the reported 95 % intervals (simulation study)', () => {
  it('one year ahead: the intervals of the log-scale CRPS and of the skills cover the truth 90–98 % of the time; those of the CRPS in Mt do not', () => {
    const truthRuns = run('truth', 1500);
    const studyRuns = run('study', 600);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const scoreOf = (runs: ForecastSummary[][], model: string, f: 'crps' | 'crpsLog') => mean(runs.map((ss) => ss.find((s) => s.model === model)![f]!.estimate));
    const coverage: Record<string, number> = {};
    for (const model of Object.keys(models)) {
      for (const [name, pick] of Object.entries(FIELDS)) {
        if (model === 'no-change' && name.startsWith('skill')) continue;
        const f = name === 'crps' || name === 'skill' ? 'crps' : 'crpsLog';
        const truth = name.startsWith('skill') ? 1 - scoreOf(truthRuns, model, f) / scoreOf(truthRuns, 'no-change', f) : scoreOf(truthRuns, model, f);
        const hits = studyRuns.map((ss) => {
          const iv = pick(ss.find((s) => s.model === model)!)!.interval!;
          return +(iv[0] <= truth && truth <= iv[1]);
        });
        coverage[`${model} ${name}`] = mean(hits);
      }
    }
    // Measured: 0.90–0.92 for the log-scale means and skills and the default's skill in Mt.
    for (const key of ['no-change crpsLog', 'shrunk-drift crpsLog', 'drift crpsLog', 'shrunk-drift skill', 'shrunk-drift skillLog', 'drift skillLog']) {
      expect(coverage[key], key).toBeGreaterThanOrEqual(0.9);
      expect(coverage[key], key).toBeLessThanOrEqual(0.98);
    }
    // What the intervals do not carry, as docs/forecasting.md says: a mean CRPS in Mt is about the
    // record's own level (the CRPS scales with it), so across records of other levels its interval
    // covers the expectation about 57–59 % of the time; the fitted drift's skill in Mt, 85 %.
    for (const model of Object.keys(models)) expect(coverage[`${model} crps`]).toBeLessThan(0.7);
    expect(coverage['drift skill']).toBeLessThan(0.9);
  });
});
