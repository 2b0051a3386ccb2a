/**
 * The standard workloads side by side: ../shared/bench/numpy_reference.py (vectorised numpy) and
 * the library's public API, in one command, with the results checked against each other within
 * 4 standard errors and a table of times and ratios.
 *
 *   npm run bench:numpy                      # 1,000,000 paths / trips, 3 timed runs each
 *   NUMPY_REFERENCE=path/to/numpy_reference.py npm run bench:numpy -- --n 200000 --reps 5
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateTransit, simulateVolumes, type VolumeResult } from '../src/index.js';
import { closeWorkers, simulateTransitParallel, simulateVolumesParallel } from '../src/node/index.js';
import { STANDARD_TRANSIT, STANDARD_VOLUME } from './workloads.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('--n', 1_000_000);
const REPS = arg('--reps', 3);
const script = process.env.NUMPY_REFERENCE ?? join(root, '..', 'shared', 'bench', 'numpy_reference.py');
if (!existsSync(script)) {
  console.error(`numpy reference not found at ${script}; set NUMPY_REFERENCE`);
  process.exit(2);
}

function numpy(kind: 'volume' | 'transit'): { medianMs: number; results: Record<string, unknown> } {
  const flag = kind === 'volume' ? '--paths' : '--trips';
  const r = spawnSync('python3', [script, kind, flag, String(N), '--reps', String(REPS)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`numpy_reference.py ${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function time<T>(f: () => T): { medianMs: number; value: T } {
  f(); // warm-up
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    value = f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, value };
}

async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  await f(); // warm-up: starts the worker pool
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
const WORKERS = arg('--workers', 2);

const within4SE = (a: number, b: number, se: number) => Math.abs(a - b) <= 4 * se;

// Volume: simulation and the statistics the numpy script computes (P10/P50/P90 per year, P(≥ target)).
const npV = numpy('volume');
const libV = time(() => {
  const r = simulateVolumes(STANDARD_VOLUME, { paths: N, seed: 42 });
  const q = r.years.map((y) => r.quantiles(y, [0.1, 0.5, 0.9]));
  return { r, q, p: r.probabilityAtLeast(2027, 10) };
});
const resV = npV.results as { years: number[]; p10: number[]; p50: number[]; p90: number[]; pTarget: number; pTargetSE: number };
const vChecks: string[] = [];
let vOk = within4SE(libV.value.p.estimate, resV.pTarget, Math.hypot(libV.value.p.standardError, resV.pTargetSE));
vChecks.push(`P(≥ 10 Mt in 2027): numpy ${resV.pTarget.toFixed(5)}, library ${libV.value.p.estimate.toFixed(5)}`);
resV.years.forEach((year, k) => {
  if (k === 0) return;
  const v = libV.value.r.volume[k]!;
  for (const [p, q] of [[0.1, resV.p10[k]!], [0.5, resV.p50[k]!], [0.9, resV.p90[k]!]] as const) {
    let below = 0;
    let at = 0;
    for (let i = 0; i < v.length; i++) if (v[i]! < q) below++; else if (v[i]! === q) at++;
    const se = Math.sqrt(p * (1 - p) * (2 / N));
    if (!(p >= below / N - 4 * se && p <= (below + at) / N + 4 * se)) {
      vOk = false;
      vChecks.push(`  ${year} P${p * 100}: numpy ${q} is at the library's ${(below / N).toFixed(4)}`);
    }
  }
});

// Transit: mean, P50/P90/P95, P(≤ 15 days).
const npT = numpy('transit');
const libT = time(() => {
  const t = simulateTransit(STANDARD_TRANSIT, { trips: N, seed: 42 });
  return { t, q: t.quantiles([0.5, 0.9, 0.95]), w: t.probabilityWithin(15), mean: t.mean };
});
const resT = npT.results as { mean: number; p50: number; p90: number; p95: number; pWithin: number; pWithinSE: number };
let tOk = within4SE(libT.value.w.estimate, resT.pWithin, Math.hypot(libT.value.w.standardError, resT.pWithinSE));
tOk &&= within4SE(libT.value.mean, resT.mean, Math.SQRT2 * libT.value.t.meanSE);
for (const [p, q] of [[0.5, resT.p50], [0.9, resT.p90], [0.95, resT.p95]] as const) {
  const f = libT.value.t.probabilityWithin(q).estimate;
  tOk &&= Math.abs(f - p) <= 4 * Math.sqrt(p * (1 - p) * (2 / N));
}

// Workers: the same simulation and statistics through middle-corridor/node.
const parV = await timeAsync(async () => {
  const r = (await simulateVolumesParallel(STANDARD_VOLUME, { paths: N, seed: 42, workers: WORKERS })) as VolumeResult;
  r.years.forEach((y) => r.quantiles(y, [0.1, 0.5, 0.9]));
  return r.probabilityAtLeast(2027, 10);
});
const parT = await timeAsync(async () => {
  const t = await simulateTransitParallel(STANDARD_TRANSIT, { trips: N, seed: 42, workers: WORKERS });
  return [t.quantiles([0.5, 0.9, 0.95]), t.probabilityWithin(15), t.mean];
});
await closeWorkers();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Standard workloads, ${N.toLocaleString('en')} paths / trips, median of ${REPS} timed runs after a warm-up`);
console.log(`machine: ${cpus().length} × ${cpu}, Node ${process.version}\n`);
console.log(`workload   numpy ms   library ms, 1 thread   ratio   library ms, ${WORKERS} workers   ratio   speed-up   results agree (4 SE)`);
const row = (name: string, np: number, lib: number, par: number, ok: boolean) =>
  console.log(
    `${name.padEnd(9)} ${np.toFixed(0).padStart(8)}   ${lib.toFixed(0).padStart(20)}   ${(lib / np).toFixed(2).padStart(5)}   ${par.toFixed(0).padStart(20)}   ${(par / np).toFixed(2).padStart(5)}   ${(lib / par).toFixed(2).padStart(7)}×   ${ok ? 'yes' : 'NO'}`,
  );
row('volume', npV.medianMs, libV.medianMs, parV, vOk);
row('transit', npT.medianMs, libT.medianMs, parT, tOk);
console.log('\n' + vChecks.join('\n'));
console.log(`transit mean: numpy ${resT.mean.toFixed(4)}, library ${libT.value.mean.toFixed(4)}; P(≤ 15 days): numpy ${resT.pWithin.toFixed(5)}, library ${libT.value.w.estimate.toFixed(5)}`);
if (!vOk || !tOk) process.exit(1);
