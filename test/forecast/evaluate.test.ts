import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TITR_VOLUMES, fitRandomWalk, type Observation, type ScenarioInput } from '../../src/index.js';
import { evaluateForecasts } from '../../src/forecast/evaluate.js';
import { dampedTrendModel, driftModel, noChangeModel, type ForecastModel } from '../../src/forecast/models.js';

const outturns = TITR_VOLUMES.filter((x) => x.kind === 'reported');

describe('evaluateForecasts', () => {
  const e = evaluateForecasts(TITR_VOLUMES, { seed: 7, paths: 2000 });

  it('scores every model from the origins 2021–2024 at every horizon that has an outturn', () => {
    expect(e.origins).toEqual([2021, 2022, 2023, 2024]);
    // 4 + 3 + 2 + 1 (origin, year) pairs up to 2025.
    expect(e.summary('drift').n).toBe(10);
    expect(e.summary('drift', 1).n).toBe(4);
    expect(e.warnings[0]).toMatch(/^only 4 origins: each mean score's 95 % interval uses Student t with 3 degrees of freedom \(3\.18 standard errors on the log scale, against 1\.96 with many origins\) and across horizons, where the forecasts overlap, there is none \(the bootstrap option gives one\);/);
  });

  it('a point forecast’s CRPS is its absolute error, exactly', () => {
    const official = e.scores.filter((s) => s.model.startsWith('official'));
    expect(official.map((s) => [s.year, s.crps])).toEqual([
      [2022, Math.abs(3.2 - 1.485)],
      [2025, Math.abs(5.2 - 4.119)],
    ]);
  });

  it('the skill of a model against itself is 0', () => {
    const self = evaluateForecasts(TITR_VOLUMES, { seed: 7, paths: 2000, models: { a: driftModel(), b: driftModel() }, baseline: 'a', points: [] });
    expect(self.summary('b').skill).toEqual({ estimate: 0, standardError: 0, interval: null });
    expect(self.summary('b', 1).skill).toEqual({ estimate: 0, standardError: 0, interval: [0, 0] });
    expect(self.summary('a').skill).toBeNull();
  });

  it('leaves the future out: changing any outturn after an origin never changes that origin’s forecast (fast-check)', () => {
    const models = { 'no-change': noChangeModel(), drift: driftModel() };
    const base = evaluateForecasts(TITR_VOLUMES, { seed: 3, paths: 500, models, points: [] });
    fc.assert(
      fc.property(fc.constantFrom(2021, 2022, 2023), fc.double({ min: 0.1, max: 50, noNaN: true }), (origin, v) => {
        const later = outturns.filter((x) => x.year > origin + 1);
        const changed: Observation[] = outturns.map((x) => (x.year === later[0]!.year ? { ...x, volumeMt: v } : x));
        const again = evaluateForecasts(changed, { seed: 3, paths: 500, models, points: [] });
        // Every forecast from this origin is the same, bit for bit; its score changes only where its outturn did.
        const band = (ev: typeof base) => ev.scores.filter((s) => s.origin === origin).map(({ model, year, p10, p25, p50, p75, p90 }) => ({ model, year, p10, p25, p50, p75, p90 }));
        expect(band(again)).toEqual(band(base));
        const same = (ev: typeof base) => ev.scores.find((s) => s.model === 'drift' && s.origin === origin && s.year === origin + 1)!;
        expect(same(again)).toEqual(same(base));
      }),
      { numRuns: 6 },
    );
  });

  it('refuses unknown options, a baseline that is not a model, and origins without enough history', () => {
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, path: 10 } as never)).toThrow(/unknown option 'path'/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, baseline: 'nope' })).toThrow(/baseline "nope" is not one of the models/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, origins: [2020] })).toThrow(/fewer than 3 outturns/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, origins: [2018] })).toThrow(/origin 2018 has no outturn/);
  });

  // scipy.stats.t.ppf(0.975, 3)
  const T3 = 3.182446305284263;
  const byHand = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    return { m, se: sd / Math.sqrt(xs.length) };
  };

  it('one year ahead: the mean score, its standard error across the 4 origins and its t interval on the log scale, by hand', () => {
    for (const model of ['no-change', 'drift', 'shrunk-drift-capped']) {
      const s = e.summary(model, 1);
      expect([s.n, s.origins, s.df]).toEqual([4, 4, 3]);
      for (const f of ['crps', 'crpsLog', 'intervalScore80'] as const) {
        const { m, se } = byHand(e.scores.filter((x) => x.model === model && x.horizon === 1).map((x) => x[f]!));
        const got = s[f]!;
        expect(got.estimate).toBeCloseTo(m, 12);
        expect(got.standardError).toBeCloseTo(se, 12);
        expect(got.interval![0]).toBeCloseTo(m * Math.exp((-T3 * se) / m), 10);
        expect(got.interval![1]).toBeCloseTo(m * Math.exp((T3 * se) / m), 10);
      }
    }
  });

  it('one year ahead: the skill, its delta-method standard error and its interval (on the log of CRPS/CRPS of the baseline), by hand', () => {
    const a = e.scores.filter((x) => x.model === 'drift' && x.horizon === 1).map((x) => x.crps);
    const b = e.scores.filter((x) => x.model === 'no-change' && x.horizon === 1).map((x) => x.crps);
    const r = a.reduce((p, q) => p + q, 0) / b.reduce((p, q) => p + q, 0);
    const d = a.map((x, i) => x - r * b[i]!);
    const se = Math.sqrt((4 / 3) * d.reduce((p, q) => p + q * q, 0)) / b.reduce((p, q) => p + q, 0);
    const k = e.summary('drift', 1).skill!;
    expect(k.estimate).toBeCloseTo(1 - r, 12);
    expect(k.standardError).toBeCloseTo(se, 12);
    expect(k.interval![0]).toBeCloseTo(1 - r * Math.exp((T3 * se) / r), 10);
    expect(k.interval![1]).toBeCloseTo(1 - r * Math.exp((-T3 * se) / r), 10);
  });

  it('across horizons: standard errors clustered by origin (the forecasts from one origin share its record) and no interval', () => {
    const mine = e.scores.filter((x) => x.model === 'drift');
    const m = mine.reduce((a, x) => a + x.crps, 0) / mine.length;
    const sums = [2021, 2022, 2023, 2024].map((o) => mine.filter((x) => x.origin === o).reduce((a, x) => a + x.crps - m, 0));
    const se = Math.sqrt((4 / 3) * sums.reduce((a, x) => a + x * x, 0)) / mine.length;
    const s = e.summary('drift');
    expect([s.n, s.origins, s.df]).toEqual([10, 4, 3]);
    expect(s.crps.estimate).toBeCloseTo(m, 12);
    expect(s.crps.standardError).toBeCloseTo(se, 12);
    expect(s.crps.interval).toBeNull();
    expect(s.skill!.interval).toBeNull();
    // With one origin there is no spread to go on: no standard error (null, not 0) and no interval.
    const h4 = e.summary('drift', 4);
    expect([h4.n, h4.crps.standardError, h4.crps.interval]).toEqual([1, null, null]);
    expect([h4.crpsLog?.standardError, h4.intervalScore50.standardError, h4.intervalScore80.standardError, h4.skill?.standardError]).toEqual([null, null, null, null]);
  });

  it('one origin: every summary has a standard error of null (the warning says none can be estimated), in the rows, the CSV and the print too', () => {
    const one = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, origins: [2023] });
    expect(one.warnings.join(' ')).toMatch(/no standard error or interval can be estimated/);
    expect(one.summaries.length).toBeGreaterThan(0);
    for (const s of one.summaries) {
      for (const x of [s.crps, s.crpsLog, s.intervalScore50, s.intervalScore80, s.skill, s.skillLog]) {
        if (x !== null) expect([x.standardError, x.interval], `${s.model} ${s.horizon}`).toEqual([null, null]);
      }
    }
    const rows = one.toRecords().filter((r) => r.statistic === 'crps');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.standardError).toBeNull();
    expect(one.toCSV()).toMatch(/,crps,[\d.e-]+,\n/); // an empty standardError cell
    expect(String(one.summaries[0]!.crps)).toMatch(/ ± n\/a$/);
    expect(JSON.parse(JSON.stringify(one.summaries[0]!.crps)).standardError).toBeNull();
  });

  it('the log-scale CRPS: a point forecast’s is |log v − log y|, and a forecast without spread scores like a point', () => {
    const official = e.scores.filter((s) => s.model.startsWith('official'));
    expect(official.map((s) => s.crpsLog)).toEqual([Math.abs(Math.log(3.2) - Math.log(1.485)), Math.abs(Math.log(5.2) - Math.log(4.119))].map((x) => expect.closeTo(x, 14)));
    const flat = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, points: [], models: { flat: (h, origin, horizon) => ({ name: 'flat', start: { year: origin, volumeMt: h[h.length - 1]!.volumeMt }, horizon, growth: { model: 'exponential', rate: 0 } }) }, baseline: 'flat' });
    for (const s of flat.scores) {
      const v = outturns.find((x) => x.year === s.origin)!.volumeMt;
      expect(s.crps).toBeCloseTo(Math.abs(v - s.outturn), 12);
      expect(s.crpsLog!).toBeCloseTo(Math.abs(Math.log(v) - Math.log(s.outturn)), 12);
    }
  });

  it('with the bootstrap option the all-horizon summaries get intervals; nothing else changes, and the same seed gives the same bits', () => {
    const models = { 'no-change': noChangeModel(), drift: driftModel() };
    const plain = evaluateForecasts(TITR_VOLUMES, { seed: 5, paths: 500, models });
    const boot = evaluateForecasts(TITR_VOLUMES, { seed: 5, paths: 500, models, bootstrap: { records: 6, paths: 100 } });
    expect(boot.scores).toEqual(plain.scores);
    expect(boot.summaries.filter((s) => s.horizon !== 'all')).toEqual(plain.summaries.filter((s) => s.horizon !== 'all'));
    for (const s of boot.summaries.filter((x) => x.horizon === 'all')) {
      if (s.model.startsWith('official')) {
        expect([s.intervalMethod, s.crps.interval]).toEqual([null, null]); // a number, not a model: nothing to bootstrap
        continue;
      }
      expect(s.intervalMethod).toBe('parametric-bootstrap');
      for (const x of [s.crps, s.crpsLog!, ...(s.skill ? [s.skill, s.skillLog!] : [])]) {
        expect(x.interval![0]).toBeLessThanOrEqual(x.estimate);
        expect(x.interval![1]).toBeGreaterThanOrEqual(x.estimate);
        expect(x.standardError).toBeGreaterThan(0);
      }
    }
    expect(boot.warnings[0]).toMatch(/the intervals come from a parametric bootstrap of 6 records/);
    expect(plain.warnings[0]).toMatch(/there is none \(the bootstrap option gives one\)/);
    expect(evaluateForecasts(TITR_VOLUMES, { seed: 5, paths: 500, models, bootstrap: { records: 6, paths: 100 } }).summaries).toEqual(boot.summaries);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 5, models, bootstrap: { records: 1 } })).toThrow(/^evaluateForecasts: bootstrap.records must be a whole number in \[2, 100000\]/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 5, models, bootstrap: { record: 10 } as never })).toThrow(/unknown option 'record'/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 5, models, bootstrap: 10 as never })).toThrow(TypeError);
  });

  it('serialises to plain data', () => {
    const json = JSON.parse(JSON.stringify(e));
    expect(json.kind).toBe('forecast-evaluation');
    // 40 forecasts of 8 models and 2 points, 50 summaries each with intervals and a log-scale CRPS.
    expect(JSON.stringify(e).length).toBeLessThan(75_000);
  });
});

