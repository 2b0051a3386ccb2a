// Least-squares fitting of growth models: the solver (solver.ts), the model specifications
// (specs.ts), the multi-start search (starts.ts), the profile likelihood (profile.ts),
// identification (identification.ts), the result (result.ts) and fitGrowth (fit-growth.ts).
export { fitGrowth } from './fit-growth.js';
export type { GrowthFit, FitOptions, FitParameter, FitModel, FitParameterName } from './types.js';
