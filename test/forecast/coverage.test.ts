/**
 * The simulation study of issue 21 §4: do the reported 95 % intervals of evaluateForecasts cover
 * the truth? Records of 2019–2025 are drawn from the random walk with drift fitted to the
 * ministry's record (fitRandomWalk(TITR_VOLUMES): log growth 0.2819/yr, σ 0.469, from 0.759 Mt in
 * 2019) and evaluated with the default origins (2021–2024) and horizons (1–4), 200 paths per
 * forecast, with three models: no change (the baseline), the shrunk drift (the default) and the
 * drift (the capped ones use the corridor's real capacities, meaningless for simulated records).
 * "The truth" of a summary is its expectation under that process: the mean over 1,500 further
 * records drawn with other seeds (for a skill, 1 − E[Σ CRPS]/E[Σ CRPS of the baseline]); its own
 * standard error (0.003 for a mean log-scale CRPS, under 0.01 for a skill) is about 1 % of the
 * intervals' half-widths. The coverage is then estimated from 600 records, so its standard error is
 * √(0.94·0.06/600) ≈ 0.010 and the band 0.90–0.98 lies 4 SE either side of 0.94. Across horizons,
 * where only the parametric bootstrap gives intervals, 200 records each bootstrapped from 40
 * (coverage SE 0.017).
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

function run(purpose: string, n: number, bootstrap?: { records: number }) {
  return Array.from({ length: n }, (_, r) => evaluateForecasts(record(purpose, r), { seed: r, paths: PATHS, models, points: [], ...(bootstrap ? { bootstrap } : {}) }).summaries.filter((s) => s.horizon === 1 || s.horizon === 'all'));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const find = (ss: ForecastSummary[], model: string, h: 1 | 'all') => ss.find((s) => s.model === model && s.horizon === h)!;
let truthRuns: ForecastSummary[][] | null = null;
/** The expectation of a summary under the process: its mean over 1,500 records (a skill: 1 − the ratio of the mean CRPS). */
function truthOf(model: string, h: 1 | 'all', name: string): number {
  truthRuns ??= run('truth', 1500);
  const f = name === 'crps' || name === 'skill' ? 'crps' : 'crpsLog';
  const score = (m: string) => mean(truthRuns!.map((ss) => find(ss, m, h)[f]!.estimate));
  return name.startsWith('skill') ? 1 - score(model) / score('no-change') : score(model);
}

describe('coverage of the reported 95 % intervals (simulation study)', () => {
  it('one year ahead the intervals of the log-scale CRPS and of the skills cover the truth 90–98 % of the time; those of the CRPS in Mt, the old ±1.96·SE and a t interval across horizons do not', () => {
    const studyRuns = run('study', 600);
    // Across horizons no interval is reported: the one the same rule would give, from the reported
    // (clustered) standard error, to show why. And the old rule, ±1.96·SE, one year ahead.
    const T3 = 3.182446305284263; // scipy.stats.t.ppf(0.975, 3)
    const logInterval = (level: number, se: number, q: number) => [level * Math.exp((-q * se) / level), level * Math.exp((q * se) / level)] as const;
    const coverage: Record<string, number> = {};
    for (const h of [1, 'all'] as const) {
      for (const model of Object.keys(models)) {
        for (const [name, pick] of Object.entries(FIELDS)) {
          const skill = name.startsWith('skill');
          if (model === 'no-change' && skill) continue;
          const truth = truthOf(model, h, name);
          const hits = studyRuns.map((ss) => {
            const x = pick(find(ss, model, h))!;
            if (h === 1) {
              const iv = x.interval!;
              if (!skill) coverage[`old ${model} ${name}`] = (coverage[`old ${model} ${name}`] ?? 0) + +(Math.abs(x.estimate - truth) <= 1.96 * x.standardError!) / studyRuns.length;
              return +(iv[0] <= truth && truth <= iv[1]);
            }
            expect(x.interval).toBeNull();
            const [lo, hi] = skill ? logInterval(1 - x.estimate, x.standardError!, T3).map((r) => 1 - r).reverse() : logInterval(x.estimate, x.standardError!, T3);
            return +(lo! <= truth && truth <= hi!);
          });
          coverage[`${h === 1 ? '' : 'all '}${model} ${name}`] = mean(hits);
        }
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
    // Measured: across horizons the same rule would cover 0.66–0.81 (log scale) and 0.21–0.57 (Mt),
    // which is why no interval is reported there; the old ±1.96·SE covered 0.80–0.81 (log) and
    // 0.37–0.40 (Mt) one year ahead.
    for (const [key, c] of Object.entries(coverage)) if (key.startsWith('all ') || key.startsWith('old ')) expect(c, key).toBeLessThan(0.85);
  }, 400_000); // 2,100 evaluations: about 45 s on one core

  it('across horizons the parametric-bootstrap intervals of the log-scale CRPS and of the skills cover the truth 90–98 % of the time', () => {
    // 200 records, each with a bootstrap of 40 records: the coverage's SE is √(0.94·0.06/200) ≈ 0.017.
    const studyRuns = run('bootstrap', 200, { records: 40 });
    const coverage: Record<string, number> = {};
    for (const model of Object.keys(models)) {
      for (const [name, pick] of Object.entries(FIELDS)) {
        if (model === 'no-change' && name.startsWith('skill')) continue;
        const truth = truthOf(model, 'all', name);
        coverage[`${model} ${name}`] = mean(
          studyRuns.map((ss) => {
            const x = find(ss, model, 'all');
            expect(x.intervalMethod).toBe('parametric-bootstrap');
            const iv = pick(x)!.interval!;
            return +(iv[0] <= truth && truth <= iv[1]);
          }),
        );
      }
    }
    // Measured: 0.90–0.92 for the mean log-scale CRPS, 0.915–0.945 for the skills.
    for (const [key, c] of Object.entries(coverage)) {
      if (key.endsWith(' crps')) continue;
      expect(c, key).toBeGreaterThanOrEqual(0.9);
      expect(c, key).toBeLessThanOrEqual(0.98);
    }
    // The mean CRPS in Mt, about the record's level again: 0.76–0.82.
    for (const model of Object.keys(models)) expect(coverage[`${model} crps`]).toBeLessThan(0.9);
  }, 600_000);
});
