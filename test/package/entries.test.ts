/**
 * The built package's two entries share one copy of the library: results of `middle-corridor/node`
 * are instances of the main entry's classes and its errors the main entry's ScenarioError, in ESM
 * and in CommonJS; and its workers start under `node --input-type=module -e` (they used to inherit
 * that flag and fail with ERR_INPUT_TYPE_NOT_ALLOWED).
 *
 * The package is built once (tsup's own config, without declarations) into a temporary
 * `node_modules/middle-corridor`, and used from there by name, as an installed package is.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'middle-corridor-entries-'));
const pkg = join(dir, 'node_modules', 'middle-corridor');

beforeAll(async () => {
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
  for (const dep of Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies)) {
    symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
  await build({ outDir: join(pkg, 'dist'), dts: false, sourcemap: false, silent: true });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The same checks in both module systems: every parallel result is the main entry's class, a bad
// scenario's rejection its ScenarioError, the numbers those of one thread, and a run whose pool
// is closed rejects with the pool's error.
const checks = `
  const paths = 40001;
  const volumes = await simulateVolumesParallel(PRESETS.baseline, { paths, seed: 1, workers: 2 });
  // (more than four blocks of 16,384 paths: the pilot runs on the workers)
  const summary = await simulateVolumesParallel(PRESETS.baseline, { paths: 90001, seed: 1, workers: 2, keep: 'summary' });
  const transit = await simulateTransitParallel(ROUTES['corridor-poti'], { trips: 40001, seed: 1, workers: 2 });
  const corridor = await simulateCorridorParallel(PRESETS['official-capacity'], ROUTES['corridor-poti'], { paths: 2001, seed: 1, workers: 2 });
  const bad = await simulateVolumesParallel({ ...PRESETS.baseline, horizon: 'x' }, { paths: 10, seed: 1, workers: 2 }).catch((e) => e);
  const serial = simulateVolumes(PRESETS.baseline, { paths, seed: 1 });
  const inFlight = simulateVolumesParallel(PRESETS.baseline, { paths, seed: 1, workers: 2 }).catch((e) => e.message);
  await closeWorkers();
  console.log(JSON.stringify({
    volumeResult: volumes instanceof VolumeResult,
    volumeSummary: summary instanceof VolumeSummary,
    transitSample: transit instanceof TransitSample,
    corridorVolumes: corridor.volumes instanceof VolumeResult && corridor.transit(2027) instanceof TransitSample,
    scenarioError: bad instanceof ScenarioError,
    sameNumbers: volumes.quantile(2030, 0.5) === serial.quantile(2030, 0.5),
    closed: await inFlight,
  }));
`;
const expected = {
  volumeResult: true,
  volumeSummary: true,
  transitSample: true,
  corridorVolumes: true,
  scenarioError: true,
  sameNumbers: true,
  closed: 'simulateVolumesParallel: the worker pool was closed (closeWorkers()) while the run was in flight',
};
const names = `{ PRESETS, ROUTES, simulateVolumes, VolumeResult, VolumeSummary, TransitSample, ScenarioError }`;
const nodeNames = `{ simulateVolumesParallel, simulateTransitParallel, simulateCorridorParallel, closeWorkers }`;

describe('the built entries share the main entry\'s code', () => {
  it('middle-corridor/node bundles no copy of the library: its files hold no class of the core', () => {
    for (const file of ['node/index.js', 'node/index.cjs', 'node/worker.js', 'node/worker.cjs']) {
      const text = readFileSync(join(pkg, 'dist', file), 'utf8');
      expect(text, file).not.toMatch(/class (VolumeResult|VolumeSummary|TransitSample|ScenarioError)\b/);
    }
  });

  it('the main entry and the modules it shares with middle-corridor/node import no Node module (the core runs in browsers)', () => {
    // ESM: one module per source module (dist/volume/kernel.js, …); CommonJS: shared chunks. dist/node/ and dist/cli/ (the command line) are Node's.
    const core = (readdirSync(join(pkg, 'dist'), { recursive: true }) as string[]).filter((f) => /\.(c?js)$/.test(f) && !f.startsWith('node') && !f.startsWith('cli'));
    expect(core.filter((f) => f.startsWith('chunk-') && f.endsWith('.cjs')).length).toBeGreaterThan(0);
    expect(core).toEqual(expect.arrayContaining(['index.js', join('volume', 'kernel.js'), join('stats', 'quantile.js')]));
    for (const file of core) {
      const text = readFileSync(join(pkg, 'dist', file), 'utf8');
      expect(text, file).not.toMatch(/from ["'](node:|fs|path|os|url|worker_threads)|require\(["'](node:|fs|path|os|url|worker_threads)/);
    }
  });

  it("ESM under node --input-type=module -e: import { VolumeResult, ScenarioError } from 'middle-corridor' + import { simulateVolumesParallel } from 'middle-corridor/node'", () => {
    const r = node(['--input-type=module', '-e', `import ${names} from 'middle-corridor';\nimport ${nodeNames} from 'middle-corridor/node';\n${checks}`]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expected);
    expect(r.status).toBe(0);
  });

  it("CommonJS under node -e: require('middle-corridor') + require('middle-corridor/node')", () => {
    const r = node(['-e', `const ${names} = require('middle-corridor');\nconst ${nodeNames} = require('middle-corridor/node');\n(async () => {\n${checks}\n})().catch((e) => { console.error(e); process.exit(1); });`]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expected);
    expect(r.status).toBe(0);
  });

  // Under `node -e` and `node -p` (CommonJS scripts), Node sets a global `__filename` of '[eval]';
  // the ES module build must still find its own worker file (it took '[eval]' for its path and
  // crashed with "Cannot read properties of null (reading '0')").
  it("import('middle-corridor/node') from a CommonJS node -e script, and under node -p", () => {
    const run = `import('middle-corridor/node').then(async (m) => { const v = await m.simulateVolumesParallel({ start: { year: 2025, volumeMt: 4 }, horizon: 2027, growth: { model: 'exponential', rate: 0.1 } }, { paths: 100, seed: 1, workers: 1 }); await m.closeWorkers(); console.log(v.paths); })`;
    const e = node(['-e', `${run}.catch((e) => { console.error(e); process.exit(1); });`]);
    expect(e.stderr).toBe('');
    expect(e.stdout.trim()).toBe('100');
    expect(e.status).toBe(0);
    const p = node(['-p', `${run}.catch((e) => { console.error(e); process.exit(1); }), 'started'`]);
    expect(p.stderr).toBe('');
    expect(p.stdout.trim().split('\n')).toEqual(['started', '100']);
    expect(p.status).toBe(0);
  });

  // MAX_RUN_BYTES accepts runs a process may not be able to hold (a container's limit, ulimit -v):
  // the native "Array buffer allocation failed" becomes the library's RangeError, serial and parallel.
  it('a run the process cannot hold is refused with the library RangeError (how much, what to do), serial and parallel', () => {
    const script = (call: string) => `import * as m from 'middle-corridor'; import * as n from 'middle-corridor/node';
      const out = [];
      for (const run of [${call}]) { try { await run(); out.push('ok'); } catch (e) { out.push(e.constructor.name + ': ' + e.message); } }
      await n.closeWorkers(); console.log(JSON.stringify(out));`;
    const limited = (kib: number, code: string) => {
      const r = spawnSync('bash', ['-c', `ulimit -v ${kib} && exec "${process.execPath}" --input-type=module -e "$0"`, code], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      return { status: r.status, stderr: r.stderr, out: JSON.parse(r.stdout) as string[] };
    };
    const v = limited(3_000_000, script(`() => m.simulateVolumes(m.PRESETS.baseline, { paths: 20_000_000, seed: 1 }), () => n.simulateVolumesParallel(m.PRESETS.baseline, { paths: 20_000_000, seed: 1, workers: 2 })`));
    expect(v.stderr).toBe('');
    expect(v.out).toEqual(['simulateVolumes', 'simulateVolumesParallel'].map((fn) => `RangeError: ${fn}: this run's arrays need 3.6 GiB, more than this process could allocate ("Array buffer allocation failed"); use keep: 'summary' (memory that does not grow with the number of paths), or fewer paths or years`));
    const t = limited(1_000_000, script(`() => m.simulateTransit(m.ROUTES['corridor-poti'], { trips: 50_000_000, seed: 1 }), () => n.simulateTransitParallel(m.ROUTES['corridor-poti'], { trips: 50_000_000, seed: 1, workers: 2 })`));
    expect(t.out).toEqual(['simulateTransit', 'simulateTransitParallel'].map((fn) => expect.stringMatching(new RegExp(`^RangeError: ${fn}: this run's arrays need 0\\.37 GiB, more than this process could allocate`))));
  });

  // fast-check is an optional peer: without it, middle-corridor/testing says what to install
  // (this package's temporary node_modules holds only the runtime dependencies).
  it('middle-corridor/testing without fast-check says what to install, in ESM and CommonJS', () => {
    const want = 'middle-corridor/testing needs the package fast-check (an optional peer dependency): npm install -D fast-check';
    const esm = node(['--input-type=module', '-e', "await import('middle-corridor/testing').then(() => console.log('loaded'), (e) => console.log(e.message))"]);
    expect(esm.stdout.trim()).toBe(want);
    const cjs = node(['-e', "try { require('middle-corridor/testing'); console.log('loaded') } catch (e) { console.log(e.message) }"]);
    expect(cjs.stdout.trim()).toBe(want);
    // And the main entry never needs it.
    expect(node(['-e', "console.log(typeof require('middle-corridor').simulateVolumes)"]).stdout.trim()).toBe('function');
  });
});

/**
 * Size budgets, measured on what ships: small pages bundled for the browser by esbuild (minified
 * ESM) from the built package installed under node_modules — `"sideEffects": false`, the exports
 * map and dist/ as a user's bundler sees them — gzipped. The ES build is one module per source
 * module, so a page keeps only the modules it reaches (docs/performance.md has the figures).
 */
