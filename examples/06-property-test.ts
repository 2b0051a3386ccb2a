/**
 * Property-tested forecasting: state what must hold for every scenario, and let fast-check look
 * for a scenario where it does not. The arbitraries generate only valid scenarios; the library's
 * laws are ready-made properties; your own are a few lines.
 * Run: npm run example -- 06
 */
import fc from 'fast-check';
import { simulateVolumes, type ScenarioInput } from 'middle-corridor';
import { scenario, seedFixesNumbers, volumeWithinCapacity } from 'middle-corridor/testing';

fc.configureGlobal({ seed: 2027 }); // a fixed search, so the printed counts are the same on every run

// The library's laws, on scenarios with a capacity and up to six simulated years.
const withCapacity = scenario({ capacity: true, years: [1, 6] });
for (const [name, law] of [
  ['volume never exceeds capacity or demand', volumeWithinCapacity(withCapacity)],
  ['a seed fixes every number', seedFixesNumbers(withCapacity)],
] as const) {
  const r = fc.check(law as fc.IProperty<unknown[]>, { numRuns: 60 });
  console.log(`${r.failed ? 'FAILED' : 'holds '}  ${name} (${r.numRuns} scenarios)`);
}

// Your own property: more capacity never makes 10 Mt less likely, in any year (same seed, so the
// same demand draws: common random numbers).
const moreCapacity = fc.property(withCapacity, fc.double({ min: 0, max: 10, noNaN: true }), (s: ScenarioInput, extraMt: number) => {
  const bigger: ScenarioInput = { ...s, capacity: { ...s.capacity!, expansions: [...(s.capacity!.expansions ?? []), { year: s.start.year + 1, addMt: extraMt }] } };
  const a = simulateVolumes(s, { paths: 400, seed: 'more' });
  const b = simulateVolumes(bigger, { paths: 400, seed: 'more' });
  return a.years.every((y) => b.probabilityAtLeast(y, 10).estimate >= a.probabilityAtLeast(y, 10).estimate);
});
const r = fc.check(moreCapacity, { numRuns: 60 });
console.log(`${r.failed ? 'FAILED' : 'holds '}  more capacity never makes 10 Mt less likely (${r.numRuns} scenarios)`);

// A property that is false, to see what a counterexample looks like: "P(>= 10 Mt) is below 50 %
// by the horizon" fails on a fast-growing scenario, and fast-check shrinks it to a small one.
const wrong = fc.check(
  fc.property(scenario({ capacity: false, years: [1, 6] }), (s: ScenarioInput) => simulateVolumes(s, { paths: 200, seed: 'w' }).probabilityAtLeast(s.horizon, 10).estimate < 0.5),
  { numRuns: 200 },
);
console.log(`\nA false claim is caught: ${wrong.failed ? 'counterexample found' : 'none found'}; shrunk to start ${JSON.stringify((wrong.counterexample?.[0] as ScenarioInput | undefined)?.start)}, growth ${JSON.stringify((wrong.counterexample?.[0] as ScenarioInput | undefined)?.growth)}`);
