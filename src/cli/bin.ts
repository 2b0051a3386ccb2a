#!/usr/bin/env node
/** The `middle-corridor` executable (package.json "bin"): runs the command line, exits with its code. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
