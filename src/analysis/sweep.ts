/**
 * Sweeps split by rows (docs/design.md, "Across machines"): a tornado or a scenario's Sobol design
 * is a list of volume runs of the same paths (the tornado's 1 + 2 per parameter, the Sobol
 * design's k + 2), each of `nBlocks` stream blocks; row u is block u mod nBlocks of run
 * ⌊u / nBlocks⌋. `runSweepRows(plan, r0, r1)` runs rows [r0, r1) anywhere and keeps, per row,
 * the volumes of the statistic's (output's) year; `mergeSweep` joins the rows of every run in
 * order and finishes the analysis as the one-process function does: its result bit for bit.
 */
import { options, show } from '../args.js';
import { blockRange, checkCover, checkPlan, joined, samePlain } from '../engine/blocks.js';
import { checkFingerprints, fingerprint } from '../engine/fingerprint.js';
import type { Seed } from '../random/stream.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { checkVolumes, STREAM_BLOCK, volumeEngine } from '../volume/engine.js';
import type { VolumeBlocks, VolumePlan } from '../volume/plan.js';
import { outputOf, type VolumeOutput } from './factors.js';
import { sobolDesign, sobolOf, type SobolOptions } from './sobol-scenario.js';
import type { SobolIndices } from './sobol.js';
import type { VolumeStatistic } from './statistic.js';
import { tornadoDesign, tornadoOf, type Tornado, type TornadoOptions } from './tornado.js';

/** A sweep's plan: plain data (the scenario document and the analysis's options), and its rows. */
export interface SweepPlan {
  kind: 'sweep-plan';
  analysis: 'tornado' | 'sobol';
  /** The scenario as given (a JSON copy). */
  scenario: ScenarioInput;
  /** The analysis's options, as given, without onProgress and signal. */
  options: { statistic: VolumeStatistic; paths: number; seed: Seed } | { output: VolumeOutput; samples: number; seed: Seed; bootstrap?: number; confidence?: number };
  /** The volume runs of the design. */
  runs: number;
  /** Stream blocks of each run (16,384 paths each). */
  nBlocks: number;
  /** runs × nBlocks: the sweep's work is rows [0, rows). */
  rows: number;
}

/** The partial of rows [b0, b1): per row, the volumes of the statistic's year over the row's block of paths. */
export interface SweepRows {
  kind: 'sweep-rows';
  b0: number;
  b1: number;
  /** The fingerprint of the plan that made it: a merge refuses another plan's rows. */
  fingerprint: string;
  columns: Float64Array[];
}

const PLAN_FIELDS = ['kind', 'analysis', 'scenario', 'options', 'runs', 'nBlocks', 'rows'];

/** The design's runs as volume plans, and the index of the year whose volumes a row keeps. */
function designOf(fn: string, analysis: SweepPlan['analysis'], scenario: ScenarioInput | Scenario, options: SweepPlan['options']): { plans: VolumePlan[]; year: number; finish(columns: (j: number) => Float64Array): Tornado | SobolIndices } {
  if (analysis === 'tornado') {
    const d = tornadoDesign(fn, scenario, options as TornadoOptions);
    const plans = d.runs.map((x) => checkVolumes(fn, x, { paths: d.paths, seed: d.seed }).plan);
    const first = plans[0]!;
    const year = first.years.indexOf(d.statistic.year);
    if (year < 0) throw new RangeError(`${fn}: the statistic's year ${d.statistic.year} is not in the run (${first.years[0]}–${first.years[first.years.length - 1]})`);
    return { plans, year, finish: (columns) => tornadoOf(d, (j) => ({ years: [d.statistic.year], volume: [columns(j)] }), fn) };
  }
  const d = sobolDesign(fn, scenario, options as SobolOptions);
  return { plans: d.plans, year: d.year, finish: (columns) => sobolOf(d, d.plans.map((_, j) => outputOf(d.output, columns(j))), fn) };
}

const OPTIONS = { tornado: ['statistic', 'paths', 'seed'], sobol: ['output', 'samples', 'seed', 'bootstrap', 'confidence'] } as const;
const REQUIRED = { tornado: ['statistic', 'paths', 'seed'], sobol: ['output', 'samples', 'seed'] } as const;

function plan(fn: string, analysis: SweepPlan['analysis'], s: ScenarioInput | Scenario, o: SweepPlan['options']): SweepPlan {
  options(fn, o, OPTIONS[analysis], REQUIRED[analysis]);
  // Checked first (a document JSON cannot copy, with a BigInt or a cycle, is refused by the parser).
  const { plans } = designOf(fn, analysis, s, o);
  const scenario = JSON.parse(JSON.stringify(s)) as ScenarioInput;
  const nBlocks = plans[0]!.nBlocks;
  return { kind: 'sweep-plan', analysis, scenario, options: JSON.parse(JSON.stringify(o)) as SweepPlan['options'], runs: plans.length, nBlocks, rows: plans.length * nBlocks };
}

/**
 * Plans a {@link tornado} split by rows (the options of `tornado`, without onProgress and
 * signal): its runs' blocks are rows [0, plan.rows) for {@link runSweepRows}, merged by
 * {@link mergeSweep} into the tornado that `tornado(s, o)` gives, bit for bit.
 *
 * @example
 * planTornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 20000, seed: 1 }).nBlocks // => 2
 */
