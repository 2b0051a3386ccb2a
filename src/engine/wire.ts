/**
 * Errors across threads: a worker sends its error's class name, message (and a ScenarioError's
 * issues: ./wire-out.ts, which loads nothing else); a pool (`middle-corridor/node`, `middle-corridor/web`) rebuilds it with the main entry's own class, so that `instanceof
 * ScenarioError`, `RangeError` and `TypeError` hold and the message is the worker's, word for word.
 */
import { FormulaError } from '../growth/formula-error.js';
import { ScenarioError } from '../scenario/error.js';
import type { ScenarioIssue } from '../scenario/error.js';
import type { WireError } from './wire-out.js';

export type { WireError };

/** The worker's error, rebuilt with its own class (this thread's ScenarioError, RangeError, …) and message. */
export function fromWire(w: WireError): Error {
  let e: Error;
  if (w.name === 'ScenarioError') {
    const s = new ScenarioError('scenario', w.issues ?? []);
    (s as { issues: ScenarioIssue[] }).issues = w.issues ?? [];
    e = s;
  } else if (w.name === 'FormulaError') e = new FormulaError(w.message);
  else if (w.name === 'RangeError') e = new RangeError(w.message);
  else if (w.name === 'TypeError') e = new TypeError(w.message);
  else {
    e = new Error(w.message);
    if (w.name !== 'Error') e.name = w.name;
  }
  e.message = w.message;
  return e;
}

