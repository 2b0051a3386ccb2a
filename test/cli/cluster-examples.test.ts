/**
 * The cluster examples run as shipped, with the cluster played locally: examples/cluster/
 * slurm-array.sh once per array index (SLURM_ARRAY_TASK_ID 0–15, an `sbatch` on the PATH that
 * records the merge job it is given, which then runs), and the containers' commands of
 * examples/cluster/indexed-job.yaml once per completion index (JOB_COMPLETION_INDEX 0–15), then its
 * merge Job. Only the number of paths is made smaller. Each merged result must equal the one
 * process run byte for byte.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPackage, cli, root } from './built.js';

const work = mkdtempSync(join(tmpdir(), 'mc-cluster-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let pkg = '';
let bin = '';
const SMALL = '150000';

beforeAll(async () => {
  pkg = await builtPackage();
  bin = join(work, 'bin');
  mkdirSync(bin);
  const shim = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  shim('middle-corridor', `exec "${process.execPath}" "${join(pkg, 'node_modules', 'middle-corridor', 'dist', 'cli', 'bin.js')}" "$@"`);
  // npx --yes middle-corridor …: the installed bin.
  shim('npx', 'if [ "$1" = --yes ]; then shift; fi\nexec "$@"');
  // sbatch --dependency=… --wrap="…": records the wrapped command.
  shim('sbatch', 'for a in "$@"; do case "$a" in --wrap=*) printf "%s\\n" "\${a#--wrap=}" >> sbatch-wrapped.sh;; esac; done');
  writeFileSync(join(work, 'scenario.yaml'), 'start: { year: 2025, volumeMt: 4.119 }\nhorizon: 2030\ngrowth: { model: exponential, rate: { dist: normal, mean: 0.15, sd: 0.1, min: -0.5 } }\nvolatility: 0.15\ncapacity: { baseMt: 8 }\n');
}, 300_000);

/** Runs a shell command line in a folder, the shims first on the PATH. */
function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function eachIndex(n: number, run: (i: number) => Promise<{ code: number | null; stderr: string }>): Promise<void> {
  for (let i = 0; i < n; i += 4) {
    for (const r of await Promise.all([i, i + 1, i + 2, i + 3].filter((k) => k < n).map(run))) expect(r.code, r.stderr).toBe(0);
  }
}

const single = async (dir: string, scenario: string) => (await cli(pkg, ['volumes', scenario, '--paths', SMALL, '--keep', 'summary', '--seed', '2027', '--format', 'json'], { cwd: dir })).stdout;

describe('examples/cluster', () => {
  it('slurm-array.sh: 16 array tasks, then the merge it queued, give the one-process result', async () => {
    const dir = mkdtempSync(join(work, 'slurm-'));
    const script = readFileSync(join(root, 'examples/cluster/slurm-array.sh'), 'utf8');
    expect(script).toContain('--paths 50000000');
    writeFileSync(join(dir, 'slurm-array.sh'), script.replace('--paths 50000000', `--paths ${SMALL}`));
    copyFileSync(join(work, 'scenario.yaml'), join(dir, 'scenario.yaml'));
    await eachIndex(16, (i) => sh('sh slurm-array.sh scenario.yaml', dir, { SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_JOB_ID: '42' }));
    const wrapped = readFileSync(join(dir, 'sbatch-wrapped.sh'), 'utf8');
    expect(wrapped.trim().split('\n')).toHaveLength(1); // task 0 alone queues the merge
    expect((await sh(wrapped, dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe(await single(dir, 'scenario.yaml'));
  });

  it('indexed-job.yaml: 16 completions, then the merge Job, give the one-process result', async () => {
    const dir = mkdtempSync(join(work, 'k8s-'));
    mkdirSync(join(dir, 'scenario'));
    copyFileSync(join(work, 'scenario.yaml'), join(dir, 'scenario', 'scenario.yaml'));
    const docs = parseAllDocuments(readFileSync(join(root, 'examples/cluster/indexed-job.yaml'), 'utf8')).map((d) => d.toJS() as { metadata: { labels: { step: string } }; spec: { completions?: number; template: { spec: { containers: { command: string[]; args: string[] }[] } } } });
    const [shards, merge] = [docs.find((d) => d.metadata.labels.step === 'shards')!, docs.find((d) => d.metadata.labels.step === 'merge')!];
    expect(shards.spec.completions).toBe(16);
    // The container's `sh -c` line; the scenario's mount (/scenario) is the folder's scenario/.
    const line = (d: typeof shards) => d.spec.template.spec.containers[0]!.args.join(' ').replace('/scenario/', 'scenario/');
    const shardLine = line(shards);
    expect(shardLine).toContain('--paths 50000000');
    await eachIndex(16, (i) => sh(shardLine.replace('--paths 50000000', `--paths ${SMALL}`), dir, { JOB_COMPLETION_INDEX: String(i) }));
    expect((await sh(line(merge), dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe(await single(dir, 'scenario/scenario.yaml'));
  });
});
