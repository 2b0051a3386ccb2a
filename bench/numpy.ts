/**
 * The standard workloads side by side: bench/numpy_reference.py (vectorised numpy) and
 * the library as it ships — the BUILT package, dist/ (`npm run build` first), not the sources
 * through a transform, where a call across modules in a loop may not be inlined — in one command,
 * with the results checked against each other within 4 standard errors and a table of times and
 * ratios, each ratio with its spread (min–max of the per-round ratios beside the median); then,
 * back to back, `bench:cores` (what two workers can gain on this machine), and each workload's
 * two-worker speed-up against the throughput-bound ceiling measured there (--no-cores skips it).
 *
 *   npm run build && npm run bench:numpy     # 1,000,000 paths / trips, 5 rounds
 *   NUMPY_REFERENCE=path/to/numpy_reference.py npm run bench:numpy -- --n 200000 --reps 9 --workers 2 [--no-cores]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STANDARD_TRANSIT, STANDARD_VOLUME } from './workloads.js';
import { latencyCeilingOf, measureCores, printCores, throughputCeilingOf } from './cores.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The built package: its types are the sources', its code dist/'s (refused when missing or older than src/).
const built = join(root, 'dist', 'index.js');
const newest = (dir: string): number => Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'src'))) {
  console.error(`bench:numpy times the built package: ${existsSync(built) ? 'dist/ is older than src/' : 'dist/ is missing'}; run \`npm run build\` first`);
  process.exit(2);
}
const { simulateTransit, simulateVolumes } = (await import(pathToFileURL(built).href)) as typeof import('../src/index.js');
const { closeWorkers, simulateTransitParallel, simulateVolumesParallel } = (await import(pathToFileURL(join(root, 'dist', 'node', 'index.js')).href)) as typeof import('../src/node/index.js');
// The switch of the built package's kernels (one ES module per source module: the same instance the entry uses).
const { setCodegen } = (await import(pathToFileURL(join(root, 'dist', 'engine', 'codegen.js')).href)) as typeof import('../src/engine/codegen.js');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('--n', 1_000_000);
const REPS = arg('--reps', 5);
const script = process.env.NUMPY_REFERENCE ?? join(root, 'bench', 'numpy_reference.py');
if (!existsSync(script)) {
  console.error(`numpy reference not found at ${script}; set NUMPY_REFERENCE`);
  process.exit(2);
}

function numpy(kind: 'volume' | 'transit'): { medianMs: number; medianCpuMs: number; results: Record<string, unknown> } {
  const flag = kind === 'volume' ? '--paths' : '--trips';
  const r = spawnSync('python3', [script, kind, flag, String(N), '--reps', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`numpy_reference.py ${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A contender's time: wall clock, and the CPU time of the process (worker threads included). */
interface Timing {
  ms: number;
  cpuMs: number;
}

/**
 * Times the contenders of one workload in rounds: each round runs every contender once, in turn
 * (numpy's script does its own warm-up), so that a slow spell of this shared machine hits all of
 * them alike; the ratios are taken within each round, and their medians reported.
 */
async function rounds(contenders: Record<string, () => Timing | Promise<Timing>>): Promise<Rounds> {
  const times: Record<string, Timing[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (const f of Object.values(contenders)) await f(); // warm-up: JIT, worker pool
  for (let r = 0; r < REPS; r++) for (const [k, f] of Object.entries(contenders)) times[k]!.push(await f());
  const per = (get: (t: Timing) => number) => Object.fromEntries(Object.entries(times).map(([k, t]) => [k, t.map((x, i) => get(x) / get(times.numpy![i]!))]));
  const ratios = per((t) => t.ms);
  return {
    ms: Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t.map((x) => x.ms))])),
    ratio: Object.fromEntries(Object.entries(ratios).map(([k, r]) => [k, median(r)])),
    ratios,
    cpuRatios: per((t) => t.cpuMs),
  };
}

/** A workload's rounds: median times, and each contender's ratios to numpy's time (wall clock; and CPU time), round by round and their median. */
interface Rounds {
  ms: Record<string, number>;
  ratio: Record<string, number>;
  ratios: Record<string, number[]>;
  /** CPU time over numpy's, round by round: what waiting on a busy machine does not inflate (meaningful for one thread only). */
  cpuRatios: Record<string, number[]>;
}

