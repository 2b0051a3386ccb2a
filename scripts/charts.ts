/**
 * The README's and the docs' charts, regenerated from the library (never hand-made):
 *
 *   npm run charts      # writes docs/img/fan.svg, routes.svg, backtest.svg, pit.svg (+ .png with @resvg/resvg-js)
 *
 * Uses only the public API: volume quantiles by year of two presets, 100,000 paths each, and
 * door-to-door quantiles of the built-in routes, 100,000 trips each at the 2025 corridor volume.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ANNOUNCED_TRAJECTORY, PRESETS, ROUTES, SOURCES, TITR_VOLUMES, backtestChart, evaluateForecasts, fanChart, pitChart, simulateTransit, simulateVolumes, transitChart, type FanRow, type VegaLiteSpec } from '../src/index.js';
import { renderPng, renderSvg } from '../src/render/index.js';

const OUT = fileURLToPath(new URL('../docs/img/', import.meta.url));
const PATHS = 100_000;
const TRIPS = 100_000;
/** A source's publication, without its URL. */
const cite = (s: string) => s.split(' — ')[0]!;

function fan(): VegaLiteSpec {
  const rows: FanRow[] = [];
  for (const preset of ['baseline', 'official-capacity'] as const) {
    const input = PRESETS[preset];
    const run = simulateVolumes(input, { paths: PATHS, seed: 2027 });
    for (let year = input.start.year; year <= input.horizon; year++) {
      const [p10, p50, p90] = run.quantiles(year, [0.1, 0.5, 0.9]) as [number, number, number];
      rows.push({ year, p10, p50, p90, scenario: preset });
    }
  }
  return fanChart(rows, {
    record: TITR_VOLUMES.filter((o) => o.kind === 'reported').map((o) => ({ year: o.year, volumeMt: o.volumeMt })),
    announced: ANNOUNCED_TRAJECTORY.map((o) => ({ year: o.year, volumeMt: o.volumeMt })),
    target: { year: 2027, volumeMt: 10 },
    sources: [
      `Record: Kazakh Ministry of Transport via ${cite(SOURCES.ministry2026)}`,
      `Announced and target: ${cite(SOURCES.vassilenko2025)}`,
      `Simulated: middle-corridor presets baseline and official-capacity, ${PATHS.toLocaleString('en')} paths each, seed 2027`,
    ],
  });
}

function routes(): VegaLiteSpec {
  const levels = Array.from({ length: 101 }, (_, i) => i / 100);
  const dists = Object.entries(ROUTES).map(([route, r]) => {
    const sample = simulateTransit(r, { trips: TRIPS, seed: 15, volumeMt: 4.119 });
    return { route, levels, days: levels.map((p) => sample.quantile(p)) };
  });
  return transitChart(dists, {
    title: "Door-to-door days, Xi'an → Antwerp-Bruges, by route",
    sources: [
      `Legs: middle-corridor ROUTES (each leg sourced in src/transit/routes.ts); queues at the 2025 corridor volume, 4.119 Mt`,
      `15-day ambition: ${cite(SOURCES.euIntpa2024)}`,
      `Simulated: ${TRIPS.toLocaleString('en')} trips per route, seed 15`,
    ],
  });
}

/** Forecast skill: the default forecast's bands from each origin, and every model's PIT values. */
function skill(): [VegaLiteSpec, VegaLiteSpec] {
  const e = evaluateForecasts(TITR_VOLUMES, { seed: 2027, paths: 20_000 });
  const sources = [`Outturns: Kazakh Ministry of Transport via ${cite(SOURCES.ministry2026)}`, 'Forecasts: middle-corridor evaluateForecasts, 20,000 paths, seed 2027 (docs/forecasting.md)'];
  const bands = e.scores.filter((s) => s.model === 'shrunk-drift').map(({ origin, year, p10, p50, p90, outturn }) => ({ origin, year, p10, p50, p90, outturn }));
  const models = ['no-change', 'drift', 'damped-trend', 'shrunk-drift', 'drift-capped'];
  const pits = e.scores.filter((s) => models.includes(s.model)).map(({ model, pit }) => ({ model, pit }));
  return [
    backtestChart(bands, { title: 'The default forecast (drift shrunk toward zero) from each origin, against the outturns', sources }),
    pitChart(pits, { title: 'Where the outturns fell in each model’s forecasts (PIT; even spread = calibrated)', sources }),
  ];
}

async function write(name: string, spec: VegaLiteSpec): Promise<void> {
  writeFileSync(`${OUT}${name}.svg`, await renderSvg(spec));
  try {
    writeFileSync(`${OUT}${name}.png`, await renderPng(spec, { scale: 2 }));
  } catch (e) {
    console.warn(`${name}.png skipped: ${(e as Error).message}`);
  }
  console.log(`wrote docs/img/${name}.svg`);
}

const t0 = performance.now();
mkdirSync(OUT, { recursive: true });
await write('fan', fan());
await write('routes', routes());
const [bands, pit] = skill();
await write('backtest', bands);
await write('pit', pit);
console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
