/**
 * What a worker of `middle-corridor/node` costs in memory, from the built package in dist/ (run
 * `npm run build` first): in a fresh `node` process, the growth of the process's resident memory
 * when W workers run a summary volume run and a transit run of `--per` paths (trips) each — the
 * workers' own heaps and code, and their share of the calling thread's merge (no full-run arrays:
 * those live in shared memory, counted once, and are the run's, not the worker's). The figure
 * WORKER_MEMORY_BYTES (src/node/pool.ts) is set from.
 *
 *   npm run bench:worker-memory                 # W = 2, 4, 8; 20,000 and 500,000 per worker
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}index.js`)) throw new Error(`bench:worker-memory: no ${dist}index.js; run \`npm run build\` first`);
const url = (f: string) => pathToFileURL(`${dist}${f}`).href;

function measure(workers: number, per: number): number {
  const code = `
    import { PRESETS, ROUTES, simulateVolumes, simulateTransit } from ${JSON.stringify(url('index.js'))};
    import { simulateVolumesParallel, simulateTransitParallel, closeWorkers } from ${JSON.stringify(url('node/index.js'))};
    const settle = () => new Promise((r) => setTimeout(r, 200));
    // The calling thread does the same work first, so that its own code and heap do not count.
    simulateVolumes(PRESETS.baseline, { paths: ${per}, seed: 1, keep: 'summary' });
    simulateTransit(ROUTES['corridor-poti'], { trips: ${per}, seed: 1 });
    globalThis.gc(); await settle();
    const before = process.memoryUsage().rss;
    await simulateVolumesParallel(PRESETS.baseline, { paths: ${per * workers}, seed: 1, workers: ${workers}, keep: 'summary' });
    await simulateTransitParallel(ROUTES['corridor-poti'], { trips: ${per * workers}, seed: 1, workers: ${workers} });
    await settle();
    console.log(process.memoryUsage().rss - before);
    await closeWorkers();`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { encoding: 'utf8' });
  return Number(out.trim().split('\n').at(-1));
}

console.log('workers  per worker   process growth   per worker (MB)');
for (const per of [20_000, 500_000]) {
  for (const w of [2, 4, 8]) {
    const bytes = measure(w, per);
    console.log(`${String(w).padStart(7)}  ${String(per).padStart(10)}   ${(bytes / 2 ** 20).toFixed(1).padStart(11)} MB   ${(bytes / w / 2 ** 20).toFixed(1).padStart(14)}`);
  }
}
