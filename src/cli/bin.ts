#!/usr/bin/env node
/** The `middle-corridor` executable (package.json "bin"): runs the command line, exits with its code. */
import { main } from './main.js';

// A reader that stops early (`| head`) closes stdout: the output it wanted is written; end quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
process.exitCode = await main(process.argv.slice(2));
