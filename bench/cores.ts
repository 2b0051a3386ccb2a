/**
 * What two worker threads can gain on this machine, whatever the library does: simple loops with
 * known working sets run on one worker, then on two at once, in alternating rounds, and the
 * two-worker throughput is reported against one. A loop that stays in a core's own caches shows
 * what the cores can do side by side; loops over 8 MiB (the shared L3) and 64 MiB (main memory)
 * show what the shared caches and the memory bus allow. The L1 loops are latency-bound (each step
 * waits on the one before), which leaves a core's execution units idle for a second thread on the
 * same core to use; the throughput-bound loop — four independent xoshiro128** streams through a
 * triangular inverse CDF, the transit kernel's work — keeps them busy, as the library's kernels
 * do, so two vCPUs that share a core slow each other on it (round two: 1.4× on the transit kernel
 * where the L1 loops showed 1.94×). bench:numpy reads the library's speed-ups against that one.
 * The library's kernels sit between the others: a tile's passes run in L1/L2, and a full run
 * writes every path-year to main memory.
 *
 *   npm run bench:cores                # 5 rounds
 *   npm run bench:cores -- --reps 9
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Plain JavaScript, run with `eval: true`: the same code on every worker, no loader needed.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const T = 2.3283064365386963e-10;
const kernels = {
  // xorgens (xor4096) steps into a 16 KiB buffer: integer throughput, in L1 (a fixed integer
  // loop, kept as it was so that its figures compare across sessions).
  integer(reps) {
    const x = new Int32Array(128); for (let k = 0; k < 128; k++) x[k] = Math.imul(k + 1, 2654435761);
    const out = new Float64Array(2048); let i = 0, w = 1, s = 0;
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < 2048; k++) {
        w = (w + 0x61c88647) | 0; let v = x[(i + 34) & 127]; i = (i + 1) & 127; let t = x[i];
        v ^= v << 13; t ^= t << 17; v ^= v >>> 15; t ^= t >>> 12; v = x[i] = v ^ t;
        out[k] = (((v + (w ^ (w >>> 16))) | 0) >>> 0) * T;
      }
      s += out[r & 2047];
    }
    return s;
  },
  // Square roots of a 16 KiB buffer: the floating-point unit, in L1.
  sqrt(reps) {
    const b = new Float64Array(2048); for (let k = 0; k < 2048; k++) b[k] = k + 0.5; let s = 0;
    for (let r = 0; r < reps; r++) for (let k = 0; k < 2048; k++) s += Math.sqrt(b[k] + r);
    return s;
  },
  // Four independent xoshiro128** streams, each word through a branch-free triangular inverse CDF,
  // into a 16 KiB buffer: no chain between the draws, so the core's units stay busy (throughput).
  throughput(reps) {
    const st = new Int32Array(16); for (let k = 0; k < 16; k++) st[k] = Math.imul(k + 1, 2654435761) | 1;
    let a0 = st[0], a1 = st[1], a2 = st[2], a3 = st[3], b0 = st[4], b1 = st[5], b2 = st[6], b3 = st[7];
    let c0 = st[8], c1 = st[9], c2 = st[10], c3 = st[11], d0 = st[12], d1 = st[13], d2 = st[14], d3 = st[15];
    const out = new Float64Array(2048); let s = 0;
    const tri = (u, at) => { const h = +(u < at), g = 1 - h; const r = Math.sqrt(h * (u * at) + g * ((1 - u) * (1 - at))); return h * (1 + 5 * r) + g * (6 - 5 * r); };
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < 2048; k += 4) {
        let x = Math.imul(a1, 5); const ua = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * T;
        let t = a1 << 9; a2 ^= a0; a3 ^= a1; a1 ^= a2; a0 ^= a3; a2 ^= t; a3 = (a3 << 11) | (a3 >>> 21);
        x = Math.imul(b1, 5); const ub = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * T;
        t = b1 << 9; b2 ^= b0; b3 ^= b1; b1 ^= b2; b0 ^= b3; b2 ^= t; b3 = (b3 << 11) | (b3 >>> 21);
        x = Math.imul(c1, 5); const uc = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * T;
        t = c1 << 9; c2 ^= c0; c3 ^= c1; c1 ^= c2; c0 ^= c3; c2 ^= t; c3 = (c3 << 11) | (c3 >>> 21);
        x = Math.imul(d1, 5); const ud = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * T;
        t = d1 << 9; d2 ^= d0; d3 ^= d1; d1 ^= d2; d0 ^= d3; d2 ^= t; d3 = (d3 << 11) | (d3 >>> 21);
        out[k] = tri(ua, 0.2); out[k + 1] = tri(ub, 0.4); out[k + 2] = tri(uc, 0.6); out[k + 3] = tri(ud, 0.8);
      }
      s += out[r & 2047];
    }
    return s;
  },
  // Read-modify-write passes over 512 KiB, 8 MiB and 64 MiB: a core's L2, the shared L3, memory.
  l2: (reps) => rmw(1 << 16, reps * 2048),
  l3: (reps) => rmw(1 << 20, reps * 2048),
  memory: (reps) => rmw(1 << 23, reps * 2048),
};
const arrays = new Map(); // allocated (and paged in) by the warm-up, outside the timing
function rmw(length, elements) {
  if (!arrays.has(length)) arrays.set(length, new Float64Array(length));
  const a = arrays.get(length); let s = 0;
  for (let r = 0; r < Math.ceil(elements / length); r++) { for (let k = 0; k < length; k++) a[k] = a[k] * 0.5 + 1; s += a[r % length]; }
  return s;
}
const f = kernels[workerData.kernel];
f(2000);
parentPort.postMessage('ready');
parentPort.on('message', () => { const t0 = performance.now(); f(workerData.reps); parentPort.postMessage(performance.now() - t0); });
`;

/** The loops, and what each measures. */
const KERNELS = {
  throughput: 'throughput (4 × triangular, L1)',
  integer: 'integer (xor4096 steps, L1)',
  sqrt: 'floating point (square roots, L1)',
  l2: 'read-modify-write 512 KiB (L2)',
  l3: 'read-modify-write 8 MiB (L3)',
  memory: 'read-modify-write 64 MiB (memory)',
} as const;
/** Work per timed run: 20,000 × 2,048 elements (about 0.1–0.5 s a loop here). */
const WORK = 20_000;

