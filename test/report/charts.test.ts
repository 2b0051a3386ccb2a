/**
 * Every chart builder, on realistic summaries: its spec validates against the Vega-Lite v5 JSON
 * schema shipped in the vega-lite package, compiles, and renders to a non-empty SVG in a
 * headless vega View; plus the properties a reader relies on (units in the axis titles, the
 * 15-day line, sources under the title, series told apart without colour).
 */
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANNOUNCED_TRAJECTORY,
  PRESETS,
  ROUTES,
  SOURCES,
  TITR_VOLUMES,
  VEGA_LITE_SCHEMA,
  evaluateForecasts,
  noChangeModel,
  backtest,
  compareRoutes,
  sobolIndicesOf,
  tornado,
  backtestChart,
  convergenceChart,
  fanChart,
  firstYearChart,
  pitChart,
  simulateTransit,
  simulateVolumes,
  sobolChart,
  tornadoChart,
  transitChart,
  type FanRow,
  type ScenarioInput,
  type RouteDistribution,
  type VegaLiteSpec,
} from '../../src/index.js';
import { renderPng, renderSvg } from '../../src/render/index.js';

const require = createRequire(import.meta.url);
const schema = require('vega-lite/build/vega-lite-schema.json');
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

// ---- realistic summaries -------------------------------------------------------------------

const run = simulateVolumes(PRESETS.baseline, { paths: 2000, seed: 1 });
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032];
const fanRows: FanRow[] = YEARS.map((year) => {
  const [p10, p50, p90] = run.quantiles(year, [0.1, 0.5, 0.9]) as [number, number, number];
  return { year, p10, p50, p90 };
});
const record = TITR_VOLUMES.filter((o) => o.kind === 'reported').map((o) => ({ year: o.year, volumeMt: o.volumeMt }));
const announced = ANNOUNCED_TRAJECTORY.map((o) => ({ year: o.year, volumeMt: o.volumeMt }));
const fanSources = [`Record: ${SOURCES.ministry2026.split(' — ')[0]}`, `Announced: ${SOURCES.vassilenko2025.split(' — ')[0]}`, 'Simulated: middle-corridor, preset baseline, 2,000 paths, seed 1'];

const LEVELS = Array.from({ length: 51 }, (_, i) => i / 50);
const routes: RouteDistribution[] = Object.entries(ROUTES).map(([name, r]) => {
  const s = simulateTransit(r, { trips: 2000, seed: 15 });
  return { route: name, levels: LEVELS, days: s.quantiles(LEVELS) };
});

