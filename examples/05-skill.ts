/**
 * How good are these forecasts? Rolling-origin evaluation on the ministry's record: every model
 * forecasts from each origin with only the outturns known then, and is scored against what came.
 * Each mean comes with its 95 % interval: one horizon at a time from Student t with origins − 1
 * degrees of freedom; across horizons, where the forecasts overlap, from a parametric bootstrap of
 * 200 records like this one (docs/forecasting.md).
 * Run: npm run example -- 05
 */
import { TITR_VOLUMES, evaluateForecasts, type IntervalEstimate } from 'middle-corridor';

const PATHS = 20_000;
const SEED = 2027;
const RECORDS = 200;
const e = evaluateForecasts(TITR_VOLUMES, { seed: SEED, paths: PATHS, bootstrap: { records: RECORDS } });
const f = (x: number, d: number) => (x >= 0 && d === 2 ? '+' : '') + x.toFixed(d);
const show = (x: IntervalEstimate | null, d = 3) =>
  x === null ? '—' : x.interval === null ? f(x.estimate, d) : `${f(x.estimate, d)} [${f(x.interval[0], d)}, ${f(x.interval[1], d)}]`;

console.log(`Forecasts from the origins ${e.origins.join(', ')} scored against the outturns to 2025 (${PATHS.toLocaleString('en')} paths, seed ${SEED}; baseline: ${e.baseline})`);
for (const h of [1, 'all'] as const) {
  console.log(`\n${h === 'all' ? `All horizons, with 95 % intervals from a parametric bootstrap of ${RECORDS} records` : 'One year ahead, with 95 % intervals (Student t)'}`);
  console.log('model                                         n   CRPS (Mt)              skill vs no change        log CRPS               skill (log)         cover 50 / 80');
  for (const s of e.summaries.filter((x) => x.horizon === h)) {
    console.log(
      `${s.model.padEnd(44)} ${String(s.n).padStart(2)}   ${show(s.crps).padEnd(21)}  ${show(s.skill, 2).padEnd(24)}  ${show(s.crpsLog).padEnd(21)}  ${show(s.skillLog, 2).padEnd(18)}  ${(100 * s.coverage50).toFixed(0).padStart(3)} / ${(100 * s.coverage80).toFixed(0)} %`,
    );
  }
}
console.log('\nEach forecast of the default model (shrunk drift) and of no change');
console.log('model          origin  year   outturn    P10     P50     P90     CRPS    PIT');
for (const s of e.scores.filter((x) => x.model === 'shrunk-drift' || x.model === 'no-change')) {
  console.log(
    `${s.model.padEnd(14)} ${s.origin}   ${s.year}   ${s.outturn.toFixed(3).padStart(6)}  ${s.p10.toFixed(2).padStart(6)}  ${s.p50.toFixed(2).padStart(6)}  ${s.p90.toFixed(2).padStart(6)}  ${s.crps.toFixed(3).padStart(6)}  ${s.pit.toFixed(3)}`,
  );
}
for (const w of e.warnings) console.log(`\nNote: ${w}`);
