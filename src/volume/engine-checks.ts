/**
 * Checks of the volume engine's plans and partials, for plans and partials that come from
 * elsewhere (a file, another process): a plan is rebuilt from its own inputs by the checks of
 * {@link planVolumes} and must match; a partial must have the plan's shape and finite numbers.
 */
import { show, wholeNumber } from '../args.js';
import { checkPlan, finiteArrays, samePlain } from '../engine/blocks.js';
import { STREAM_BLOCK, type SeedOverride } from './draws.js';
import { volumeRun, VOLUME_OPTIONS, type SummaryYear, type VolumeBlocks, type VolumePlan } from './plan.js';
import { partialWidth, type VolumeCounts } from './summary-run.js';
import { volumePlan } from './volume-plan.js';

/** A volume plan's fields as {@link planVolumes} would make them from its inputs. */
function rebuilt(fn: string, p: VolumePlan): VolumePlan {
  return volumePlan(volumeRun(p.scenario, { paths: p.paths, seed: p.seed, blockSize: p.chunk, keep: p.keep, quantiles: p.levels, thresholds: p.thresholds, ...(p.sampling === undefined ? {} : { sampling: p.sampling }) }, fn, VOLUME_OPTIONS));
}

/** Each year's placed brackets, checked: a sample of the pilot's size, brackets of whole ranks inside one of the counted ranges. */
function checkYears(fn: string, x: unknown, years: number, sampleLength: number): SummaryYear[] {
  if (!Array.isArray(x) || x.length !== years) throw new TypeError(`${fn}: plan.summary.years must be an array of ${years} placed years (got ${show(x)})`);
  return x.map((y: unknown, k) => {
    const at = `plan.summary.years[${k}]`;
    const { sample, brackets, ranges } = (y ?? {}) as Partial<SummaryYear>;
    finiteArrays(fn, `${at}.sample`, [sample], 1, sampleLength);
    const pairs = (what: string, xs: unknown) => {
      if (!Array.isArray(xs) || xs.length === 0) throw new TypeError(`${fn}: ${at}.${what} must be a non-empty array (got ${show(xs)})`);
      xs.forEach((b: unknown, i) => {
        const { lo, hi } = (b ?? {}) as { lo?: unknown; hi?: unknown };
        if (typeof lo !== 'number' || typeof hi !== 'number' || !(lo <= hi)) throw new RangeError(`${fn}: ${at}.${what}[${i}] must have numbers lo <= hi (got ${show(b)})`);
      });
    };
    pairs('brackets', brackets);
    pairs('ranges', ranges);
    brackets!.forEach((b, i) => {
      wholeNumber(fn, `${at}.brackets[${i}].rank`, b.rank, 1, Number.MAX_SAFE_INTEGER);
      if (!ranges!.some((r) => b.lo >= r.lo && b.hi <= r.hi)) throw new RangeError(`${fn}: ${at}.brackets[${i}] lies in none of the ranges counted`);
    });
    return { sample: sample!, brackets: brackets!, ranges: ranges! };
  });
}

/** A plan's per-purpose seed overrides, checked: an array of { purpose: non-empty strings, seed: a non-empty string }. */
function checkSeeds(fn: string, x: unknown): SeedOverride[] {
  const word = (w: unknown) => typeof w === 'string' && w.length > 0;
  if (!Array.isArray(x)) throw new TypeError(`${fn}: plan.seeds must be an array of { purpose, seed } (got ${show(x)})`);
  return x.map((o: unknown, i) => {
    const { purpose, seed } = (o ?? {}) as Partial<SeedOverride>;
    if (!Array.isArray(purpose) || purpose.length === 0 || !purpose.every(word) || !word(seed)) {
      throw new TypeError(`${fn}: plan.seeds[${i}] must be { purpose: a non-empty array of non-empty strings, seed: a non-empty string } (got ${show(o)})`);
    }
    return { purpose: [...purpose], seed: seed! };
  });
}

/** A volume plan from elsewhere, checked: rebuilt from its inputs (a changed plan is a RangeError), its placed brackets checked. */
export function checkVolumePlan(fn: string, plan: unknown): VolumePlan {
  const p = checkPlan<VolumePlan>(fn, plan, 'volume-plan', 'planVolumes', ['kind', 'scenario', 'model', 'paths', 'seed', 'years', 'nBlocks', 'chunk', 'keep', 'levels', 'thresholds', 'summary', 'seeds', 'sampling']);
  const seeds = p.seeds === undefined ? undefined : checkSeeds(fn, p.seeds);
  const q = seeds === undefined ? rebuilt(fn, p) : { ...rebuilt(fn, p), seeds };
  const { nBlocks, years, levels, thresholds, model } = p;
  const s = p.summary as Partial<NonNullable<VolumePlan['summary']>> | null;
  if (!samePlain({ nBlocks, years, levels, thresholds, model, ranks: s?.ranks, pilot: s?.pilot }, { nBlocks: q.nBlocks, years: q.years, levels: q.levels, thresholds: q.thresholds, model: q.model, ranks: q.summary?.ranks, pilot: q.summary?.pilot })) {
    throw new RangeError(`${fn}: the plan does not match its own inputs (nBlocks, years, levels, thresholds, the resolved model, the summary's ranks and pilot): use the plan as planVolumes made it`);
  }
  if (q.summary === null || s?.years === null || s?.years === undefined) return q;
  return { ...q, summary: { ...q.summary, years: checkYears(fn, s.years, q.years.length, q.summary.pilot === null ? 0 : q.summary.pilot.length * STREAM_BLOCK) } };
}

