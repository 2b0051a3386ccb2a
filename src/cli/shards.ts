/**
 * Shards: one block range of a run, written as a fingerprinted partial with its plan, and the
 * merge of every shard's file into the one-process result, bit for bit (docs/design.md "Across
 * machines"). Shard i of N runs blocks [floor(i·n/N), floor((i+1)·n/N)) of the plan's n blocks
 * (a corridor's trip blocks; a sweep's rows).
 */
import { readFile } from 'node:fs/promises';
import { mergeCorridor, mergeSweep, mergeTransit, mergeVolumes, placeBrackets, planCorridorTrips, runCorridorBlocks, runSweepRows, runTransitBlocks, runVolumeBlocks, runVolumePilot, type CorridorEnginePlan, type CorridorResult, type CorridorTripsPlan, type SobolIndices, type SweepPlan, type SweepRows, type Tornado, type TransitPlan, type TransitSample, type TripBlocks, type VolumePartial, type VolumePlan, type VolumeResult, type VolumeSummary } from '../index.js';
import { text, UsageError, type Parsed } from './args.js';
import { outFile } from './command.js';
import { decode, encode } from './codec.js';

/** What a shard's file holds. */
export interface ShardFile {
  format: 'middle-corridor-shard';
  version: 1;
  engine: Engine;
  shard: number;
  of: number;
  b0: number;
  b1: number;
  /** The partial's fingerprint of its plan (null for an empty shard: more shards than blocks). */
  fingerprint: string | null;
  /** A corridor shard holds the corridor's plan (small): the volumes of its trips' plan are run again where needed. */
  plan: VolumePlan | TransitPlan | CorridorEnginePlan | SweepPlan;
  partial: VolumePartial | TripBlocks | SweepRows | null;
}

/** What a shard runs: a simulation's blocks, or a sweep's rows. */
type Engine = 'volumes' | 'transit' | 'corridor' | 'tornado' | 'sobol';
const ENGINES: readonly Engine[] = ['volumes', 'transit', 'corridor', 'tornado', 'sobol'];

/** The most shards of one run. */
export const MAX_SHARDS = 100_000;

/**
 * `--shard i/N` (i from 0 to N − 1), or `auto/N`: i from JOB_COMPLETION_INDEX (a Kubernetes
 * Indexed Job) or SLURM_ARRAY_TASK_ID (a Slurm array), in that order.
 */
export function shardOf(spec: string, env: NodeJS.ProcessEnv): { shard: number; of: number } {
  const m = /^(auto|\d+)\/(\d+)$/.exec(spec);
  if (!m) throw new UsageError(`--shard must be I/N (I from 0 to N − 1) or auto/N (got "${spec}")`);
  const of = Number(m[2]);
  if (!(of >= 1 && of <= MAX_SHARDS)) throw new UsageError(`--shard: N must be in [1, ${MAX_SHARDS}] (got ${m[2]})`);
  let index = m[1]!;
  if (index === 'auto') {
    const from = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'].find((k) => env[k] !== undefined && env[k] !== '');
    if (!from) throw new UsageError('--shard auto/N reads the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm array), and neither is set');
    index = env[from]!;
    if (!/^\d+$/.test(index)) throw new UsageError(`--shard auto/${of}: ${from} must be a whole number (got "${index}")`);
  }
  const shard = Number(index);
  if (!(shard < of)) throw new UsageError(`--shard: the index must be in [0, ${of - 1}] for ${of} shards (got ${shard})`);
  return { shard, of };
}

/** The --shard flag. */
export const SHARD = {
  shard: { type: 'string', help: 'run shard I of N (I from 0 to N − 1; auto/N reads JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID) and write it to --out for `merge`' },
} as const;

/** The shard asked for, or null; a shard needs --out and excludes --until-se. */
export function shardAsked(p: Parsed): { shard: number; of: number; out: string } | null {
  const spec = text(p, 'shard');
  if (spec === undefined) return null;
  if (text(p, 'until-se') !== undefined) throw new UsageError('--shard and --until-se do not mix: a shard runs a fixed number of paths or trips');
  return { ...shardOf(spec, process.env), out: outFile(p, 'with --shard (the shard\'s partial, for merge)') };
}

/** The blocks of shard i of N over n blocks. */
export function shardBlocks(shard: number, of: number, nBlocks: number): [number, number] {
  return [Math.floor((shard * nBlocks) / of), Math.floor(((shard + 1) * nBlocks) / of)];
}

/** Runs a volume plan's shard: the pilot first (every shard places the same brackets), then its blocks. */
export function volumeShard(plan: VolumePlan, shard: number, of: number): string {
  const p = plan.summary?.pilot ? placeBrackets(plan, [runVolumePilot(plan)]) : plan;
  const [b0, b1] = shardBlocks(shard, of, p.nBlocks);
  return shardText('volumes', p, shard, of, b0, b1, b1 > b0 ? runVolumeBlocks(p, b0, b1) : null);
}

/** Runs a transit plan's shard. */
export function transitShard(plan: TransitPlan, shard: number, of: number): string {
  const [b0, b1] = shardBlocks(shard, of, plan.nBlocks);
  return shardText('transit', plan, shard, of, b0, b1, b1 > b0 ? runTransitBlocks(plan, b0, b1) : null);
}

/**
 * A corridor's trips plan: its volume stage run on this thread (deterministic: every shard, and
 * the merge, get the same volumes, the one-process run's).
 */
function tripsOf(plan: CorridorEnginePlan): CorridorTripsPlan {
  const v = plan.volumes;
  return planCorridorTrips(plan, mergeVolumes(v, [runVolumeBlocks(v, 0, v.nBlocks)]) as VolumeResult);
}

