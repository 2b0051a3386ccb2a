import { compiledFormula, logGrowthRatio, type FixedGrowthModel, type GrowthModel } from '../growth/model.js';
import type { Param } from '../random/dist.js';
import { ZigguratNormal } from '../random/normal.js';
import { fillParam } from '../random/samplers.js';
import { seedKey, stream, type Seed, type Stream } from '../random/stream.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { VolumeResult } from './result.js';

/**
 * Paths per random stream. Every stream is derived from (seed, purpose, block of STREAM_BLOCK
 * paths), and draws within a block are made year by year, so the numbers do not depend on how
 * the paths are split into chunks for execution or across workers. 16,384: seeding a stream
 * costs about 20 µs (seedrandom's key schedule), so small blocks would spend more time seeding
 * than drawing.
 */
export const STREAM_BLOCK = 16_384;

/** The most paths one run may ask for (memory: 3 arrays × years × paths × 8 bytes). */
export const MAX_PATHS = 50_000_000;

/** Options of {@link simulateVolumes}. */
export interface VolumeOptions {
  /** Number of simulated paths (a positive integer). */
  paths: number;
  /** The run's seed: a finite number or a non-empty string. */
  seed: Seed;
  /** Called after each chunk with the share of paths done, in (0, 1]. */
  onProgress?: (done: number) => void;
  /**
   * Paths per execution chunk (progress is reported after each), a multiple of 16,384
   * (65,536 by default). The numbers are identical for every chunk size.
   */
  blockSize?: number;
}

