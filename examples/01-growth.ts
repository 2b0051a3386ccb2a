/**
 * Question 1: what growth does each model fitted to the record imply, and what growth does the
 * 10 Mt plan need?  Run: npm run example -- 01
 */
import {
  ANNOUNCED_TRAJECTORY,
  TITR_VOLUMES,
  cagr,
  compareSeries,
  fitGrowth,
  growthCurve,
  reportedVolumes,
  requiredGrowth,
  type FitParameter,
  type GrowthFit,
} from 'middle-corridor';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)} %`;
const mt = (x: number) => x.toFixed(3);

// 1. The record, with its sources.
console.log('The record: Middle Corridor (TITR) volumes, Mt');
console.log('year  volume   kind      TEU       source');
for (const o of TITR_VOLUMES) {
  const teu = o.teu ? `${o.teu.kind === 'estimate' ? '~' : ''}${o.teu.teu.toLocaleString('en')}` : '—';
  console.log(`${o.year}  ${o.volumeMt.toFixed(3).padStart(6)}   ${o.kind.padEnd(8)}  ${teu.padEnd(8)}  ${o.source.split(' — ')[0]}`);
  if (o.note) console.log(`                                     note: ${o.note}`);
}

// 2. Where the article's figures and the ministry's record differ.
console.log('\nThe article (Diplomatic World, Oct 2025) against the record');
console.log('year  article  record   difference');
for (const r of compareSeries(ANNOUNCED_TRAJECTORY, TITR_VOLUMES)) {
  const diff = r.differenceMt === null ? 'no outturn yet' : `${r.differenceMt >= 0 ? '+' : ''}${r.differenceMt.toFixed(3)} Mt (${pct(r.relativeDifference!)})`;
  console.log(`${r.year}  ${r.claimedMt.toFixed(3).padStart(6)}   ${r.recordMt === null ? '     —' : r.recordMt.toFixed(3).padStart(6)}   ${diff}`);
}

// 3. Growth models fitted to the record 2019–2025 (least squares on log volume).
const show = (p: FitParameter) => {
  if (p.fixed) return `${p.name} = ${p.estimate} (fixed)`;
  if (p.estimate === null) return `${p.name}: not identified${p.lowerBound95 ? ` (data allow any value ≥ ${p.lowerBound95.toFixed(2)})` : ''}`;
  const se = p.standardError === null ? '' : ` ± ${p.standardError.toPrecision(2)}`;
  return `${p.name} = ${p.name === 'midpointYear' ? p.estimate.toFixed(1) : p.estimate.toPrecision(4)}${se}`;
};
const report = (label: string, f: GrowthFit) => {
  console.log(`\n${label}`);
  for (const p of f.parameters) console.log(`  ${show(p)}`);
  console.log(`  RMSLE ${f.rmsle.toFixed(4)}   AICc ${f.aicc === null ? '—' : f.aicc.toFixed(2)}   2027 prediction ${mt(f.predict(2027))} Mt`);
  for (const w of f.warnings) console.log(`  ! ${w}`);
};
console.log('\nGrowth models fitted to the ministry record 2019–2025 (± standard error)');
report('exponential', fitGrowth(TITR_VOLUMES, 'exponential'));
report('logistic', fitGrowth(TITR_VOLUMES, 'logistic'));
report('Gompertz', fitGrowth(TITR_VOLUMES, 'gompertz'));
report('logistic, capacity fixed at the planned 10 Mt', fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: 10 } }));
report('Gompertz, capacity fixed at the planned 10 Mt', fitGrowth(TITR_VOLUMES, 'gompertz', { fixed: { capacityMt: 10 } }));

// 4. Compound growth 2020 → 2024, on each 2020 figure.
const record = reportedVolumes();
const y = (year: number) => record.find((o) => o.year === year)!;
console.log('\nCompound annual growth 2020 → 2024');
console.log(`  ministry (0.783 → 4.484 Mt): ${pct(cagr(y(2020), y(2024)), 2)} per year`);
console.log(`  article  (0.86 → 4.5 Mt):    ${pct(cagr(ANNOUNCED_TRAJECTORY[0]!, ANNOUNCED_TRAJECTORY[1]!), 2)} per year`);

// 5. What 10 Mt in 2027 needs.
const plan = { year: 2027, volumeMt: 10 };
console.log('\nGrowth per year that 10 Mt in 2027 needs');
console.log(`  from the 2025 outturn (4.119 Mt):       ${pct(requiredGrowth(y(2025), plan))}`);
console.log(`  from the article's expected 5.2 Mt:     ${pct(requiredGrowth({ year: 2025, volumeMt: 5.2 }, plan))}`);
console.log(`  the record's own pace, 2019–2025 fit:   ${pct(fitGrowth(TITR_VOLUMES, 'exponential').parameters[1]!.estimate!)}`);

// 6. A fit as a scenario's growth: `fit.model` is anchored at the fitted value of the last year
// and levels off at K, so "capacity 10 Mt" means the path stops at 10 Mt.
const k10 = fitGrowth(TITR_VOLUMES, 'logistic', { fixed: { capacityMt: 10 } });
const path = growthCurve(k10.model, k10.anchor);
console.log(`\nThe logistic fit with K = 10 Mt as a scenario's growth, from ${mt(k10.anchor.volumeMt)} Mt in ${k10.anchor.year}`);
console.log(`  ${[2027, 2030, 2035, 2040, 2050].map((year) => `${year}: ${mt(path(year))}`).join('   ')}  (Mt; it levels off at K = 10)`);
