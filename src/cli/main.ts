/**
 * `middle-corridor`: the command line, a thin shell over the public API (STYLE.md 22). Data on
 * stdout, messages and progress on stderr. Exit codes: 0 done, 1 the run failed (the library's
 * message, no stack), 2 usage (an unknown flag, a bad value: with the command's usage line),
 * 130 interrupted (Ctrl-C aborts the run in flight, ./progress.ts; no half-written file is left).
 */
import { closeWorkers } from '../node/index.js';
import { COMMON, parse, UsageError, type Flag } from './args.js';
import type { Command } from './command.js';
import { compare, shapley, sobol, solve, tornadoCommand } from './commands/analysis.js';
import { chart, evaluate, merge, presets, routes } from './commands/misc.js';
import { report } from './commands/report.js';
import { corridor, transit, volumes } from './commands/simulate.js';
import { cleanUpInterrupted, interrupted } from './progress.js';
import { version } from './version.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [volumes, transit, corridor, compare, tornadoCommand, sobol, shapley, solve, evaluate, chart, presets, routes, merge, report];

function flagLines(flags: Record<string, Flag>): string {
  const rows = Object.entries(flags).map(([name, f]) => [`${f.short ? `-${f.short}, ` : '    '}--${name}${f.type === 'string' ? ' VALUE' : ''}`, f.help] as const);
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`).join('\n');
}

/** The help of one command. */
export function commandHelp(c: Command): string {
  return `${c.summary}\n\nUsage: ${c.usage}\n\nFlags:\n${flagLines(c.flags)}\n\nExample:\n  ${c.example}\n`;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `middle-corridor ${version}: Monte Carlo freight simulation of the Middle Corridor

Usage: middle-corridor COMMAND [ARGS] [flags]     (middle-corridor COMMAND --help for its flags)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

A scenario or route is a JSON or YAML file, or the name of one that ships (see presets, routes).
Data go to stdout (--format table|csv|json|ndjson; table on a terminal, csv when piped), or to
--out FILE, written atomically; messages and progress go to stderr.
Exit codes: 0 done, 1 the run failed, 2 usage, 130 interrupted.

Example:
  middle-corridor volumes --preset official-capacity --paths 1e5
`;
}

const say = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

/** Runs the command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    say(`middle-corridor: unknown command "${name}" (the commands: ${COMMANDS.map((c) => c.name).join(', ')}; middle-corridor --help)`);
    return 2;
  }
  try {
    const p = parse(rest, { ...COMMON, ...command.flags });
    if (p.values.help) {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    await command.run(p);
    return 0;
  } catch (e) {
    if (interrupted()) {
      cleanUpInterrupted();
      return 130;
    }
    if (e instanceof UsageError) {
      say(`middle-corridor ${command.name}: ${e.message}\nUsage: ${command.usage}\n(middle-corridor ${command.name} --help for the flags)`);
      return 2;
    }
    say(`middle-corridor ${command.name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await closeWorkers();
  }
}
