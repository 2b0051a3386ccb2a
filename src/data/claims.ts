import { deepFreeze } from './deep-freeze.js';
import { SOURCES } from './sources.js';
import type { TeuObservation } from './containers.js';

/** A published range of days. */
export interface DayRange {
  readonly minDays: number;
  readonly maxDays: number;
}

/** One reading of a stretch a published time may refer to, as legs of a built-in route. */
export interface StretchReading {
  /** From where to where, e.g. 'Altynkol → Poti/Batumi'. */
  readonly stretch: string;
  /** The key in `ROUTES` of the route whose legs make the stretch. */
  readonly route: 'corridor-poti' | 'corridor-btk';
  /** The names of that route's legs that make the stretch, in order. */
  readonly legs: readonly string[];
  /** What the other sourced times say of it: a published time agrees, none is published, or they rule it out. */
  readonly evidence: 'supported' | 'unsourced' | 'contradicted';
  /** Why, from the sourced figures. */
  readonly why: string;
}

/** The claims of one official release, each figure with its kind; see {@link OFFICIAL_CLAIMS_2026}. */
export interface OfficialClaims {
  readonly by: string;
  /** The release's date (ISO 8601). */
  readonly date: string;
  /** Title — URL of each report of the release, joined by '; '. */
  readonly source: string;
  readonly deliveryDays: {
    /** "from 28–32 days": the release gives no year for it. */
    readonly before: DayRange;
    /** "to 13–17 days". */
    readonly now: DayRange;
    readonly kind: 'reported';
    /** What the days are said to be for, as the reports of the release word it. */
    readonly asWorded: string;
    /** False: the release does not say between which points the days run. */
    readonly stretchDefined: boolean;
    /** The stretches the days can mean, the one the other sourced times support first. */
    readonly readings: readonly StretchReading[];
  };
  /** About 77,000 TEU in 2025 (the same figure as 2025 in `TITR_TEU`). */
  readonly containers: TeuObservation;
  /** 300,000 TEU by 2029. */
  readonly containerTarget: TeuObservation;
  /** The release also restates the annual record: `TITR_VOLUMES`' outturns of these years. */
  readonly record: { readonly fromYear: number; readonly toYear: number };
}

const source = `${SOURCES.ministry2026}; ${SOURCES.reportAz2026}`;
const EAST = ['Altynkol → Aktau/Kuryk', 'Caspian crossing Aktau → Alat'];

/**
 * The Kazakh Ministry of Transport's release of 10 March 2026: delivery along the TITR "from
 * 28–32 days to 13–17 days", about 77,000 TEU in 2025, 300,000 TEU targeted by 2029, and the
 * record 2019–2025 (the base series of `TITR_VOLUMES`). The release does not say between which
 * points the days run; `deliveryDays.readings` lists what they can mean as legs of the built-in
 * routes, the reading the other sourced times support first (China–Kazakhstan border → the
 * Georgian ports: Trend gives 15–18 days for it in 2025). Example 03 runs each reading beside the
 * claim, and docs/transit-model.md gives the comparison.
 *
 * @example
 * OFFICIAL_CLAIMS_2026.deliveryDays.now // => { minDays: 13, maxDays: 17 }
 * @example OFFICIAL_CLAIMS_2026.deliveryDays.readings[0].stretch // => 'Altynkol → Poti/Batumi'
 * @example OFFICIAL_CLAIMS_2026.containerTarget.teu // => 300000
 */
export const OFFICIAL_CLAIMS_2026: OfficialClaims = /* @__PURE__ */ deepFreeze(Object.freeze({
  by: 'Kazakh Ministry of Transport',
  date: '2026-03-10',
  source,
  deliveryDays: Object.freeze({
    before: Object.freeze({ minDays: 28, maxDays: 32 }),
    now: Object.freeze({ minDays: 13, maxDays: 17 }),
    kind: 'reported' as const,
    asWorded: 'delivery time along the TITR (Trans-Caspian International Transport Route)',
    stretchDefined: false,
    readings: Object.freeze([
      {
        stretch: 'Altynkol → Poti/Batumi',
        route: 'corridor-poti' as const,
        legs: Object.freeze([...EAST, 'Alat → Poti/Batumi']),
        evidence: 'supported' as const,
        why: `the China–Kazakhstan border to the Georgian ports took 15–18 days in 2025 (${SOURCES.trendOct2025}); the schedule from Altynkol to Poti/Batumi is 12 days (${SOURCES.trendMay2024})`,
      },
      {
        stretch: 'Altynkol → Kars',
        route: 'corridor-btk' as const,
        legs: Object.freeze([...EAST, 'Alat → Kars (Baku–Tbilisi–Kars)']),
        evidence: 'unsourced' as const,
        why: 'the same stretch ending in Türkiye by the Baku–Tbilisi–Kars railway; no published time for it',
      },
      {
        stretch: 'Altynkol → Constanța',
        route: 'corridor-poti' as const,
        legs: Object.freeze([...EAST, 'Alat → Poti/Batumi', 'Poti/Batumi → Constanța']),
        evidence: 'contradicted' as const,
        why: `the published schedule is 20–22 days (${SOURCES.trendMay2024}): 13–17 would beat the timetable by 3–9 days`,
      },
      {
        stretch: "Xi'an → Antwerp-Bruges",
        route: 'corridor-poti' as const,
        legs: Object.freeze(["Xi'an → Altynkol/Khorgos", ...EAST, 'Alat → Poti/Batumi', 'Poti/Batumi → Constanța', 'Constanța → Antwerp-Bruges']),
        evidence: 'contradicted' as const,
        why: `door to door, forwarders quote 31–37 days from China to Constanța or Duisburg (${SOURCES.navis2025}); "15 days or less" is a target (${SOURCES.euIntpa2024})`,
      },
    ] satisfies StretchReading[]),
  }),
  containers: Object.freeze({ year: 2025, teu: 77_000, kind: 'reported' as const, source, note: 'about 77,000' }),
  containerTarget: Object.freeze({ year: 2029, teu: 300_000, kind: 'target' as const, source: SOURCES.reportAz2026 }),
  record: Object.freeze({ fromYear: 2019, toYear: 2025 }),
}));