function checkOptions(o: VolumeOptions): { paths: number; seed: string; chunk: number } {
  if (o === null || typeof o !== 'object') throw new TypeError('simulateVolumes: options must be an object { paths, seed }');
  const { paths } = o;
  if (!(Number.isInteger(paths) && paths > 0 && paths <= MAX_PATHS)) {
    throw new RangeError(`paths: must be a whole number in [1, ${MAX_PATHS}] (got ${String(paths)})`);
  }
  const seed = seedKey(o.seed);
  const chunk = o.blockSize ?? 65_536;
  if (!(Number.isInteger(chunk) && chunk > 0 && chunk % STREAM_BLOCK === 0)) {
    throw new RangeError(`blockSize: must be a positive multiple of ${STREAM_BLOCK} (got ${String(chunk)})`);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new TypeError('onProgress: must be a function');
  return { paths, seed, chunk };
}

/** Draws one value per path of a parameter, block by block from its own stream. */
function drawPerPath(param: Param, seed: string, purpose: string, first: number, count: number, out: Float64Array): Float64Array {
  if (typeof param === 'number') return out.fill(param, 0, count);
  for (let off = 0; off < count; off += STREAM_BLOCK) {
    const block = (first + off) / STREAM_BLOCK;
    fillParam(param, stream(seed, purpose, block), out, off, Math.min(off + STREAM_BLOCK, count));
  }
  return out;
}

/** The growth model's log ratio log(m(t_k)/m(t_0)) per year, shared or per path. */
interface GrowthPlan {
  /** Fills out[i] (i < count) with the log ratio of year index k for the chunk's paths. */
  fill(k: number, count: number, out: Float64Array): void;
}

function planGrowth(growth: GrowthModel, years: number[], seed: string, first: number, count: number): GrowthPlan {
  const t0 = years[0]!;
  const fixedParams = (names: string[], get: (n: string) => Param) => names.every((n) => typeof get(n) === 'number');
  const draws = (name: string, p: Param) => drawPerPath(p, seed, `growth/${name}`, first, count, new Float64Array(count));
  switch (growth.model) {
    case 'exponential': {
      if (typeof growth.rate === 'number') {
        const lr = Math.log1p(growth.rate);
        return { fill: (k, n, out) => out.fill(lr * (years[k]! - t0), 0, n) };
      }
      const lr = draws('rate', growth.rate).map(Math.log1p);
      return {
        fill: (k, n, out) => {
          const dt = years[k]! - t0;
          for (let i = 0; i < n; i++) out[i] = lr[i]! * dt;
        },
      };
    }
    case 'piecewise': {
      const lr = years.map((t) => logGrowthRatio(growth, t0, t));
      return { fill: (k, n, out) => out.fill(lr[k]!, 0, n) };
    }
    case 'logistic':
    case 'gompertz': {
      const names = ['capacityMt', 'rate', 'midpointYear'] as const;
      if (fixedParams([...names], (n) => growth[n as (typeof names)[number]])) {
        const lr = years.map((t) => logGrowthRatio(growth as FixedGrowthModel, t0, t));
        return { fill: (k, n, out) => out.fill(lr[k]!, 0, n) };
      }
      const r = draws('rate', growth.rate);
      const tm = draws('midpointYear', growth.midpointYear);
      // K cancels in m(t)/m(t0); it is still drawn, from its own stream, so that adding or
      // removing its uncertainty never shifts other draws.
      draws('capacityMt', growth.capacityMt);
      const logistic = growth.model === 'logistic';
      const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
      return {
        fill: (k, n, out) => {
          const t = years[k]!;
          for (let i = 0; i < n; i++) {
            const a = -r[i]! * (t0 - tm[i]!);
            const b = -r[i]! * (t - tm[i]!);
            out[i] = logistic ? softplus(a) - softplus(b) : Math.exp(a) - Math.exp(b);
          }
        },
      };
    }
    case 'expression': {
      const f = compiledFormula(growth);
      const names = Object.keys(growth.params);
      if (fixedParams(names, (n) => growth.params[n]!)) {
        const lr = years.map((t) => logGrowthRatio(growth as FixedGrowthModel, t0, t));
        return { fill: (k, n, out) => out.fill(lr[k]!, 0, n) };
      }
      const cols = names.map((n) => draws(n, growth.params[n]!));
      const scope: Record<string, number> = {};
      const logF = (i: number, t: number) => {
        names.forEach((n, j) => (scope[n] = cols[j]![i]!));
        const v = f.evaluate(t, scope);
        if (!(v > 0 && Number.isFinite(v))) {
          throw new RangeError(`growth.formula: must be positive and finite at every simulated year (got ${v} at t = ${t} on path ${first + i} for '${growth.formula}')`);
        }
        return Math.log(v);
      };
      const base = new Float64Array(count);
      for (let i = 0; i < count; i++) base[i] = logF(i, t0);
      return {
        fill: (k, n, out) => {
          const t = years[k]!;
          for (let i = 0; i < n; i++) out[i] = k === 0 ? 0 : logF(i, t) - base[i]!;
        },
      };
    }
  }
}

/**
 * Monte Carlo of annual corridor volumes under a scenario (DESIGN.md: Years, Median path,
 * Capacity, Disruptions, Reproducibility).
 *
 * For each path: the scenario's distributions are drawn once (growth parameters, volatility,
 * capacity, expansion sizes and delays, disruption probabilities and factors); then each year
 * k = 1…horizon the log demand moves by the growth model's step plus a shock ε_k with sd σ
 * (AR(1) with coefficient φ = persistence, stationary sd σ), each disruption strikes with its
 * probability and multiplies that year's demand or capacity, and volume = min(demand, capacity).
 *
 * Streams: (seed, purpose, block of 16,384 paths) with purposes `growth/<param>`, `volatility`,
 * `capacity/base`, `capacity/expansion/<i>/add|delay`, `demand/shocks`,
 * `disruption/<name>/probability|demandFactor|capacityFactor|occurs`: adding a disruption never
 * changes the demand shocks, and the numbers do not depend on `blockSize`.
 *
 * @example
 * const r = simulateVolumes({ start: { year: 2025, volumeMt: 4.119 }, horizon: 2027, growth: { model: 'exponential', rate: 0.3 } }, { paths: 1000, seed: 1 });
 * r.quantile(2027, 0.5) // => 6.96111…
 */
export function simulateVolumes(s: ScenarioInput | Scenario, o: VolumeOptions): VolumeResult {
  const scenario = parseScenario(s);
  const { paths, seed, chunk } = checkOptions(o);
  const y0 = scenario.start.year;
  const years = Array.from({ length: scenario.horizon - y0 + 1 }, (_, k) => y0 + k);
  const K = years.length;
  const demand = years.map(() => new Float64Array(paths));
  const hasCapacity = scenario.capacity !== null;
  const capacity = hasCapacity ? years.map(() => new Float64Array(paths)) : [];
  const volume = years.map(() => new Float64Array(paths));
  const v0 = scenario.start.volumeMt;
  const phi = scenario.persistence;
  const innovation = Math.sqrt(1 - phi * phi);

  // Chunks are whole stream blocks; within a block every draw is made year by year.
  const z = new Float64Array(Math.min(STREAM_BLOCK, paths));
  const u = new Float64Array(Math.min(STREAM_BLOCK, paths));
  for (let chunkStart = 0; chunkStart < paths; chunkStart += chunk) {
    const chunkEnd = Math.min(chunkStart + chunk, paths);
    for (let first = chunkStart; first < chunkEnd; first += STREAM_BLOCK) {
      const n = Math.min(STREAM_BLOCK, chunkEnd - first);
      runBlock(first, n);
    }
    o.onProgress?.(chunkEnd / paths);
  }

  function runBlock(first: number, n: number): void {
    const block = first / STREAM_BLOCK;
    const growth = planGrowth(scenario.growth, years, seed, first, n);
    const sigma = drawPerPath(scenario.volatility, seed, 'volatility', first, n, new Float64Array(n));
    const base = hasCapacity ? drawPerPath(scenario.capacity!.baseMt, seed, 'capacity/base', first, n, new Float64Array(n)) : null;
    const expansions = (scenario.capacity?.expansions ?? []).map((e, i) => {
      const add = drawPerPath(e.addMt, seed, `capacity/expansion/${i}/add`, first, n, new Float64Array(n));
      const live = drawPerPath(e.delayYears, seed, `capacity/expansion/${i}/delay`, first, n, new Float64Array(n));
      for (let j = 0; j < n; j++) live[j] = e.year + Math.ceil(live[j]!);
      return { add, live };
    });
    const disruptions = scenario.disruptions.map((d) => ({
      p: drawPerPath(d.probability, seed, `disruption/${d.name}/probability`, first, n, new Float64Array(n)),
      fd: d.demandFactor === null ? null : drawPerPath(d.demandFactor, seed, `disruption/${d.name}/demandFactor`, first, n, new Float64Array(n)),
      fc: d.capacityFactor === null ? null : drawPerPath(d.capacityFactor, seed, `disruption/${d.name}/capacityFactor`, first, n, new Float64Array(n)),
      occurs: stream(seed, `disruption/${d.name}/occurs`, block).generator,
    }));
    const shocks = new ZigguratNormal(stream(seed, 'demand/shocks', block).generator);

    const cum = new Float64Array(n); // Σ shocks so far
    const eps = new Float64Array(n); // last shock (AR(1) state)
    const lr = new Float64Array(n);
    for (let k = 0; k < K; k++) {
      const year = years[k]!;
      const d = demand[k]!;
      const c = hasCapacity ? capacity[k]! : null;
      const v = volume[k]!;
      if (k === 0) {
        // The start year: demand is exactly start.volumeMt, capacity the base alone.
        for (let i = 0; i < n; i++) {
          d[first + i] = v0;
          if (c) c[first + i] = base![i]!;
          v[first + i] = c && c[first + i]! < v0 ? c[first + i]! : v0;
        }
        continue;
      }
      growth.fill(k, n, lr);
      shocks.fill(z, 0, n);
      for (let i = 0; i < n; i++) {
        const shock = k === 1 ? sigma[i]! * z[i]! : phi * eps[i]! + innovation * sigma[i]! * z[i]!;
        eps[i] = shock;
        const x = lr[i]! + (cum[i] = cum[i]! + shock);
        // v0 · e^x rather than e^(log v0 + x): exactly v0 whenever x = 0 (a flat path).
        const dv = v0 * Math.exp(x);
        if (!(dv <= Number.MAX_VALUE)) {
          throw new RangeError(`simulateVolumes: demand overflows on path ${first + i} in ${year} (log demand ${Math.log(v0) + x}); the scenario's growth and volatility are beyond what a double can hold`);
        }
        d[first + i] = dv;
      }
      if (c) {
        for (let i = 0; i < n; i++) c[first + i] = base![i]!;
        for (const e of expansions) {
          const { add, live } = e;
          for (let i = 0; i < n; i++) if (year >= live[i]!) c[first + i] = c[first + i]! + add[i]!;
        }
      }
      for (const dis of disruptions) {
        dis.occurs.fillUniform(u, 0, n);
        const { p, fd, fc } = dis;
        for (let i = 0; i < n; i++) {
          if (u[i]! < p[i]!) {
            if (fd) d[first + i] = d[first + i]! * fd[i]!;
            if (fc && c) c[first + i] = c[first + i]! * fc[i]!;
          }
        }
      }
      if (c) {
        for (let i = 0; i < n; i++) {
          const dv = d[first + i]!;
          const cv = c[first + i]!;
          v[first + i] = dv < cv ? dv : cv;
        }
      } else v.set(d.subarray(first, first + n), first);
    }
  }

  return new VolumeResult({ scenario, seed, paths, years, demand, capacity, volume });
}