const specs: Record<string, VegaLiteSpec> = {
  fan: fanChart(fanRows, { record, announced, target: { year: 2027, volumeMt: 10 }, sources: fanSources }),
  firstYear: firstYearChart(
    [
      { year: 2026, probability: 0.02 },
      { year: 2027, probability: 0.05 },
      { year: 2028, probability: 0.11 },
      { year: 2029, probability: 0.14 },
      { year: 2030, probability: 0.13 },
      { year: 2031, probability: 0.1 },
      { year: 2032, probability: 0.08 },
      { year: null, probability: 0.37 },
    ],
    { levelMt: 10, sources: ['Simulated: middle-corridor, preset baseline, 100,000 paths'] },
  ),
  transit: transitChart(routes, { sources: ['Routes: middle-corridor ROUTES (legs sourced in src/transit/routes.ts)', 'Target: EU DG INTPA (30 Jan 2024), "15 days or less"'] }),
  tornado: tornadoChart(
    [
      { parameter: 'growth rate', low: { estimate: 5.1, standardError: 0.03 }, high: { estimate: 8.9, standardError: 0.04 } },
      { parameter: 'volatility', low: { estimate: 6.6, standardError: 0.02 }, high: { estimate: 7.4, standardError: 0.05 } },
      { parameter: 'capacity 2027', low: { estimate: 6.1, standardError: 0.02 }, high: { estimate: 7.3, standardError: 0.03 } },
      { parameter: 'Caspian disruption', low: { estimate: 7.05, standardError: 0.03 }, high: { estimate: 6.8, standardError: 0.03 } },
    ],
    { statistic: 'Median 2030 volume (Mt)', baseline: 6.96, sources: ['Simulated: middle-corridor, preset baseline, 20,000 paths per bar'] },
  ),
  sobol: sobolChart(
    [
      { factor: 'growth rate', firstOrder: { estimate: 0.52, standardError: 0.03, lower: 0.46, upper: 0.58 }, total: { estimate: 0.61, standardError: 0.03, lower: 0.55, upper: 0.67 } },
      { factor: 'volatility', firstOrder: { estimate: 0.18, standardError: 0.02, lower: 0.14, upper: 0.22 }, total: { estimate: 0.27, standardError: 0.02, lower: 0.23, upper: 0.31 } },
      { factor: 'capacity', firstOrder: { estimate: 0.09, standardError: 0.02, lower: 0.05, upper: 0.13 }, total: { estimate: 0.14, standardError: 0.02, lower: 0.1, upper: 0.18 } },
    ],
    { output: 'volume in 2030', sources: ['Saltelli estimator, 2 × 10⁴ base samples'] },
  ),
  convergence: convergenceChart(
    [1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000].map((paths, i) => ({ paths, estimate: 0.21 + 0.03 * Math.cos(i) / (i + 1), standardError: Math.sqrt((0.21 * 0.79) / paths) })),
    { statistic: 'P(≥ 10 Mt in 2027)', sources: ['Simulated: middle-corridor, preset baseline, seed 2027'] },
  ),
  backtest: backtestChart(
    [2021, 2022, 2023].flatMap((origin) =>
      [1, 2].map((h) => {
        const year = origin + h;
        const out = record.find((r) => r.year === year)!.volumeMt;
        const mid = out * (0.8 + 0.1 * h + 0.05 * (origin - 2021));
        return { origin, year, p10: mid * 0.6, p50: mid, p90: mid * 1.5, outturn: out };
      }),
    ),
    { sources: [`Outturns: ${SOURCES.ministry2026.split(' — ')[0]}`] },
  ),
  pit: pitChart(
    ['no change', 'drift', 'damped trend'].flatMap((model, m) => [0.12, 0.35, 0.58, 0.81, 0.93].map((p) => ({ model, pit: Math.min(1, Math.max(0, p - 0.1 * m)) }))),
    { sources: ['Rolling origins 2021–2024, outturns from the ministry series'] },
  ),
};

// ---- helpers -------------------------------------------------------------------------------

type Json = Record<string, unknown>;
/** Every object inside a spec (layers, encodings, marks), depth first. */
function nodes(x: unknown): Json[] {
  if (Array.isArray(x)) return x.flatMap(nodes);
  if (x && typeof x === 'object') return [x as Json, ...Object.values(x).flatMap(nodes)];
  return [];
}
const layers = (s: VegaLiteSpec): Json[] => nodes(s).filter((n) => 'mark' in n);
const titles = (s: VegaLiteSpec): string[] => nodes(s).flatMap((n) => (typeof n.title === 'string' && 'field' in n ? [n.title] : []));
const subtitle = (s: VegaLiteSpec): string[] => ((s.title as Json).subtitle as string[]) ?? [];

const svgs: Record<string, string> = {};
beforeAll(async () => {
  for (const [name, spec] of Object.entries(specs)) svgs[name] = await renderSvg(spec);
  // CHARTS_DUMP=dir: also write each chart as SVG and PNG there, to look at them.
  const dir = process.env.CHARTS_DUMP;
  if (dir) {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    for (const [name, spec] of Object.entries(specs)) {
      writeFileSync(`${dir}/${name}.svg`, svgs[name]!);
      writeFileSync(`${dir}/${name}.png`, await renderPng(spec, { scale: 1.5 }));
    }
  }
});

