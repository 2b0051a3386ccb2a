/**
 * Question 2: how likely are 10 Mt in 2027, and in which year does the corridor first get there?
 * For each preset: P(≥ 10 Mt in 2027) ± its Monte Carlo standard error, the median first year
 * reaching 10 Mt, and the fan (P10/P50/P90 per year); then what a forecast made with the record
 * through 2024 said about 2025.  Run: npm run example -- 02
 */
import { PRESETS, TITR_VOLUMES, backtest, forecastScenario, simulateVolumes, type PresetName } from 'middle-corridor';

const PATHS = 100_000;
const SEED = 2027;
const f = (x: number) => x.toFixed(2).padStart(6);

console.log(`Volume Monte Carlo, ${PATHS.toLocaleString('en')} paths per preset, seed ${SEED}\n`);
console.log('preset               P(≥ 10 Mt in 2027)   median first year ≥ 10 Mt   P(never by horizon)');
const fans: [PresetName, ReturnType<typeof simulateVolumes>][] = [];
for (const name of Object.keys(PRESETS) as PresetName[]) {
  const r = simulateVolumes(PRESETS[name], { paths: PATHS, seed: SEED });
  const p = r.probabilityAtLeast(2027, 10);
  const first = r.firstYearReaching(10);
  const never = first[first.length - 1]!;
  const median = r.medianFirstYear(10);
  console.log(
    `${name.padEnd(20)} ${(100 * p.estimate).toFixed(1).padStart(6)} % ± ${(100 * p.standardError).toFixed(2)}     ` +
      `${String(median ?? `after ${r.years[r.years.length - 1]}`).padEnd(26)}  ${(100 * never.probability.estimate).toFixed(1)} %`,
  );
  fans.push([name, r]);
}

for (const [name, r] of fans) {
  console.log(`\n${name}: volume carried, Mt (P10 / P50 / P90, mean; capacity-bound share)`);
  console.log('year     P10     P50     P90    mean   P(≥10)  at capacity');
  for (const row of r.summary()) {
    const u = r.utilisation(row.year);
    console.log(
      `${row.year}  ${f(row.p10)}  ${f(row.p50)}  ${f(row.p90)}  ${f(row.mean.estimate)}  ${(100 * row.probabilityAtLeastTarget!.estimate).toFixed(1).padStart(5)} %` +
        `  ${u ? `${(100 * u.atCapacity.estimate).toFixed(1).padStart(5)} %` : '     —'}`,
    );
  }
}

console.log('\nBacktest: a forecast made with the record through 2024 (the default: a random walk whose drift, fitted to 2019–2024, is shrunk toward zero)');
const [row] = backtest(TITR_VOLUMES, { fitThrough: 2024, horizon: 2025, paths: PATHS, seed: SEED }).rows;
console.log(`  2025 forecast: P10 ${row!.p10.toFixed(2)}, P50 ${row!.p50.toFixed(2)}, P90 ${row!.p90.toFixed(2)} Mt`);
console.log(`  outturn 4.119 Mt: ${row!.inside ? 'inside' : 'outside'} the P10–P90 band; the forecast gave P(≤ 4.119) = ${(100 * row!.probabilityAtMost.estimate).toFixed(1)} % ± ${(100 * row!.probabilityAtMost.standardError).toFixed(2)}`);
// The same forecast (same scenario and seed, so the same paths), asked about the announced 5.2 Mt.
const forecast = simulateVolumes(forecastScenario(TITR_VOLUMES, { fitThrough: 2024, horizon: 2025 }), { paths: PATHS, seed: SEED });
const announced = forecast.probabilityAtLeast(2025, 5.2);
console.log(`  the announced 5.2 Mt or more: P = ${(100 * announced.estimate).toFixed(1)} % ± ${(100 * announced.standardError).toFixed(2)}; the outturn fell short of it`);
