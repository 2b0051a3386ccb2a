/**
 * Run by test/engine/codegen.test.ts in a process with or without code generation
 * (`--disallow-code-generation-from-strings`, what a page's strict CSP does to eval): prints
 * whether kernels may be generated and a digest of a few runs' numbers.
 */
import { createHash } from 'node:crypto';
import { PRESETS, simulateVolumes, VolumeResult, type ScenarioInput } from '../../src/index.js';
import { codegenAllowed } from '../../src/engine/codegen.js';

const scenarios: ScenarioInput[] = [
  PRESETS['official-capacity'],
  PRESETS.baseline,
  { start: { year: 2025, volumeMt: 4 }, horizon: 2031, growth: { model: 'logistic', capacityMt: 12, rate: 0.5 }, volatility: 0.2, persistence: 0.4, capacity: { baseMt: 6, expansions: [{ year: 2027, addMt: 3, delayYears: 0.5 }] }, disruptions: [{ name: 'storm', probability: 0.2, capacityFactor: 0.7, demandFactor: 0.95 }] },
];
const hash = createHash('sha256');
for (const s of scenarios) {
  for (const keep of ['all', 'summary'] as const) {
    const r = simulateVolumes(s, { paths: 80_000, seed: 'no-codegen', keep });
    hash.update(JSON.stringify(r.toJSON()));
    if (r instanceof VolumeResult) for (const v of r.volume) hash.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
}
process.stdout.write(JSON.stringify({ codegen: codegenAllowed(), digest: hash.digest('hex') }));