/** A median with its spread over the rounds: "1.05 (0.98–1.12)". */
const spread = (xs: readonly number[], digits = 2) => `${median([...xs]).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
/** The two-worker speed-up round by round: the one-thread time over the workers' time in the same round. */
const speedUps = (t: Rounds, one: string, par: string) => t.ratios[one]!.map((r, i) => r / t.ratios[par]![i]!);

const clockAsync = (f: () => unknown) => async (): Promise<Timing> => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1e3 };
};
const clock = clockAsync;
const fromNumpy = (kind: 'volume' | 'transit') => () => {
  const r = numpy(kind);
  return { ms: r.medianMs, cpuMs: r.medianCpuMs };
};
const WORKERS = arg('--workers', 2);

const within4SE = (a: number, b: number, se: number) => Math.abs(a - b) <= 4 * se;

// Volume: simulation and the statistics the numpy script computes (P10/P50/P90 per year, P(≥ target)).
const npV = numpy('volume');
const volumeRun = () => {
  const r = simulateVolumes(STANDARD_VOLUME, { paths: N, seed: 42 });
  const q = r.years.map((y) => r.quantiles(y, [0.1, 0.5, 0.9]));
  return { r, q, p: r.probabilityAtLeast(2027, 10) };
};
// `let`: released before the timing, so that no run pays for a heap holding the previous one.
let libV: { value: ReturnType<typeof volumeRun> } | null = { value: volumeRun() };
const resV = npV.results as { years: number[]; p10: number[]; p50: number[]; p90: number[]; pTarget: number; pTargetSE: number };
const vChecks: string[] = [];
let vOk = within4SE(libV!.value.p.estimate, resV.pTarget, Math.hypot(libV!.value.p.standardError, resV.pTargetSE));
vChecks.push(`P(≥ 10 Mt in 2027): numpy ${resV.pTarget.toFixed(5)}, library ${libV!.value.p.estimate.toFixed(5)}`);
resV.years.forEach((year, k) => {
  if (k === 0) return;
  const v = libV!.value.r.volume[k]!;
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

// The same statistics from a summary run (what the numpy script keeps: no paths), checked equal
// to the full run's.
const summaryRun = () => {
  const r = simulateVolumes(STANDARD_VOLUME, { paths: N, seed: 42, keep: 'summary' });
  return { q: r.years.map((y) => r.quantiles(y, [0.1, 0.5, 0.9])), p: r.probabilityAtLeast(2027, 10) };
};
const libS = { value: summaryRun() };
const sOk = JSON.stringify(libS.value) === JSON.stringify({ q: libV!.value.q, p: libV!.value.p });
if (!sOk) vChecks.push("  keep: 'summary' differs from the full run");
libV = null;

// Transit: mean, P50/P90/P95, P(≤ 15 days).
const npT = numpy('transit');
const transitRun = () => {
  const t = simulateTransit(STANDARD_TRANSIT, { trips: N, seed: 42 });
  return { t, q: t.quantiles([0.5, 0.9, 0.95]), w: t.probabilityWithin(15), mean: t.mean.estimate };
};
let libT: { value: ReturnType<typeof transitRun> } | null = { value: transitRun() };
const resT = npT.results as { mean: number; p50: number; p90: number; p95: number; pWithin: number; pWithinSE: number };
let tOk = within4SE(libT!.value.w.estimate, resT.pWithin, Math.hypot(libT!.value.w.standardError, resT.pWithinSE));
tOk &&= within4SE(libT!.value.mean, resT.mean, Math.SQRT2 * libT!.value.t.mean.standardError);
for (const [p, q] of [[0.5, resT.p50], [0.9, resT.p90], [0.95, resT.p95]] as const) {
  const f = libT!.value.t.probabilityWithin(q).estimate;
  tOk &&= Math.abs(f - p) <= 4 * Math.sqrt(p * (1 - p) * (2 / N));
}
const libTransit = { mean: libT!.value.mean, pWithin: libT!.value.w.estimate };
libT = null;

// Timing, in rounds: numpy, one thread, workers (the same simulation and statistics through
// middle-corridor/node).
const vol = await rounds({
  numpy: fromNumpy('volume'),
  all: clock(volumeRun),
  summary: clock(summaryRun),
  allWorkers: clockAsync(async () => {
    const r = await simulateVolumesParallel(STANDARD_VOLUME, { paths: N, seed: 42, workers: WORKERS });
    r.years.forEach((y) => r.quantiles(y, [0.1, 0.5, 0.9]));
    return r.probabilityAtLeast(2027, 10);
  }),
  summaryWorkers: clockAsync(async () => {
    const r = await simulateVolumesParallel(STANDARD_VOLUME, { paths: N, seed: 42, workers: WORKERS, keep: 'summary' });
    r.years.forEach((y) => r.quantiles(y, [0.1, 0.5, 0.9]));
    return r.probabilityAtLeast(2027, 10);
  }),
});
const tra = await rounds({
  numpy: fromNumpy('transit'),
  lib: clock(transitRun),
  // The same run with code generation off: the generic kernel (what a page with a strict CSP runs).
  generic: clock(() => {
    setCodegen(false);
    try {
      return transitRun();
    } finally {
      setCodegen(null);
    }
  }),
  workers: clockAsync(async () => {
    const t = await simulateTransitParallel(STANDARD_TRANSIT, { trips: N, seed: 42, workers: WORKERS });
    return [t.quantiles([0.5, 0.9, 0.95]), t.probabilityWithin(15), t.mean];
  }),
});
await closeWorkers();
const cores = args.includes('--no-cores') ? null : await measureCores(REPS);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Standard workloads, ${N.toLocaleString('en')} paths / trips; medians of ${REPS} rounds (each round runs numpy and every library variant once, in turn; ratios are taken within a round)`);
console.log(`machine: ${cpus().length} × ${cpu}, Node ${process.version}\n`);
console.log(`${'workload'.padEnd(26)} numpy ms   library ms, 1 thread   ratio (min–max)       library ms, ${WORKERS} workers   ratio (min–max)       speed-up (min–max)    results agree (4 SE)`);
const row = (name: string, t: Rounds, one: string, par: string, ok: boolean) =>
  console.log(
    `${name.padEnd(26)} ${t.ms.numpy!.toFixed(0).padStart(8)}   ${t.ms[one]!.toFixed(0).padStart(20)}   ${spread(t.ratios[one]!).padEnd(19)}   ${t.ms[par]!.toFixed(0).padStart(21)}   ${spread(t.ratios[par]!).padEnd(19)}   ${spread(speedUps(t, one, par)).padEnd(19)}   ${ok ? 'yes' : 'NO'}`,
  );