/** The points of a piecewise growth model (the damped trend's form). */
function piecewise(g: ScenarioInput['growth']) {
  if (g.model !== 'piecewise') throw new Error(`expected a piecewise growth, got ${g.model}`);
  return g.points;
}

describe('damped trend with an estimated φ', () => {
  it('takes φ from the record up to the origin: the lag-1 autocorrelation clipped to [0, 0.98]', () => {
    const history = TITR_VOLUMES.filter((x) => x.kind === 'reported' && x.year <= 2024);
    const fit = fitRandomWalk(history);
    const phi = Math.min(0.98, Math.max(0, fit.persistence!));
    const s = dampedTrendModel({ phi: 'estimate' })(history, 2024, 2026);
    const points = piecewise(s.growth);
    expect(points[1]!.volumeMt).toBeCloseTo(4.484 * Math.exp(phi * fit.logGrowth), 12);
    expect(points[2]!.volumeMt).toBeCloseTo(4.484 * Math.exp((phi + phi * phi) * fit.logGrowth), 12);
    // Through 2025 the autocorrelation is negative (−0.03): φ = 0, no growth ahead.
    const flat = dampedTrendModel({ phi: 'estimate' })(TITR_VOLUMES.filter((x) => x.kind === 'reported'), 2025, 2027);
    expect(piecewise(flat.growth).map((p) => p.volumeMt)).toEqual([4.119, 4.119, 4.119]);
    expect(() => dampedTrendModel({ phi: 'guess' as never })).toThrow(TypeError);
  });
});

