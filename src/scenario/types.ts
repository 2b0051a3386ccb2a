// Hand-written for their TSDoc; type-checks.ts proves at compile time that they are the zod
// schemas' types (ScenarioInput and LegInput both ways, RouteInput accepted by the schema, Scenario
// and Route with the schema output's fields), so the two cannot drift apart.
import type { Param } from '../random/dist.js';
import type { GrowthModel, YearVolume } from '../growth/model.js';

/**
 * A planned capacity expansion of `addMt` (Mt a year) that arrives at `year + delayYears`, in
 * years from 1 January of `year`: each year's capacity gains `addMt` times the share of that
 * year after it arrives, clamp(Y + 1 − (year + delayYears), 0, 1). Delay 0 (the default) is all
 * of `year`; 0.25 is three quarters of `year` and all of the next; a whole delay d is the
 * expansion d years later.
 */
export interface ExpansionInput {
  /** The year it is planned for (a whole year). */
  year: number;
  addMt: Param;
  /** Years after 1 January of `year` until it arrives, >= 0; drawn once per path. */
  delayYears?: Param;
}

/** An event that may strike each simulated year, multiplying that year's demand or capacity. */
export interface DisruptionInput {
  name: string;
  probability: Param;
  /** Absent or null: the disruption does not touch demand. */
  demandFactor?: Param | null;
  /** Absent or null: the disruption does not touch capacity. */
  capacityFactor?: Param | null;
}

/**
 * A volume scenario as users write it (docs/design.md, "The contract"). A parsed {@link Scenario},
 * or its JSON, is also accepted (with `kind` and nulls for absent fields): parsing is idempotent.
 * Logistic and Gompertz growth are anchored at `start` and level off at `capacityMt`.
 */
export interface ScenarioInput {
  /** What a parsed scenario carries; accepted so that a parsed scenario parses to itself. */
  kind?: 'scenario';
  name?: string | null;
  /** The last known point: index 0 of the simulation. */
  start: YearVolume;
  /** Last simulated year, inclusive. */
  horizon: number;
  /** The median path of demand. */
  growth: GrowthModel;
  /** Standard deviation of the yearly log-shock to demand; 0 by default. */
  volatility?: Param;
  /** AR(1) coefficient of the shocks, in [0, 1); 0 by default. */
  persistence?: number;
  /** Absent or null: unlimited. */
  capacity?: { baseMt: Param; expansions?: ExpansionInput[] } | null;
  disruptions?: DisruptionInput[];
  /** 10 Mt in 2027 by default (when that year is in the run); null: no target. */
  target?: YearVolume | null;
  /**
   * Rank (Spearman) correlations between per-path parameters named by their paths, e.g.
   * `{ between: ['growth.rate', 'capacity.expansions[0].addMt'], spearman: 0.5 }`: imposed within
   * each stream block by Iman–Conover, so each parameter's draws keep their values (marginals).
   */
  correlations?: Correlation[];
}

/** A rank correlation between two per-path parameters of a scenario. */
export interface Correlation {
  between: [string, string];
  /** In (−1, 1). */
  spearman: number;
}

/**
 * A parsed scenario: validated, with defaults filled in (volatility 0, persistence 0, no
 * capacity limit, no disruptions, expansions without delay). `target` is the given target, or the
 * default 10 Mt in 2027 when that year lies in the run, else null.
 */
export interface Scenario {
  readonly kind: 'scenario';
  readonly name: string | null;
  readonly start: YearVolume;
  readonly horizon: number;
  readonly growth: GrowthModel;
  readonly volatility: Param;
  readonly persistence: number;
  readonly capacity: { readonly baseMt: Param; readonly expansions: readonly { readonly year: number; readonly addMt: Param; readonly delayYears: Param }[] } | null;
  readonly disruptions: readonly { readonly name: string; readonly probability: Param; readonly demandFactor: Param | null; readonly capacityFactor: Param | null }[];
  readonly target: YearVolume | null;
  /** Present only when the scenario gives correlations. */
  readonly correlations?: readonly { readonly between: readonly [string, string]; readonly spearman: number }[];
}

/** The transport modes of a leg. */
export const LEG_MODES = /* @__PURE__ */ Object.freeze(['rail', 'road', 'ferry', 'sea', 'port', 'border'] as const);
export type LegMode = (typeof LEG_MODES)[number];

/** A queue on a leg (Allen–Cunneen G/G/c wait; docs/design.md, "Transit"). */
export interface QueueInput {
  capacityMt?: Param;
  servers: number;
  serviceDays: number;
  arrivalCv?: number;
  serviceCv?: number;
  /** Utilisation cap, 0.98 by default. */
  maxUtilisation?: number;
}

/** One leg of a route. */
export interface LegInput {
  name: string;
  mode: LegMode;
  /** Days on the leg, drawn per trip. */
  days: Param;
  /** An occasional extra delay, e.g. a storm closure or an inspection. */
  delay?: { probability: number; days: Param };
  queue?: QueueInput;
  /** Where the leg's figures come from (title — URL), or how they were estimated. */
  source?: string;
}

/** A route as users write it. */
export interface RouteInput {
  name: string;
  legs: LegInput[];
  /** What the route is and where its figures come from. */
  source?: string;
}

/** A parsed route: validated, queue defaults filled in (cv 1, maxUtilisation 0.98). */
export interface Route {
  readonly kind: 'route';
  readonly name: string;
  readonly source: string | null;
  readonly legs: readonly {
    readonly name: string;
    readonly mode: LegMode;
    readonly days: Param;
    readonly delay: { readonly probability: number; readonly days: Param } | null;
    readonly queue: {
      readonly capacityMt: Param | null;
      readonly servers: number;
      readonly serviceDays: number;
      readonly arrivalCv: number;
      readonly serviceCv: number;
      readonly maxUtilisation: number;
    } | null;
    readonly source: string | null;
  }[];
}

/** The default target of docs/design.md: 10 Mt in 2027. */
export const DEFAULT_TARGET: YearVolume = Object.freeze({ year: 2027, volumeMt: 10 });

/** The longest run a scenario may ask for, in years after the start. */
export const MAX_HORIZON_YEARS = 100;

/**
 * The largest demand or capacity (Mt) a path-year may reach: 10^100 Mt. No freight scenario comes
 * near it (the world's seaborne trade is about 10^4 Mt a year); below it, every statistic of a
 * run — sums of squares over 50 million paths included — stays a finite double. A start volume,
 * base capacity or expansion above it is refused when the scenario is parsed; growth, shocks,
 * expansions or disruption factors that carry a path-year past it are refused by the run with a
 * RangeError naming the path, the year and the cause, rather than giving Infinity or NaN.
 */
export const MAX_VOLUME_MT = 1e100;
