/**
 * How far the kernels are from what one thread could do with the same numbers: each kernel on
 * the standard workload beside a loop written for that workload alone — volume: its constants
 * inlined, one pass a path-year; transit: the trips' days alone, one fused pass a leg, without the
 * legs' sums — which must give the same numbers (checked to the bit: the checksums below are sums
 * in the same order). The fused loops are not the library;
 * they measure the floor of its design on this machine (docs/performance.md, "Floors").
 *
 *   npm run bench:floor               # 7 alternating rounds, medians
 */
import { exp, log1p } from '../src/math/index.js';
import { ZigguratNormal } from '../src/random/normal.js';
import { stream } from '../src/random/stream.js';
import { parseRoute, parseScenario } from '../src/scenario/parse.js';
import { runVolumeBlock, STREAM_BLOCK, workspace } from '../src/volume/kernel.js';
import { keyedStream } from '../src/volume/draws.js';
import { resolveVolume } from '../src/volume/resolve.js';
import { runTrips } from '../src/transit/kernel.js';
import { STANDARD_TRANSIT, STANDARD_VOLUME } from './workloads.js';

const args = process.argv.slice(2);
const REPS = args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 7;
const N = 1_000_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// --- Volume: every block of the standard workload, years 2020–2027, checksum Σ volume tile by tile.
const scenario = parseScenario(STANDARD_VOLUME);
const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];
const model = resolveVolume(scenario, years);
const BLOCKS = Math.ceil(N / STREAM_BLOCK);
const SEED = '42';

function volumeKernel(): number {
  const ws = workspace(model);
  let check = 0;
  const sink = {
    target: () => ws.year,
    done: (k: number, _from: number, n: number) => {
      if (k === 0) return;
      for (let i = 0; i < n; i++) check += ws.year.volume[i]!;
    },
  };
  for (let b = 0; b < BLOCKS; b++) runVolumeBlock(model, SEED, b * STREAM_BLOCK, Math.min(STREAM_BLOCK, N - b * STREAM_BLOCK), ws, sink);
  return check;
}

const TILE = 2048;
function volumeFused(): number {
  // The standard workload's numbers, inlined: exponential growth at 35 %, σ = 0.25, no persistence,
  // capacity 12 Mt + 3 Mt from 2027 (2026 plus a 1-year delay), a 15 % capacity disruption (× 0.8)
  // and a 10 % demand disruption (× 0.8).
  const v0 = 0.86;
  const lr1 = log1p(0.35);
  const z = new Float64Array(TILE);
  const u1 = new Float64Array(TILE);
  const u2 = new Float64Array(TILE);
  const cum = new Float64Array(STREAM_BLOCK);
  let check = 0;
  for (let b = 0; b < BLOCKS; b++) {
    const n = Math.min(STREAM_BLOCK, N - b * STREAM_BLOCK);
    const shocks = new ZigguratNormal(keyedStream(SEED, 'demand/shocks', b).generator);
    const low = keyedStream(SEED, ['disruption', 'caspian low water', 'occurs'], b).generator;
    const slump = keyedStream(SEED, ['disruption', 'demand slump', 'occurs'], b).generator;
    cum.fill(0);
    for (let k = 1; k < years.length; k++) {
      const lr = lr1 * k;
      const capacity = 12 + 3 * +(years[k]! >= 2027);
      for (let lo = 0; lo < n; lo += TILE) {
        const m = Math.min(TILE, n - lo);
        shocks.fill(z, 0, m);
        low.fillUniform(u1, 0, m);
        slump.fillUniform(u2, 0, m);
        for (let j = 0; j < m; j++) {
          const i = lo + j;
          // With persistence 0 the kernel's shock is 0·ε + 1·σ·z (k = 1) or 0·ε + 1·σ·z: σ·z.
          const x = lr + (cum[i] = cum[i]! + (0 * 0 + 1 * 0.25 * z[j]!));
          const h2 = +(u2[j]! < 0.1);
          const d = v0 * exp(x) * (h2 * 0.8 + (1 - h2));
          const h1 = +(u1[j]! < 0.15);
          const c = capacity * (h1 * 0.8 + (1 - h1));
          u1[j] = d < c ? d : c;
        }
        for (let j = 0; j < m; j++) check += u1[j]!;
      }
    }
  }
  return check;
}