row('volume, all paths kept', vol, 'all', 'allWorkers', vOk);
row("volume, keep: 'summary'", vol, 'summary', 'summaryWorkers', vOk && sOk);
row('transit', tra, 'lib', 'workers', tOk);
console.log(`${'transit, generic kernel'.padEnd(26)} ${''.padStart(8)}   ${tra.ms.generic!.toFixed(0).padStart(20)}   ${spread(tra.ratios.generic!)}   (code generation off; specialised / generic: ${spread(tra.ratios.lib!.map((r, i) => r / tra.ratios.generic![i]!))})`);
console.log('(the library: dist/, the built package)');
console.log(`\nCPU time over numpy's, one thread (median (min–max) of the rounds; a busy machine inflates wall-clock time by waiting, not CPU time):`);
for (const [name, t, k] of [['volume, all paths kept', vol, 'all'], ["volume, keep: 'summary'", vol, 'summary'], ['transit', tra, 'lib'], ['transit, generic kernel', tra, 'generic']] as const) {
  console.log(`  ${name.padEnd(24)} ${spread(t.cpuRatios[k]!)}`);
}
if (cores) {
  // Read against the throughput-bound loop (two vCPUs that share a core's units slow each other
  // on a kernel that keeps them busy; the latency-bound L1 loops overstate what such a kernel gets).
  const ceiling = throughputCeilingOf(cores);
  console.log(`\nThe machine's two-worker ceilings, measured right after (bench:cores, ${REPS} rounds): throughput-bound ${ceiling.toFixed(2)}×, latency-bound (L1 loops) ${latencyCeilingOf(cores).toFixed(2)}×; the speed-ups (medians) against 0.85 × the throughput-bound = ${(0.85 * ceiling).toFixed(2)}×:`);
  for (const [name, t, one, par] of [['volume, all paths kept', vol, 'all', 'allWorkers'], ["volume, keep: 'summary'", vol, 'summary', 'summaryWorkers'], ['transit', tra, 'lib', 'workers']] as const) {
    const x = median(speedUps(t, one, par));
    console.log(`  ${name.padEnd(24)} ${x.toFixed(2)}× = ${(x / ceiling).toFixed(2)} of the ceiling ${x >= 0.85 * ceiling ? '(≥ 0.85)' : '(below 0.85)'}`);
  }
  console.log('');
  printCores(cores, REPS);
}
console.log('\n' + vChecks.join('\n'));
console.log(`transit mean: numpy ${resT.mean.toFixed(4)}, library ${libTransit.mean.toFixed(4)}; P(≤ 15 days): numpy ${resT.pWithin.toFixed(5)}, library ${libTransit.pWithin.toFixed(5)}`);
if (!vOk || !sOk || !tOk) process.exit(1);
