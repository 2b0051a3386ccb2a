/**
 * How time and memory grow with paths, years, disruptions, legs and trips: the table in the
 * README's performance section (issue 5, item 6).
 *
 *   npm run bench:scaling            # about two minutes on the development machine
 *
 * Time is the median of 3 runs after a warm-up, divided by the units of work (path-years after
 * the start year, trip-legs); memory is the bytes of the arrays the result holds, per unit (a
 * summary holds none that grow with paths; its working set is a few MB whatever the paths).
 */
import { cpus } from 'node:os';
import { simulateTransit, simulateVolumes, type LegInput, type RouteInput, type ScenarioInput } from '../src/index.js';
import { STANDARD_TRANSIT, STANDARD_VOLUME } from './workloads.js';

const REPS = 3;

/** Bytes in the typed arrays a result holds (its paths or trips). */
function held(result: object): number {
  const arrays = Object.values(result).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is Float64Array => v instanceof Float64Array);
  return arrays.reduce((s, a) => s + a.byteLength, 0);
}

function measure(units: number, run: () => object): { nsPerUnit: number; bytesPerUnit: number } {
  run(); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    const result = run();
    times.push(performance.now() - t0);
    bytes = held(result);
  }
  times.sort((a, b) => a - b);
  return { nsPerUnit: (times[1]! * 1e6) / units, bytesPerUnit: bytes / units };
}

const volume = (years: number, disruptions: number): ScenarioInput => ({
  ...STANDARD_VOLUME,
  horizon: STANDARD_VOLUME.start.year + years,
  target: { year: STANDARD_VOLUME.start.year + years, volumeMt: 10 },
  disruptions: Array.from({ length: disruptions }, (_, j) => ({ ...STANDARD_VOLUME.disruptions![j % 2]!, name: `d${j}` })),
});
const route = (legs: number): RouteInput => ({
  name: `${legs} legs`,
  legs: Array.from({ length: legs }, (_, j): LegInput => ({ ...STANDARD_TRANSIT.legs[j % 9]!, name: `l${j}` })),
});

const rows: string[] = [];
const row = (kernel: string, shape: string, unit: string, m: { nsPerUnit: number; bytesPerUnit: number }) => {
  rows.push(`| ${kernel} | ${shape} | ${m.nsPerUnit.toFixed(0)} ns / ${unit} | ${m.bytesPerUnit.toFixed(1)} B / ${unit} |`);
  console.log(rows[rows.length - 1]);
};

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}\n`);
console.log('| kernel | shape | time | memory held by the result |\n| --- | --- | ---: | ---: |');
for (const paths of [10_000, 100_000, 1_000_000]) {
  row('simulateVolumes', `${paths.toLocaleString('en')} paths × 7 years, 2 disruptions`, 'path-year', measure(paths * 7, () => simulateVolumes(STANDARD_VOLUME, { paths, seed: 1 })));
}
for (const paths of [100_000, 1_000_000]) {
  row("simulateVolumes, keep: 'summary'", `${paths.toLocaleString('en')} paths × 7 years, 2 disruptions`, 'path-year', measure(paths * 7, () => simulateVolumes(STANDARD_VOLUME, { paths, seed: 1, keep: 'summary' })));
}
for (const years of [3, 14, 28]) {
  row('simulateVolumes', `100,000 paths × ${years} years, 2 disruptions`, 'path-year', measure(100_000 * years, () => simulateVolumes(volume(years, 2), { paths: 100_000, seed: 1 })));
}
for (const d of [0, 4, 8]) {
  row('simulateVolumes', `100,000 paths × 7 years, ${d} disruptions`, 'path-year', measure(100_000 * 7, () => simulateVolumes(volume(7, d), { paths: 100_000, seed: 1 })));
}
for (const trips of [10_000, 100_000, 1_000_000]) {
  row('simulateTransit', `${trips.toLocaleString('en')} trips × 9 legs`, 'trip-leg', measure(trips * 9, () => simulateTransit(STANDARD_TRANSIT, { trips, seed: 1 })));
}
for (const legs of [3, 27]) {
  row('simulateTransit', `100,000 trips × ${legs} legs`, 'trip-leg', measure(100_000 * legs, () => simulateTransit(route(legs), { trips: 100_000, seed: 1 })));
}
