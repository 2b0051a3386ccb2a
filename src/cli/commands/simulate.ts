/**
 * `volumes`, `transit`, `corridor`: the simulations, on the worker pool of `middle-corridor/node`
 * (Ctrl-C ends them at once), to a tolerance with --until-se, or one shard of a batch run.
 */
import { planTransit, planVolumes, simulateTransit, simulateVolumes, type Scenario, type VolumeResult, type VolumeSummary, type VolumeUntilOptions } from '../../index.js';
import { simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel } from '../../node/index.js';
import { COMMON, count, defined, num, numbers, oneOf, OUTPUT, positionals, seed, SEEDED, text, UsageError, type Parsed } from '../args.js';
import { outFile, PRESET, routeFrom, scenarioFrom, WORKERS, type Command } from '../command.js';
import { print, writeAtomic } from '../output.js';
import { interruptible, progressBar } from '../progress.js';
import { shardOf, transitShard, volumeShard } from '../shards.js';

const SHARD = {
  shard: { type: 'string', help: 'run shard I of N (I from 0 to N − 1; auto/N reads JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID) and write it to --out for `merge`' },
} as const;

const workers = (p: Parsed) => count(p, 'workers');
/** simulateVolumes to a tolerance, full or summary (the overloads take one keep at a time). */
const untilRun = simulateVolumes as (s: Scenario, o: VolumeUntilOptions) => VolumeResult | VolumeSummary;

/** The shard asked for, or null; a shard needs --out and excludes --until-se. */
function shardAsked(p: Parsed): { shard: number; of: number; out: string } | null {
  const spec = text(p, 'shard');
  if (spec === undefined) return null;
  if (text(p, 'until-se') !== undefined) throw new UsageError('--shard and --until-se do not mix: a shard runs a fixed number of paths or trips');
  return { ...shardOf(spec, process.env), out: outFile(p, 'with --shard (the shard\'s partial, for merge)') };
}

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
    const bar = await progressBar('volumes', p.values.quiet === true);
    try {
      const result =
        tolerance === undefined
          ? await interruptible(() => simulateVolumesParallel(s, defined({ paths, ...base, workers: workers(p), onProgress: bar.onProgress })))
          : untilRun(s, defined({ ...base, onProgress: bar.onProgress, untilStandardError: { tolerance, maxPaths: paths } }) as VolumeUntilOptions);
      bar.stop();
      await print(p, result);
    } finally {
      bar.stop();
    }
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
    const result =
      tolerance === undefined
        ? await interruptible(() => simulateTransitParallel(r, defined({ trips, ...base, workers: workers(p) })))
        : simulateTransit(r, { ...base, untilStandardError: { tolerance, maxTrips: trips, ...(days !== undefined ? { statistic: { days } } : {}) } });
    await print(p, result);
  },
};

export const corridor: Command = {
  name: 'corridor',
  summary: 'a scenario and a route together: transit time by year as volumes grow',
  usage: 'middle-corridor corridor SCENARIO ROUTE [--paths N] [--trips-per-path K] [flags]',
  example: 'middle-corridor corridor official-capacity corridor-poti --paths 1e4 --use-scenario-capacity',
  flags: {
    ...COMMON, ...SEEDED, ...OUTPUT, ...WORKERS,
    paths: { type: 'string', help: 'simulated paths (10000 by default)' },
    'trips-per-path': { type: 'string', help: 'trips drawn per path-year (1 by default)' },
    'use-scenario-capacity': { type: 'boolean', help: 'every queue uses the scenario\'s capacity of its path-year' },
  },
  async run(p) {
    const [sf, rf] = positionals(p, 2, 2, 'the scenario and the route (files or names)');
    const [s, r] = [await scenarioFrom(p, sf), await routeFrom(rf)];
    const tripsPerPath = count(p, 'trips-per-path');
    const o = { paths: count(p, 'paths', 10_000)!, seed: seed(p), ...(tripsPerPath !== undefined ? { tripsPerPath } : {}), ...(p.values['use-scenario-capacity'] ? { useScenarioCapacity: true } : {}) };
    await print(p, await interruptible(() => simulateCorridorParallel(s, r, defined({ ...o, workers: workers(p) }))));
  },
};
