import { deepFreeze } from './deep-freeze.js';
import { SOURCES } from './sources.js';
import type { ObservationKind } from './volumes.js';

/** A sourced capacity of the corridor or one of its elements. */
export interface CapacityFact {
  readonly element: string;
  readonly year: number;
  /** Mt per year, where the source gives tonnes. */
  readonly capacityMt?: number;
  /** TEU per year, where the source gives containers. */
  readonly capacityTeu?: number;
  readonly kind: ObservationKind;
  readonly source: string;
  readonly note?: string;
}

/**
 * Capacities (Mt/yr or TEU/yr) of the whole route and of its elements, with sources. The
 * Caspian container crossing Aktau → Alat is the binding limit.
 */
export const CAPACITIES: readonly CapacityFact[] = /* @__PURE__ */ deepFreeze(Object.freeze([
  { element: 'whole route', year: 2022, capacityMt: 6, kind: 'reported', source: SOURCES.kazinform2022, note: 'about 6' },
  { element: 'whole route', year: 2023, capacityMt: 5.8, capacityTeu: 80_000, kind: 'reported', source: SOURCES.trendDec2024 },
  { element: 'whole route', year: 2024, capacityMt: 6, capacityTeu: 100_000, kind: 'reported', source: SOURCES.trendDec2024, note: '6 Mt including 100,000 TEU' },
  { element: 'whole route', year: 2027, capacityMt: 10, kind: 'target', source: SOURCES.trendDec2024 },
  { element: 'Caspian container shipping Aktau → Alat', year: 2025, capacityTeu: 89_000, kind: 'reported', source: SOURCES.siaAz, note: '6 feeder vessels; the binding limit' },
  { element: 'Caspian container shipping Aktau → Alat', year: 2027, kind: 'target', source: SOURCES.reportAzNov2025, note: '+6 container ships in H1 2027 and +2 ships of 700 containers by 2027 (no tonnage given)' },
  { element: 'Aktau port', year: 2024, capacityMt: 11, kind: 'reported', source: SOURCES.astanaTimesSep2024, note: 'more than 11' },
  { element: 'Aktau container hub', year: 2025, capacityTeu: 140_000, kind: 'reported', source: SOURCES.reportAzNov2025, note: 'end of 2025' },
  { element: 'Aktau container hub', year: 2026, capacityTeu: 240_000, kind: 'target', source: SOURCES.reportAzNov2025 },
  { element: 'Kuryk port', year: 2024, capacityMt: 6, kind: 'reported', source: SOURCES.astanaTimesSep2024, note: 'rail-ferry complex 4 of the 6' },
  { element: 'Kuryk Sarzha terminal', year: 2030, capacityMt: 9.4, kind: 'target', source: SOURCES.astanaTimesSep2024, note: '+9.4 to 10 by 2030' },
  { element: 'Port of Baku (Alat)', year: 2024, capacityMt: 15, capacityTeu: 100_000, kind: 'reported', source: SOURCES.portnewsBaku, note: '100,000–150,000 TEU' },
  { element: 'Port of Baku (Alat), phase 2', year: 2030, capacityMt: 25, capacityTeu: 500_000, kind: 'target', source: SOURCES.trendBakuPhase2, note: 'no year published; 2030 is a placeholder for "phase 2"' },
  { element: 'Baku–Tbilisi–Kars railway', year: 2024, capacityMt: 5, kind: 'reported', source: SOURCES.trendBtk2024, note: '1 → 5 from 20 May 2024' },
  { element: 'Georgian Railway', year: 2025, capacityMt: 48, kind: 'reported', source: SOURCES.vestnikKavkaza2025 },
] satisfies CapacityFact[]));

/** Tonnes per TEU on containerised flows: an estimate from "300 block trains ≈ 30,000 TEU ≈ 420,000 t". */
export const TONNES_PER_TEU = /* @__PURE__ */ deepFreeze(Object.freeze({ tonnes: 14, kind: 'estimate' as const, source: SOURCES.menafnBlockTrains }));

/** A sourced transit time, as a range of days. */
export interface TransitFact {
  readonly what: string;
  readonly minDays: number;
  readonly maxDays: number;
  readonly year?: number;
  readonly kind: ObservationKind;
  readonly source: string;
  readonly note?: string;
}

