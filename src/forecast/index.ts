export { evaluateForecasts, ForecastEvaluation, type EvaluateOptions, type ForecastScore, type ForecastSummary, type IntervalEstimate, type ForecastEvaluationJSON } from './evaluate.js';
export { noChangeModel, driftModel, dampedTrendModel, shrunkDriftModel, withKnownCapacity, forecastModels, type ForecastModel, type ModelOptions } from './models.js';
export { volatilityPosterior, MAX_VOLATILITY } from './volatility.js';
export { backtest, forecastScenario, BacktestResult, type BacktestRow, type BacktestOptions, type BacktestJSON } from './backtest.js';
