import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containerShares } from 'middle-corridor';
import { blocksOf } from './doc-blocks.js';

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
      /baseline\s+0\.0 % ± 0\.00\s+after 2032\s+52\.0 %/,
      // The baseline's 2026 row: its 2026 expansion arrives in 2026 on 3/4 of the paths (issue 21 §1).
      /^2026\s+2\.79\s+5\.00\s+6\.41\s+4\.80\s+0\.0 %\s+42\.4 %/m,
      /^2027\s+3\.54\s+10\.05\s+28\.37/m,
      /2025 forecast: P10 2\.37, P50 4\.75, P90 9\.55 Mt/,
      /outturn 4\.119 Mt: inside the P10–P90 band; the forecast gave P\(≤ 4\.119\) = 38\.8 %/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it("examples/03-transit-to-antwerp.ts prints the route table, the leg breakdown, congestion, 2027, calibration and the ministry's claim", () => {
    const r = runTs('examples/03-transit-to-antwerp.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /corridor-poti\s+34\.0\s+33\.8\s+39\.7\s+0\.0 % ± 0\.00/,
      /northern-rail\s+22\.9\s+22\.3\s+28\.7\s+0\.2 %/,
      /Caspian crossing Aktau → Alat\s+7\.0\s+3\.3\s+59\.0 %/,
      /minimum times add up to 17\.5 days/,
      /5\.80\s+45\.0\s+61\.8/,
      /baseline\s+7\.03 Mt\s+44\.5\s+67\.4\s+0\.0 % ± 0\.00\s+52\.7 %/,
      /official-capacity\s+7\.03 Mt\s+40\.7\s+58\.8/,
      /Altynkol → Constanța\s+20–22 \(official schedules, 2024\)\s+26\.4\s+26\.7/,
      // The ministry's 13–17 days beside the model (checked against test/fixtures/claims.py in test/data/claims.test.ts).
      /The ministry's claim \(2026-03-10\): delivery "from 28–32 days to 13–17 days" — the release does not say between which points/,
      /^Altynkol → Poti\/Batumi\s+supported\s+12\.8\s+17\.0\s+22\.4\s+50\.2 % ± 0\.16\s+7\.5\s+× 1\.001 \[0\.999, 1\.003\]$/m,
      /^Altynkol → Kars\s+unsourced\s+13\.8\s+18\.0\s+23\.4\s+39\.6 % ± 0\.15\s+8\.5\s+× 0\.943 \[0\.942, 0\.945\]$/m,
      /^Altynkol → Constanța\s+contradicted\s+21\.5\s+26\.4\s+32\.2\s+0\.2 % ± 0\.01\s+12\.5\s+× 0\.637 \[0\.636, 0\.638\]$/m,
      /^Xi'an → Antwerp-Bruges\s+contradicted\s+28\.7\s+33\.8\s+39\.7\s+0\.0 % ± 0\.00\s+17\.5\s+× 0\.496 \[0\.496, 0\.497\]$/m,
      /model's median is 17\.0 days: 38\.8 % of trips take 13–17 days, 11\.4 % less than 13, 49\.8 % more than 17\./,
      /nine trips in ten \(P\(≤ 17 days\) = 90 %\) every leg's days × 0\.738 \[0\.736, 0\.739\]; for a median of 15 days × 0\.879 \[0\.877, 0\.882\]\./,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('examples/04-sensitivity.ts prints the tornado, the paired comparison and the goal seeking', () => {
    const r = runTs('examples/04-sensitivity.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      /as given 5\.93 ± 0\.02/,
      /^growth\.rate\s+0\.001 → 0\.651\s+4\.13 ± 0\.02\s+6\.63 ± 0\.01\s+2\.51 ± 0\.02/m,
      // The README's second and third rows, and the 2026 expansion's delay (issue 21 §1).
      /^capacity\.expansions\[1\]\.delayYears\s+0\.316 → 1\.452\s+6\.31 ± 0\.02\s+5\.69 ± 0\.01\s+-0\.62 ± 0\.01/m,
      /^disruptions\[0\]\.capacityFactor\s+0\.765 → 0\.885 .* 0\.54 ± 0\.01$/m,
      /^capacity\.expansions\[0\]\.delayYears\s+0\.103 → 1\.368 .* -0\.19 ± 0\.01$/m,
      /^capacity\.expansions\[2\]\.addMt .* 0\.00 ± 0\.00$/m,
      /^2027\s+32\.7 % ± 0\.15\s+1\.0×\s+1\.146 ± 0\.020/m,
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
    // The README's block that shows its output (as test/package/docs-blocks.test.ts reads it, and runs it in process).
    const quickStart = blocksOf('README.md').find((b) => b.printed !== undefined);
    expect(quickStart).toBeDefined();
    const { code, printed } = quickStart!;
    const dir = mkdtempSync(join(root, 'test', '.quickstart-'));
    try {
      // The package's name, pointed at this checkout's source (a user's install resolves it).
      const file = join(dir, 'quickstart.mjs');
      writeFileSync(file, code.replace("from 'middle-corridor'", `from '${join(root, 'src', 'index.ts')}'`));
      const r = runTs(file);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the README and docs/transit-model.md give the ministry's 13–17 days beside the model as example 03 prints them", () => {
    const t = runTs('examples/03-transit-to-antwerp.ts').stdout;
    const nums = (line: string) => line.match(/\d+(?:\.\d+)?/g) ?? [];
    const doc = readFileSync(join(root, 'docs', 'transit-model.md'), 'utf8');
    const rows = doc.split('\n').filter((l) => /^\| (Altynkol|Xi'an) .* \| (supported|unsourced|contradicted) \|/.test(l));
    expect(rows.length).toBe(4);
    for (const row of rows) {
      const stretch = row.split('|')[1]!.trim();
      const out = t.split('\n').find((l) => l.startsWith(`${stretch} `) && /supported|unsourced|contradicted/.test(l));
      expect(out, stretch).toBeDefined();
      expect(nums(row.replace(stretch, '')), stretch).toEqual(nums(out!.replace(stretch, '')));
    }
    const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const [, median, p10, p90, inside] = /median on those legs is (\d+\.\d) days \(P10 (\d+\.\d), P90 (\d+\.\d)\) and (\d+\.\d) % of trips/.exec(readme)!;
    expect(t).toMatch(new RegExp(`^Altynkol → Poti/Batumi\\s+supported\\s+${p10}\\s+${median}\\s+${p90}\\s`, 'm'));
    expect(t).toContain(`median is ${median} days: ${inside} % of trips take 13–17 days`);
    const scale = /within 17 days would need every leg's days (× \d\.\d+ \[\d\.\d+, \d\.\d+\])/.exec(readme)![1]!;
    expect(t).toContain(`= 90 %) every leg's days ${scale}`);
    const share = containerShares().at(-1)!.share;
    expect(readme).toContain('about a quarter of them, at an estimated 14 t per TEU');
    expect(share > 0.2 && share < 0.3).toBe(true);
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
