/**
 * The worker's side of errors across threads (./wire.ts rebuilds them): an error as plain data,
 * read by name and fields, so that a worker never loads the classes (nor the parsers behind them).
 */
import { show } from '../args.js';
import type { ScenarioIssue } from '../scenario/error.js';

/** An error as a worker sends it: its class by name, its message, and a ScenarioError's issues. */
export interface WireError {
  name: string;
  message: string;
  issues?: ScenarioIssue[];
}

/** The error a worker threw, as it can cross threads. */
export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: `a worker threw a non-error: ${show(e)}` };
  const issues = (e as { issues?: unknown }).issues;
  // A ScenarioError by its name, not its class: the worker does not load the scenario parser.
  return e.name === 'ScenarioError' && Array.isArray(issues) ? { name: e.name, message: e.message, issues: issues as ScenarioIssue[] } : { name: e.name, message: e.message };
}

