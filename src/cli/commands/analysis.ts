/**
 * Question 4 from the shell: `compare` (two scenarios, or routes), `tornado`, `sobol`, `shapley`,
 * `solve`. Each runs on a thread of its own (./thread.ts): the bar is drawn and Ctrl-C aborts the call.
 */
import { planSobol, planTornado, type RouteParameter, type VolumeOutput } from '../../index.js';
import { COMMON, count, defined, num, numbers, OUTPUT, positionals, seed, SEEDED, statistic, text, UsageError, type Parsed } from '../args.js';
import { PRESET, QUIET, routeFrom, scenarioFrom, type Command } from '../command.js';
import { writeAtomic } from '../output.js';
import { SHARD, shardAsked, sweepShard } from '../shards.js';
import { printOffThread } from '../thread.js';

const PATHS = { paths: { type: 'string', help: 'simulated paths (10000 by default)' } } as const;
const STATISTIC = { statistic: { type: 'string', help: 'probabilityAtLeast:YEAR:MT, quantile:YEAR:P or mean:YEAR' } } as const;
const OUTPUT_FLAGS = {
  year: { type: 'string', help: 'the output: the volume of this year (required)' },
  'volume-mt': { type: 'string', help: 'the output: whether the year\'s volume reaches this level (1 or 0)' },
  log: { type: 'boolean', help: 'the output: the log of the year\'s volume' },
} as const;

const paths = (p: Parsed, fallback = 10_000) => count(p, 'paths', fallback, 2)!;

function required<T>(x: T | undefined, flag: string, what: string): T {
  if (x === undefined) throw new UsageError(`--${flag} is required: ${what}`);
  return x;
}

/** The per-path output of sobol and shapley. */
function output(p: Parsed): VolumeOutput {
  const year = required(num(p, 'year'), 'year', 'the year whose volume is the output');
  const volumeMt = num(p, 'volume-mt');
  if (volumeMt !== undefined && p.values.log) throw new UsageError('--volume-mt and --log do not mix: one output at a time');
  return volumeMt !== undefined ? { year, volumeMt } : p.values.log ? { year, log: true } : { year };
}

export const compare: Command = {
  name: 'compare',
  summary: 'two scenarios on the same seed (paired differences), or routes with --routes',
  usage: 'middle-corridor compare A B [--paths N] | compare --routes R1 R2 [R3 …] [--trips N]',
  example: 'middle-corridor compare official-capacity baseline --paths 1e4',
  flags: {
    ...COMMON, ...SEEDED, ...OUTPUT, ...QUIET, ...PATHS,
    routes: { type: 'boolean', help: 'compare routes (files or names) instead of scenarios' },
    trips: { type: 'string', help: 'with --routes: trips per route (10000 by default)' },
    within: { type: 'string', help: 'with --routes: days of P(≤ days) (15 by default)' },
    'volume-mt': { type: 'string', help: 'scenarios: the level of P(≥ level) (the target by default); routes: the volume through the queues' },
  },
  async run(p) {
    const volumeMt = num(p, 'volume-mt');
    if (p.values.routes) {
      const names = positionals(p, 2, 100, 'the routes (two or more files or names)');
      const routes = await Promise.all(names.map((n) => routeFrom(n)));
      return printOffThread(p, 'compare', 'compareRoutes', [routes, defined({ trips: count(p, 'trips', 10_000, 2)!, seed: seed(p), within: num(p, 'within'), volumeMt })]);
    }
    const [a, b] = positionals(p, 2, 2, 'the two scenarios (files or preset names)');
    return printOffThread(p, 'compare', 'compareScenarios', [await scenarioFrom(p, a), await scenarioFrom(p, b), defined({ paths: paths(p), seed: seed(p), volumeMt })]);
  },
};

export const tornadoCommand: Command = {
  name: 'tornado',
  summary: 'which uncertain parameter moves a statistic most (each held at its P10 and P90)',
  usage: 'middle-corridor tornado [SCENARIO] --statistic STAT [--paths N] [flags]',
  example: 'middle-corridor tornado --preset baseline --statistic quantile:2027:0.5',
  flags: { ...COMMON, ...PRESET, ...SEEDED, ...OUTPUT, ...QUIET, ...SHARD, ...PATHS, ...STATISTIC },
  async run(p) {
    const [file] = positionals(p, 0, 1, 'the scenario');
    const s = await scenarioFrom(p, file);
    const o = { statistic: required(statistic(p), 'statistic', 'probabilityAtLeast:YEAR:MT, quantile:YEAR:P or mean:YEAR'), paths: paths(p), seed: seed(p) };
    const shard = shardAsked(p);
    if (shard) return writeAtomic(shard.out, sweepShard(planTornado(s, o), shard.shard, shard.of));
    await printOffThread(p, 'tornado', 'tornado', [s, o]);
  },
};

