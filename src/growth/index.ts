export {
  growthCurve,
  logGrowthRatio,
  cagr,
  requiredGrowth,
  isFixed,
  GROWTH_MODELS,
  type GrowthModel,
  type FixedGrowthModel,
  type YearVolume,
} from './model.js';
export { fitGrowth, type GrowthFit, type FitOptions, type FitParameter, type FitModel, type FitParameterName } from './fit/index.js';
export { compileFormula, type CompiledFormula } from './formula.js';
export { FormulaError } from './formula-error.js';
export { fitRandomWalk, type RandomWalkFit, type RandomWalkOptions } from './randomWalk.js';
