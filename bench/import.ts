/**
 * Cold start, as a user meets it: each figure is measured in a fresh `node` process (no module
 * cache), from the built package in dist/ (this script builds nothing: run `npm run build` first).
 *
 *   - `import('middle-corridor')`: dist/index.js, timed around the dynamic import;
 *   - `import('middle-corridor/node')`: dist/node/index.js, likewise;
 *   - the first parallel call: after both imports, the time from the call that starts the pool to
 *     the result of a 1,000-path `simulateVolumesParallel` of the baseline preset on 2 workers
 *     (the workers' start and their own imports included).
 *
 *   npm run bench:import                # 10 processes per figure
 *   npm run bench:import -- --runs 20
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const i = args.indexOf('--runs');
const RUNS = i >= 0 ? Number(args[i + 1]) : 10;

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}index.js`)) throw new Error(`bench:import: no ${dist}index.js; run \`npm run build\` first`);
const url = (f: string) => pathToFileURL(`${dist}${f}`).href;

/** Runs `code` (an ES module printing one number) in a fresh node process; returns the number. */
function fresh(code: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  return Number(out.trim().split('\n').at(-1));
}

const MEASURES: Record<string, string> = {
  "import('middle-corridor')": `const t0 = performance.now(); await import(${JSON.stringify(url('index.js'))}); console.log(performance.now() - t0);`,
  "import('middle-corridor/node')": `const t0 = performance.now(); await import(${JSON.stringify(url('node/index.js'))}); console.log(performance.now() - t0);`,
  'first parallel call (1,000 paths, 2 workers)': `
    const { PRESETS } = await import(${JSON.stringify(url('index.js'))});
    const { simulateVolumesParallel, closeWorkers } = await import(${JSON.stringify(url('node/index.js'))});
    const t0 = performance.now();
    const r = await simulateVolumesParallel(PRESETS.baseline, { paths: 1000, seed: 1, workers: 2 });
    const t = performance.now() - t0;
    if (r.paths !== 1000) throw new Error('unexpected result');
    await closeWorkers();
    console.log(t);`,
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log(`node ${process.version}, ${RUNS} fresh processes per figure (ms)`);
for (const [name, code] of Object.entries(MEASURES)) {
  const xs = Array.from({ length: RUNS }, () => fresh(code));
  const f = (x: number) => x.toFixed(0).padStart(5);
  console.log(`${name.padEnd(46)} median ${f(median(xs))}   range ${f(Math.min(...xs))} – ${f(Math.max(...xs)).trim()}`);
}
