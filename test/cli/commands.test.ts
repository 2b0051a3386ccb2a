/**
 * The command line as a user runs it: the built package's `bin` in its own process. Each command's
 * happy path gives the public API's numbers (the CLI is a shell over it), read back from CSV,
 * JSON and NDJSON; --help and --version; usage mistakes exit 2 with the usage line; a bad file
 * exits 1 naming file:line:col and the path; --out is atomic under Ctrl-C (exit 130, no file).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareScenarios, PRESETS, ROUTES, simulateTransit, simulateVolumes, tornado, type VolumeResult } from '../../src/index.js';
import { COMMANDS } from '../../src/cli/main.js';
import { builtPackage, cli, root, startCli } from './built.js';

let pkg = '';
const work = mkdtempSync(join(tmpdir(), 'mc-cli-'));
beforeAll(async () => {
  pkg = await builtPackage();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = (...args: string[]) => cli(pkg, args, { cwd: work });
const json = (x: { toJSON(): unknown }) => JSON.parse(JSON.stringify(x.toJSON())) as unknown;

describe('help, version, usage', () => {
  it('--version prints the package\'s version; --help lists every command', async () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(await run('--version')).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const name of ['volumes', 'transit', 'corridor', 'compare', 'tornado', 'sobol', 'shapley', 'solve', 'evaluate', 'chart', 'presets', 'routes', 'merge', 'report']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('every command has --help with its usage and an example, on stdout, exit 0', async () => {
    for (const c of COMMANDS) {
      const r = await run(c.name, '--help');
      expect(r.code, c.name).toBe(0);
      expect(r.stdout).toContain(`Usage: middle-corridor ${c.name}`);
      expect(r.stdout).toMatch(new RegExp(`Example:\\n  middle-corridor ${c.name} `));
      expect(r.stderr).toBe('');
    }
  });

  it('an unknown flag, a bad value, a missing argument or an unknown command: exit 2, the message and the usage line on stderr', async () => {
    const cases: [string[], RegExp][] = [
      [['volumes', '--preset', 'baseline', '--bogus'], /Unknown option '--bogus'/],
      [['volumes', '--preset', 'baseline', '--paths', 'many'], /--paths must be a whole number >= 1, digits or e-notation like 1e6 \(got "many"\)/],
      [['volumes', '--preset', 'baseline', '--format', 'xml'], /--format must be one of table, csv, json, ndjson \(got "xml"\)/],
      [['volumes'], /missing the scenario: a JSON or YAML file, or --preset NAME/],
      [['tornado', '--preset', 'baseline', '--statistic', 'median'], /--statistic must be probabilityAtLeast:YEAR:MT, quantile:YEAR:P or mean:YEAR \(got "median"\)/],
      [['transit'], /missing the route/],
      [['volumes', '--preset', 'baseline', '--shard', '3/2', '--out', 'x.json'], /the index must be in \[0, 1\] for 2 shards \(got 3\)/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/\nUsage: middle-corridor \w+ /);
      expect(r.stdout).toBe('');
    }
    const unknown = await run('simulate', 'x.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "simulate" \(the commands: volumes, transit/);
  });

  it('a bad YAML file: exit 1, file:line:col and the path, no stack', async () => {
    writeFileSync(join(work, 'scenario.yaml'), 'name: bad\nstart:\n  year: 2025\n  volumeMt: 4.1\nhorizon: 2030\ngrowth:\n  model: exponential\n  rate: -1.5\n');
    const r = await run('volumes', 'scenario.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scenario.yaml:8:9 growth.rate: must be > -1 (got -1.5)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('a value the library refuses: exit 1 with the library\'s message', async () => {
    const r = await run('volumes', '--preset', 'baseline', '--paths', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/paths must be a whole number in \[2, 50000000\]/);
  });
});

describe('each command\'s happy path gives the API\'s numbers', () => {
  it('volumes: CSV (piped, the default), JSON and NDJSON read back', async () => {
    const api = simulateVolumes(PRESETS['official-capacity'], { paths: 20_000, seed: 3 }) as VolumeResult;
    const csv = await run('volumes', '--preset', 'official-capacity', '--paths', '2e4', '--seed', '3', '--workers', '2');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(api.toCSV());
    const row = csvParse(csv.stdout).find((r) => r.year === '2027' && r.statistic === 'probabilityAtLeast')!;
    expect(Number(row.value)).toBe(api.probabilityAtLeast(2027, 10).estimate);
    expect(Number(row.standardError)).toBe(api.probabilityAtLeast(2027, 10).standardError);
    const j = await run('volumes', '--preset', 'official-capacity', '--paths', '20000', '--seed', '3', '--format', 'json');
    expect(JSON.parse(j.stdout)).toEqual(json(api));
    const nd = await run('volumes', '--preset', 'official-capacity', '--paths', '20000', '--seed', '3', '--format', 'ndjson');
    expect(nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(JSON.stringify(api.toRecords())));
  });

  it('volumes --keep summary and --until-se', async () => {
    const s = await run('volumes', '--preset', 'baseline', '--paths', '30000', '--keep', 'summary', '--format', 'json');
    expect(JSON.parse(s.stdout)).toEqual(json(simulateVolumes(PRESETS.baseline, { paths: 30_000, seed: 1, keep: 'summary' })));
    const u = await run('volumes', '--preset', 'official-capacity', '--until-se', '0.004', '--paths', '1e6', '--format', 'json');
    expect(JSON.parse(u.stdout)).toEqual(json(simulateVolumes(PRESETS['official-capacity'], { seed: 1, untilStandardError: { tolerance: 0.004, maxPaths: 1e6 } })));
  });

  it('transit, compare, tornado: the API\'s numbers', async () => {
    const t = await run('transit', 'corridor-poti', '--trips', '20000', '--volume-mt', '4', '--format', 'json');
    expect(JSON.parse(t.stdout)).toEqual(json(simulateTransit(ROUTES['corridor-poti'], { trips: 20_000, seed: 1, volumeMt: 4 })));
    // --until-se: --trips is the cap, 1,000,000 when not given.
    const u = await run('transit', 'northern-rail', '--until-se', '0.002', '--within', '20', '--format', 'json');
    expect(JSON.parse(u.stdout)).toEqual(json(simulateTransit(ROUTES['northern-rail'], { seed: 1, untilStandardError: { tolerance: 0.002, maxTrips: 1_000_000, statistic: { days: 20 } } })));
    const c = await run('compare', 'official-capacity', 'baseline', '--paths', '3000', '--format', 'csv');
    expect(c.stdout).toBe(compareScenarios(PRESETS['official-capacity'], PRESETS.baseline, { paths: 3000, seed: 1 }).toCSV());
    const tor = await run('tornado', '--preset', 'baseline', '--statistic', 'quantile:2027:0.5', '--paths', '2000', '--format', 'json');
    expect(JSON.parse(tor.stdout)).toEqual(json(tornado(PRESETS.baseline, { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: 2000, seed: 1 })));
  });

  it('corridor, compare --routes, sobol, shapley, solve, evaluate, presets, routes: exit 0 with rows of their kind', async () => {
    const cases: [string[], (rows: Record<string, string>[]) => void][] = [
      [['corridor', 'official-capacity', 'corridor-poti', '--paths', '2000'], (r) => expect(r.some((x) => x.year === '2027' && x.statistic === 'probabilityWithin')).toBe(true)],
      [['compare', '--routes', 'corridor-poti', 'suez-sea', '--trips', '2000'], (r) => expect([...new Set(r.map((x) => x.route))]).toEqual(['corridor-poti', 'suez-sea'])],
      [['sobol', '--preset', 'official-capacity', '--year', '2027', '--samples', '512', '--bootstrap', '20'], (r) => expect(r.map((x) => x.factor)).toContain('growth.rate')],
      [['shapley', '--preset', 'official-capacity', '--year', '2027', '--permutations', '10'], (r) => expect(r.map((x) => x.factor)).toContain('shocks')],
      [['solve', 'baseline', '--parameter', 'growth.rate', '--statistic', 'quantile:2027:0.5', '--level', '5', '--range', '0,1', '--paths', '1000'], (r) => expect(Number(r[0]!.value)).toBeGreaterThan(0)],
      [['evaluate', '--paths', '300'], (r) => expect(r.map((x) => x.model)).toContain('no-change')],
      [['presets'], (r) => expect(r.map((x) => x.name)).toEqual(Object.keys(PRESETS))],
      [['routes'], (r) => expect(r.map((x) => x.name)).toEqual(Object.keys(ROUTES))],
    ];
    for (const [args, check] of cases) {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      check(csvParse(r.stdout));
    }
    expect(JSON.parse((await run('presets', '--format', 'json')).stdout)).toEqual(PRESETS);
  });

  it('chart: a Vega-Lite spec, and SVG with --svg (the render peers installed)', async () => {
    const spec = await run('chart', 'fan', 'official-capacity', '--paths', '2000');
    expect(JSON.parse(spec.stdout).$schema).toMatch(/vega-lite\/v5/);
    const svg = await run('chart', 'transit', 'corridor-poti', '--paths', '2000', '--svg', '--out', 'transit.svg');
    expect(svg.code, svg.stderr).toBe(0);
    expect(readFileSync(join(work, 'transit.svg'), 'utf8')).toMatch(/^<svg /);
  });

  it('report: one HTML file answering the four questions, every text escaped', async () => {
    writeFileSync(join(work, 'evil.json'), JSON.stringify({ ...PRESETS.baseline, name: '<script>alert(1)</script> & "q"' }));
    const r = await run('report', 'evil.json', '--paths', '2000', '--out', 'report.html');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(work, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<h2>[1-4]\. /g)).toHaveLength(4);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;q&#34;');
    expect(html).toMatch(/<figure><svg /);
    expect(html).not.toMatch(/(src|href)="(?!#|http)/); // self-contained: no file it would load
  });
  it('report without the render peers: the tables, and a note saying how to get the charts', async () => {
    // The built package and its dependencies, without vega, vega-lite and resvg beside them.
    const bare = mkdtempSync(join(work, 'bare-'));
    mkdirSync(join(bare, 'node_modules'));
    symlinkSync(join(pkg, 'node_modules', 'middle-corridor'), join(bare, 'node_modules', 'middle-corridor'), 'dir');
    const deps = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: object }).dependencies);
    for (const d of deps) symlinkSync(join(root, 'node_modules', d), join(bare, 'node_modules', d), 'dir');
    const bin = join(bare, 'node_modules', 'middle-corridor', 'dist', 'cli', 'bin.js');
    const r = spawnSync(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', bin, 'report', '--preset', 'baseline', '--paths', '2000', '--out', 'r.html'], { cwd: bare, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(bare, 'r.html'), 'utf8');
    expect(html.match(/<h2>[1-4]\. /g)).toHaveLength(4);
    expect(html).not.toContain('<svg');
    expect(html).toContain('No charts: renderSvg needs the packages vega and vega-lite');
    expect(html).toContain('npm install vega vega-lite @resvg/resvg-js');
  });
});

describe('--out is atomic', () => {
  it('writes the file by its extension\'s format, through a temp file that does not stay', async () => {
    const r = await run('transit', 'northern-rail', '--trips', '5000', '--out', 't.json');
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(join(work, 't.json'), 'utf8'))).toEqual(json(simulateTransit(ROUTES['northern-rail'], { trips: 5000, seed: 1 })));
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('Ctrl-C during a run: exit 130, no file and no temp file left', async () => {
    const dir = mkdtempSync(join(work, 'sigint-'));
    const child = startCli(pkg, ['volumes', '--preset', 'baseline', '--paths', '5e7', '--keep', 'summary', '--workers', '2', '--out', 'big.csv'], dir);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('close', (c, s) => r([c, s])));
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).toContain('interrupted');
    expect(existsSync(join(dir, 'big.csv'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
