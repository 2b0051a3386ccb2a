#!/usr/bin/env node
// Runs every example in examples/ in order, with tsx, and stops at the first that fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const files = readdirSync(join(root, 'examples'))
  .filter((f) => /^\d\d-.*\.ts$/.test(f) && (!only || f.includes(only)))
  .sort();
for (const f of files) {
  console.log(`\n━━━ examples/${f} ━━━\n`);
  // tsconfig.test.json maps 'middle-corridor' to src/, so the examples run the source as it is.
  const env = { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.test.json') };
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('examples', f)], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`examples/${f} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}
