/** One problem in an input document: where (`path`) and what is wrong and allowed (`message`). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/**
 * A path as messages write it; the root is `(root)`.
 * @example formatPath(['legs', 2, 'days', 'mode']) // => 'legs[2].days.mode'
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(root)' : out;
}

/**
 * A scenario or route that does not parse. `issues` lists every problem found, each with the
 * path of the field and a message saying what was wrong and what is allowed, e.g.
 * `growth.rate: must be > -1 (got -1.5)`.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly issues: ScenarioIssue[];

  constructor(what: string, issues: ScenarioIssue[]) {
    const lines = issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    super(`invalid ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
