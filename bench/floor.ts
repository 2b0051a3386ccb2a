/**
 * How far the kernels are from what one thread could do with the same numbers: each kernel on
 * the standard workload beside a hand-fused loop written for that workload alone (its constants
 * inlined, one pass a path-year or trip-leg), which must give the same numbers (checked to the
 * bit: the checksums below are sums in the same order). The fused loops are not the library;
 * they measure the floor of its design on this machine (docs/performance.md, "Floors").
 *
 *   npm run bench:floor               # 7 alternating rounds, medians
 */
import { exp, log1p } from '../src/math/index.js';
import { ZigguratNormal } from '../src/random/normal.js';
import { Xoshiro128 } from '../src/random/xoshiro128.js';
import { stream } from '../src/random/stream.js';
import { parseScenario } from '../src/scenario/parse.js';
import { parseRoute } from '../src/scenario/parse.js';
import { runVolumeBlock, STREAM_BLOCK, workspace } from '../src/volume/kernel.js';
import { keyedStream } from '../src/volume/draws.js';
import { runTrips } from '../src/transit/kernel.js';
import { STANDARD_TRANSIT, STANDARD_VOLUME } from './workloads.js';

const args = process.argv.slice(2);
const REPS = args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 7;
const N = 1_000_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// --- Volume: every block of the standard workload, years 2020–2027, checksum Σ volume tile by tile.
const scenario = parseScenario(STANDARD_VOLUME);
const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];
const BLOCKS = Math.ceil(N / STREAM_BLOCK);
const SEED = '42';

function volumeKernel(): number {
  const ws = workspace(scenario);
  let check = 0;
  const sink = {
    target: () => ws.year,
    done: (k: number, _from: number, n: number) => {
      if (k === 0) return;
      for (let i = 0; i < n; i++) check += ws.year.volume[i]!;
    },
  };
  for (let b = 0; b < BLOCKS; b++) runVolumeBlock(scenario, years, SEED, b * STREAM_BLOCK, Math.min(STREAM_BLOCK, N - b * STREAM_BLOCK), ws, sink);
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
function transitKernel(): number {
  const [out] = runTrips(route, SEED, N, [{ volumeMt: () => null, capacityMt: () => null }]);
  let check = 0;
  for (let i = 0; i < N; i++) check += out!.days[i]!;
  return check;
}

/** The triangular draws alone, one fused pass a leg (what every trip-leg costs at least), and the totals. */
function transitDraws(): number {
  const days = new Float64Array(Math.min(N, 16_384));
  const total = new Float64Array(days.length);
  let check = 0;
  for (let b = 0; b * 16_384 < N; b++) {
    const n = Math.min(16_384, N - b * 16_384);
    total.fill(0, 0, n);
    for (const leg of route.legs) {
      const t = leg.days as { min: number; mode: number; max: number };
      const span = t.max - t.min;
      (stream(SEED, ['leg', leg.name, 'days'], b).generator as Xoshiro128).fillTriangular(days, 0, n, t.min, t.max, span, (t.mode - t.min) / span);
      for (let i = 0; i < n; i++) total[i] = total[i]! + days[i]!;
    }
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
const v = rounds({ kernel: volumeKernel, fused: volumeFused });
const tr = rounds({ kernel: transitKernel, draws: transitDraws });
console.log(`Floors, ${N.toLocaleString('en')} paths / trips, medians of ${REPS} alternating rounds`);
console.log(`volume kernel (no statistics)       ${v.kernel!.toFixed(0).padStart(5)} ms`);
console.log(`  hand-fused for this workload      ${v.fused!.toFixed(0).padStart(5)} ms  = ${(v.fused! / v.kernel!).toFixed(2)} of the kernel; the same numbers: ${same ? 'yes' : 'NO'}`);
console.log(`transit kernel (no statistics)      ${tr.kernel!.toFixed(0).padStart(5)} ms`);
console.log(`  its triangular draws and totals   ${tr.draws!.toFixed(0).padStart(5)} ms  = ${(tr.draws! / tr.kernel!).toFixed(2)} of the kernel`);
if (!same) process.exit(1);
