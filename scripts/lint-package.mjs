// `npm run lint:package`: publint on the package, and are-the-types-wrong on a tarball packed into
// a temporary folder — not `attw --pack .`, which packs into the working folder and deletes the
// tarball afterwards (the very middle-corridor-0.1.0.tgz the README tells users to build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const dir = mkdtempSync(join(tmpdir(), 'middle-corridor-pack-'));
try {
  run(npm, ['run', 'build']);
  run(npx, ['publint']);
  run(npm, ['pack', '--ignore-scripts', '--pack-destination', dir]);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  run(npx, ['attw', join(dir, tarball)]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
