import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.test.json') };

type Run = { status: number | null; stdout: string; stderr: string };
const runs = new Map<string, Run>();

/**
 * Runs a TypeScript file with tsx from the repository root, as `npm run example` does; an
 * example's run is kept, so the README's tables are checked against the very output the
 * example's own test read (each example runs once).
 */
function runTs(file: string): Run {
  const kept = runs.get(file);
  if (kept) return kept;
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  const run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (file.startsWith('examples/')) runs.set(file, run);
  return run;
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
      /announced\s+50\.2 % ± 0\.16\s+2027/,
      /official-capacity\s+32\.7 % ± 0\.15\s+2029/,
      /baseline\s+0\.0 % ± 0\.00\s+after 2032/,
      /^2027\s+3\.54\s+10\.05\s+28\.37/m,
      /2025 forecast: P10 2\.37, P50 4\.75, P90 9\.55 Mt/,
      /outturn 4\.119 Mt: inside the P10–P90 band; the forecast gave P\(≤ 4\.119\) = 38\.8 %/,
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
      /northern-rail\s+22\.9\s+22\.3\s+28\.7\s+0\.2 %/,
      /Caspian crossing Aktau → Alat\s+7\.0\s+3\.3\s+59\.0 %/,
      /minimum times add up to 17\.5 days/,
      /5\.80\s+45\.0\s+61\.8/,
      /baseline\s+7\.03 Mt\s+45\.3\s+69\.2/,
      /official-capacity\s+7\.03 Mt\s+40\.7\s+58\.8/,
      /Altynkol → Constanța\s+20–22 \(official schedules, 2024\)\s+26\.4\s+26\.7/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('examples/04-sensitivity.ts prints the tornado, the paired comparison and the goal seeking', () => {
    const r = runTs('examples/04-sensitivity.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /^growth\.rate\s+0\.001 → 0\.651\s+4\.13 ± 0\.02\s+6\.06 ± 0\.01\s+1\.94 ± 0\.02/m,
      /^capacity\.expansions\[2\]\.addMt .* 0\.00 ± 0\.00$/m,
      /^2027\s+32\.7 % ± 0\.15/m,
      /^growth\.rate\s+0\.233 \[0\.221, 0\.246\]\s+0\.324 \[0\.315, 0\.333\]/m,
      /^shocks\s+0\.685 \[0\.668, 0\.703\]\s+0\.756 \[0\.743, 0\.771\]/m,
      /no capacity limit: 57\.4 %\/yr \[56\.5, 58\.4\]/,
      /median demand in 2027 is 7\.03 Mt/,
      /every leg's days × 0\.436/,
      /minimum days alone add up to 17\.5 days/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('examples/05-skill.ts prints the scores of every model and the official forecasts', () => {
    const r = runTs('examples/05-skill.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /^no-change\s+4\s+0\.797 \[0\.600, 1\.059\]\s+—\s+0\.395 \[0\.136, 1\.153\]/m,
      /^drift\s+4\s+0\.876 \[0\.438, 1\.753\]\s+-0\.10 \[-1\.73, \+0\.56\]/m,
      /^shrunk-drift\s+4\s+0\.781 \[0\.618, 0\.986\]\s+\+0\.02 \[-0\.03, \+0\.07\]\s+0\.389 \[0\.127, 1\.189\]\s+\+0\.02 \[-0\.04, \+0\.07\]/m,
      /^drift-capped\s+4\s+0\.705 \[0\.513, 0\.968\]\s+\+0\.12 \[-0\.54, \+0\.49\]/m,
      /^official \(TITR Association\)\s+1\s+1\.715\s+-1\.23/m,
      /^All horizons, with 95 % intervals from a parametric bootstrap of 200 records$/m,
      /^shrunk-drift\s+10\s+1\.595 \[0\.159, 16\.025\]\s+\+0\.02 \[-1\.09, \+0\.54\]\s+0\.786 \[0\.302, 2\.044\]\s+-0\.00 \[-0\.83, \+0\.45\]/m,
      /^no-change\s+2021\s+2024\s+4\.484\s+0\.32\s+0\.59\s+1\.09\s+3\.585\s+0\.995$/m,
      /only 4 origins: each mean score's 95 % interval uses Student t with 3 degrees of freedom \(3\.18 standard errors/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('examples/06-property-test.ts runs the laws and a property of its own, and catches a false claim', () => {
    const r = runTs('examples/06-property-test.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/holds\s+volume never exceeds capacity or demand \(60 scenarios\)/);
    expect(r.stdout).toMatch(/holds\s+more capacity never makes 10 Mt less likely/);
    expect(r.stdout).toMatch(/A false claim is caught: counterexample found/);
    expect(r.stdout).not.toMatch(/FAILED/);
  });

  it('the README quick start, as a plain .mjs file, prints exactly what the README says it prints', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const code = /## Quick start[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    const printed = /It prints[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    expect(printed).toBeDefined();
    const dir = mkdtempSync(join(root, 'test', '.quickstart-'));
    try {
      // The package's name, pointed at this checkout's source (a user's install resolves it).
      const file = join(dir, 'quickstart.mjs');
      writeFileSync(file, code!.replace("from 'middle-corridor'", `from '${join(root, 'src', 'index.ts')}'`));
      const r = runTs(file);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the README's tables are the examples' output", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const nums = (line: string) => line.match(/[-−+]?\d+(?:\.\d+)?/g)!.map((x) => x.replace('−', '-').replace(/^\+/, ''));
    const v = runTs('examples/02-probability-of-10mt.ts').stdout;
    for (const preset of ['announced', 'baseline', 'stall', 'official-capacity', 'red-sea-diversion']) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${preset}\``))!;
      const out = v.split('\n').find((l) => l.startsWith(`${preset} `))!;
      // P(>= 10 Mt in 2027) and the share never reaching it, as printed by the example.
      const cells = row.split('|').slice(2, 5).join(' ');
      const [p] = nums(cells);
      expect(out, preset).toContain(`${p} %`);
      const never = nums(row.split('|')[4]!)[0];
      expect(out, preset).toContain(`${never} %`);
    }
    const t = runTs('examples/03-transit-to-antwerp.ts').stdout;
    for (const route of ['corridor-poti', 'corridor-btk', 'northern-rail', 'suez-sea', 'cape-sea']) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${route}\``))!;
      const out = t.split('\n').find((l) => l.startsWith(`${route} `))!;
      const [mean, p50, p90] = nums(row.split('|').slice(2, 5).join(' '));
      expect(out, route).toMatch(new RegExp(`^${route}\\s+${mean}\\s+${p50}\\s+${p90}\\b`));
      const diff = row.split('|')[6]!.trim();
      if (diff !== '') expect(out, route).toContain(`${nums(diff)[0]!.startsWith('-') ? '' : '+'}${nums(diff)[0]} ± ${nums(diff)[1]} days`);
    }
  });
});
