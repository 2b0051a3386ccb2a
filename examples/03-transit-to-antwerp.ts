/**
 * Question 3: how long does a container take from Xi'an to Antwerp-Bruges, what is the chance it
 * takes at most 15 days, and how does that change as volume nears capacity?
 * Run: npm run example -- 03
 */
import { OFFICIAL_CLAIMS_2026, PRESETS, ROUTES, compareRoutes, moments, simulateCorridor, simulateTransit, solveRoute, type Estimate, type RouteInput, type TransitStatistic } from 'middle-corridor';

const TRIPS = 100_000;
const SEED = 15;
const TODAY_MT = 4.119; // the 2025 outturn, through the Caspian queue
const d = (x: number) => x.toFixed(1).padStart(5);
const pct = (e: Estimate) => `${(100 * e.estimate).toFixed(1).padStart(5)} % ± ${(100 * e.standardError).toFixed(2)}`;

console.log(`Xi'an → Antwerp-Bruges, ${TRIPS.toLocaleString('en')} trips per route, seed ${SEED}, ${TODAY_MT} Mt/yr through the corridor's Caspian queue\n`);
console.log('route              mean    P50    P90   P(≤ 15 days)        vs corridor-poti (paired)');
for (const r of compareRoutes(Object.values(ROUTES), { trips: TRIPS, seed: SEED, volumeMt: TODAY_MT }).rows) {
  const diff = r.difference === null ? '' : `${r.difference.estimate >= 0 ? '+' : ''}${r.difference.estimate.toFixed(2)} ± ${r.difference.standardError.toFixed(2)} days`;
  console.log(`${r.route.padEnd(17)} ${d(r.mean.estimate)}  ${d(r.p50)}  ${d(r.p90)}   ${pct(r.probabilityWithin)}   ${diff}`);
}

const corridor = ROUTES['corridor-poti'];
const today = simulateTransit(corridor, { trips: TRIPS, seed: SEED, volumeMt: TODAY_MT });
console.log('\nWhich leg drives the variance (corridor-poti, today)');
console.log('leg                               mean days   sd   share of variance   delay   waited');
for (const l of today.legs()) {
  console.log(
    `${l.leg.padEnd(32)} ${d(l.mean.estimate)}     ${l.sdDays.toFixed(1).padStart(4)}      ${(100 * l.varianceShare).toFixed(1).padStart(5)} %        ${(100 * l.delayed.estimate).toFixed(1).padStart(4)} %  ${(100 * l.waited.estimate).toFixed(1).padStart(5)} %`,
  );
}
const floor = (r: RouteInput) => r.legs.reduce((s, l) => s + (moments(l.days).min ?? 0), 0); // leg days are >= 0: min is never null here
const minimum = floor(corridor);
console.log(`The legs' minimum times add up to ${minimum} days: under these priors no trip makes 15.`);

console.log('\nCongestion: the same trips as the volume through the Caspian (capacity 6 Mt/yr) grows');
console.log('volume Mt   mean    P90   saturated');
for (const v of [3, 4.119, 5, 5.5, 5.8, 6]) {
  const t = simulateTransit(corridor, { trips: TRIPS, seed: SEED, volumeMt: v });
  console.log(`${v.toFixed(2).padStart(8)}   ${d(t.mean.estimate)}  ${d(t.quantile(0.9))}   ${(100 * t.saturated.estimate).toFixed(1).padStart(5)} %`);
}

console.log('\nIn 2027, demand from a scenario and the Caspian queue on the scenario’s capacity (20,000 paths)');
console.log('scenario             median demand   mean    P90   P(≤ 15 days)        saturated');
for (const name of ['baseline', 'official-capacity'] as const) {
  const c = simulateCorridor(PRESETS[name], corridor, { paths: 20_000, seed: SEED, useScenarioCapacity: true });
  const row = c.summary().find((r) => r.year === 2027)!;
  console.log(`${name.padEnd(20)} ${row.demandP50.toFixed(2).padStart(9)} Mt   ${d(row.mean.estimate)}  ${d(row.p90)}   ${pct(row.probabilityWithin)}   ${(100 * row.saturated.estimate).toFixed(1).padStart(5)} %`);
}

