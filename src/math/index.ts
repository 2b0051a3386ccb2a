// Portable elementary functions: built from +, −, ×, /, sqrt and exact bit operations, so a
// seeded number passing through them has the same bits on every JavaScript engine.
export { exp } from './exp.js';
export { log } from './log.js';
export { log1p } from './log1p.js';
export { expm1 } from './exp.js';
export { sinpi } from './sinpi.js';
