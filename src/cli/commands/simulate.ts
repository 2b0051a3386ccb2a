/**
 * `volumes`, `transit`, `corridor`: the simulations, on the worker pool of `middle-corridor/node`,
 * to a tolerance with --until-se (on a thread of its own), or one shard of a batch run; Ctrl-C
 * aborts them (./progress.ts).
 */
import { planCorridor, planTransit, planVolumes } from '../../index.js';
import { simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel } from '../../node/index.js';
import { COMMON, count, defined, num, numbers, oneOf, OUTPUT, positionals, seed, SEEDED, UsageError, type Parsed } from '../args.js';
import { PRESET, routeFrom, scenarioFrom, WORKERS, type Command } from '../command.js';
import { print, writeAtomic } from '../output.js';
import { withProgress } from '../progress.js';
import { printOffThread } from '../thread.js';
import { corridorShard, SHARD, shardAsked, transitShard, volumeShard } from '../shards.js';


const workers = (p: Parsed) => count(p, 'workers');
const quiet = (p: Parsed) => p.values.quiet === true;

export const volumes: Command = {
  name: 'volumes',
  summary: 'simulate annual volumes: quantiles, P(≥ target), first year reaching it',
  usage: 'middle-corridor volumes [SCENARIO] [--preset NAME] [--paths N] [--seed S] [flags]',
  example: 'middle-corridor volumes --preset official-capacity --paths 1e5 --format json',
  flags: {
    ...COMMON, ...PRESET, ...SEEDED, ...OUTPUT, ...WORKERS, ...SHARD,
    paths: { type: 'string', help: 'simulated paths (100000 by default; 1e6 works)' },
    keep: { type: 'string', help: "all | summary (summary: memory that does not grow with the paths)" },
    quantiles: { type: 'string', help: 'extra quantile levels, comma-separated (0.05,0.95)' },
    thresholds: { type: 'string', help: 'with --keep summary: volumes (Mt) whose probabilities to keep' },
    'until-se': { type: 'string', help: 'run until P(≥ target) has this standard error (e.g. 0.002), --paths the cap (1000000 by default then)' },
  },
  async run(p) {
    const [file] = positionals(p, 0, 1, 'the scenario');
    const s = await scenarioFrom(p, file);
    const keep = oneOf(p, 'keep', ['all', 'summary'] as const);
    const quantiles = numbers(p, 'quantiles');
    const thresholds = numbers(p, 'thresholds');
    const base = { seed: seed(p), ...(keep ? { keep } : {}), ...(quantiles ? { quantiles } : {}), ...(thresholds ? { thresholds } : {}) };
    const tolerance = num(p, 'until-se');
    // With --until-se, --paths is the cap (1,000,000 by default).
    const paths = count(p, 'paths', tolerance === undefined ? 100_000 : 1_000_000)!;
    const shard = shardAsked(p);
    if (shard) return writeAtomic(shard.out, volumeShard(planVolumes(s, { paths, ...base }), shard.shard, shard.of));
    if (tolerance !== undefined) return printOffThread(p, 'volumes', 'simulateVolumes', [s, { ...base, untilStandardError: { tolerance, maxPaths: paths } }]);
    if (workers(p) === 1) return printOffThread(p, 'volumes', 'simulateVolumes', [s, { paths, ...base }]);
    await print(p, await withProgress('volumes', quiet(p), (o) => simulateVolumesParallel(s, defined({ paths, ...base, workers: workers(p), ...o }))));
  },
};

export const transit: Command = {
  name: 'transit',
  summary: 'simulate trips on a route: days, P(≤ 15 days), the legs',
  usage: 'middle-corridor transit ROUTE [--trips N] [--volume-mt X] [--seed S] [flags]',
  example: 'middle-corridor transit corridor-poti --trips 1e5 --volume-mt 4.5',
  flags: {
    ...COMMON, ...SEEDED, ...OUTPUT, ...WORKERS, ...SHARD,
    trips: { type: 'string', help: 'simulated trips (100000 by default)' },
    'volume-mt': { type: 'string', help: 'annual volume through the route\'s queues (Mt); without it queues add nothing' },
    'until-se': { type: 'string', help: 'run until P(≤ --within days) has this standard error, --trips the cap (1000000 by default then)' },
    within: { type: 'string', help: 'with --until-se: the days of P(≤ days) (15 by default)' },
  },
  async run(p) {
    const [file] = positionals(p, 1, 1, 'the route: a JSON or YAML file, or a route\'s name');
    const r = await routeFrom(file);
    const volumeMt = num(p, 'volume-mt');
    const base = { seed: seed(p), ...(volumeMt !== undefined ? { volumeMt } : {}) };
    const tolerance = num(p, 'until-se');
    const trips = count(p, 'trips', tolerance === undefined ? 100_000 : 1_000_000)!;
    const shard = shardAsked(p);
    if (shard) return writeAtomic(shard.out, transitShard(planTransit(r, { trips, ...base }), shard.shard, shard.of));
    const days = num(p, 'within');
    if (days !== undefined && tolerance === undefined) throw new UsageError('--within goes with --until-se (the statistic it sizes the run for)');
    if (tolerance !== undefined) return printOffThread(p, 'transit', 'simulateTransit', [r, { ...base, untilStandardError: { tolerance, maxTrips: trips, ...(days !== undefined ? { statistic: { days } } : {}) } }]);
    if (workers(p) === 1) return printOffThread(p, 'transit', 'simulateTransit', [r, { trips, ...base }]);
    await print(p, await withProgress('transit', quiet(p), (o) => simulateTransitParallel(r, defined({ trips, ...base, workers: workers(p), ...o }))));
  },
};

export const corridor: Command = {
  name: 'corridor',
  summary: 'a scenario and a route together: transit time by year as volumes grow',
  usage: 'middle-corridor corridor SCENARIO ROUTE [--paths N] [--trips-per-path K] [flags]',
  example: 'middle-corridor corridor official-capacity corridor-poti --paths 1e4 --use-scenario-capacity',
  flags: {
    ...COMMON, ...SEEDED, ...OUTPUT, ...WORKERS, ...SHARD,
    paths: { type: 'string', help: 'simulated paths (10000 by default)' },
    'trips-per-path': { type: 'string', help: 'trips drawn per path-year (1 by default)' },
    'use-scenario-capacity': { type: 'boolean', help: 'every queue uses the scenario\'s capacity of its path-year' },
  },
  async run(p) {
    const [sf, rf] = positionals(p, 2, 2, 'the scenario and the route (files or names)');
    const [s, r] = [await scenarioFrom(p, sf), await routeFrom(rf)];
    const tripsPerPath = count(p, 'trips-per-path');
    const o = { paths: count(p, 'paths', 10_000)!, seed: seed(p), ...(tripsPerPath !== undefined ? { tripsPerPath } : {}), ...(p.values['use-scenario-capacity'] ? { useScenarioCapacity: true } : {}) };
    const shard = shardAsked(p);
    if (shard) return writeAtomic(shard.out, corridorShard(planCorridor(s, r, o), shard.shard, shard.of));
    if (workers(p) === 1) return printOffThread(p, 'corridor', 'simulateCorridor', [s, r, o]);
    await print(p, await withProgress('corridor', quiet(p), (x) => simulateCorridorParallel(s, r, defined({ ...o, workers: workers(p), ...x }))));
  },
};
