/**
 * The explorer's state — a preset, a route, the assumptions a reader changes, the run's size and
 * seed — and the scenario and route it stands for. Pure functions, no DOM: the page writes the
 * state into the URL's hash as compact JSON, so a shared link carries the scenario and the seed,
 * and anyone can rebuild the same scenario in Node (the page also shows it as JSON).
 */
import { PRESETS, ROUTES, type Param, type PresetName, type RouteInput, type ScenarioInput } from 'middle-corridor';

/** The built-in routes' names. */
export type RouteName = keyof typeof ROUTES;

/** What the page's inputs hold. A null field is an assumption the preset or route does not have. */
export interface ExplorerState {
  preset: PresetName;
  route: RouteName;
  seed: string | number;
  paths: number;
  /** The growth rate's centre (a fraction a year): the mean of a normal, the mode of a triangular, the middle of a uniform. Null: not an exponential preset. */
  rate: number | null;
  /** The base capacity's centre (Mt a year). Null: no capacity limit. */
  capacityMt: number | null;
  /** Years added to each capacity expansion's delay (≥ 0), in the preset's order. */
  delays: number[];
  /** The volatility σ (sd of the yearly log-shock to demand). */
  volatility: number;
  /** Servers of the route's queue leg (the Caspian crossing). Null: the route has no queue. */
  servers: number | null;
  /** The door-to-door line (days). */
  within: number;
}

/** The bounds of each numeric input (the page's inputs use them; a hash outside them is refused). */
export const BOUNDS = {
  paths: [1_000, 200_000],
  rate: [-0.4, 1.5],
  capacityMt: [1, 50],
  delays: [0, 10],
  volatility: [0, 2],
  servers: [1, 1000],
  within: [1, 120],
} as const;

/** The target the page reports: P(volume ≥ 10 Mt in 2027). */
export const TARGET = { year: 2027, volumeMt: 10 } as const;

/** The distribution's centre: the number itself, a normal's mean, a triangular's or PERT's mode, a uniform's middle; null for the others. */
export function centre(p: Param | undefined): number | null {
  if (p === undefined) return null;
  if (typeof p === 'number') return p;
  switch (p.dist) {
    case 'normal':
      return p.mean;
    case 'triangular':
    case 'pert':
      return p.mode;
    case 'uniform':
      return (p.min + p.max) / 2;
    default:
      return null;
  }
}

/** The distribution moved so that its centre moves by `delta`: a truncated normal keeps its bounds (floors such as −50 %/yr), the others move whole. */
export function shift(p: Param, delta: number): Param {
  if (typeof p === 'number') return p + delta;
  switch (p.dist) {
    case 'normal':
      return { ...p, mean: p.mean + delta };
    case 'triangular':
    case 'pert':
      return { ...p, min: p.min + delta, mode: p.mode + delta, max: p.max + delta };
    case 'uniform':
      return { ...p, min: p.min + delta, max: p.max + delta };
    default:
      throw new TypeError(`shift: a ${p.dist} distribution has no centre the explorer moves`);
  }
}

/** The distribution moved so that its centre is `to` exactly (the bounds and other points moved by the difference, as {@link shift}). */
export function recentre(p: Param, to: number): Param {
  if (typeof p === 'number') return to;
  const moved = shift(p, to - centre(p)!);
  if (typeof moved !== 'number' && (moved.dist === 'normal')) return { ...moved, mean: to };
  if (typeof moved !== 'number' && (moved.dist === 'triangular' || moved.dist === 'pert')) return { ...moved, mode: to };
  return moved;
}

/** The index of the route's first leg with a queue, or -1. */
export const queueLeg = (route: RouteName) => ROUTES[route].legs.findIndex((l) => l.queue !== undefined);

/** The state of a preset and a route as they are shipped. */
export function defaults(preset: PresetName, route: RouteName, keep: Pick<ExplorerState, 'seed' | 'paths' | 'within'> = { seed: 1, paths: 20_000, within: 15 }): ExplorerState {
  const s = PRESETS[preset];
  const leg = queueLeg(route);
  return {
    preset,
    route,
    ...keep,
    rate: s.growth.model === 'exponential' ? centre(s.growth.rate) : null,
    capacityMt: centre(s.capacity?.baseMt),
    delays: (s.capacity?.expansions ?? []).map(() => 0),
    volatility: typeof s.volatility === 'number' ? s.volatility : 0,
    servers: leg === -1 ? null : ROUTES[route].legs[leg]!.queue!.servers,
  };
}

/**
 * The scenario the state stands for: the preset, with each assumption the state changes moved
 * (an assumption left at the preset's value leaves the preset's own numbers untouched).
 */
