import { compiledFormula, logGrowthRatio, type FixedGrowthModel, type GrowthModel } from '../growth/model.js';
import type { Param } from '../random/dist.js';
import { ZigguratNormal } from '../random/normal.js';
import { fillParam } from '../random/samplers.js';
import { stream } from '../random/stream.js';
import type { Scenario } from '../scenario/types.js';

/**
 * Paths per random stream. Every stream is derived from (seed, purpose, block of STREAM_BLOCK
 * paths), and draws within a block are made year by year, so the numbers do not depend on how
 * the paths are split into chunks for execution or across workers. 16,384: seeding a stream
 * costs about 20 µs (seedrandom's key schedule), so small blocks would spend more time seeding
 * than drawing.
 */
export const STREAM_BLOCK = 16_384;

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

export function planGrowth(growth: GrowthModel, years: readonly number[], seed: string, first: number, count: number): GrowthPlan {
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

/** Called for each year of a block with that year's demand, capacity (null: unlimited) and volume, block-local (index 0 = path `first`). */
export type YearSink = (k: number, first: number, n: number, demand: Float64Array, capacity: Float64Array | null, volume: Float64Array) => void;

/** Reusable buffers for {@link runVolumeBlock}. */
export interface Workspace {
  z: Float64Array;
  u: Float64Array;
  d: Float64Array;
  c: Float64Array;
  v: Float64Array;
}

export function workspace(): Workspace {
  const m = () => new Float64Array(STREAM_BLOCK);
  return { z: m(), u: m(), d: m(), c: m(), v: m() };
}

/**
 * The volume kernel for one stream block of paths [first, first + n): draws the block's
 * parameters, then walks the years, handing each year's demand, capacity and volume to `sink`.
 */
export function runVolumeBlock(scenario: Scenario, years: readonly number[], seed: string, first: number, n: number, ws: Workspace, sink: YearSink): void {
  const K = years.length;
  const hasCapacity = scenario.capacity !== null;
  const v0 = scenario.start.volumeMt;
  const phi = scenario.persistence;
  const innovation = Math.sqrt(1 - phi * phi);
  const { z, u, d, v } = ws;
  const c = hasCapacity ? ws.c : null;
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
    if (k === 0) {
      // The start year: demand is exactly start.volumeMt, capacity the base alone.
      for (let i = 0; i < n; i++) {
        d[i] = v0;
        if (c) c[i] = base![i]!;
        v[i] = c && c[i]! < v0 ? c[i]! : v0;
      }
      sink(k, first, n, d, c, v);
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
      d[i] = dv;
    }
    if (c) {
      for (let i = 0; i < n; i++) c[i] = base![i]!;
      for (const e of expansions) {
        const { add, live } = e;
        for (let i = 0; i < n; i++) if (year >= live[i]!) c[i] = c[i]! + add[i]!;
      }
    }
    for (const dis of disruptions) {
      dis.occurs.fillUniform(u, 0, n);
      const { p, fd, fc } = dis;
      for (let i = 0; i < n; i++) {
        if (u[i]! < p[i]!) {
          if (fd) d[i] = d[i]! * fd[i]!;
          if (fc && c) c[i] = c[i]! * fc[i]!;
        }
      }
    }
    if (c) {
      for (let i = 0; i < n; i++) {
        const dv = d[i]!;
        const cv = c[i]!;
        v[i] = dv < cv ? dv : cv;
      }
    } else v.set(d.subarray(0, n));
    sink(k, first, n, d, c, v);
  }
}
