import type { z } from './schema-primitives.js';
import type { routeSchema } from './route-schema.js';
import type { scenarioSchema } from './schema.js';
import type { LegInput, Route, RouteInput, Scenario, ScenarioInput } from './types.js';

// The hand-written types (types.ts, where each field has its TSDoc) and the schemas' types agree:
// a change to one that the other does not follow fails the typecheck. Type-only: nothing here
// exists at run time.

type Assert<T extends true> = T;
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
/** Optional fields that the schema also accepts as null (the parsed form), without the null, at every depth. */
type NonNullableFields<T> = T extends object ? { [K in keyof T]: undefined extends T[K] ? NonNullableFields<Exclude<T[K], null>> : NonNullableFields<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** What a user may write for a scenario is exactly what the scenario schema accepts. */
export type ScenarioInputMatchesSchema = Assert<Same<DeepReadonly<ScenarioInput>, DeepReadonly<z.input<ReturnType<typeof scenarioSchema>>>>>;
/**
 * Every route a user may write is accepted by the route schema. (The schema also accepts the
 * parsed form, with `kind` and nulls, so that parsing is idempotent: the converse does not hold.)
 */
export type RouteInputFitsSchema = Assert<DeepReadonly<RouteInput> extends DeepReadonly<z.input<ReturnType<typeof routeSchema>>> ? true : false>;
/** Each leg a user may write is a leg the schema gives back, and the other way round but for the parsed form's nulls. */
type SchemaLeg = z.output<ReturnType<typeof routeSchema>>['legs'][number];
export type LegInputMatchesSchema = Assert<Same<DeepReadonly<LegInput>, DeepReadonly<NonNullableFields<SchemaLeg>>>>;
/**
 * A parsed scenario is the schema's output with its defaults filled in: the same fields (every
 * optional one made present, null where absent), and it is itself an input (parsing is idempotent).
 */
export type ScenarioIsSchemaOutput = Assert<Same<keyof Scenario, keyof z.output<ReturnType<typeof scenarioSchema>>>>;
export type ScenarioIsInput = Assert<Scenario extends DeepReadonly<ScenarioInput> ? true : false>;
/** A parsed route has the schema output's fields, every leg too. */
export type RouteIsSchemaOutput = Assert<Same<keyof Route, keyof z.output<ReturnType<typeof routeSchema>>>>;
export type LegIsSchemaOutput = Assert<Same<keyof Route['legs'][number], keyof SchemaLeg>>;
