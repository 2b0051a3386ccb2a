/**
 * The observations a fit uses: every observation checked (so that a record without `kind`, or with
 * a NaN year, is refused with a message that says so), then filtered by kind and years, sorted,
 * one per year. Shared by {@link fitGrowth} and {@link fitRandomWalk}.
 */
import { finiteNumber, oneOf, positiveNumber, show } from '../args.js';
import type { Observation, ObservationKind } from '../data/volumes.js';

/** The kinds of observation. */
export const OBSERVATION_KINDS: readonly ObservationKind[] = ['reported', 'estimate', 'target'];

/** The observation filters shared by the fits. */
export interface ObservationFilter {
  from?: number;
  through?: number;
  kinds?: readonly ObservationKind[];
}

/** Checks the filter options (kinds an array of known kinds, from/through finite numbers). */
export function checkFilter(fn: string, o: ObservationFilter): { from: number | undefined; through: number | undefined; kinds: readonly ObservationKind[] } {
  const from = o.from === undefined ? undefined : finiteNumber(fn, 'from', o.from);
  const through = o.through === undefined ? undefined : finiteNumber(fn, 'through', o.through);
  let kinds: readonly ObservationKind[] = ['reported'];
  if (o.kinds !== undefined) {
    if (!Array.isArray(o.kinds)) throw new TypeError(`${fn}: kinds must be an array of ${OBSERVATION_KINDS.map((k) => `'${k}'`).join(', ')} (got ${show(o.kinds)})`);
    kinds = o.kinds.map((k, i) => oneOf(fn, `kinds[${i}]`, k, OBSERVATION_KINDS));
  }
  return { from, through, kinds };
}

/**
 * Every observation checked ({ year: finite, volumeMt: finite > 0, kind: a known kind }), then
 * those of the kinds and years asked for, sorted by year; two of the same year are an error.
 */
export function selectObservations(fn: string, obs: unknown, o: ObservationFilter): Observation[] {
  if (!Array.isArray(obs)) throw new TypeError(`${fn}: observations must be an array of { year, volumeMt, kind } (got ${show(obs)})`);
  const { from, through, kinds } = checkFilter(fn, o);
  // An index loop, not forEach: a sparse array's holes are observations too (undefined ones).
  for (let i = 0; i < obs.length; i++) {
    const x: unknown = obs[i];
    if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new TypeError(`${fn}: observations[${i}] must be an object { year, volumeMt, kind } (got ${show(x)})`);
    const r = x as Record<string, unknown>;
    finiteNumber(fn, `observations[${i}].year`, r.year);
    positiveNumber(fn, `observations[${i}].volumeMt`, r.volumeMt);
    oneOf(fn, `observations[${i}].kind`, r.kind, OBSERVATION_KINDS);
  }
  const used = (obs as Observation[])
    .filter((x) => kinds.includes(x.kind) && (from === undefined || x.year >= from) && (through === undefined || x.year <= through))
    .sort((a, b) => a.year - b.year);
  for (let i = 1; i < used.length; i++) {
    if (used[i - 1]!.year === used[i]!.year) {
      throw new RangeError(`${fn}: two observations for ${used[i]!.year} of the kinds used (${kinds.join(', ')}); keep one per year`);
    }
  }
  return used;
}
