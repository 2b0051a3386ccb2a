#!/usr/bin/env node
// `npm run typecheck`: the three projects (the portable library, src/node with Node's types, and
// the tests, examples and scripts) checked at the same time. tsc works on one core: one after the
// other the checks took 17 s on the 2-core machine, side by side they take about the longest one.
// Each check's output is printed whole, in the order below; the exit status is 1 if any failed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.test.json'];

/** Runs tsc on one project; resolves to its exit status and everything it printed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ project, status: 1, output: `${e.message}\n` }));
    child.on('close', (status) => resolve({ project, status: status ?? 1, output }));
  });
}

const results = await Promise.all(projects.map(check));
for (const { project, status, output } of results) {
  process.stdout.write(output);
  if (status !== 0) console.error(`tsc --noEmit -p ${project} failed (exit ${status})`);
}
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