describe('bundle size of the built package (gzipped)', () => {
  async function page(names: string): Promise<{ kb: number; inputs: string[]; text: string }> {
    const r = await esbuild({
      stdin: { contents: `import { ${names} } from 'middle-corridor'; globalThis.page = [${names}];`, resolveDir: dir, loader: 'js' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent',
    });
    const out = Object.values(r.metafile.outputs)[0]!.inputs;
    return { kb: gzipSync(r.outputFiles[0]!.contents).length / 1024, inputs: Object.keys(out).filter((f) => out[f]!.bytesInOutput > 0), text: r.outputFiles[0]!.text };
  }

  it('quantile alone: at most 5 KB, no zod, no schema', async () => {
    const { kb, inputs } = await page('quantile');
    expect(kb).toBeLessThanOrEqual(5);
    expect(inputs.filter((f) => /\/(zod|seedrandom)\/|scenario/.test(f))).toEqual([]);
  });

  // The price of the same bits on every engine: fitGrowth was 14 KB before the portable log and
  // exp (src/math/) came onto its path; a formula may call every portable function (pow, the
  // trigonometric ones with their 1,200-bit 2/π for Payne–Hanek reduction, …), and means exactly
  // what mathjs means (its tolerant round/floor/ceil/mod and comparisons, arities, complex steps
  // refused): compileFormula 18.9 KB, fitGrowth 26.3 KB; fits that print and report a capacity
  // at the data honestly took fitGrowth to 27.1 KB; log's shorter table brought it to 26.7 and
  // compileFormula to 18.7 (2026-12-06). (The issue allowed fitGrowth to bring mathjs: ~150 KB.)
  it('compileFormula and fitGrowth: no zod, no mathjs; at most 19.5 and 27.5 KB', async () => {
    for (const [names, budget] of [['compileFormula', 19.5], ['fitGrowth', 27.5]] as const) {
      const { kb, inputs } = await page(names);
      expect(kb, names).toBeLessThanOrEqual(budget);
      expect(inputs.filter((f) => /\/(zod|mathjs)\//.test(f)), names).toEqual([]);
    }
  });

  // 57.6 KB when the ES build became one module per source module (from 69.8 as bundled chunks);
  // 60.7 KB with the engine interface, results that print, the result base and the parse-time
  // volume caps; 59.2 KB after a trim (2026-12-06, docs/performance.md): the display draws its
  // fan unchecked, the route schema's zod functions stay out, log's table is shorter.
  it("simulateVolumes + PRESETS: at most 60 KB, zod/mini's functions only (no classic API, no locales), nothing only charts or routes need", async () => {
    const { kb, inputs, text } = await page('simulateVolumes, PRESETS');
    expect(kb).toBeLessThanOrEqual(60);
    expect(inputs.filter((f) => f.includes('/mathjs/'))).toEqual([]);
    // A result's display draws its own rows (fanChartUnchecked): no reading of results given to a
    // chart; legs' modes and lists are the route schema's (zRoute), not the scenario's.
    expect(inputs.filter((f) => f.endsWith('/report/from-results.js'))).toEqual([]);
    expect(text).toContain('"$ZodDiscriminatedUnion"');
    expect(text).not.toMatch(/"\$Zod(Enum|Unknown|CheckMaxLength)"/);
    // All of zod (classic, or mini's whole namespace once re-exported) would be ~90 KB of it.
    expect(inputs.filter((f) => /\/zod\/v4\/(classic|locales)\//.test(f))).toEqual([]);
    expect(inputs.some((f) => f.includes('/zod/v4/mini/'))).toBe(true);
  });
});
