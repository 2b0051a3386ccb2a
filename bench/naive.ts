/**
 * Naive baselines for the benchmarks: the same models written the obvious way (seedrandom's
 * default generator through closures, Box–Muller normals, plain arrays of numbers, quantiles by
 * a full sort). They are not the library and are only ever timed beside it.
 */
import seedrandom from 'seedrandom';

function boxMuller(rng: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function sortedQuantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < s.length ? s[k]! + (h - k) * (s[k + 1]! - s[k]!) : s[k]!;
}

/** The standard volume workload, naively: returns a checksum. */
export function naiveVolumes(paths: number, seed: number): number {
  const rng = seedrandom(String(seed));
  const z = boxMuller(rng);
  const years = 8;
  let check = 0;
  const cum = new Array<number>(paths).fill(0);
  for (let k = 0; k < years; k++) {
    const volume: number[] = [];
    for (let i = 0; i < paths; i++) {
      if (k > 0) cum[i] = cum[i]! + 0.25 * z();
      let demand = 0.86 * Math.pow(1.35, k) * Math.exp(cum[i]!);
      let capacity = 12 + (2020 + k >= 2027 ? 3 : 0);
      if (k > 0 && rng() < 0.15) capacity *= 0.8;
      if (k > 0 && rng() < 0.1) demand *= 0.8;
      volume.push(Math.min(demand, capacity));
    }
    for (const p of [0.1, 0.5, 0.9]) check += sortedQuantile(volume, p);
  }
  return check;
}

/** The standard transit workload, naively (nine triangular legs, one storm delay). */
export function naiveTransit(trips: number, seed: number, legs: { min: number; mode: number; max: number }[]): number {
  const rng = seedrandom(String(seed));
  const tri = ({ min, mode, max }: { min: number; mode: number; max: number }) => {
    const u = rng();
    const c = (mode - min) / (max - min);
    return u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  };
  const days: number[] = [];
  for (let j = 0; j < trips; j++) {
    let t = 0;
    legs.forEach((l, i) => {
      t += tri(l);
      if (i === 4 && rng() < 0.05) t += 1 + 3 * rng();
    });
    days.push(t);
  }
  let within = 0;
  for (const d of days) if (d <= 15) within++;
  return within / trips + sortedQuantile(days, 0.5) + sortedQuantile(days, 0.9) + sortedQuantile(days, 0.95);
}
