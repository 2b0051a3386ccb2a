// Portable elementary functions: built from +, −, ×, /, sqrt and exact bit operations, so a
// seeded number passing through them has the same bits on every JavaScript engine.
export { exp } from './exp.js';
export { log } from './log.js';
export { log1p } from './log1p.js';
export { expm1 } from './exp.js';
export { sinpi } from './sinpi.js';
export { pow } from './pow.js';
export { log2, log10 } from './log2.js';
export { sin, cos, tan } from './trig.js';
export { atan } from './atan.js';
export { sinh, cosh, tanh } from './hyperbolic.js';
export { cbrt } from './cbrt.js';
