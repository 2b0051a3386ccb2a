import { deepFreeze } from '../data/deep-freeze.js';
import type { ScenarioInput } from './types.js';

/**
 * Built-in scenarios (plain data, parseable by `parseScenario`). Numbers come from
 * docs/data.md; each is marked as sourced or as an estimate.
 *
 * Demand (all but `announced` and `stall`): a random walk with drift fitted to the ministry's
 * record 2019–2025 by `fitRandomWalk` — log growth g = 0.2819/yr (rate e^g − 1 = 32.6 %/yr),
 * its standard error 0.1915 (carried as uncertainty about the rate: a normal with the
 * delta-method sd (1 + rate)·0.1915 = 0.254, truncated at −50 %), volatility σ = 0.469 (sd of
 * the yearly log-shock), persistence 0 (the record's lag-1 autocorrelation is −0.03: no sign of
 * momentum). `test/scenario/presets.test.ts` checks these figures against the fit.
 *
 * Capacity: about 6 Mt/yr for the whole route (Kazinform 2022; Trend 2024: 5.8 Mt in 2023, 6 Mt
 * in 2024), base triangular 5.5–6–6.5 (estimate), with the sourced expansions, their sizes and
 * delays estimates (a delay is the time in years from 1 January of the planned year until the
 * expansion arrives; a year's capacity gains the share of the year after it, so a mode of 0.5
 * is mid-year):
 * - Aktau container hub 140,000 → 240,000 TEU in 2026 (Report.az, 26 Nov 2025): +100,000 TEU ≈
 *   1.4 Mt at 14 t/TEU, of which the route gains 0.5–1.4 Mt (the Caspian crossing binds), delay
 *   0–2 years, most likely 0 (on time: from the start of 2026).
 * - Caspian container fleet: +6 ships in H1 2027 and +2 ships of 700 containers by 2027
 *   (Report.az, 26 Nov 2025; SIA.az: 89,000 TEU/yr with 6 feeders in 2025, ≈ 1.25 Mt): +1 to
 *   2.5 Mt, delay 0–2 years, most likely 0.5 (the H1 2027 deliveries: mid-2027).
 * - Kuryk / Sarzha multipurpose terminal, +9.4–10 Mt of port capacity by 2030 (Astana Times, 26 Sep
 *   2024), of which the container route gains 1–4 Mt, delay 0–3 years, most likely 1.
 * Disruptions (priors are estimates, anchors sourced): Caspian low water, payload −15 to −25 % at
 * Aktau (capacity × 0.75–0.9) in 30 % of years; a hard storm season (closures of 2–7 days,
 * several a year, AzerNews 2025, Sea-News 2022) costing 1–5 % of a year's capacity in half the
 * years.
 */

const BASELINE_RATE = { dist: 'normal', mean: 0.3256, sd: 0.2538, min: -0.5 } as const;
const BASELINE_VOLATILITY = 0.469;

const BASELINE_CAPACITY: NonNullable<ScenarioInput['capacity']> = {
  baseMt: { dist: 'triangular', min: 5.5, mode: 6, max: 6.5 },
  expansions: [
    { year: 2026, addMt: { dist: 'triangular', min: 0.5, mode: 1, max: 1.4 }, delayYears: { dist: 'triangular', min: 0, mode: 0, max: 2 } },
    { year: 2027, addMt: { dist: 'triangular', min: 1, mode: 1.5, max: 2.5 }, delayYears: { dist: 'triangular', min: 0, mode: 0.5, max: 2 } },
    { year: 2030, addMt: { dist: 'triangular', min: 1, mode: 2, max: 4 }, delayYears: { dist: 'triangular', min: 0, mode: 1, max: 3 } },
  ],
};

const CASPIAN_DISRUPTIONS: NonNullable<ScenarioInput['disruptions']> = [
  { name: 'Caspian low water', probability: 0.3, capacityFactor: { dist: 'uniform', min: 0.75, max: 0.9 } },
  { name: 'Caspian storm season', probability: 0.5, capacityFactor: { dist: 'uniform', min: 0.95, max: 0.99 } },
];

const START_2025 = { year: 2025, volumeMt: 4.119 }; // the ministry's 2025 outturn

/** The names of the presets. */
export type PresetName = 'announced' | 'baseline' | 'stall' | 'official-capacity' | 'red-sea-diversion';

/**
 * The five built-in scenarios:
 * - `announced`: the seed article's trajectory as the median path — piecewise 0.86 (2020) → 4.5
 *   (2024) → 5.2 (2025) → 10 Mt (2027), from its last reported figure (4.5 Mt, 2024), with the
 *   record's volatility and no capacity limit. Beyond 2027 the article gives no figure; the path
 *   goes on at its last segment's rate (38.7 %/yr), as piecewise paths do.
 * - `baseline`: from the 2025 outturn, the record's own growth and volatility, ~6 Mt capacity
 *   with the sourced expansions on uncertain schedules, Caspian low water and storms.
 * - `stall`: demand flat (−5 % to +5 %/yr) with lower volatility (0.15, an estimate), baseline
 *   capacity and disruptions.
 * - `official-capacity`: baseline demand; capacity 6 Mt rising to the official 10 Mt in 2027 on
 *   schedule (Trend, 17 Dec 2024; Report.az, 20 Oct 2025), no disruptions.
 * - `red-sea-diversion`: baseline plus a Red Sea closure in 25 % of years that lifts that year's
 *   demand by 10–60 % (mode 30 %; an estimate: China transit via the corridor grew 20–28-fold in
 *   2024, from a small base).
 *
 * @example parseScenario(PRESETS.baseline).start // => { year: 2025, volumeMt: 4.119 }
 */
/** The baseline; the other presets but `announced` are it with one assumption changed. */
const BASELINE: ScenarioInput = {
  name: 'baseline',
  start: START_2025,
  horizon: 2032,
  growth: { model: 'exponential', rate: BASELINE_RATE },
  volatility: BASELINE_VOLATILITY,
  capacity: BASELINE_CAPACITY,
  disruptions: CASPIAN_DISRUPTIONS,
  target: { year: 2027, volumeMt: 10 },
};

export const PRESETS: Readonly<Record<PresetName, ScenarioInput>> = /* @__PURE__ */ deepFreeze(Object.freeze({
  announced: {
    name: 'announced',
    start: { year: 2024, volumeMt: 4.5 },
    horizon: 2030,
    growth: {
      model: 'piecewise',
      points: [
        { year: 2020, volumeMt: 0.86 },
        { year: 2024, volumeMt: 4.5 },
        { year: 2025, volumeMt: 5.2 },
        { year: 2027, volumeMt: 10 },
      ],
    },
    volatility: BASELINE_VOLATILITY,
    target: { year: 2027, volumeMt: 10 },
  },
  baseline: BASELINE,
  stall: { ...BASELINE, name: 'stall', growth: { model: 'exponential', rate: { dist: 'uniform', min: -0.05, max: 0.05 } }, volatility: 0.15 },
  'official-capacity': { ...BASELINE, name: 'official-capacity', capacity: { baseMt: 6, expansions: [{ year: 2027, addMt: 4 }] }, disruptions: [] },
  'red-sea-diversion': {
    ...BASELINE,
    name: 'red-sea-diversion',
    disruptions: [...CASPIAN_DISRUPTIONS, { name: 'Red Sea closure', probability: 0.25, demandFactor: { dist: 'triangular', min: 1.1, mode: 1.3, max: 1.6 } }],
  },
} satisfies Record<PresetName, ScenarioInput>));
