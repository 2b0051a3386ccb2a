/**
 * One task of a split run, as a batch job would run it (test/engine/split.test.ts spawns it in
 * its own Node process): reads a plan from a file, runs blocks [b0, b1) of it, writes the partial.
 * Usage: node --import tsx test/engine/run-half.ts <volumes|transit> <plan file> <b0> <b1> <partial file>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runTransitBlocks, type TransitPlan } from '../../src/transit/engine.js';
import { runVolumeBlocks, type VolumePlan } from '../../src/volume/engine.js';
import { decode, encode } from '../../src/cli/codec.js';

const [kind, planFile, b0, b1, out] = process.argv.slice(2) as [string, string, string, string, string];
const plan = decode<VolumePlan & TransitPlan>(readFileSync(planFile, 'utf8'));
const partial = kind === 'transit' ? runTransitBlocks(plan, Number(b0), Number(b1)) : runVolumeBlocks(plan, Number(b0), Number(b1));
writeFileSync(out, encode(partial));
