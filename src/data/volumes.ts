import { deepFreeze } from './deep-freeze.js';
import { finiteNumber, oneOf, positiveNumber, show } from '../args.js';
import { SOURCES } from './sources.js';

/** How a figure came about: an outturn, a figure derived from others (say how), or a plan/forecast. */
export type ObservationKind = 'reported' | 'estimate' | 'target';

/** A container count attached to an observation, with its own provenance. */
export interface TeuFigure {
  readonly teu: number;
  readonly kind: ObservationKind;
  readonly source: string;
  readonly note?: string;
}

/** One sourced annual volume on the corridor. */
export interface Observation {
  readonly year: number;
  readonly volumeMt: number;
  readonly kind: ObservationKind;
  /** Title and URL of the publication. */
  readonly source: string;
  readonly teu?: TeuFigure;
  readonly note?: string;
}

const ministry = `${SOURCES.ministry2026}; ${SOURCES.reportAz2026}`;

/**
 * Annual TITR volumes: the Kazakh Ministry of Transport's series 2019–2025 (published
 * 10 Mar 2026, the base series), the missed 2022 and 2025 forecasts, and the 10 Mt target for
 * 2027. Several years have both an outturn (`reported`) and a forecast (`target`): filter by
 * `kind` (e.g. with {@link reportedVolumes}) before fitting or plotting one line.
 *
 * @example
 * TITR_VOLUMES.filter((o) => o.kind === 'reported').map((o) => o.volumeMt)
 * // => [0.759, 0.783, 0.586, 1.485, 2.764, 4.484, 4.119]
 */
export const TITR_VOLUMES: readonly Observation[] = /* @__PURE__ */ deepFreeze(Object.freeze([
  { year: 2019, volumeMt: 0.759, kind: 'reported', source: ministry },
  {
    year: 2020,
    volumeMt: 0.783,
    kind: 'reported',
    source: ministry,
    teu: { teu: 21_000, kind: 'estimate', source: SOURCES.titrAnkara, note: '2021 count 25,200 TEU divided by its stated growth of 1.20' },
    note: 'the seed article gives 0.86 Mt for 2020; the ministry series says 0.783',
  },
  {
    year: 2021,
    volumeMt: 0.586,
    kind: 'reported',
    source: ministry,
    teu: { teu: 25_200, kind: 'reported', source: SOURCES.titrAnkara },
  },
  {
    year: 2022,
    volumeMt: 1.485,
    kind: 'reported',
    source: ministry,
    teu: { teu: 33_600, kind: 'reported', source: SOURCES.trend2022Containers },
  },
  {
    year: 2022,
    volumeMt: 3.2,
    kind: 'target',
    source: SOURCES.titrAnkara,
    teu: { teu: 50_000, kind: 'target', source: SOURCES.titrAnkara },
    note: 'forecast for 2022 (TITR Association, Ankara meeting); missed: outturn 1.485 Mt',
  },
  {
    year: 2023,
    volumeMt: 2.764,
    kind: 'reported',
    source: ministry,
    teu: { teu: 20_500, kind: 'estimate', source: SOURCES.astanaTimes2025, note: '2024 count 56,500 TEU divided by its stated growth of 2.76' },
  },
  {
    year: 2024,
    volumeMt: 4.484,
    kind: 'reported',
    source: ministry,
    teu: { teu: 56_500, kind: 'reported', source: SOURCES.astanaTimes2025 },
  },
  {
    year: 2025,
    volumeMt: 4.119,
    kind: 'reported',
    source: ministry,
    teu: { teu: 77_000, kind: 'reported', source: ministry, note: 'about 77,000' },
  },
  {
    year: 2025,
    volumeMt: 5.2,
    kind: 'target',
    source: SOURCES.reportAzOct2025,
    teu: { teu: 96_000, kind: 'target', source: SOURCES.reportAzOct2025 },
    note: 'forecast for 2025 (Oct 2025); missed: outturn 4.119 Mt, 21 % below it and 8 % below 2024',
  },
  {
    year: 2027,
    volumeMt: 10,
    kind: 'target',
    source: SOURCES.reportAzOct2025,
    note: `the 10 Mt year has moved: 2025 in the 2022 roadmap (${SOURCES.trendRoadmap2022}), 2028 in Euronews (Jul 2025)`,
  },
] satisfies Observation[]));

/**
 * The seed article's trajectory, kept as its own series: 0.86 Mt (2020) → 4.5 Mt (2024) →
 * over 5.2 Mt expected (2025) → 10 Mt planned by 2027. Where it differs from
 * {@link TITR_VOLUMES}: 2020 (0.86 against the ministry's 0.783) and 2025 (5.2 expected, 4.119
 * outturn); {@link compareSeries} lays the two side by side.
 */
