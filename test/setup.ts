import fc from 'fast-check';

// In CI the property tests run with a fixed seed, so that a submission's result does not depend
// on the draw; on a developer's machine they explore new inputs on every run (and print the seed
// and path of any counterexample, to be kept as a fixed test, as test/random/samplers.test.ts does).
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_127) });
