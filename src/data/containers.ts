import { deepFreeze } from './deep-freeze.js';
import { numberIn } from '../args.js';
import { TONNES_PER_TEU } from './facts.js';
import { SOURCES } from './sources.js';
import { TITR_VOLUMES, type ObservationKind, type TeuFigure } from './volumes.js';

/** A container count of one year, with its provenance. */
export interface TeuObservation extends TeuFigure {
  readonly year: number;
}

const ministry = `${SOURCES.ministry2026}; ${SOURCES.reportAz2026}`;

/**
 * Containers (TEU) carried on the corridor each year, where a count was published or can be
 * derived from one: the same figures as the `teu` of {@link TITR_VOLUMES}' outturns, as a series
 * of their own. 2020 and 2023 are estimates (a later count divided by its stated growth); no
 * count was found for 2019. The counts come from the TITR Association, Trend and the Astana
 * Times, the tonnes from the ministry: the two need not count exactly the same traffic.
 *
 * @example
 * TITR_TEU.map((o) => [o.year, o.teu, o.kind])
 * // => [[2020, 21000, 'estimate'], [2021, 25200, 'reported'], [2022, 33600, 'reported'], [2023, 20500, 'estimate'], [2024, 56500, 'reported'], [2025, 77000, 'reported']]
 */
export const TITR_TEU: readonly TeuObservation[] = /* @__PURE__ */ deepFreeze(Object.freeze([
  { year: 2020, teu: 21_000, kind: 'estimate', source: SOURCES.titrAnkara, note: '2021 count 25,200 TEU divided by its stated growth of 1.20' },
  { year: 2021, teu: 25_200, kind: 'reported', source: SOURCES.titrAnkara },
  { year: 2022, teu: 33_600, kind: 'reported', source: SOURCES.trend2022Containers },
  { year: 2023, teu: 20_500, kind: 'estimate', source: SOURCES.astanaTimes2025, note: '2024 count 56,500 TEU divided by its stated growth of 2.76' },
  { year: 2024, teu: 56_500, kind: 'reported', source: SOURCES.astanaTimes2025 },
  { year: 2025, teu: 77_000, kind: 'reported', source: ministry, note: 'about 77,000 (Kazakh Ministry of Transport, 10 Mar 2026)' },
] satisfies TeuObservation[]));

/** One row of {@link containerShares}: an estimate, whose assumption is `tonnesPerTeu`. */
export interface ContainerShare {
  readonly year: number;
  readonly teu: number;
  /** The kind of the TEU figure (an estimated count makes the share rougher still). */
  readonly teuKind: ObservationKind;
  /** The ministry's outturn that year (Mt). */
  readonly volumeMt: number;
  /** teu × tonnesPerTeu, in Mt. */
  readonly containerMt: number;
  /** containerMt / volumeMt: the containers' estimated share of the tonnes. */
  readonly share: number;
  /** The assumed tonnes per TEU. */
  readonly tonnesPerTeu: number;
}

/** ISO 668's maximum gross mass of a 20-ft container (t): no TEU can weigh more. */
const MAX_TONNES_PER_TEU = 30.48;

/**
 * The containers' share of the corridor's tonnes, year by year where both are known: TEU ×
 * tonnes per TEU ÷ the ministry's outturn. An estimate, resting on one assumption stated in
 * each row — that every TEU carries `tonnesPerTeu` (by default {@link TONNES_PER_TEU}'s 14 t,
 * itself an estimate from block trains) — and on the TEU counts and the tonnes covering the same
 * traffic. `tonnesPerTeu` must be in (0, 30.48] (ISO 668's maximum gross mass of a 20-ft box).
 *
 * @example
 * containerShares().at(-1)
 * // => { year: 2025, teu: 77000, teuKind: 'reported', volumeMt: 4.119, containerMt: 1.078, share: 0.2617…, tonnesPerTeu: 14 }
 * @example containerShares(10).at(-1).share // => 0.1869…
 */
export function containerShares(tonnesPerTeu: number = TONNES_PER_TEU.tonnes): ContainerShare[] {
  const t = numberIn('containerShares', 'tonnesPerTeu', tonnesPerTeu, 0, MAX_TONNES_PER_TEU, { lo: true });
  const outturn = new Map(TITR_VOLUMES.filter((o) => o.kind === 'reported').map((o) => [o.year, o.volumeMt]));
  return TITR_TEU.flatMap((c) => {
    const volumeMt = outturn.get(c.year);
    if (volumeMt === undefined) return [];
    const containerMt = (c.teu * t) / 1e6;
    return [{ year: c.year, teu: c.teu, teuKind: c.kind, volumeMt, containerMt, share: containerMt / volumeMt, tonnesPerTeu: t }];
  });
}