export const ANNOUNCED_TRAJECTORY: readonly Observation[] = /* @__PURE__ */ deepFreeze(Object.freeze([
  { year: 2020, volumeMt: 0.86, kind: 'reported', source: SOURCES.vassilenko2025, note: 'no other source; the ministry says 0.783' },
  {
    year: 2024,
    volumeMt: 4.5,
    kind: 'reported',
    source: SOURCES.vassilenko2025,
    teu: { teu: 56_000, kind: 'reported', source: SOURCES.vassilenko2025, note: '"over 56,000 containers, +170 %"' },
    note: '+62 % on 2023; agrees with the ministry (4.484)',
  },
  { year: 2025, volumeMt: 5.2, kind: 'target', source: SOURCES.vassilenko2025, note: '"over 5.2 Mt expected"; outturn 4.119' },
  { year: 2027, volumeMt: 10, kind: 'target', source: SOURCES.vassilenko2025, note: '"10 Mt planned by 2027"' },
] satisfies Observation[]));

const KINDS: readonly ObservationKind[] = ['reported', 'estimate', 'target'];

/**
 * Checks an array of observations: each a plain object with a finite year, a finite volumeMt
 * > 0 and a known kind (TypeError for a wrong kind of value, RangeError for a bad one).
 */
function observations(fn: string, name: string, obs: unknown): readonly Observation[] {
  if (!Array.isArray(obs)) throw new TypeError(`${fn}: ${name} must be an array of { year, volumeMt, kind } (got ${show(obs)})`);
  // An index loop, not forEach: a hole in a sparse array is checked too.
  for (let i = 0; i < obs.length; i++) {
    const x: unknown = obs[i];
    if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new TypeError(`${fn}: ${name}[${i}] must be an object { year, volumeMt, kind } (got ${show(x)})`);
    const r = x as Record<string, unknown>;
    finiteNumber(fn, `${name}[${i}].year`, r.year);
    positiveNumber(fn, `${name}[${i}].volumeMt`, r.volumeMt);
    oneOf(fn, `${name}[${i}].kind`, r.kind, KINDS);
  }
  return obs as readonly Observation[];
}

/**
 * Observations of the given kinds (by default the outturns), in year order. Every observation is
 * checked ({ year: finite, volumeMt: finite > 0, kind: 'reported', 'estimate' or 'target' }), and
 * `kinds` is an array of those kinds.
 * @example reportedVolumes().length // => 7
 */
export function reportedVolumes(
  obs: readonly Observation[] = TITR_VOLUMES,
  kinds: readonly ObservationKind[] = ['reported'],
): Observation[] {
  const fn = 'reportedVolumes';
  observations(fn, 'obs', obs);
  if (!Array.isArray(kinds)) throw new TypeError(`${fn}: kinds must be an array of ${KINDS.map((k) => `'${k}'`).join(', ')} (got ${show(kinds)})`);
  for (let i = 0; i < kinds.length; i++) oneOf(fn, `kinds[${i}]`, kinds[i], KINDS);
  return obs.filter((o) => kinds.includes(o.kind)).sort((a, b) => a.year - b.year);
}

/** One row of {@link compareSeries}. */
export interface SeriesDifference {
  year: number;
  /** The figure of the first series (e.g. the article's). */
  claimedMt: number;
  claimedKind: ObservationKind;
  /** The outturn of the record in that year, or null when it has none. */
  recordMt: number | null;
  /** claimed − record, in Mt (null without an outturn). */
  differenceMt: number | null;
  /** (claimed − record) / record (null without an outturn). */
  relativeDifference: number | null;
}

/**
 * The claimed series beside the record's outturns, year by year: where an announcement and the
 * record differ, and by how much. Both series are checked as {@link reportedVolumes} checks
 * them; a relative difference too large for a double (a record of 1e-320 Mt) is a RangeError.
 *
 * @example
 * compareSeries(ANNOUNCED_TRAJECTORY, TITR_VOLUMES)[0]
 * // => { year: 2020, claimedMt: 0.86, claimedKind: 'reported', recordMt: 0.783, differenceMt: 0.077, relativeDifference: 0.0983… }
 */
export function compareSeries(
  claimed: readonly Observation[],
  record: readonly Observation[] = TITR_VOLUMES,
): SeriesDifference[] {
  const fn = 'compareSeries';
  observations(fn, 'claimed', claimed);
  observations(fn, 'record', record);
  const outturn = new Map<number, number>();
  for (const o of record) if (o.kind === 'reported') outturn.set(o.year, o.volumeMt);
  return [...claimed]
    .sort((a, b) => a.year - b.year)
    .map((c) => {
      const r = outturn.get(c.year);
      const has = r !== undefined;
      const relative = has ? (c.volumeMt - r) / r : null;
      if (relative !== null && !Number.isFinite(relative)) {
        throw new RangeError(`${fn}: the relative difference in ${c.year} is too large for a double (claimed ${c.volumeMt} Mt against a record of ${r} Mt)`);
      }
      return {
        year: c.year,
        claimedMt: c.volumeMt,
        claimedKind: c.kind,
        recordMt: has ? r : null,
        differenceMt: has ? roundTo(c.volumeMt - r, 12) : null,
        relativeDifference: relative,
      };
    });
}

function roundTo(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}