/** Starts n workers on a kernel, runs it once on all of them at the same moment, and returns the slowest time. */
async function once(kernel: keyof typeof KERNELS, n: number): Promise<number> {
  const ws = Array.from({ length: n }, () => new Worker(WORKER, { eval: true, workerData: { kernel, reps: WORK } }));
  await Promise.all(ws.map((w) => new Promise((r) => w.once('message', r))));
  const times = await Promise.all(
    ws.map((w) => {
      const done = new Promise<number>((r) => w.once('message', r));
      w.postMessage('go');
      return done;
    }),
  );
  await Promise.all(ws.map((w) => w.terminate()));
  return Math.max(...times);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One loop's figures: one worker's and two workers' median times, and the two-worker throughput (median and range over the rounds). */
export interface CoreFigure {
  loop: keyof typeof KERNELS;
  label: string;
  oneMs: number;
  twoMs: number;
  speedUp: number;
  min: number;
  max: number;
}

/** Every loop, `reps` alternating rounds each (one worker, then two at once). */
export async function measureCores(reps: number): Promise<CoreFigure[]> {
  const out: CoreFigure[] = [];
  for (const kernel of Object.keys(KERNELS) as (keyof typeof KERNELS)[]) {
    const one: number[] = [];
    const two: number[] = [];
    const ratio: number[] = [];
    for (let r = 0; r < reps; r++) {
      const a = await once(kernel, 1);
      const b = await once(kernel, 2);
      one.push(a);
      two.push(b);
      ratio.push((2 * a) / b);
    }
    out.push({ loop: kernel, label: KERNELS[kernel], oneMs: median(one), twoMs: median(two), speedUp: median(ratio), min: Math.min(...ratio), max: Math.max(...ratio) });
  }
  return out;
}

/**
 * The latency-bound two-worker ceiling: the mean of the L1 loops' figures (integer and floating
 * point; each the median over its rounds), what two vCPUs give side by side when each waits on
 * its own chain of steps — the highest of the ceilings on this host (the L2, L3 and memory loops
 * give as much or less), and more than a kernel that keeps a core's units busy can get.
 */
export const latencyCeilingOf = (figures: readonly CoreFigure[]) => {
  const l1 = figures.filter((f) => f.loop === 'integer' || f.loop === 'sqrt').map((f) => f.speedUp);
  return l1.reduce((a, b) => a + b, 0) / l1.length;
};

/** The throughput-bound two-worker ceiling (the median over its rounds): what the library's speed-ups are read against. */
export const throughputCeilingOf = (figures: readonly CoreFigure[]) => figures.find((f) => f.loop === 'throughput')!.speedUp;

/** The table `npm run bench:cores` prints. */
export function printCores(figures: readonly CoreFigure[], reps: number): void {
  console.log(`Two workers against one, ${reps} alternating rounds each (medians)`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`);
  console.log(`${'loop'.padEnd(36)} one worker ms   two at once ms   2-worker throughput (median, range)`);
  for (const f of figures) {
    console.log(`${f.label.padEnd(36)} ${f.oneMs.toFixed(0).padStart(13)}   ${f.twoMs.toFixed(0).padStart(14)}   ${f.speedUp.toFixed(2).padStart(18)}×  (${f.min.toFixed(2)}–${f.max.toFixed(2)})`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--reps');
  const reps = i >= 0 ? Number(args[i + 1]) : 5;
  printCores(await measureCores(reps), reps);
}