/** A summary run's partial, checked against its plan: statistics, counters and kept volumes of the plan's shape, finite. */
export function checkCounts(fn: string, plan: VolumePlan, c: VolumeCounts, i: number): VolumeCounts {
  const K = plan.years.length;
  const at = `partials[${i}]`;
  const nb = c.b1 - c.b0;
  finiteArrays(fn, `${at}.stats`, [c.stats], 1, nb * K * partialWidth(plan.thresholds.length));
  const placed = plan.summary!.years;
  if (!Array.isArray(c.counters) || c.counters.length !== K) throw new TypeError(`${fn}: ${at}.counters must be an array of ${K} (got ${show(c.counters)})`);
  c.counters.forEach((list: unknown, k) => {
    const n = placed ? placed[k]!.ranges.length : 0;
    if (n === 0 ? list !== null : !Array.isArray(list) || list.length !== n) throw new TypeError(`${fn}: ${at}.counters[${k}] must be ${n === 0 ? 'null' : `an array of ${n} counters`} (got ${show(list)})`);
    (list as unknown[] | null)?.forEach((x: unknown, j) => {
      const { below, atLo, atHi, values } = (x ?? {}) as Record<string, unknown>;
      [below, atLo, atHi].forEach((v, m) => wholeNumber(fn, `${at}.counters[${k}][${j}].${['below', 'atLo', 'atHi'][m]}`, v, 0, plan.paths));
      if (!(values instanceof Float64Array)) throw new TypeError(`${fn}: ${at}.counters[${k}][${j}].values must be a Float64Array (got ${show(values)})`);
      finiteArrays(fn, `${at}.counters[${k}][${j}].values`, [values], 1, values.length);
    });
  });
  const paths = Math.min(c.b1 * STREAM_BLOCK, plan.paths) - c.b0 * STREAM_BLOCK;
  if (placed) {
    if (c.volumes !== null) throw new TypeError(`${fn}: ${at}.volumes must be null for a plan with a pilot (got ${show(c.volumes)})`);
  } else finiteArrays(fn, `${at}.volumes`, c.volumes, K, paths);
  return c;
}

/** A full run's partial (or the arrays to write one into), checked against its plan: per year, Float64Arrays of the range's paths (finite when `finite`). */
export function checkBlocks(fn: string, plan: VolumePlan, x: unknown, at: string, finite: boolean): VolumeBlocks {
  const { b0, b1, demand, capacity, volume } = (x ?? {}) as Partial<VolumeBlocks>;
  const K = plan.years.length;
  const n = Math.min(b1! * STREAM_BLOCK, plan.paths) - b0! * STREAM_BLOCK;
  const arrays = (what: string, xs: unknown, count: number) => (finite ? finiteArrays(fn, `${at}.${what}`, xs, count, n) : shapedArrays(fn, `${at}.${what}`, xs, count, n));
  const out: VolumeBlocks = { kind: 'volume-blocks', b0: b0!, b1: b1!, demand: arrays('demand', demand, K), capacity: arrays('capacity', capacity, plan.scenario.capacity ? K : 0), volume: arrays('volume', volume, K) };
  if (finite) possibleVolumes(fn, at, plan, out);
  return out;
}

/**
 * A partial's numbers must be ones a run can give, not just finite ones: demand ≥ 0, capacity > 0,
 * 0 ≤ volume ≤ demand, and volume ≤ capacity from year 1 (the start year's volume is its demand) —
 * else a RangeError naming the partial, the array, the year and the path.
 */
function possibleVolumes(fn: string, at: string, plan: VolumePlan, p: VolumeBlocks): void {
  const first = p.b0 * STREAM_BLOCK;
  plan.years.forEach((year, k) => {
    const d = p.demand[k]!;
    const c = p.capacity[k];
    const v = p.volume[k]!;
    for (let i = 0; i < v.length; i++) {
      const ok = d[i]! >= 0 && (!c || c[i]! > 0) && v[i]! >= 0 && v[i]! <= d[i]! && (k === 0 || !c || v[i]! <= c[i]!);
      if (!ok) throw new RangeError(`${fn}: ${at} holds numbers no run gives on path ${first + i} in ${year} (demand ${d[i]}, capacity ${c ? c[i] : 'none'}, volume ${v[i]}): merge only partials a run made`);
    }
  });
}

/** `x` as `n` Float64Arrays of `length` numbers each (arrays to write into: their values do not matter). */
function shapedArrays(fn: string, what: string, x: unknown, n: number, length: number): Float64Array[] {
  if (!Array.isArray(x) || x.length !== n) throw new TypeError(`${fn}: ${what} must be an array of ${n} Float64Arrays (got ${show(x)})`);
  x.forEach((a: unknown, i) => {
    if (!(a instanceof Float64Array) || a.length !== length) throw new TypeError(`${fn}: ${what}[${i}] must be a Float64Array of ${length} numbers (got ${show(a)})`);
  });
  return x as Float64Array[];
}