export function planTornado(s: ScenarioInput | Scenario, o: Omit<TornadoOptions, 'onProgress' | 'signal'>): SweepPlan {
  return plan('planTornado', 'tornado', s, o);
}

/**
 * Plans a scenario's {@link sobolIndices} split by rows (its options, without onProgress and
 * signal): rows for {@link runSweepRows}, merged by {@link mergeSweep} into the indices that
 * `sobolIndices(s, o)` gives, bit for bit.
 *
 * @example
 * planSobol(PRESETS['official-capacity'], { output: { year: 2027 }, samples: 2048, seed: 1 }).runs // => 4
 */
export function planSobol(s: ScenarioInput | Scenario, o: Omit<SobolOptions, 'onProgress' | 'signal'>): SweepPlan {
  return plan('planSobol', 'sobol', s, o);
}

/** A sweep plan from elsewhere: rebuilt from its scenario and options, and equal to that. */
function checkSweepPlan(fn: string, p: unknown): SweepPlan {
  const x = checkPlan<SweepPlan>(fn, p, 'sweep-plan', 'planTornado or planSobol', PLAN_FIELDS);
  if (x.analysis !== 'tornado' && x.analysis !== 'sobol') throw new TypeError(`${fn}: plan.analysis must be 'tornado' or 'sobol' (got ${show(x.analysis)})`);
  const rebuilt = plan(fn, x.analysis, x.scenario, x.options);
  if (!samePlain(rebuilt, x)) throw new RangeError(`${fn}: the plan is not what ${x.analysis === 'tornado' ? 'planTornado' : 'planSobol'} gives for its scenario and options (was it changed?)`);
  return rebuilt;
}

/**
 * Runs rows [r0, r1) of a sweep (block r mod nBlocks of run ⌊r / nBlocks⌋): per row, the volumes
 * of the statistic's year over the block's paths. A row's numbers never depend on the range it
 * is run in.
 *
 * @example
 * const plan = planTornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 20000, seed: 1 });
 * runSweepRows(plan, 0, 3).columns.map((c) => c.length) // => [ 16384, 3616, 16384 ]
 */
export function runSweepRows(plan: SweepPlan, r0: number, r1: number): SweepRows {
  const fn = 'runSweepRows';
  const p = checkSweepPlan(fn, plan);
  const [a, b] = blockRange(fn, r0, r1, p.rows);
  const d = designOf(fn, p.analysis, p.scenario, p.options);
  const columns: Float64Array[] = [];
  for (let u = a; u < b; u++) {
    const block = u % p.nBlocks;
    const part = volumeEngine.run(d.plans[Math.floor(u / p.nBlocks)]!, block, block + 1) as VolumeBlocks;
    columns.push(part.volume[d.year]!.slice());
  }
  return { kind: 'sweep-rows', b0: a, b1: b, fingerprint: fingerprint(p), columns };
}

/**
 * Merges partials of consecutive row ranges covering [0, plan.rows), in row order, into the
 * sweep's result: the {@link Tornado} or {@link SobolIndices} of the one-process function with the
 * same scenario and options, bit for bit. A missing, repeated or misplaced range, or rows of
 * another plan, are refused, naming them.
 *
 * @example
 * const plan = planTornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 2000, seed: 1 });
 * const merged = mergeSweep(plan, [runSweepRows(plan, 0, 2), runSweepRows(plan, 2, plan.rows)]);
 * JSON.stringify(merged) === JSON.stringify(tornado(PRESETS.baseline, { statistic: { statistic: 'mean', year: 2027 }, paths: 2000, seed: 1 })) // => true
 */
export function mergeSweep(plan: SweepPlan, partials: readonly SweepRows[]): Tornado | SobolIndices {
  const fn = 'mergeSweep';
  const p = checkSweepPlan(fn, plan);
  const parts = checkCover<SweepRows>(fn, partials, 'sweep-rows', p.rows);
  checkFingerprints(fn, parts, fingerprint(p));
  const d = designOf(fn, p.analysis, p.scenario, p.options);
  const paths = 'paths' in p.options ? p.options.paths : p.options.samples;
  const columns = parts.flatMap((x, i) => {
    if (!Array.isArray(x.columns) || x.columns.length !== x.b1 - x.b0) throw new TypeError(`${fn}: partials[${i}].columns must hold one Float64Array per row of [${x.b0}, ${x.b1}) (got ${show(x.columns)})`);
    return x.columns.map((c, r) => {
      const u = x.b0 + r;
      const n = Math.min(STREAM_BLOCK, paths - (u % p.nBlocks) * STREAM_BLOCK);
      if (!(c instanceof Float64Array) || c.length !== n) throw new TypeError(`${fn}: partials[${i}].columns[${r}] (row ${u}) must be a Float64Array of ${n} volumes (got ${show(c)})`);
      if (!c.every((v) => Number.isFinite(v))) throw new RangeError(`${fn}: partials[${i}].columns[${r}] (row ${u}) holds a number that is not finite: was it made by this plan?`);
      return c;
    });
  });
  return d.finish((j) => joined(columns.slice(j * p.nBlocks, (j + 1) * p.nBlocks), paths));
}
