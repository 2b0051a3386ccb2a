/**
 * `evaluate` (forecast skill on the record), `chart` (a Vega-Lite spec, or SVG with the optional
 * render peers), `presets` and `routes` (what ships), `merge` (shards into one result).
 */
import { fanChart, firstYearChart, PRESETS, ROUTES, simulateTransit, simulateVolumes, TITR_VOLUMES, transitChart } from '../../index.js';
import { COMMON, count, defined, num, OUTPUT, positionals, seed, SEEDED, UsageError } from '../args.js';
import { PRESET, QUIET, routeFrom, scenarioFrom, type Command } from '../command.js';
import { printOffThread } from '../thread.js';
import { emit, print, type Printable } from '../output.js';
import { mergeShards } from '../shards.js';

export const evaluate: Command = {
  name: 'evaluate',
  summary: 'forecast skill of the built-in models on the record (rolling origin, CRPS)',
  usage: 'middle-corridor evaluate [--paths N] [--seed S] [flags]',
  example: 'middle-corridor evaluate --paths 2000 --format csv',
  flags: { ...COMMON, ...SEEDED, ...OUTPUT, ...QUIET, paths: { type: 'string', help: 'paths per forecast (2000 by default)' } },
  async run(p) {
    positionals(p, 0, 0, '');
    await printOffThread(p, 'evaluate', 'evaluateForecasts', [TITR_VOLUMES, { seed: seed(p), paths: count(p, 'paths', 2000, 2)! }]);
  },
};

const CHARTS = ['fan', 'first-year', 'transit'] as const;

export const chart: Command = {
  name: 'chart',
  summary: 'a chart as a Vega-Lite spec (JSON), or SVG with --svg',
  usage: 'middle-corridor chart fan|first-year SCENARIO | chart transit ROUTE [--svg] [--out FILE]',
  example: 'middle-corridor chart fan official-capacity --svg --out fan.svg',
  flags: {
    ...COMMON, ...SEEDED, ...PRESET,
    out: OUTPUT.out!,
    paths: { type: 'string', help: 'paths or trips simulated for the chart (10000 by default)' },
    'level-mt': { type: 'string', help: 'first-year: the level reached (10 Mt by default)' },
    'volume-mt': { type: 'string', help: 'transit: the volume through the queues' },
    svg: { type: 'boolean', help: 'render to SVG (needs vega, vega-lite and @resvg/resvg-js installed)' },
  },
  async run(p) {
    const [kind, from] = positionals(p, 1, 2, `the chart: ${CHARTS.join(', ')}`);
    if (!(CHARTS as readonly string[]).includes(kind!)) throw new UsageError(`the chart must be one of ${CHARTS.join(', ')} (got "${kind}")`);
    const n = count(p, 'paths', 10_000, 2)!;
    let spec;
    if (kind === 'transit') {
      const r = await routeFrom(from);
      spec = transitChart(simulateTransit(r, defined({ trips: n, seed: seed(p), volumeMt: num(p, 'volume-mt') })));
    } else {
      const v = simulateVolumes(await scenarioFrom(p, from), { paths: n, seed: seed(p) });
      spec = kind === 'fan' ? fanChart(v) : firstYearChart(v, defined({ levelMt: num(p, 'level-mt') }));
    }
    if (!p.values.svg) return emit(p, JSON.stringify(spec, null, 2) + '\n');
    const { renderSvg } = await import('../../render/index.js');
    await emit(p, await renderSvg(spec));
  },
};

/** A named list (presets, routes) as rows; its JSON the documents themselves. */
function named(docs: Readonly<Record<string, object>>, describe: (x: never) => Record<string, unknown>): Printable {
  return { toJSON: () => docs, toRecords: () => Object.entries(docs).map(([name, x]) => ({ name, ...describe(x as never) })) };
}

export const presets: Command = {
  name: 'presets',
  summary: 'the scenarios that ship (names work wherever a scenario file does)',
  usage: 'middle-corridor presets [--format F]',
  example: 'middle-corridor presets --format json',
  flags: { ...COMMON, ...OUTPUT },
  async run(p) {
    positionals(p, 0, 0, '');
    await print(p, named(PRESETS, (s: (typeof PRESETS)['baseline']) => ({ start: s.start.year, volumeMt: s.start.volumeMt, horizon: s.horizon, growth: s.growth.model })));
  },
};

export const routes: Command = {
  name: 'routes',
  summary: 'the routes that ship (names work wherever a route file does)',
  usage: 'middle-corridor routes [--format F]',
  example: 'middle-corridor routes --format table',
  flags: { ...COMMON, ...OUTPUT },
  async run(p) {
    positionals(p, 0, 0, '');
    await print(p, named(ROUTES, (r: (typeof ROUTES)['suez-sea']) => ({ legs: r.legs.length, modes: r.legs.map((l) => l.mode).join(' '), source: r.source ?? null })));
  },
};

export const merge: Command = {
  name: 'merge',
  summary: 'merge the shards of a run (--shard I/N) into its result, the one-process numbers bit for bit',
  usage: 'middle-corridor merge PART... [--format F] [--out FILE]',
  example: 'middle-corridor merge part-*.json --format json --out result.json',
  flags: { ...COMMON, ...OUTPUT },
  async run(p) {
    const files = positionals(p, 1, Number.MAX_SAFE_INTEGER, 'the shard files (part-*.json)');
    await print(p, await mergeShards(files));
  },
};
