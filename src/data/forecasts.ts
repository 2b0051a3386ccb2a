import { deepFreeze } from './deep-freeze.js';
import { SOURCES } from './sources.js';

/** A published point forecast: made with the record through `origin`, for `year`. */
export interface PointForecast {
  /** The last year whose outturn was known when the forecast was made. */
  readonly origin: number;
  readonly year: number;
  readonly volumeMt: number;
  /** Who made it. */
  readonly by: string;
  readonly source: string;
}

/**
 * The official forecasts of corridor volume that can be scored against outturns (both missed):
 * the TITR Association's 3.2 Mt for 2022 (made in 2022, with 2021 the last known year; outturn
 * 1.485) and the 5.2 Mt expected for 2025 (October 2025; outturn 4.119).
 */
export const OFFICIAL_FORECASTS: readonly PointForecast[] = /* @__PURE__ */ deepFreeze(Object.freeze([
  { origin: 2021, year: 2022, volumeMt: 3.2, by: 'TITR Association', source: SOURCES.titrAnkara },
  { origin: 2024, year: 2025, volumeMt: 5.2, by: 'Report.az, Oct 2025', source: SOURCES.reportAzOct2025 },
] satisfies PointForecast[]));