export function scenarioOf(st: ExplorerState): ScenarioInput {
  const s = PRESETS[st.preset];
  let out: ScenarioInput = { ...s };
  const g = s.growth;
  if (g.model === 'exponential' && st.rate !== null && st.rate !== centre(g.rate)) out.growth = { ...g, rate: recentre(g.rate, st.rate) };
  if (s.capacity) {
    const base = s.capacity.baseMt;
    const baseMt = st.capacityMt !== null && st.capacityMt !== centre(base) ? recentre(base, st.capacityMt) : base;
    const expansions = s.capacity.expansions?.map((e, i) => ((st.delays[i] ?? 0) === 0 ? e : { ...e, delayYears: shift(e.delayYears ?? 0, st.delays[i]!) }));
    if (baseMt !== base || expansions?.some((e, i) => e !== s.capacity!.expansions![i])) out = { ...out, capacity: { ...s.capacity, baseMt, ...(expansions ? { expansions } : {}) } };
  }
  if (st.volatility !== (typeof s.volatility === 'number' ? s.volatility : 0)) out.volatility = st.volatility;
  return out;
}

/** The route the state stands for: the built-in route with its queue leg's servers as the state says. */
export function routeOf(st: ExplorerState): RouteInput {
  const r = ROUTES[st.route];
  const i = queueLeg(st.route);
  if (i === -1 || st.servers === null || st.servers === r.legs[i]!.queue!.servers) return r;
  return { ...r, legs: r.legs.map((l, j) => (j === i ? { ...l, queue: { ...l.queue!, servers: st.servers! } } : l)) };
}

/** The state as the URL's hash: compact JSON, percent-encoded. */
export function encodeState(st: ExplorerState): string {
  return `#${encodeURIComponent(JSON.stringify(st))}`;
}

const number = (field: string, x: unknown, [lo, hi]: readonly [number, number], whole = false): number => {
  if (typeof x !== 'number' || !(x >= lo && x <= hi) || (whole && !Number.isInteger(x))) {
    throw new RangeError(`the link's ${field} must be ${whole ? 'a whole number' : 'a number'} in [${lo}, ${hi}] (got ${JSON.stringify(x)})`);
  }
  return x;
};

/**
 * The state a hash holds, checked: every field named in the error when it is missing or out of
 * bounds, and null where a field must be (an assumption the preset or route does not have).
 */
export function decodeState(hash: string): ExplorerState {
  let x: Record<string, unknown>;
  try {
    x = JSON.parse(decodeURIComponent(hash.replace(/^#/, ''))) as Record<string, unknown>;
  } catch {
    throw new TypeError('the link holds no explorer state (its part after # is not percent-encoded JSON)');
  }
  if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new TypeError('the link holds no explorer state (its JSON is not an object)');
  const allowed = ['preset', 'route', 'seed', 'paths', 'rate', 'capacityMt', 'delays', 'volatility', 'servers', 'within'];
  const unknown = Object.keys(x).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new TypeError(`the link's state has unknown fields ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
  if (typeof x.preset !== 'string' || !Object.hasOwn(PRESETS, x.preset)) throw new TypeError(`the link's preset must be one of ${Object.keys(PRESETS).join(', ')} (got ${JSON.stringify(x.preset)})`);
  if (typeof x.route !== 'string' || !Object.hasOwn(ROUTES, x.route)) throw new TypeError(`the link's route must be one of ${Object.keys(ROUTES).join(', ')} (got ${JSON.stringify(x.route)})`);
  if (!((typeof x.seed === 'string' && x.seed !== '') || (typeof x.seed === 'number' && Number.isFinite(x.seed)))) {
    throw new TypeError(`the link's seed must be a finite number or a text that is not empty (got ${JSON.stringify(x.seed)})`);
  }
  const d = defaults(x.preset as PresetName, x.route as RouteName);
  const nullable = (field: 'rate' | 'capacityMt' | 'servers', whole = false) => {
    if (d[field] === null) {
      if (x[field] !== null) throw new TypeError(`the link's ${field} must be null: the preset or route has no such assumption (got ${JSON.stringify(x[field])})`);
      return null;
    }
    return number(field, x[field], BOUNDS[field], whole);
  };
  if (!Array.isArray(x.delays) || x.delays.length !== d.delays.length) throw new TypeError(`the link's delays must be a list of ${d.delays.length} numbers, one per expansion of ${x.preset} (got ${JSON.stringify(x.delays)})`);
  return {
    preset: d.preset,
    route: d.route,
    seed: x.seed as string | number,
    paths: number('paths', x.paths, BOUNDS.paths, true),
    rate: nullable('rate'),
    capacityMt: nullable('capacityMt'),
    delays: x.delays.map((v, i) => number(`delays[${i}]`, v, BOUNDS.delays)),
    volatility: number('volatility', x.volatility, BOUNDS.volatility),
    servers: nullable('servers', true),
    within: number('within', x.within, BOUNDS.within),
  };
}