console.log('\nCalibration against published figures (days)');
const part = (names: string[]): RouteInput => ({ name: 'part', legs: corridor.legs.filter((l) => names.includes(l.name)) });
const altynkolConstanta = simulateTransit(part(['Altynkol → Aktau/Kuryk', 'Caspian crossing Aktau → Alat', 'Alat → Poti/Batumi', 'Poti/Batumi → Constanța']), { trips: TRIPS, seed: SEED, volumeMt: TODAY_MT });
const congested = simulateTransit(corridor, { trips: TRIPS, seed: SEED, volumeMt: 6 });
const rows: [string, string, number, number][] = [
  ['Altynkol → Constanța', '20–22 (official schedules, 2024)', altynkolConstanta.quantile(0.5), altynkolConstanta.mean.estimate],
  ["Xi'an → Antwerp-Bruges", '31–37 China → Constanța/Duisburg (forwarders, 2025)', today.quantile(0.5), today.mean.estimate],
  ["Xi'an → Antwerp, Caspian saturated", '50–55 (DHL, congested, 2024); 38–53 (2022)', congested.quantile(0.5), congested.mean.estimate],
];
console.log('stretch                              published                                        model P50   mean');
for (const [what, pub, p50, mean] of rows) console.log(`${what.padEnd(36)} ${pub.padEnd(48)} ${d(p50)}   ${d(mean)}`);

// The ministry's newest claim beside the model: which stretch "13–17 days" can mean, and what the legs would need.
const claim = OFFICIAL_CLAIMS_2026.deliveryDays;
const range = (r: { minDays: number; maxDays: number }) => `${r.minDays}–${r.maxDays}`;
const [lo, hi] = [claim.now.minDays, claim.now.maxDays];
const within = (days: number): TransitStatistic => ({ statistic: 'probabilityWithin', days });
const scale = (r: RouteInput, statistic: TransitStatistic, level: number) => {
  const s = solveRoute(r, { parameter: 'days-scale', statistic, level, range: [0.1, 2], trips: TRIPS, seed: SEED, volumeMt: TODAY_MT });
  return `× ${s.value.toFixed(3)} [${s.lower.toFixed(3)}, ${s.upper.toFixed(3)}]`;
};
console.log(`\nThe ministry's claim (${OFFICIAL_CLAIMS_2026.date}): delivery "from ${range(claim.before)} days to ${range(claim.now)} days" — the release does not say between which points`);
console.log(`reading (legs of the model)   other sources   model P10    P50    P90   P(≤ ${hi} days)        legs' minimum   P(≤ ${hi}) = 50 % needs every leg's days`);
const readings = claim.readings.map((reading) => {
  const legs = ROUTES[reading.route].legs.filter((l) => reading.legs.includes(l.name));
  const r: RouteInput = { name: reading.stretch, legs };
  return { reading, r, t: simulateTransit(r, { trips: TRIPS, seed: SEED, volumeMt: TODAY_MT }) };
});
for (const { reading, r, t } of readings) {
  console.log(
    `${reading.stretch.padEnd(29)} ${reading.evidence.padEnd(13)} ${d(t.quantile(0.1))}  ${d(t.quantile(0.5))}  ${d(t.quantile(0.9))}   ${pct(t.probabilityWithin(hi))}   ${floor(r).toFixed(1).padStart(8)}        ${scale(r, within(hi), 0.5)}`,
  );
}
const likeliest = readings.find((x) => x.reading.evidence === 'supported')!;
const [below, upTo] = [likeliest.t.probabilityWithin(lo).estimate, likeliest.t.probabilityWithin(hi).estimate];
const share = (p: number) => `${(100 * p).toFixed(1)} %`;
console.log(
  `On the reading the sources support (${likeliest.reading.stretch}) the model's median is ${likeliest.t.quantile(0.5).toFixed(1)} days: ${share(upTo - below)} of trips take ${range(claim.now)} days, ${share(below)} less than ${lo}, ${share(1 - upTo)} more than ${hi}.`,
);
console.log(
  `For the claim to hold for nine trips in ten (P(≤ ${hi} days) = 90 %) every leg's days ${scale(likeliest.r, within(hi), 0.9)}; for a median of ${(lo + hi) / 2} days ${scale(likeliest.r, { statistic: 'quantile', p: 0.5 }, (lo + hi) / 2)}.`,
);
