import { ScenarioError } from './error.js';
import { routeSchema } from './route-schema.js';
import { check, scenarioSchema } from './schema.js';
import { DEFAULT_TARGET, type Route, type RouteInput, type Scenario, type ScenarioInput } from './types.js';

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/**
 * Validates a scenario (plain JSON or a TS object) and fills in its defaults. Throws
 * {@link ScenarioError} listing every problem with its path. A parsed scenario passes through
 * unchanged.
 *
 * @example
 * parseScenario({ start: { year: 2025, volumeMt: 4.119 }, horizon: 2030, growth: { model: 'exponential', rate: -1.5 } })
 * // throws ScenarioError: growth.rate: must be > -1 (got -1.5)
 */
export function parseScenario(input: unknown): Scenario {
  if (isParsed(input, 'scenario')) return input as Scenario;
  const r = check(scenarioSchema, input);
  if (!r.ok) throw new ScenarioError('scenario', r.issues);
  const s = r.data as unknown as ScenarioInput;
  const target = s.target ?? (DEFAULT_TARGET.year >= s.start.year && DEFAULT_TARGET.year <= s.horizon ? { ...DEFAULT_TARGET } : null);
  return remember(deepFreeze({
    kind: 'scenario' as const,
    name: s.name ?? null,
    start: { year: s.start.year, volumeMt: s.start.volumeMt },
    horizon: s.horizon,
    growth: s.growth,
    volatility: s.volatility ?? 0,
    persistence: s.persistence ?? 0,
    capacity: s.capacity
      ? {
          baseMt: s.capacity.baseMt,
          expansions: (s.capacity.expansions ?? []).map((e) => ({ year: e.year, addMt: e.addMt, delayYears: e.delayYears ?? 0 })),
        }
      : null,
    disruptions: (s.disruptions ?? []).map((d) => ({
      name: d.name,
      probability: d.probability,
      demandFactor: d.demandFactor ?? null,
      capacityFactor: d.capacityFactor ?? null,
    })),
    target,
  }));
}

/**
 * Validates a route and fills in its queue defaults (arrivalCv and serviceCv 1, maxUtilisation
 * 0.98). Throws {@link ScenarioError} listing every problem with its path, e.g.
 * `legs[2].days.mode: must lie between min and max (got mode 7, min 1, max 5)`.
 * @example
 * parseRoute({ name: 'r', legs: [{ name: 'sea', mode: 'sea', days: { dist: 'triangular', min: 1, mode: 7, max: 5 } }] })
 * // throws ScenarioError: legs[0].days.mode: must lie between min and max (got mode 7, min 1, max 5)
 */
export function parseRoute(input: unknown): Route {
  if (isParsed(input, 'route')) return input as Route;
  const r = check(routeSchema, input);
  if (!r.ok) throw new ScenarioError('route', r.issues);
  const route = r.data as unknown as RouteInput;
  return remember(deepFreeze({
    kind: 'route' as const,
    name: route.name,
    source: route.source ?? null,
    legs: route.legs.map((l) => ({
      name: l.name,
      mode: l.mode,
      days: l.days,
      delay: l.delay ? { probability: l.delay.probability, days: l.delay.days } : null,
      queue: l.queue
        ? {
            capacityMt: l.queue.capacityMt ?? null,
            servers: l.queue.servers,
            serviceDays: l.queue.serviceDays,
            arrivalCv: l.queue.arrivalCv ?? 1,
            serviceCv: l.queue.serviceCv ?? 1,
            maxUtilisation: l.queue.maxUtilisation ?? 0.98,
          }
        : null,
      source: l.source ?? null,
    })),
  }));
}

/** The values parseScenario/parseRoute produced: only these skip validation. */
const parsed = new WeakSet<object>();

function isParsed(x: unknown, kind: 'scenario' | 'route'): boolean {
  return x !== null && typeof x === 'object' && parsed.has(x) && (x as { kind?: unknown }).kind === kind;
}

function remember<T extends object>(x: T): T {
  parsed.add(x);
  return x;
}
