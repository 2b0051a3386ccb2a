import { ScenarioError } from './error.js';
import { routeSchema } from './route-schema.js';
import { check } from './issues.js';
import { scenarioSchema } from './schema.js';
import { DEFAULT_TARGET, type Route, type Scenario } from './types.js';
import { MAX_ITEMS } from './schema-primitives.js';

/**
 * Freezes a freshly parsed document in place, writing −0 as 0 (JSON cannot tell them apart, so
 * this keeps a JSON round trip of a parsed document equal to it).
 */
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (o[k] === 0) o[k] = 0;
      else deepFreeze(o[k]);
    }
    Object.freeze(x);
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
 * @example
 * parseScenario({ ...PRESETS.baseline, correlations: [{ between: ['growth.rate', 'capacity.baseMt'], spearman: 1 }] })
 * // throws ScenarioError: correlations[0].spearman: must be in (−1, 1) (got 1)
 */
export function parseScenario(input: unknown): Scenario {
  if (isParsed(input, 'scenario')) return input as Scenario;
  const r = check(scenarioSchema(), input);
  if (!r.ok) throw new ScenarioError('scenario', r.issues, r.count);
  const s = r.data;
  const target =
    s.target === undefined ? (DEFAULT_TARGET.year >= s.start.year && DEFAULT_TARGET.year <= s.horizon ? { ...DEFAULT_TARGET } : null) : s.target;
  return remember(deepFreeze<Scenario>({
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
    ...(s.correlations && s.correlations.length > 0 ? { correlations: s.correlations.map((c) => ({ between: [c.between[0], c.between[1]] as [string, string], spearman: c.spearman })) } : {}),
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
  const r = check(routeSchema(), fromParsedRoute(input));
  if (!r.ok) throw new ScenarioError('route', r.issues, r.count);
  const route = r.data;
  return remember(deepFreeze<Route>({
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

/**
 * A parsed route written back as input: a parsed route that went through JSON or structuredClone,
 * or came from the other build, carries `kind: 'route'` and nulls for absent fields (route and
 * leg `source`, `delay`, `queue`, `queue.capacityMt`). Those are dropped here (a shallow copy;
 * the input is not changed), so that parsing is idempotent. Anything else is left to the schema.
 */
function fromParsedRoute(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const out: Record<string, unknown> = { ...input };
  if (out.kind === 'route') delete out.kind;
  if (out.source === null) delete out.source;
  const legs = out.legs;
  if (Array.isArray(legs) && legs.length <= MAX_ITEMS.legs) {
    out.legs = legs.map((leg: unknown) => {
      if (!isRecord(leg)) return leg;
      const l: Record<string, unknown> = { ...leg };
      for (const k of ['source', 'delay', 'queue']) if (l[k] === null) delete l[k];
      if (isRecord(l.queue) && l.queue.capacityMt === null) {
        const q = { ...l.queue };
        delete q.capacityMt;
        l.queue = q;
      }
      return l;
    });
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
