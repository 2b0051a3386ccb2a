/**
 * How good are these forecasts? Rolling-origin evaluation on the ministry's record: every model
 * forecasts from each origin with only the outturns known then, and is scored against what came.
 * Run: npm run example -- 05
 */
import { TITR_VOLUMES, evaluateForecasts, type Estimate } from 'middle-corridor';

const PATHS = 20_000;
const SEED = 2027;
const e = evaluateForecasts(TITR_VOLUMES, { seed: SEED, paths: PATHS });
const pm = (x: Estimate, d = 3) => `${x.estimate.toFixed(d)} ± ${x.standardError.toFixed(d)}`;

console.log(`Forecasts from the origins ${e.origins.join(', ')} scored against the outturns to 2025 (${PATHS.toLocaleString('en')} paths, seed ${SEED}; baseline: ${e.baseline})`);
for (const h of [1, 'all'] as const) {
  console.log(`\n${h === 'all' ? 'All horizons' : 'One year ahead'}`);
  console.log('model                                         n   CRPS (Mt)         80 % int. score    cover 50 / 80   skill vs no change');
  for (const s of e.summaries.filter((x) => x.horizon === h)) {
    const skill = s.skill === null ? '—' : pm(s.skill);
    console.log(
      `${s.model.padEnd(44)} ${String(s.n).padStart(2)}   ${pm(s.crps).padEnd(16)}  ${pm(s.intervalScore80, 2).padEnd(17)}  ${(100 * s.coverage50).toFixed(0).padStart(3)} / ${(100 * s.coverage80).toFixed(0).padEnd(3)} %     ${skill}`,
    );
  }
}
console.log('\nEach forecast of the default model (shrunk drift) and of no change');
console.log('model          origin  year   outturn    P10     P50     P90     CRPS    PIT');
for (const s of e.scores.filter((x) => x.model === 'shrunk-drift' || x.model === 'no-change')) {
  console.log(
    `${s.model.padEnd(14)} ${s.origin}   ${s.year}   ${s.outturn.toFixed(3).padStart(6)}  ${s.p10.toFixed(2).padStart(6)}  ${s.p50.toFixed(2).padStart(6)}  ${s.p90.toFixed(2).padStart(6)}  ${s.crps.toFixed(3).padStart(6)}  ${s.pit.toFixed(2)}`,
  );
}
for (const w of e.warnings) console.log(`\nNote: ${w}`);