describe('evaluateForecasts refuses bad models, baselines and points by name, before any forecast runs', () => {
  const base = { seed: 1, paths: 100, models: { 'no-change': noChangeModel() } };
  it('points: not an array, a null element, a NaN or non-positive volume, a year not after its origin, no author', () => {
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, points: 5 as never })).toThrow(/^evaluateForecasts: points must be an array of point forecasts/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, points: [null] as never })).toThrow(/^evaluateForecasts: points\[0\] must be a point forecast/);
    const p = { origin: 2021, year: 2022, volumeMt: 3.2, by: 'x', source: 's' };
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, points: [{ ...p, volumeMt: Number.NaN }] })).toThrow(/^evaluateForecasts: points\[0\]\.volumeMt must be a finite number \(got NaN\)/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, points: [p, { ...p, volumeMt: 0 }] })).toThrow(/^evaluateForecasts: points\[1\]\.volumeMt must be > 0/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, points: [{ ...p, year: 2021 }] })).toThrow(/^evaluateForecasts: points\[0\]\.year/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, points: [{ ...p, by: '' }] })).toThrow(/points\[0\]\.by must name who made the forecast/);
  });
  it("models: null or {} is refused (not the defaults); baseline must be a model's own name ('toString' is not)", () => {
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, models: null as never })).toThrow(/^evaluateForecasts: models must be an object of named model functions/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, models: {} })).toThrow(/must name at least one model/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, baseline: 'toString' })).toThrow(/^evaluateForecasts: baseline "toString" is not one of the models \(no-change\)/);
    expect(() => evaluateForecasts(TITR_VOLUMES, { ...base, baseline: 5 as never })).toThrow(TypeError);
  });
  it('a model whose scenario ends before a forecast year is named, with its origin and what it returned', () => {
    const short: ForecastModel = (history, origin) => ({ ...noChangeModel()(history, origin, origin + 1), horizon: origin + 1 });
    expect(() => evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 100, models: { 'no-change': noChangeModel(), short }, points: [] })).toThrow(
      /^evaluateForecasts: model "short" from origin 2021 gave a scenario of 2021–2022; it must run from at most 2022 to at least the forecast year 2025/,
    );
  });
});
