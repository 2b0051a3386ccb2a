/**
 * Shards across processes, as a Kubernetes Indexed Job or a Slurm array runs them: 8 processes of
 * the built CLI, each with its index in JOB_COMPLETION_INDEX (or SLURM_ARRAY_TASK_ID) and
 * `--shard auto/8`, then `merge`: the output equals the one-process run's byte for byte (volumes
 * full and summary — the pilot placed in every shard alike —, transit); partials of another
 * run, a missing shard and a shard given twice are refused, naming them. Corridor runs (the volume
 * stage in every shard) and sweeps (a tornado's or a Sobol design's rows) the same way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPackage, cli, type Ran } from './built.js';

let pkg = '';
const work = mkdtempSync(join(tmpdir(), 'mc-shards-'));
beforeAll(async () => {
  pkg = await builtPackage();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(pkg, args, { cwd: work, env: { JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '', ...env } });

function ok(r: Ran): Ran {
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** Runs the N shards of a command, `parallel` processes at a time; returns their files. */
async function shards(args: string[], n: number, prefix: string, envName = 'JOB_COMPLETION_INDEX', parallel = 4): Promise<string[]> {
  const files = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}.json`);
  for (let i = 0; i < n; i += parallel) {
    await Promise.all(files.slice(i, i + parallel).map(async (f, k) => ok(await run([...args, '--shard', `auto/${n}`, '--out', f], { [envName]: String(i + k) }))));
  }
  return files;
}

describe('8 shard processes merge to the one-process output, byte for byte', () => {
  // 140,000 paths or trips: 9 blocks of 16,384, so 8 shards hold 1 or 2 blocks each.
  const volumes = ['volumes', 'official-capacity.json', '--paths', '140000', '--seed', '24'];

  it('volumes, full', async () => {
    ok(await run(['presets', '--format', 'json', '--out', 'all-presets.json']));
    writeFileSync(join(work, 'official-capacity.json'), JSON.stringify(JSON.parse(readFileSync(join(work, 'all-presets.json'), 'utf8'))['official-capacity']));
    const files = await shards(volumes, 8, 'full');
    const merged = ok(await run(['merge', ...files, '--format', 'json']));
    const single = ok(await run([...volumes, '--format', 'json']));
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).paths).toBe(140_000);
    // CSV too (what `merge` prints when piped).
    expect(ok(await run(['merge', ...files])).stdout).toBe(ok(await run(volumes)).stdout);
  });

  it("volumes, --keep summary (each shard runs the 4-block pilot and places the same brackets), from a Slurm array", async () => {
    const summary = ['volumes', '--preset', 'baseline', '--paths', '140000', '--keep', 'summary', '--quantiles', '0.05,0.95', '--thresholds', '8'];
    const files = await shards(summary, 8, 'summary', 'SLURM_ARRAY_TASK_ID');
    expect(ok(await run(['merge', ...files, '--format', 'json'])).stdout).toBe(ok(await run([...summary, '--format', 'json'])).stdout);
  });

  it('transit', async () => {
    const transit = ['transit', 'corridor-poti', '--trips', '140000', '--volume-mt', '4'];
    const files = await shards(transit, 8, 'transit');
    expect(ok(await run(['merge', ...files, '--format', 'json'])).stdout).toBe(ok(await run([...transit, '--format', 'json'])).stdout);
  });

  it('more shards than blocks: the empty shards merge too', async () => {
    const transit = ['transit', 'suez-sea', '--trips', '40000'];
    const files = await shards(transit, 5, 'few', 'JOB_COMPLETION_INDEX', 5);
    expect(ok(await run(['merge', ...files, '--format', 'json'])).stdout).toBe(ok(await run([...transit, '--format', 'json'])).stdout);
  });
});

describe('corridor runs and sweeps: 8 shard processes merge to the one-process output, byte for byte', () => {
  it('corridor (every shard runs the volume stage, then its trip blocks)', async () => {
    // 70,000 paths of 8 years: 70,000 trips, 5 trip blocks (3 shards of 8 are empty).
    const corridor = ['corridor', 'official-capacity', 'corridor-poti', '--paths', '70000', '--seed', '24', '--use-scenario-capacity'];
    const files = await shards(corridor, 8, 'corridor');
    const merged = ok(await run(['merge', ...files, '--format', 'json']));
    expect(merged.stdout).toBe(ok(await run([...corridor, '--format', 'json'])).stdout);
    expect(JSON.parse(merged.stdout).kind).toBe('corridor');
  });

  it('a tornado split by rows (its runs, block by block)', async () => {
    const t = ['tornado', '--preset', 'baseline', '--statistic', 'quantile:2027:0.5', '--paths', '20000', '--seed', '7'];
    const files = await shards(t, 8, 'tornado');
    const merged = ok(await run(['merge', ...files, '--format', 'json']));
    expect(merged.stdout).toBe(ok(await run([...t, '--format', 'json'])).stdout);
    expect(JSON.parse(merged.stdout).kind).toBe('tornado');
    expect(ok(await run(['merge', ...files])).stdout).toBe(ok(await run(t)).stdout);
  });

  it('a Sobol design split by rows, from a Slurm array; a missing shard refused', async () => {
    const s = ['sobol', '--preset', 'official-capacity', '--year', '2027', '--samples', '20000', '--bootstrap', '50'];
    const files = await shards(s, 8, 'sobol', 'SLURM_ARRAY_TASK_ID');
    expect(ok(await run(['merge', ...files, '--format', 'json'])).stdout).toBe(ok(await run([...s, '--format', 'json'])).stdout);
    const r = await run(['merge', ...files.filter((_, i) => i !== 3 && i !== 4)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing shards 3–4 of 8 \(given 6 files\)/);
  });
});

describe('merge refuses what is not one whole run, naming it', () => {
  const transit = ['transit', 'northern-rail', '--trips', '40000'];

  it('a shard of another seed, a missing shard, a shard twice, another number of shards', async () => {
    const files = await shards(transit, 3, 'r');
    const other = 'r-other.json';
    ok(await run([...transit, '--seed', '2', '--shard', '1/3', '--out', other]));
    const fewer = 'r-of2.json';
    ok(await run([...transit, '--shard', '1/2', '--out', fewer]));
    const cases: [string[], RegExp][] = [
      [[files[0]!, other, files[2]!], /r-other\.json is a shard of another run than r-00\.json: another plan \(another scenario or route, seed or options: fingerprint \w+, not \w+\)/],
      [[files[0]!, files[2]!], /missing shard 1 of 3 \(given 2 files\)/],
      [[files[0]!, files[1]!, files[1]!, files[2]!], /shard 1 of 3 given twice: r-01\.json and r-01\.json/],
      [[files[0]!, fewer], /r-of2\.json is a shard of another run than r-00\.json: one of 2 shards, not 3/],
      [['all-presets.json'], /all-presets\.json is not a shard's file/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['merge', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--shard auto/N without an index in the environment, or with one out of range: exit 2', async () => {
    expect((await run([...transit, '--shard', 'auto/3', '--out', 'x.json'])).stderr).toMatch(/reads the index from JOB_COMPLETION_INDEX \(Kubernetes Indexed Job\) or SLURM_ARRAY_TASK_ID \(Slurm array\), and neither is set/);
    const r = await run([...transit, '--shard', 'auto/3', '--out', 'x.json'], { JOB_COMPLETION_INDEX: '3' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the index must be in \[0, 2\] for 3 shards \(got 3\)/);
    expect((await run([...transit, '--shard', '0/3'])).stderr).toMatch(/--out FILE is required with --shard/);
  });
});
