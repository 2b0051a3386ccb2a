export { evaluateForecasts, ForecastEvaluation, type EvaluateOptions, type ForecastScore, type ForecastSummary } from './evaluate.js';
export { noChangeModel, driftModel, dampedTrendModel, shrunkDriftModel, withKnownCapacity, forecastModels, type ForecastModel } from './models.js';
