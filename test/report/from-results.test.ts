/**
 * The chart builders read a result's JSON as they read the result (JSON.parse(JSON.stringify(r))
 * charts the same), and an object whose `kind` names a result but that is neither the result nor
 * its JSON is a TypeError naming the chart and what it takes — never a native error.
 */
import { describe, expect, it } from 'vitest';
import {
  PRESETS, ROUTES, TITR_VOLUMES, backtest, backtestChart, compareRoutes, evaluateForecasts, fanChart, firstYearChart, noChangeModel, pitChart,
  simulateTransit, simulateVolumes, sobolChart, sobolIndicesOf, tornado, tornadoChart, transitChart,
} from '../../src/index.js';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const small = { start: { year: 2025, volumeMt: 4.119 }, horizon: 2028, growth: { model: 'exponential', rate: { dist: 'triangular', min: 0.1, mode: 0.2, max: 0.3 } }, volatility: 0.2, capacity: { baseMt: 8 }, target: { year: 2027, volumeMt: 6 } } as const;

describe('charts of a result’s JSON', () => {
  const v = simulateVolumes(small, { paths: 400, seed: 1 });
  const s = simulateVolumes(small, { paths: 400, seed: 1, keep: 'summary', thresholds: [7] });

  it('fanChart and firstYearChart draw a volume result’s JSON (full or summary) exactly as the result', () => {
    expect(fanChart(json(v))).toEqual(fanChart(v));
    expect(fanChart(json(s))).toEqual(fanChart(s));
    expect(fanChart([json(v), json(s)])).toEqual(fanChart([v, s]));
    const p = simulateVolumes(PRESETS.baseline, { paths: 100, seed: 2 });
    expect(fanChart(json(p))).toEqual(fanChart(p));
    // The JSON keeps the first years at the target (and a summary's at its thresholds).
    expect(firstYearChart(json(v), { levelMt: 6 })).toEqual(firstYearChart(v, { levelMt: 6 }));
    expect(firstYearChart(json(s), { levelMt: 7 })).toEqual(firstYearChart(s, { levelMt: 7 }));
    expect(firstYearChart(json(s), { levelMt: 6 })).toEqual(firstYearChart(s, { levelMt: 6 }));
  });

  it('a level the JSON or the summary run did not keep is refused naming firstYearChart and what to do', () => {
    expect(() => firstYearChart(s, { levelMt: 8 })).toThrow("firstYearChart: the summary run did not keep the level 8 Mt (kept: 6, 7): chart a full run, or run with keep: 'summary' and thresholds: [8]");
    expect(() => firstYearChart(json(v), { levelMt: 8 })).toThrow("firstYearChart: a result's JSON keeps the first years only at 6 Mt (its target), not at 8 Mt: chart the result itself");
    expect(() => firstYearChart(json(s), { levelMt: 8 })).toThrow("firstYearChart: a result's JSON keeps the first years only at 6, 7 Mt (its target and thresholds), not at 8 Mt: chart the result itself");
    expect(firstYearChart(v, { levelMt: 8 }).title).toBeDefined(); // a full run answers any level
  });

  it('tornado, Sobol, transit, comparison, backtest and evaluation JSON chart as the results', () => {
    const tw = tornado(small, { statistic: { statistic: 'mean', year: 2027 }, paths: 400, seed: 1 });
    expect(tornadoChart(json(tw))).toEqual(tornadoChart(tw));
    const si = sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 64, seed: 1, replicates: 4 });
    expect(sobolChart(json(si))).toEqual(sobolChart(si));
    const c = compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 500, seed: 1, within: 30 });
    expect(transitChart(json(c))).toEqual(transitChart(c));
    const b = backtest(TITR_VOLUMES, { fitThrough: 2023, horizon: 2025, paths: 500, seed: 1 });
    expect(backtestChart(json(b))).toEqual(backtestChart(b));
    const e = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 200, models: { 'no-change': noChangeModel() }, points: [] });
    expect(pitChart(json(e))).toEqual(pitChart(e));
  });

  it('a transit sample’s JSON draws its kept quantiles (min, P5 … P95, max): the same curve through those points', () => {
    const t = simulateTransit(ROUTES['corridor-poti'], { trips: 2000, seed: 1 });
    const ps = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
    const levels = [0, ...ps, 1];
    expect(transitChart(json(t))).toEqual(transitChart([{ route: t.route.name, levels, days: t.quantiles(levels) }]));
    expect(transitChart([json(t), t])).toEqual(transitChart([{ route: t.route.name, levels, days: t.quantiles(levels) }, { route: t.route.name, levels: Array.from({ length: 51 }, (_, i) => i / 50), days: t.quantiles(Array.from({ length: 51 }, (_, i) => i / 50)) }]));
  });

  it('an object with a result’s kind that is neither the result nor its JSON is a TypeError naming the chart', () => {
    const cases: [string, () => unknown][] = [
      ['fanChart', () => fanChart({ kind: 'volumes' } as never)],
      ['fanChart', () => fanChart({ kind: 'volume-summary', scenario: { name: 'x' }, years: 5 } as never)],
      ['fanChart', () => fanChart([json(v), { kind: 'volumes' }] as never)],
      ['firstYearChart', () => firstYearChart({ kind: 'volumes' } as never)],
      ['firstYearChart', () => firstYearChart({ kind: 'volumes', scenario: { name: null, target: { volumeMt: 10 } }, years: [], firstYearReachingTarget: 3 } as never)],
      ['transitChart', () => transitChart({ kind: 'transit' } as never)],
      ['transitChart', () => transitChart({ kind: 'route-comparison', rows: [{ route: 'a' }] } as never)],
      ['tornadoChart', () => tornadoChart({ kind: 'tornado' } as never)],
      ['sobolChart', () => sobolChart({ kind: 'sobol-indices', indices: null } as never)],
      ['backtestChart', () => backtestChart({ kind: 'backtest' } as never)],
      ['pitChart', () => pitChart({ kind: 'forecast-evaluation', scores: [null] } as never)],
    ];
    for (const [fn, call] of cases) {
      let err: unknown;
      try {
        call();
      } catch (e) {
        err = e;
      }
      expect(err, fn).toBeInstanceOf(TypeError);
      expect((err as Error).message, fn).toMatch(new RegExp(`^${fn}: takes .*, or its toJSON\\(\\) \\(got an object of kind "[a-z-]+" without `));
    }
    // Rows of the wrong type inside a well-formed JSON are named by the chart's own row checks.
    const bad = json(v) as unknown as { years: { p10: unknown }[] };
    bad.years[0]!.p10 = 'x';
    expect(() => fanChart(bad as never)).toThrow(/^fanChart: rows\[0\]\.p10/);
  });
});
