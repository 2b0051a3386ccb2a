import { MAX_KEPT_ISSUES, type ScenarioIssue } from './error.js';
import { DIST_LIST, show, type z } from './schema-primitives.js';

// ---------------------------------------------------------------------------------------------
// Issues

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  errors?: ZodIssueLike[][];
  keys?: string[];
}

/**
 * Zod's issues as `{ path, message }`: a union of a number and a distribution is reported by the
 * branch the input was meant for (the distribution's when it is an object).
 */
export function toIssues(issues: readonly ZodIssueLike[], prefix: (string | number)[] = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as (string | number)[];
    if (iss.code === 'invalid_union' && iss.errors && iss.errors.length === 2) {
      // The union of a number and a distribution (param()): report the branch meant.
      const input = iss.input;
      if (input !== null && typeof input === 'object' && !Array.isArray(input) && iss.errors.length === 2) {
        out.push(...toIssues(iss.errors[1]!, path));
      } else {
        out.push({ path, message: `must be a number or a distribution { dist: ${DIST_LIST.replaceAll(', ', ' | ')}, … } (got ${show(input)})` });
      }
      continue;
    }
    if (iss.code === 'unrecognized_keys' && iss.keys) {
      for (const key of iss.keys) out.push({ path: [...path, key], message: iss.message });
      continue;
    }
    out.push({ path, message: iss.message });
  }
  return out;
}

/** Parses with a schema; returns the data or the issues. */
export function check<S extends z.ZodMiniType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; issues: ScenarioIssue[]; count: number } {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, data: r.data };
  const issues = toIssues(r.error.issues as unknown as ZodIssueLike[]);
  return { ok: false, issues: issues.slice(0, MAX_KEPT_ISSUES), count: issues.length };
}
