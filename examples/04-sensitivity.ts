/**
 * Question 4: which assumption moves the answer most, and how do two scenarios differ?
 * Run: npm run example -- 04
 */
import { PRESETS, ROUTES, compareScenarios, sobolIndices, solveRoute, solveScenario, tornado, type Estimate, type ScenarioInput } from 'middle-corridor';

const PATHS = 20_000;
const SEED = 2027;
const pm = (e: Estimate, digits = 2) => `${e.estimate.toFixed(digits)} ± ${e.standardError.toFixed(digits)}`;
const pct = (e: Estimate) => `${(100 * e.estimate).toFixed(1)} % ± ${(100 * e.standardError).toFixed(2)}`;

// 1. Which assumption moves the 2027 median volume of the baseline most (one at a time)?
const t = tornado(PRESETS.baseline, { statistic: { statistic: 'quantile', year: 2027, p: 0.5 }, paths: PATHS, seed: SEED });
console.log(`Tornado: ${t.label} under 'baseline' (${PATHS.toLocaleString('en')} paths, seed ${SEED}); as given ${pm(t.baseline)}`);
console.log('parameter                            its P10 → P90          statistic at P10     at P90        swing (paired)');
for (const r of t.rows) {
  console.log(
    `${r.parameter.padEnd(36)} ${r.p10.toFixed(3).padStart(7)} → ${r.p90.toFixed(3).padEnd(8)}   ${pm(r.low).padStart(14)}   ${pm(r.high).padStart(14)}   ${pm(r.swing.difference).padStart(14)}`,
  );
}

// 1b. Which source of uncertainty drives the 2027 volume under official-capacity (variance-based)?
const sobol = sobolIndices(PRESETS['official-capacity'], { output: { year: 2027 }, samples: 16_384, seed: SEED });
console.log(`\nSobol indices of the 2027 volume under 'official-capacity' (N = 16,384, ${sobol.evaluations.toLocaleString('en')} runs of a path; 95 % intervals)`);
console.log('factor                 first order               total');
for (const f of sobol.indices) {
  const ci = (x: { estimate: number; lower: number; upper: number }) => `${x.estimate.toFixed(3)} [${x.lower.toFixed(3)}, ${x.upper.toFixed(3)}]`;
  console.log(`${f.factor.padEnd(22)} ${ci(f.firstOrder).padEnd(25)} ${ci(f.total)}`);
}

// 2. official-capacity against baseline, paired path by path.
const c = compareScenarios(PRESETS['official-capacity'], PRESETS.baseline, { paths: 100_000, seed: SEED });
console.log(`\n'official-capacity' − 'baseline', 100,000 paths on the same draws (seed ${SEED})`);
console.log('year   P(≥ 10 Mt): a − b         var. reduction   P50: a − b (Mt)     var. reduction');
for (const r of c.rows.slice(1)) {
  const p = r.probabilityAtLeast!;
  const vr = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}×`);
  console.log(`${r.year}   ${pct(p.difference).padEnd(22)}  ${vr(p.varianceReduction).padStart(8)}      ${pm(r.p50.difference, 3).padEnd(16)}  ${vr(r.p50.varianceReduction).padStart(8)}`);
}

// 3. What growth makes 10 Mt in 2027 an even bet? Without a capacity limit, and under official-capacity.
const uncapped: ScenarioInput = { ...PRESETS.baseline, name: 'baseline without a capacity limit', capacity: undefined, disruptions: [] };
const g = solveScenario(uncapped, { parameter: 'growth.rate', statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 }, level: 0.5, range: [0, 1.5], paths: PATHS, seed: SEED });
console.log(`\nGrowth (centre of the rate's distribution) for an even bet on 10 Mt in 2027, no capacity limit: ${(100 * g.value).toFixed(1)} %/yr [${(100 * g.lower).toFixed(1)}, ${(100 * g.upper).toFixed(1)}]`);
const o = solveScenario(PRESETS['official-capacity'], { parameter: 'growth.rate', statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 }, level: 0.5, range: [0, 1.5], paths: PATHS, seed: SEED });
console.log(`the same under official-capacity (10 Mt of capacity in 2027):            ${(100 * o.value).toFixed(1)} %/yr [${(100 * o.lower).toFixed(1)}, ${(100 * o.upper).toFixed(1)}]`);
try {
  solveScenario(PRESETS['official-capacity'], { parameter: { addCapacityMt: { year: 2027 } }, statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 }, level: 0.5, range: [0, 20], paths: PATHS, seed: SEED });
} catch (e) {
  console.log(`More capacity in 2027 instead? ${(e as Error).message.replace(/^solveScenario: /, '')}`);
}

// 4. What would it take for Xi'an → Antwerp-Bruges in 15 days?
const r = solveRoute(ROUTES['corridor-poti'], { parameter: 'days-scale', statistic: { statistic: 'probabilityWithin', days: 15 }, level: 0.5, range: [0.1, 1], trips: PATHS, seed: 15, volumeMt: 4.119 });
console.log(`\nAn even chance of Xi'an → Antwerp-Bruges in 15 days needs every leg's days × ${r.value.toFixed(3)} [${r.lower.toFixed(3)}, ${r.upper.toFixed(3)}] of today's.`);
const caspian = ROUTES['corridor-poti'].legs.find((l) => l.queue)!.name;
try {
  solveRoute(ROUTES['corridor-poti'], { parameter: { servers: caspian }, statistic: { statistic: 'probabilityWithin', days: 15 }, level: 0.5, range: [1, 100], trips: 2000, seed: 15, volumeMt: 4.119 });
} catch (e) {
  console.log(`More Caspian ships instead? ${(e as Error).message.replace(/^solveRoute: /, '')}`);
}
