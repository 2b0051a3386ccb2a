import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.test.json') };

/** Runs a TypeScript file with tsx from the repository root, as `npm run example` does. */
function runTs(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the examples and the README stay true', () => {
  it('examples/01-growth.ts prints the record, the fits, the CAGRs and the required growth', () => {
    const r = runTs('examples/01-growth.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /2025\s+4\.119\s+reported/,
      /2025\s+5\.200\s+target/,
      /2020\s+0\.860\s+0\.783\s+\+0\.077 Mt/,
      /rate = 0\.4351 ± 0\.10/,
      /capacityMt: not identified \(data allow any value ≥ 3\.47\)/,
      /RMSLE 0\.3121/,
      /ministry \(0\.783 → 4\.484 Mt\): 54\.69 % per year/,
      /article {2}\(0\.86 → 4\.5 Mt\): {4}51\.24 % per year/,
      /from the 2025 outturn \(4\.119 Mt\): +55\.8 %/,
      /from the article's expected 5\.2 Mt: +38\.7 %/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('examples/02-probability-of-10mt.ts prints P(≥ 10 Mt in 2027) per preset, the fans and the backtest', () => {
    const r = runTs('examples/02-probability-of-10mt.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /announced\s+50\.1 % ± 0\.16\s+2027/,
      /official-capacity\s+32\.4 % ± 0\.15\s+2029/,
      /baseline\s+0\.0 % ± 0\.00\s+after 2032/,
      /^2027\s+3\.55\s+10\.03\s+28\.35/m,
      /2025 forecast: P10 3\.13, P50 6\.28, P90 12\.36 Mt/,
      /outturn 4\.119 Mt: inside the P10–P90 band; the forecast gave P\(≤ 4\.119\) = 21\.\d %/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('examples/03-transit-to-antwerp.ts prints the route table, the leg breakdown, congestion, 2027 and calibration', () => {
    const r = runTs('examples/03-transit-to-antwerp.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /corridor-poti\s+34\.0\s+33\.8\s+39\.7\s+0\.0 % ± 0\.00/,
      /northern-rail\s+22\.8\s+22\.3\s+28\.7\s+0\.2 %/,
      /Caspian crossing Aktau → Alat\s+7\.0\s+3\.3\s+58\.9 %/,
      /minimum times add up to 17\.5 days/,
      /5\.80\s+45\.1\s+62\.1/,
      /baseline\s+7\.00 Mt\s+45\.5\s+70\.0/,
      /official-capacity\s+7\.00 Mt\s+40\.7\s+58\.7/,
      /Altynkol → Constanța\s+20–22 \(official schedules, 2024\)\s+26\.4\s+26\.7/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('the README quick start runs as written and prints what its comments say', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(block!.trim().split('\n').length).toBeLessThanOrEqual(10);
    const dir = mkdtempSync(join(root, 'test', '.quickstart-'));
    try {
      const file = join(dir, 'quickstart.ts');
      writeFileSync(file, block!);
      const r = runTs(file);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/name: 'rate',\s+estimate: 0\.435/);
      expect(r.stdout).toMatch(/capacityMt: not identified by the data/);
      expect(r.stdout).toMatch(/^0\.558/m);
      expect(r.stdout).toMatch(/growth\.rate: must be > -1 \(got -1\.5\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
