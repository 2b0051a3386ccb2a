import { show } from '../args.js';

/** One problem in an input document: where (`path`) and what is wrong and allowed (`message`). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/**
 * A path as messages write it; the root is `(root)`. The path is an array of keys (strings) and
 * indices (whole numbers >= 0); anything else is a TypeError or RangeError naming formatPath.
 * @example formatPath(['legs', 2, 'days', 'mode']) // => 'legs[2].days.mode'
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) throw new TypeError(`formatPath: path must be an array of keys and indices (got ${show(path)})`);
  for (let i = 0; i < path.length; i++) {
    const p: unknown = path[i];
    if (typeof p === 'string') continue;
    if (typeof p !== 'number') throw new TypeError(`formatPath: path[${i}] must be a string or a whole number (got ${show(p)})`);
    if (!(Number.isInteger(p) && p >= 0)) throw new RangeError(`formatPath: path[${i}] must be a whole number >= 0 when a number (got ${show(p)})`);
  }
  return pathText(path);
}

/** {@link formatPath} without the checks (an issue's path as zod gives it). */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(root)' : out;
}

/** The most issues a message lists; the rest are counted (`… and N more problems`). */
export const MAX_LISTED_ISSUES = 20;
/** The most issues `ScenarioError.issues` keeps; `issueCount` still counts them all. */
export const MAX_KEPT_ISSUES = 1000;

/**
 * A scenario or route that does not parse. `issues` lists the problems found (every one, up to
 * `MAX_KEPT_ISSUES` = 1,000; `issueCount` is the full count), each with the path of the field
 * and a message saying what was wrong and what is allowed, e.g.
 * `growth.rate: must be > -1 (got -1.5)`. The message lists the first
 * `MAX_LISTED_ISSUES` = 20, then `… and N more problems`.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly issues: ScenarioIssue[];
  /** How many problems were found (may exceed `issues.length`). */
  readonly issueCount: number;

  constructor(what: string, issues: readonly ScenarioIssue[], issueCount = issues.length) {
    const count = Math.max(issueCount, issues.length);
    const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  ${pathText(i.path)}: ${i.message}`);
    const more = count - lines.length;
    if (more > 0) lines.push(`  … and ${more} more problem${more === 1 ? '' : 's'}`);
    super(`invalid ${what} (${count} problem${count === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.issues = issues.slice(0, MAX_KEPT_ISSUES);
    this.issueCount = count;
  }
}
