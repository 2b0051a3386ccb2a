/**
 * Generators and samplers, draws per second. Run: npm run bench -- random
 *
 * The library draws from its own xoshiro128** (src/random/xoshiro128.ts; seedrandom only seeds
 * it): against seedrandom's generators, the one it used before (xor4096, Brent's xorgens: the
 * fastest of them whose code matches a published generator with passing BigCrush results;
 * xor128/xorwow are faster but fail BigCrush's linear-complexity tests, tychei's code departs
 * from the published Tyche-i, alea and the default ARC4 are slower). Each task draws 2^16
 * numbers into a reused buffer and keeps a sum so nothing is optimised away.
 */
import seedrandom from 'seedrandom';
import { bench, describe } from 'vitest';
import { fillStandardNormal, normal, sampler, stream, triangular } from '../src/index.js';

const N = 1 << 16;
const out = new Float64Array(N);
let sink = 0;
const consume = () => {
  sink += out[N >>> 1]!;
};

/**
 * A fresh copy of the fill loop per generator: a loop shared by all of them would see several
 * generator functions at one call site and run them all slower (V8's inline caches would go
 * polymorphic), which would favour whichever ran first.
 */
function fillLoop(): (g: () => number, out: Float64Array) => void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('g', 'out', 'for (let i = 0; i < out.length; i++) out[i] = g();') as (g: () => number, out: Float64Array) => void;
}

describe('generators: uniform doubles, 2^16 per task', () => {
  const library = stream('bench', 'uniforms').generator;
  bench('xoshiro128** block fill (library)', () => {
    library.fillUniform(out, 0, N);
    consume();
  });
  const generators: [string, () => number][] = [
    ['xoshiro128** one by one (library)', () => library.uniform()],
    ['xor4096 (the library before issue 14)', seedrandom.xor4096('bench-seed-0123456789')],
    ['xor128', seedrandom.xor128('bench-seed-0123456789')],
    ['xorwow', seedrandom.xorwow('bench-seed-0123456789')],
    ['tychei', seedrandom.tychei('bench-seed-0123456789')],
    ['alea', seedrandom.alea('bench-seed-0123456789')],
    ['ARC4 (seedrandom default; baseline)', seedrandom('bench-seed-0123456789')],
  ];
  for (const [name, g] of generators) {
    const loop = fillLoop();
    bench(name, () => {
      loop(g, out);
      consume();
    });
  }
});

describe('standard normals, 2^16 per task', () => {
  const s = stream('bench', 'normal');
  bench('ziggurat (library)', () => {
    fillStandardNormal(s, out);
    consume();
  });
  const u = stream('bench', 'box-muller');
  bench('Box–Muller (naive baseline)', () => {
    for (let i = 0; i < N; i++) out[i] = Math.sqrt(-2 * Math.log(u.double())) * Math.cos(2 * Math.PI * u());
    consume();
  });
  const p = stream('bench', 'polar');
  bench('Marsaglia polar (baseline)', () => {
    for (let i = 0; i < N; i += 2) {
      let x: number, y: number, r: number;
      do {
        x = 2 * p() - 1;
        y = 2 * p() - 1;
        r = x * x + y * y;
      } while (r >= 1 || r === 0);
      const f = Math.sqrt((-2 * Math.log(r)) / r);
      out[i] = x * f;
      if (i + 1 < N) out[i + 1] = y * f;
    }
    consume();
  });
});

describe('bound samplers, 2^16 per task', () => {
  const tri = triangular(stream('bench', 'tri'), { min: 1.5, mode: 3, max: 14 });
  bench('triangular', () => {
    for (let i = 0; i < N; i++) out[i] = tri();
    consume();
  });
  const pert = sampler(stream('bench', 'pert'), { dist: 'pert', min: 1.5, mode: 3, max: 14 });
  bench('pert (two gammas)', () => {
    for (let i = 0; i < N; i++) out[i] = pert();
    consume();
  });
  const tn = normal(stream('bench', 'tn'), { mean: 0, sd: 1, min: 3, max: 6 });
  bench('truncated normal, tail [3, 6]', () => {
    for (let i = 0; i < N; i++) out[i] = tn();
    consume();
  });
});

export { sink };