/** Published transit times on the corridor and its alternatives (days). */
export const TRANSIT_TIMES: readonly TransitFact[] = /* @__PURE__ */ deepFreeze(Object.freeze([
  { what: 'China–Kazakhstan border → Georgian ports', minDays: 53, maxDays: 53, year: 2022, kind: 'reported', source: SOURCES.trendOct2025 },
  { what: 'China–Kazakhstan border → Georgian ports', minDays: 15, maxDays: 18, year: 2025, kind: 'reported', source: SOURCES.trendOct2025 },
  { what: 'corridor, ministry definition (before)', minDays: 28, maxDays: 32, kind: 'reported', source: SOURCES.ministry2026 },
  { what: 'corridor, ministry definition (now)', minDays: 13, maxDays: 17, year: 2025, kind: 'reported', source: SOURCES.ministry2026 },
  { what: 'schedule Altynkol → Baku', minDays: 9, maxDays: 9, year: 2024, kind: 'reported', source: SOURCES.trendMay2024 },
  { what: 'schedule Altynkol → Poti/Batumi', minDays: 12, maxDays: 12, year: 2024, kind: 'reported', source: SOURCES.trendMay2024 },
  { what: 'schedule Altynkol → Constanța', minDays: 20, maxDays: 22, year: 2024, kind: 'reported', source: SOURCES.trendMay2024 },
  { what: "Xi'an → Baku (best case)", minDays: 11, maxDays: 11, year: 2024, kind: 'reported', source: SOURCES.menafnXianBaku },
  { what: 'China → Constanța (official TITR guidance)', minDays: 31, maxDays: 34, year: 2025, kind: 'reported', source: SOURCES.navis2025 },
  { what: 'China → Duisburg (official TITR guidance)', minDays: 32, maxDays: 37, year: 2025, kind: 'reported', source: SOURCES.navis2025 },
  { what: 'corridor, congested worst case', minDays: 50, maxDays: 55, year: 2024, kind: 'reported', source: SOURCES.index1520Jun2024 },
  { what: 'corridor, congested (2022)', minDays: 38, maxDays: 53, year: 2022, kind: 'reported', source: SOURCES.newsCentralAsia2023 },
  { what: 'Caspian crossing Aktau → Alat incl. loading', minDays: 0.75, maxDays: 1.25, kind: 'reported', source: SOURCES.srCenter, note: '18–24 h, at most about 30 h' },
  { what: 'Port of Baku vessel handling', minDays: 20.1 / 24, maxDays: 30 / 24, year: 2025, kind: 'reported', source: SOURCES.trendJun2025, note: '20.1 h average, protocol maximum 30 h' },
  { what: 'Alat/Baku → Poti/Batumi rail', minDays: 1, maxDays: 34 / 24, kind: 'reported', source: SOURCES.agendaGe2014, note: '24–34 h' },
  { what: 'Black Sea feeder Poti → Constanța', minDays: 5, maxDays: 5, year: 2022, kind: 'reported', source: SOURCES.titrFeeder, note: '5 days sailing, 3 departures a month' },
  { what: 'Northern rail China → Poland', minDays: 13, maxDays: 15, year: 2024, kind: 'reported', source: SOURCES.index1520Mar2024 },
  { what: 'Northern rail China → Germany (terminal)', minDays: 18, maxDays: 21, year: 2024, kind: 'reported', source: SOURCES.index1520Mar2024 },
  { what: 'Northern rail, door to door', minDays: 20, maxDays: 32, year: 2024, kind: 'reported', source: SOURCES.index1520Mar2024 },
  { what: 'sea via Suez, Shanghai → Rotterdam/Antwerp', minDays: 27, maxDays: 35, kind: 'reported', source: SOURCES.portEconomics, note: '~27 at 16 kn without calls, ~35 typical' },
  { what: 'sea via the Cape (Red Sea closed)', minDays: 37, maxDays: 49, kind: 'estimate', source: SOURCES.portEconomics, note: 'Suez + 10–14 days' },
  { what: 'Asia → Europe target ("15 days or less")', minDays: 15, maxDays: 15, kind: 'target', source: SOURCES.euIntpa2024, note: 'a target, not achieved' },
] satisfies TransitFact[]));

/** The volume and container targets beyond the annual series. */
export const TARGETS = /* @__PURE__ */ deepFreeze(Object.freeze([
  { what: 'corridor volume', year: 2027, volumeMt: 10, source: SOURCES.reportAzOct2025 },
  { what: 'containers', year: 2029, teu: 300_000, source: SOURCES.reportAz2026 },
  { what: 'containers', year: 2030, teu: 500_000, source: SOURCES.astanaTimesAug2024 },
  { what: 'all trans-Caspian flows (World Bank scope; 2021 base about 3.6 Mt)', year: 2030, volumeMt: 11, source: SOURCES.worldBank2023 },
] as const));
