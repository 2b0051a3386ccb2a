/**
 * The shape of a subcommand and the pieces they share: where a scenario or route comes from (a
 * file, or a preset's or route's name, by `loadScenario` / `loadRoute`), and the run flags.
 */
import { loadRoute, loadScenario } from '../node/index.js';
import type { Route, Scenario } from '../index.js';
import { text, UsageError, type Flag, type Parsed } from './args.js';

/** One subcommand: its flags, its help and what it does. */
export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The usage line: `middle-corridor volumes [SCENARIO] [flags]`. */
  usage: string;
  /** A command line that works, for --help. */
  example: string;
  flags: Record<string, Flag>;
  run(p: Parsed): Promise<void>;
}

/** The scenario flag: a preset's name instead of a file. */
export const PRESET: Record<string, Flag> = {
  preset: { type: 'string', help: 'a preset\'s name (announced, baseline, stall, official-capacity, red-sea-diversion) instead of a file' },
};

/** The flag of long runs: no progress bar (there is none when stderr is not a terminal either). */
export const QUIET: Record<string, Flag> = {
  quiet: { type: 'boolean', short: 'q', help: 'no progress bar' },
};

/** The worker flags. */
export const WORKERS: Record<string, Flag> = {
  workers: { type: 'string', help: 'worker threads (middle-corridor/node\'s pool; the machine\'s cores by default; 1: this thread)' },
  ...QUIET,
};

/** The scenario of the command: the positional (a file or a preset's name) or --preset. */
export async function scenarioFrom(p: Parsed, positional: string | undefined): Promise<Scenario> {
  const preset = text(p, 'preset');
  if (preset !== undefined && positional !== undefined) throw new UsageError(`give a scenario file or --preset, not both (got "${positional}" and --preset ${preset})`);
  const from = preset ?? positional;
  if (from === undefined) throw new UsageError('missing the scenario: a JSON or YAML file, or --preset NAME');
  return loadScenario(from);
}

/** A route: a file or a route's name (corridor-poti, corridor-btk, northern-rail, suez-sea, cape-sea). */
export async function routeFrom(from: string | undefined): Promise<Route> {
  if (from === undefined) throw new UsageError('missing the route: a JSON or YAML file, or a route\'s name (corridor-poti, corridor-btk, northern-rail, suez-sea, cape-sea)');
  return loadRoute(from);
}

/** --out, required (a shard's file, a report). */
export function outFile(p: Parsed, why: string): string {
  const out = text(p, 'out');
  if (out === undefined) throw new UsageError(`--out FILE is required ${why}`);
  return out;
}
