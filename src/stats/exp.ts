// Moved to src/math/exp.ts (elementary functions live in math/). This re-export stays only until
// src/volume/kernel.ts, being refactored on another branch (issue 11, part 3), imports
// '../math/exp.js'; then delete this file.
export { exp } from '../math/exp.js';