// --- Transit: the standard route's trips, checksum Σ days.
const route = parseRoute(STANDARD_TRANSIT);
/** The kernel: every trip's days, and every leg's sums (Σx, Σx², Σx·total) and counts. */
function transitKernel(): number {
  const [out] = runTrips(route, SEED, N, [{ volumeMt: () => null, capacityMt: () => null }]);
  let check = 0;
  for (let i = 0; i < N; i++) check += out!.days[i]!;
  return check;
}

/**
 * The trips' days alone, for this route: each leg's triangular draws in one fused pass, leg l5's
 * storm delay (a strike uniform and a uniform 1–4 days), and the totals in leg order — what every
 * trip costs at least — without the legs' sums that the kernel also keeps (for the variance shares).
 */
function transitDays(): number {
  const B = 16_384;
  const days = new Float64Array(B);
  const strike = new Float64Array(B);
  const delay = new Float64Array(B);
  const total = new Float64Array(B);
  let check = 0;
  for (let b = 0; b * B < N; b++) {
    const n = Math.min(B, N - b * B);
    route.legs.forEach((leg, l) => {
      const t = leg.days as { min: number; mode: number; max: number };
      const span = t.max - t.min;
      stream(SEED, ['leg', leg.name, 'days'], b).generator.fillTriangular(days, 0, n, t.min, t.max, span, (t.mode - t.min) / span);
      if (leg.delay) {
        const d = leg.delay.days as { min: number; max: number };
        stream(SEED, ['leg', leg.name, 'delay', 'strikes'], b).generator.fillUniform(strike, 0, n);
        stream(SEED, ['leg', leg.name, 'delay', 'days'], b).generator.fillUniform(delay, 0, n);
        const p = leg.delay.probability;
        for (let i = 0; i < n; i++) days[i] = days[i]! + (d.min + (d.max - d.min) * delay[i]!) * +(strike[i]! < p);
      }
      if (l === 0) total.set(days.subarray(0, n));
      else for (let i = 0; i < n; i++) total[i] = total[i]! + days[i]!;
    });
    for (let i = 0; i < n; i++) check += total[i]!;
  }
  return check;
}
function rounds(contenders: Record<string, () => number>): Record<string, number> {
  const t: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (const f of Object.values(contenders)) f();
  for (let r = 0; r < REPS; r++) {
    for (const [k, f] of Object.entries(contenders)) {
      const t0 = performance.now();
      f();
      t[k]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
}

const same = volumeKernel() === volumeFused();
const sameDays = transitKernel() === transitDays();
const v = rounds({ kernel: volumeKernel, fused: volumeFused });
const tr = rounds({ kernel: transitKernel, days: transitDays });
console.log(`Floors, ${N.toLocaleString('en')} paths / trips, medians of ${REPS} alternating rounds`);
console.log(`${'volume kernel (no summary statistics)'.padEnd(38)} ${v.kernel!.toFixed(0).padStart(5)} ms`);
console.log(`${'  hand-fused for this workload'.padEnd(38)} ${v.fused!.toFixed(0).padStart(5)} ms  = ${(v.fused! / v.kernel!).toFixed(2)} of the kernel; the same numbers: ${same ? 'yes' : 'NO'}`);
console.log(`${'transit kernel (days and leg sums)'.padEnd(38)} ${tr.kernel!.toFixed(0).padStart(5)} ms`);
console.log(`${'  the days alone, one pass a leg'.padEnd(38)} ${tr.days!.toFixed(0).padStart(5)} ms  = ${(tr.days! / tr.kernel!).toFixed(2)} of the kernel; the same numbers: ${sameDays ? 'yes' : 'NO'}`);
if (!same || !sameDays) process.exit(1);