/** Runs a corridor plan's shard: the volume stage, then its range of the trips' blocks. */
export function corridorShard(plan: CorridorEnginePlan, shard: number, of: number): string {
  const trips = tripsOf(plan);
  const [b0, b1] = shardBlocks(shard, of, trips.nBlocks);
  return shardText('corridor', plan, shard, of, b0, b1, b1 > b0 ? runCorridorBlocks(trips, b0, b1) : null);
}

/** Runs a sweep's shard: its range of the rows (a tornado's or a Sobol design's runs, block by block). */
export function sweepShard(plan: SweepPlan, shard: number, of: number): string {
  const [b0, b1] = shardBlocks(shard, of, plan.rows);
  return shardText(plan.analysis, plan, shard, of, b0, b1, b1 > b0 ? runSweepRows(plan, b0, b1) : null);
}

function shardText(engine: ShardFile['engine'], plan: ShardFile['plan'], shard: number, of: number, b0: number, b1: number, partial: ShardFile['partial']): string {
  const file: ShardFile = { format: 'middle-corridor-shard', version: 1, engine, shard, of, b0, b1, fingerprint: partial?.fingerprint ?? null, plan, partial };
  return encode(file);
}

/** Reads a shard's file, checking that it is one. */
async function readShard(path: string): Promise<ShardFile> {
  let x: ShardFile;
  try {
    x = decode<ShardFile>(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path} (${(e as Error).message})`);
  }
  if (x === null || typeof x !== 'object' || x.format !== 'middle-corridor-shard' || x.version !== 1) throw new Error(`${path} is not a shard's file (written by middle-corridor … --shard I/N --out FILE)`);
  if (!ENGINES.includes(x.engine)) throw new Error(`${path} holds an unknown engine "${String(x.engine)}"`);
  if (!(Number.isInteger(x.of) && Number.isInteger(x.shard) && x.shard >= 0 && x.shard < x.of)) throw new Error(`${path} has no valid shard index (shard ${String(x.shard)} of ${String(x.of)})`);
  return x;
}

/**
 * Merges shard files into the run's result: every file of one run (the same plan: scenario or
 * route, seed, options, and number of shards), each shard once, none missing; else an Error naming
 * the files or the shards.
 */
export async function mergeShards(paths: readonly string[]): Promise<VolumeResult | VolumeSummary | TransitSample | CorridorResult | Tornado | SobolIndices> {
  if (paths.length === 0) throw new UsageError('give the shard files (part-*.json)');
  const files = await Promise.all(paths.map(async (path) => ({ path, x: await readShard(path) })));
  const first = files[0]!;
  const planText = encode(first.x.plan);
  for (const f of files.slice(1)) {
    const other = f.x.engine !== first.x.engine ? `a ${f.x.engine} run, not ${first.x.engine}` : f.x.of !== first.x.of ? `one of ${f.x.of} shards, not ${first.x.of}` : encode(f.x.plan) !== planText || (f.x.fingerprint !== null && first.x.fingerprint !== null && f.x.fingerprint !== first.x.fingerprint) ? `another plan (another scenario or route, seed or options${f.x.fingerprint && first.x.fingerprint ? `: fingerprint ${f.x.fingerprint}, not ${first.x.fingerprint}` : ''})` : null;
    if (other) throw new Error(`${f.path} is a shard of another run than ${first.path}: ${other}`);
  }
  const byShard = new Map<number, string>();
  for (const f of files) {
    const seen = byShard.get(f.x.shard);
    if (seen !== undefined) throw new Error(`shard ${f.x.shard} of ${first.x.of} given twice: ${seen} and ${f.path}`);
    byShard.set(f.x.shard, f.path);
  }
  const missing = Array.from({ length: first.x.of }, (_, i) => i).filter((i) => !byShard.has(i));
  if (missing.length > 0) throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${listed(missing)} of ${first.x.of} (given ${files.length} file${files.length > 1 ? 's' : ''})`);
  const ordered = [...files].sort((a, b) => a.x.shard - b.x.shard);
  const engine = first.x.engine;
  const plan = first.x.plan;
  const trips = engine === 'corridor' ? tripsOf(plan as CorridorEnginePlan) : null;
  const blocks = trips ? trips.nBlocks : engine === 'tornado' || engine === 'sobol' ? (plan as SweepPlan).rows : (plan as VolumePlan | TransitPlan).nBlocks;
  for (const f of ordered) {
    const [b0, b1] = shardBlocks(f.x.shard, f.x.of, blocks);
    if (f.x.b0 !== b0 || f.x.b1 !== b1) throw new Error(`${f.path} holds blocks [${f.x.b0}, ${f.x.b1}), not shard ${f.x.shard}'s [${b0}, ${b1})`);
  }
  // Empty ranges (more shards than blocks) hold nothing to merge.
  const parts = ordered.flatMap((f) => (f.x.partial ? [f.x.partial] : []));
  if (trips) return mergeCorridor(trips, parts as TripBlocks[]);
  if (engine === 'tornado' || engine === 'sobol') return mergeSweep(plan as SweepPlan, parts as SweepRows[]);
  return engine === 'volumes' ? mergeVolumes(plan as VolumePlan, parts as VolumePartial[]) : mergeTransit(plan as TransitPlan, parts as TripBlocks[]);
}

/** 1, 2, 3 and 7 as "1–3, 7". */
function listed(xs: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j]! + 1) j++;
    out.push(j > i ? `${xs[i]}–${xs[j]}` : String(xs[i]));
    i = j + 1;
  }
  return out.join(', ');
}