export const sobol: Command = {
  name: 'sobol',
  summary: 'first-order and total Sobol indices of a year\'s volume',
  usage: 'middle-corridor sobol [SCENARIO] --year YEAR [--samples N] [--bootstrap B] [flags]',
  example: 'middle-corridor sobol --preset official-capacity --year 2027 --samples 4096',
  flags: {
    ...COMMON, ...PRESET, ...SEEDED, ...OUTPUT, ...QUIET, ...SHARD, ...OUTPUT_FLAGS,
    samples: { type: 'string', help: 'rows of the design (4096 by default)' },
    bootstrap: { type: 'string', help: 'bootstrap resamples for the standard errors' },
  },
  async run(p) {
    const [file] = positionals(p, 0, 1, 'the scenario');
    const s = await scenarioFrom(p, file);
    const o = defined({ output: output(p), samples: count(p, 'samples', 4096, 2)!, seed: seed(p), bootstrap: count(p, 'bootstrap') });
    const shard = shardAsked(p);
    if (shard) return writeAtomic(shard.out, sweepShard(planSobol(s, o), shard.shard, shard.of));
    await printOffThread(p, 'sobol', 'sobolIndices', [s, o]);
  },
};

export const shapley: Command = {
  name: 'shapley',
  summary: 'Shapley effects of a year\'s volume (correlated inputs too)',
  usage: 'middle-corridor shapley [SCENARIO] --year YEAR [--permutations M] [flags]',
  example: 'middle-corridor shapley --preset official-capacity --year 2027 --permutations 40',
  flags: {
    ...COMMON, ...PRESET, ...SEEDED, ...OUTPUT, ...QUIET, ...OUTPUT_FLAGS,
    permutations: { type: 'string', help: 'random permutations of the factors (100 by default)' },
  },
  async run(p) {
    const [file] = positionals(p, 0, 1, 'the scenario');
    const s = await scenarioFrom(p, file);
    await printOffThread(p, 'shapley', 'shapleyEffects', [s, { output: output(p), permutations: count(p, 'permutations', 100)!, seed: seed(p) }]);
  },
};

export const solve: Command = {
  name: 'solve',
  summary: 'goal seeking: the parameter value at which a statistic reaches a level',
  usage: 'middle-corridor solve SCENARIO --parameter PATH --statistic STAT --level X --range LO,HI [flags] | solve --route ROUTE --parameter days-scale …',
  example: 'middle-corridor solve baseline --parameter growth.rate --statistic quantile:2027:0.5 --level 10 --range 0,1',
  flags: {
    ...COMMON, ...SEEDED, ...OUTPUT, ...QUIET, ...PATHS, ...STATISTIC,
    parameter: { type: 'string', help: 'a scenario parameter\'s path (growth.rate), add-capacity:YEAR; with --route: days-scale, leg:NAME, servers:NAME' },
    level: { type: 'string', help: 'the level the statistic must reach' },
    range: { type: 'string', help: 'the interval searched, LO,HI' },
    route: { type: 'boolean', help: 'solve on a route (the positional is a route); --statistic probabilityWithin:DAYS or quantile:P' },
    trips: { type: 'string', help: 'with --route: trips (10000 by default)' },
    'volume-mt': { type: 'string', help: 'with --route: the volume through the queues' },
  },
  async run(p) {
    const [file] = positionals(p, 1, 1, 'the scenario or, with --route, the route');
    const parameter = required(text(p, 'parameter'), 'parameter', 'what to solve for');
    const level = required(num(p, 'level'), 'level', 'the level the statistic must reach');
    const range = required(numbers(p, 'range'), 'range', 'LO,HI');
    if (range.length !== 2) throw new UsageError(`--range must be two numbers LO,HI (got ${range.length})`);
    const r = range as [number, number];
    if (p.values.route) {
      const route = await routeFrom(file);
      const st = required(text(p, 'statistic'), 'statistic', 'probabilityWithin:DAYS or quantile:P');
      const m = /^(probabilityWithin|quantile):([^:]+)$/.exec(st);
      const x = Number(m?.[2]);
      if (!m || !Number.isFinite(x)) throw new UsageError(`--statistic on a route must be probabilityWithin:DAYS or quantile:P (got "${st}")`);
      const rp = /^(leg|servers):(.+)$/.exec(parameter);
      const rparam: RouteParameter = parameter === 'days-scale' ? 'days-scale' : rp?.[1] === 'leg' ? { leg: rp[2]! } : rp ? { servers: rp[2]! } : (() => { throw new UsageError(`--parameter on a route must be days-scale, leg:NAME or servers:NAME (got "${parameter}")`); })();
      const statisticOf = m[1] === 'quantile' ? { statistic: 'quantile' as const, p: x } : { statistic: 'probabilityWithin' as const, days: x };
      return printOffThread(p, 'solve', 'solveRoute', [route, defined({ parameter: rparam, statistic: statisticOf, level, range: r, trips: count(p, 'trips', 10_000, 2)!, seed: seed(p), volumeMt: num(p, 'volume-mt') })]);
    }
    const s = await scenarioFrom(p, file);
    const cap = /^add-capacity:(-?\d+)$/.exec(parameter);
    const sparam = cap ? { addCapacityMt: { year: Number(cap[1]) } } : parameter;
    await printOffThread(p, 'solve', 'solveScenario', [s, { parameter: sparam, statistic: required(statistic(p), 'statistic', 'probabilityAtLeast:YEAR:MT, quantile:YEAR:P or mean:YEAR'), level, range: r, paths: paths(p), seed: seed(p) }]);
  },
};