// ---- every chart ---------------------------------------------------------------------------

describe.each(Object.keys(specs))('%s chart', (name) => {
  const spec = specs[name]!;

  it('validates against the Vega-Lite v5 JSON schema shipped with vega-lite', () => {
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    const ok = validate(spec);
    expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`).slice(0, 10)).toEqual([]);
  });

  it('compiles with vega-lite without warnings', async () => {
    const { compile } = await import('vega-lite');
    const warnings: string[] = [];
    const logger = { level: () => logger, error: (...a: unknown[]) => { warnings.push(a.join(' ')); return logger; }, warn: (...a: unknown[]) => { warnings.push(a.join(' ')); return logger; }, info: () => logger, debug: () => logger };
    const out = compile(spec as never, { logger: logger as never });
    expect(out.spec.marks?.length ?? 0).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('renders to a non-empty SVG with its title, subtitle and axis titles drawn', () => {
    const svg = svgs[name]!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.length).toBeGreaterThan(2000);
    expect(svg).toMatch(/<path[^>]* d="M/); // marks drawn
    expect(svg).not.toMatch(/NaN|undefined/);
    const text = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const t of titles(spec).filter((t) => t.length < 60)) expect(svg, t).toContain(text(t));
    for (const s of subtitle(spec)) expect(svg, s).toContain(text(s).replace(/"/g, '&quot;'));
  });

  it('names its sources under the title', () => {
    expect(subtitle(spec).length).toBeGreaterThan(0);
  });

  it('is a pure function of its summaries (deterministic JSON, no functions, no NaN)', () => {
    const text = JSON.stringify(spec);
    expect(JSON.parse(text)).toEqual(spec);
    expect(text).not.toMatch(/null,null|NaN|Infinity/);
  });
});

// ---- what a reader relies on ---------------------------------------------------------------

describe('fan chart', () => {
  const spec = specs.fan!;
  it('labels volume in Mt per year and years as whole numbers', () => {
    expect(titles(spec)).toContain('Volume (Mt per year)');
    expect(titles(spec)).toContain('Year');
    expect(svgs.fan).not.toMatch(/>2,0\d\d</); // no thousands separator in the year labels
    expect(svgs.fan).toMatch(/>2030</);
  });
  it('tells record, announced, median and target apart by shape or dash, not colour alone', () => {
    const marks = layers(spec).map((l) => l.mark as Json);
    const points = marks.filter((m) => m.type === 'point').map((m) => m.shape);
    expect(new Set(points).size).toBe(points.length);
    const announcedLine = marks.find((m) => m.type === 'line' && m.strokeDash);
    expect(announcedLine?.strokeDash).toEqual([6, 3]);
    expect((announcedLine?.point as Json).shape).toBe('square');
    expect(marks.filter((m) => m.type === 'line' && !m.strokeDash)).toHaveLength(1); // the median, solid
  });
  it('draws every reported outturn and the 10 Mt target of 2027', () => {
    const values = ((spec.data as Json).values as Json[]);
    expect(values.filter((v) => v.series === 'record (reported)').map((v) => v.volumeMt)).toEqual([0.759, 0.783, 0.586, 1.485, 2.764, 4.484, 4.119]);
    expect(values.filter((v) => v.series === 'target')).toEqual([{ series: 'target', year: 2027, volumeMt: 10 }]);
    expect(svgs.fan).toContain('target');
  });
  it('draws several scenarios as fans told apart by lightness, outline and median dash', async () => {
    const two = fanChart([...fanRows.map((r) => ({ ...r, scenario: 'baseline' })), ...fanRows.map((r) => ({ ...r, p10: r.p10 * 1.1, p50: r.p50 * 1.1, p90: r.p90 * 1.1, scenario: 'official-capacity' }))], { record, target: { year: 2027, volumeMt: 10 }, sources: ['two scenarios'] });
    expect(validate(two)).toBe(true);
    const marks = layers(two).map((l) => l.mark as Json);
    const medians = marks.filter((m) => m.type === 'line').map((m) => JSON.stringify(m.strokeDash ?? 'solid'));
    expect(new Set(medians).size).toBe(2);
    const areas = marks.filter((m) => m.type === 'area');
    expect(areas.map((m) => m.stroke)).toHaveLength(2);
    expect(new Set(areas.map((m) => JSON.stringify(m.strokeDash))).size).toBe(2);
    const domain = ((nodes(two).find((n) => n.field === 'series' && 'scale' in n)!.scale as Json).domain as string[]);
    expect(domain).toEqual(['P10–P90 (baseline)', 'median (baseline)', 'P10–P90 (official-capacity)', 'median (official-capacity)', 'record (reported)', 'target']);
    const svg = await renderSvg(two);
    expect(svg).toContain('median (official-capacity)');
  });
  it('keeps the band inside the median: P10 ≤ P50 ≤ P90 every year', () => {
    for (const r of fanRows) expect(r.p10 <= r.p50 && r.p50 <= r.p90).toBe(true);
  });
});

describe('transit chart', () => {
  const spec = specs.transit!;
  it('draws the 15-day rule and labels it', () => {
    const rule = layers(spec).find((l) => (l.mark as Json).type === 'rule');
    expect(rule).toBeDefined();
    expect(JSON.stringify(spec)).toContain('"days":15');
    expect(svgs.transit).toContain('15-day');
  });
  it('moves the rule with `within`', () => {
    expect(JSON.stringify(transitChart(routes, { within: 20 }))).toContain('"days":20');
  });
  it('gives every route its own dash, and days on the x axis', () => {
    const dash = nodes(spec).find((n) => 'strokeDash' in n && typeof n.strokeDash === 'object' && 'field' in (n.strokeDash as Json))!.strokeDash as Json;
    const range = (dash.scale as Json).range as number[][];
    expect(new Set(range.map((d) => d.join(','))).size).toBe(routes.length);
    expect(titles(spec)).toContain('Door-to-door days');
  });
});

describe('the other charts label their axes with units', () => {
  it('first year: share of paths by year, the last bar "not by" the horizon', () => {
    expect(titles(specs.firstYear!)).toEqual(expect.arrayContaining(['Share of paths']));
    expect(svgs.firstYear).toContain('not by 2032');
  });
  it('tornado: the statistic with its unit, sorted by swing', () => {
    expect(titles(specs.tornado!)).toContain('Median 2030 volume (Mt)');
    const y = nodes(specs.tornado!).find((n) => n.field === 'parameter')!;
    expect((y.sort as string[])[0]).toBe('growth rate');
  });
  it('sobol: first-order and total told apart by lightness and outline', () => {
    expect(titles(specs.sobol!)).toContain('Sobol index (share of variance)');
  });
  it('convergence: paths on a log axis', () => {
    expect(titles(specs.convergence!)).toContain('Paths simulated');
  });
  it('backtest: each origin its own dash', () => {
    const dash = nodes(specs.backtest!).find((n) => 'strokeDash' in n && typeof n.strokeDash === 'object' && 'field' in (n.strokeDash as Json))!.strokeDash as Json;
    const range = (dash.scale as Json).range as number[][];
    expect(new Set(range.map((d) => d.join(','))).size).toBe(3);
  });
});

describe('the chart builders take the results they chart', () => {
  const small: ScenarioInput = { start: { year: 2025, volumeMt: 4 }, horizon: 2029, growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.1, max: 0.4 } }, capacity: { baseMt: 6, expansions: [{ year: 2026, addMt: { dist: 'uniform', min: 0.5, max: 1.5 }, delayYears: { dist: 'triangular', min: 0, mode: 0, max: 2 } }] } };
  const v = simulateVolumes(small, { paths: 2000, seed: 1 });

  it('fanChart(result), fanChart([a, b]) and firstYearChart(result) equal the charts of their rows', () => {
    expect(fanChart(v)).toEqual(fanChart(v.summary().map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 }))));
    const s = simulateVolumes({ ...small, name: 'summary run' }, { paths: 2000, seed: 1, keep: 'summary' });
    const both = fanChart([v, s]);
    expect(JSON.stringify(both)).toContain('summary run');
    expect(JSON.stringify(both)).toContain('scenario 1');
    expect(firstYearChart(v, { levelMt: 7 })).toEqual(firstYearChart(v.firstYearReaching(7).map((r) => ({ year: r.year, probability: r.probability.estimate })), { levelMt: 7 }));
    expect(JSON.stringify(firstYearChart(v))).toContain('at least 10 Mt');
  });

  it('tornadoChart(tornado), sobolChart(indices), transitChart(sample | samples | comparison), backtestChart(backtest)', () => {
    const tw = tornado(small, { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: 2000, seed: 1 });
    const spec = tornadoChart(tw);
    expect(spec).toEqual(tornadoChart(tw.rows.map((r) => ({ parameter: r.parameter, low: r.low, high: r.high })), { statistic: tw.label, baseline: tw.baseline.estimate }));
    // The statistic and baseline may still be given, and win.
    expect(JSON.stringify(tornadoChart(tw, { statistic: 'my label' }))).toContain('What moves my label');
    const si = sobolIndicesOf((x) => x.a! + 2 * x.b!, { factors: ['a', 'b'], samples: 64, seed: 1, replicates: 4 });
    expect(sobolChart(si)).toEqual(sobolChart(si.indices, { output: 'the output' }));
    const t = simulateTransit(ROUTES['corridor-poti'], { trips: 2000, seed: 1 });
    const levels = Array.from({ length: 51 }, (_, i) => i / 50);
    expect(transitChart(t)).toEqual(transitChart([{ route: t.route.name, levels, days: t.quantiles(levels) }]));
    expect(JSON.stringify(transitChart([t, simulateTransit(ROUTES['suez-sea'], { trips: 2000, seed: 1 })]))).toContain('suez-sea');
    const c = compareRoutes([ROUTES['corridor-poti'], ROUTES['suez-sea']], { trips: 2000, seed: 1, within: 30 });
    const cs = transitChart(c);
    expect(cs).toEqual(transitChart(c.rows.map((r) => ({ route: r.route, levels: r.distribution.levels, days: r.distribution.days })), { within: 30 }));
    expect(c.rows[0]!.distribution.days).toEqual(t.quantiles(Array.from({ length: 21 }, (_, i) => i / 20)));
    const b = backtest(TITR_VOLUMES, { fitThrough: 2022, horizon: 2025, paths: 2000, seed: 1 });
    expect(backtestChart(b)).toEqual(backtestChart(b.rows.map((r) => ({ origin: 2022, year: r.year, p10: r.p10, p50: r.p50, p90: r.p90, outturn: r.outturn }))));
    const e = evaluateForecasts(TITR_VOLUMES, { seed: 1, paths: 200, models: { 'no-change': noChangeModel() }, points: [] });
    expect(pitChart(e)).toEqual(pitChart(e.scores.map((s) => ({ model: s.model, pit: s.pit }))));
    // A result of another kind is refused by name, as rows of the wrong shape are.
    expect(() => tornadoChart(t as never)).toThrow(/tornadoChart/);
    expect(() => fanChart(t as never)).toThrow(/fanChart: rows must be an array/);
  });

  it('long parameter paths are never cut off in the tornado and Sobol charts', async () => {
    const tw = tornado(small, { statistic: { statistic: 'mean', year: 2027 }, paths: 2000, seed: 1 });
    expect(tw.rows.map((r) => r.parameter)).toContain('capacity.expansions[0].delayYears');
    const svg = await renderSvg(tornadoChart(tw));
    expect(svg).toContain('capacity.expansions[0].delayYears');
    expect(svg).not.toContain('…');
  });
});

export { specs, svgs };
